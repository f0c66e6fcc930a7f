// Tests for intercoder agreement: hand-computed examples (worked out in the comments) and a
// property test comparing the interval implementation with a naive per-character count.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  codeAgreement,
  mergeRanges,
  pooledAgreement,
  segmentAgreement,
  type AgreementTable,
  type OffsetRange,
} from './agreement';

describe('codeAgreement: hand-computed examples', () => {
  it('partial overlap', () => {
    // Text of 100. A codes [10,30), B codes [20,40).
    // both = [20,30) = 10; onlyA = [10,20) = 10; onlyB = [30,40) = 10; neither = 100 − 30 = 70.
    // po = (10 + 70) / 100 = .8; pA = 20/100 = .2; pB = .2
    // pe = .2·.2 + .8·.8 = .04 + .64 = .68
    // kappa = (.8 − .68) / (1 − .68) = .12 / .32 = .375
    const result = codeAgreement({
      textLength: 100,
      a: [{ start: 10, end: 30 }],
      b: [{ start: 20, end: 40 }],
    });
    expect(result).toMatchObject({ n: 100, bothCoded: 10, onlyA: 10, onlyB: 10, neither: 70 });
    expect(result.percentAgreement).toBeCloseTo(0.8, 12);
    expect(result.kappa).toBeCloseTo(0.375, 12);
  });

  it('perfect agreement, cut into different pieces', () => {
    // Text of 50. A codes [0,10) and [20,30); B codes [0,5), [5,10) and [20,30): the same 20
    // characters. both 20, onlyA 0, onlyB 0, neither 30.
    // po = 50/50 = 1; pA = pB = .4; pe = .16 + .36 = .52; kappa = (1 − .52) / (1 − .52) = 1
    const result = codeAgreement({
      textLength: 50,
      a: [
        { start: 0, end: 10 },
        { start: 20, end: 30 },
      ],
      b: [
        { start: 20, end: 30 },
        { start: 0, end: 5 },
        { start: 5, end: 10 },
      ],
    });
    expect(result).toMatchObject({ bothCoded: 20, onlyA: 0, onlyB: 0, neither: 30 });
    expect(result.percentAgreement).toBe(1);
    expect(result.kappa).toBeCloseTo(1, 12);
  });

  it('no overlap gives a negative kappa', () => {
    // Text of 100. A codes [0,20), B codes [50,70).
    // both 0, onlyA 20, onlyB 20, neither 60. po = .6; pA = pB = .2; pe = .04 + .64 = .68
    // kappa = (.6 − .68) / .32 = −.08 / .32 = −.25
    const result = codeAgreement({
      textLength: 100,
      a: [{ start: 0, end: 20 }],
      b: [{ start: 50, end: 70 }],
    });
    expect(result).toMatchObject({ bothCoded: 0, onlyA: 20, onlyB: 20, neither: 60 });
    expect(result.percentAgreement).toBeCloseTo(0.6, 12);
    expect(result.kappa).toBeCloseTo(-0.25, 12);
  });

  it('unites overlapping ranges of one coder before counting', () => {
    // Text of 200. A codes [10,50), [30,80) and [100,120): union [10,80) + [100,120) = 70 + 20
    // = 90 characters (the 20 characters of [30,50) are counted once). B codes [40,110) = 70.
    // both = [40,80) + [100,110) = 40 + 10 = 50; onlyA = 90 − 50 = 40; onlyB = 70 − 50 = 20;
    // neither = 200 − 50 − 40 − 20 = 90.
    // po = (50 + 90) / 200 = .7; pA = .45; pB = .35
    // pe = .45·.35 + .55·.65 = .1575 + .3575 = .515
    // kappa = (.7 − .515) / (1 − .515) = .185 / .485 = 37/97 ≈ .381443
    const result = codeAgreement({
      textLength: 200,
      a: [
        { start: 30, end: 80 },
        { start: 10, end: 50 },
        { start: 100, end: 120 },
      ],
      b: [{ start: 40, end: 110 }],
    });
    expect(result).toMatchObject({ n: 200, bothCoded: 50, onlyA: 40, onlyB: 20, neither: 90 });
    expect(result.percentAgreement).toBeCloseTo(0.7, 12);
    expect(result.kappa).toBeCloseTo(37 / 97, 12);
  });

  it('kappa is null when nobody coded anything (pe = 1)', () => {
    // Text of 30, no ranges: neither = 30, po = 1, pA = pB = 0, pe = 0·0 + 1·1 = 1 → 0/0.
    const result = codeAgreement({ textLength: 30, a: [], b: [] });
    expect(result).toMatchObject({ bothCoded: 0, onlyA: 0, onlyB: 0, neither: 30 });
    expect(result.percentAgreement).toBe(1);
    expect(result.kappa).toBeNull();
  });

  it('kappa is null when both coded the whole text (pe = 1)', () => {
    // Text of 30, both code all of it: both = 30, po = 1, pA = pB = 1, pe = 1·1 + 0·0 = 1.
    const result = codeAgreement({
      textLength: 30,
      a: [{ start: 0, end: 30 }],
      b: [
        { start: 0, end: 10 },
        { start: 10, end: 30 },
      ],
    });
    expect(result).toMatchObject({ bothCoded: 30, neither: 0 });
    expect(result.kappa).toBeNull();
  });

  it('kappa is 0, not null, when one coded everything and the other nothing', () => {
    // Text of 30. A all, B nothing: onlyA 30. po = 0; pA = 1, pB = 0; pe = 0 + 0 = 0;
    // kappa = (0 − 0) / (1 − 0) = 0.
    const result = codeAgreement({ textLength: 30, a: [{ start: 0, end: 30 }], b: [] });
    expect(result).toMatchObject({ bothCoded: 0, onlyA: 30, onlyB: 0, neither: 0 });
    expect(result.percentAgreement).toBe(0);
    expect(result.kappa).toBe(0);
  });

  it('clips ranges to the text and ignores empty or inverted ones', () => {
    // Text of 10. A: [−5,3) → [0,3), [8,20) → [8,10), [5,5) empty. B: [2,4), [7,6) inverted.
    // A covers 0,1,2,8,9 (5); B covers 2,3 (2). both = {2} = 1, onlyA 4, onlyB 1, neither 4.
    const result = codeAgreement({
      textLength: 10,
      a: [
        { start: -5, end: 3 },
        { start: 8, end: 20 },
        { start: 5, end: 5 },
      ],
      b: [
        { start: 2, end: 4 },
        { start: 7, end: 6 },
      ],
    });
    expect(result).toMatchObject({ bothCoded: 1, onlyA: 4, onlyB: 1, neither: 4 });
  });

  it('handles an empty text and refuses a bad length', () => {
    expect(codeAgreement({ textLength: 0, a: [{ start: 0, end: 5 }], b: [] })).toEqual({
      n: 0,
      bothCoded: 0,
      onlyA: 0,
      onlyB: 0,
      neither: 0,
      percentAgreement: 1,
      kappa: null,
    });
    expect(() => codeAgreement({ textLength: -1, a: [], b: [] })).toThrow(RangeError);
    expect(() => codeAgreement({ textLength: 2.5, a: [], b: [] })).toThrow(RangeError);
  });

  it('is cheap on a long text with hundreds of segments', () => {
    const a: OffsetRange[] = [];
    const b: OffsetRange[] = [];
    for (let i = 0; i < 400; i++) {
      a.push({ start: i * 100, end: i * 100 + 60 });
      b.push({ start: i * 100 + 30, end: i * 100 + 90 });
    }
    const started = performance.now();
    const result = codeAgreement({ textLength: 40_000, a, b });
    expect(performance.now() - started).toBeLessThan(50);
    // Per block of 100: both 30, onlyA 30, onlyB 30, neither 10.
    expect(result).toMatchObject({ bothCoded: 12_000, onlyA: 12_000, onlyB: 12_000 });
  });
});

describe('mergeRanges', () => {
  it('sorts, clips, and merges overlapping and touching ranges', () => {
    expect(
      mergeRanges(
        [
          { start: 50, end: 60 },
          { start: 0, end: 10 },
          { start: 10, end: 20 },
          { start: 5, end: 8 },
          { start: 55, end: 70 },
        ],
        65,
      ),
    ).toEqual([
      { start: 0, end: 20 },
      { start: 50, end: 65 },
    ]);
  });

  it('does not change the ranges it was given', () => {
    const input = [
      { start: 0, end: 10 },
      { start: 5, end: 20 },
    ];
    mergeRanges(input, 100);
    expect(input).toEqual([
      { start: 0, end: 10 },
      { start: 5, end: 20 },
    ]);
  });
});

describe('pooledAgreement', () => {
  it('sums the cells over codes, then computes the figures', () => {
    // Code 1: the partial-overlap example (n 100: both 10, onlyA 10, onlyB 10, neither 70).
    // Code 2: the no-overlap example (n 100: both 0, onlyA 20, onlyB 20, neither 60).
    // Pooled: n 200, both 10, onlyA 30, onlyB 30, neither 130.
    // po = 140/200 = .7; pA = pB = 40/200 = .2; pe = .04 + .64 = .68;
    // kappa = (.7 − .68) / .32 = .0625 (not the mean of .375 and −.25, which is .0625 only by
    // coincidence of equal n and equal pe; see the next test).
    const code1 = codeAgreement({
      textLength: 100,
      a: [{ start: 10, end: 30 }],
      b: [{ start: 20, end: 40 }],
    });
    const code2 = codeAgreement({
      textLength: 100,
      a: [{ start: 0, end: 20 }],
      b: [{ start: 50, end: 70 }],
    });
    const pooled = pooledAgreement([code1, code2]);
    expect(pooled).toMatchObject({ n: 200, bothCoded: 10, onlyA: 30, onlyB: 30, neither: 130 });
    expect(pooled.percentAgreement).toBeCloseTo(0.7, 12);
    expect(pooled.kappa).toBeCloseTo(0.0625, 12);
  });

  it('is not the mean of the per-code kappas', () => {
    // Code 1: the perfect example (n 50: both 20, neither 30) → kappa 1.
    // Code 2: nobody coded (n 30: neither 30) → kappa null.
    // Pooled: n 80, both 20, onlyA 0, onlyB 0, neither 60. po = 1; pA = pB = .25;
    // pe = .0625 + .5625 = .625; kappa = (1 − .625) / .375 = 1.
    // Code 3: no overlap in a text of 100 (kappa −.25) added: n 180, both 20, onlyA 20,
    // onlyB 20, neither 120. po = 140/180 = 7/9; pA = pB = 40/180 = 2/9;
    // pe = 4/81 + 49/81 = 53/81; kappa = (63/81 − 53/81) / (28/81) = 10/28 = 5/14 ≈ .357.
    const perfect = codeAgreement({
      textLength: 50,
      a: [{ start: 0, end: 20 }],
      b: [{ start: 0, end: 20 }],
    });
    const empty = codeAgreement({ textLength: 30, a: [], b: [] });
    const apart = codeAgreement({
      textLength: 100,
      a: [{ start: 0, end: 20 }],
      b: [{ start: 50, end: 70 }],
    });
    expect(pooledAgreement([perfect, empty]).kappa).toBeCloseTo(1, 12);
    const pooled = pooledAgreement([perfect, empty, apart]);
    expect(pooled).toMatchObject({ n: 180, bothCoded: 20, onlyA: 20, onlyB: 20, neither: 120 });
    expect(pooled.kappa).toBeCloseTo(5 / 14, 12);
  });

  it('gives kappa null for no codes at all', () => {
    expect(pooledAgreement([])).toMatchObject({ n: 0, percentAgreement: 1, kappa: null });
  });
});

describe('segmentAgreement', () => {
  // A: [0,10) [20,40) [50,60); B: [5,15) [25,28) [80,90).
  const a = [
    { start: 0, end: 10 },
    { start: 20, end: 40 },
    { start: 50, end: 60 },
  ];
  const b = [
    { start: 80, end: 90 },
    { start: 5, end: 15 },
    { start: 25, end: 28 },
  ];

  it('matches on overlap of at least half the shorter segment by default', () => {
    // A[0,10) ~ B[5,15): overlap 5, shorter 10 → .5 ≥ .5 ✓
    // A[20,40) ~ B[25,28): overlap 3, shorter 3 → 1 ✓ (a short segment inside a long one)
    // A[50,60): nothing ✗
    // From B: [80,90) ✗, [5,15) ✓, [25,28) ✓.
    // percent = (2 + 2) / (3 + 3) = 2/3
    const result = segmentAgreement({ a, b });
    expect(result).toEqual({
      segmentsA: 3,
      matchedA: 2,
      unmatchedA: [2],
      segmentsB: 3,
      matchedB: 2,
      unmatchedB: [0],
      percentAgreement: 4 / 6,
    });
  });

  it('uses a stricter minOverlap when asked', () => {
    // minOverlap .6: A[0,10) ~ B[5,15) is .5 < .6 ✗ (both ways); A[20,40) ~ B[25,28) still 1 ✓.
    // percent = (1 + 1) / 6 = 1/3
    const result = segmentAgreement({ a, b, minOverlap: 0.6 });
    expect(result.matchedA).toBe(1);
    expect(result.unmatchedA).toEqual([0, 2]);
    expect(result.matchedB).toBe(1);
    expect(result.percentAgreement).toBeCloseTo(1 / 3, 12);
  });

  it('meets a fractional threshold exactly (3 of 10 is 0.3)', () => {
    const result = segmentAgreement({
      a: [{ start: 0, end: 10 }],
      b: [{ start: 7, end: 20 }],
      minOverlap: 0.3,
    });
    expect(result.matchedA).toBe(1);
  });

  it('does not count touching segments as overlapping, and ignores empty ones', () => {
    const result = segmentAgreement({
      a: [
        { start: 0, end: 10 },
        { start: 4, end: 4 },
      ],
      b: [{ start: 10, end: 20 }],
    });
    expect(result).toMatchObject({ segmentsA: 1, matchedA: 0, segmentsB: 1, matchedB: 0 });
    expect(result.percentAgreement).toBe(0);
  });

  it('gives null percent agreement when neither coder has a segment', () => {
    expect(segmentAgreement({ a: [], b: [] }).percentAgreement).toBeNull();
  });

  it('refuses a minOverlap outside (0, 1]', () => {
    expect(() => segmentAgreement({ a, b, minOverlap: 0 })).toThrow(RangeError);
    expect(() => segmentAgreement({ a, b, minOverlap: 1.5 })).toThrow(RangeError);
  });
});

describe('codeAgreement against a naive per-character count', () => {
  function naive(textLength: number, a: OffsetRange[], b: OffsetRange[]): AgreementTable {
    const inA = new Array<boolean>(textLength).fill(false);
    const inB = new Array<boolean>(textLength).fill(false);
    for (const r of a)
      for (let i = Math.max(0, r.start); i < Math.min(textLength, r.end); i++) inA[i] = true;
    for (const r of b)
      for (let i = Math.max(0, r.start); i < Math.min(textLength, r.end); i++) inB[i] = true;
    let bothCoded = 0;
    let onlyA = 0;
    let onlyB = 0;
    let neither = 0;
    for (let i = 0; i < textLength; i++) {
      if (inA[i] && inB[i]) bothCoded++;
      else if (inA[i]) onlyA++;
      else if (inB[i]) onlyB++;
      else neither++;
    }
    const n = textLength;
    if (n === 0) return { n, bothCoded, onlyA, onlyB, neither, percentAgreement: 1, kappa: null };
    const po = (bothCoded + neither) / n;
    const pA = (bothCoded + onlyA) / n;
    const pB = (bothCoded + onlyB) / n;
    const pe = pA * pB + (1 - pA) * (1 - pB);
    const degenerate = (pA === 0 && pB === 0) || (pA === 1 && pB === 1);
    return {
      n,
      bothCoded,
      onlyA,
      onlyB,
      neither,
      percentAgreement: po,
      kappa: degenerate ? null : (po - pe) / (1 - pe),
    };
  }

  const range = fc
    .tuple(fc.integer({ min: -5, max: 85 }), fc.integer({ min: -5, max: 85 }))
    .map(([start, end]) => ({ start, end }));

  it('gives the same cells and figures on random inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80 }),
        fc.array(range, { maxLength: 8 }),
        fc.array(range, { maxLength: 8 }),
        (textLength, a, b) => {
          const fast = codeAgreement({ textLength, a, b });
          const slow = naive(textLength, a, b);
          expect(fast).toMatchObject({
            n: slow.n,
            bothCoded: slow.bothCoded,
            onlyA: slow.onlyA,
            onlyB: slow.onlyB,
            neither: slow.neither,
          });
          expect(fast.percentAgreement).toBeCloseTo(slow.percentAgreement, 10);
          if (slow.kappa === null) expect(fast.kappa).toBeNull();
          else expect(fast.kappa).toBeCloseTo(slow.kappa, 10);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('kappa stays within [−1, 1] and equals 1 exactly when the coders agree and it is defined', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.array(range, { maxLength: 8 }),
        fc.array(range, { maxLength: 8 }),
        (textLength, a, b) => {
          const { kappa, percentAgreement } = codeAgreement({ textLength, a, b });
          if (kappa !== null) {
            expect(kappa).toBeGreaterThanOrEqual(-1 - 1e-12);
            expect(kappa).toBeLessThanOrEqual(1 + 1e-12);
            if (percentAgreement === 1) expect(kappa).toBeCloseTo(1, 12);
          }
          const self = codeAgreement({ textLength, a, b: a });
          expect(self.percentAgreement).toBe(1);
          if (self.kappa !== null) expect(self.kappa).toBe(1);
        },
      ),
    );
  });
});
