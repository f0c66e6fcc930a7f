// Intercoder agreement between two coders who coded the same text. Used to check how reliably a
// codebook is applied before the coding of one coder is trusted on its own.
//
// Two levels:
// - Character level (codeAgreement, pooledAgreement): every code point of the text is a unit
//   that each coder either coded with the code or not, giving a 2×2 table (both, only A, only B,
//   neither), percent agreement and Cohen's kappa. Offsets are code points, end-exclusive, as
//   everywhere in the coding data (see text-offsets.ts).
// - Segment level (segmentAgreement): each coded segment is a unit that the other coder either
//   matched or not.
//
// Everything works on intervals (sort, merge, sweep): the cost depends on the number of
// segments, not on the length of the text, so a 40,000-character interview with hundreds of
// segments costs microseconds. No per-character arrays are built.

/** A coded range in code points: [start, end), end-exclusive. */
export type OffsetRange = { start: number; end: number };

/** The 2×2 table of one code (or of all codes pooled) and the figures computed from it. */
export type AgreementTable = {
  /** Units (code points) compared: the text length, or the sum over codes when pooled. */
  n: number;
  /** Coded by both coders. */
  bothCoded: number;
  /** Coded by coder A only. */
  onlyA: number;
  /** Coded by coder B only. */
  onlyB: number;
  /** Coded by neither coder. */
  neither: number;
  /** (bothCoded + neither) / n, between 0 and 1. 1 when n is 0 (there is nothing to differ on). */
  percentAgreement: number;
  /**
   * Cohen's kappa, (po − pe) / (1 − pe): agreement corrected for the agreement expected by
   * chance given how much each coder coded. Null when pe = 1, which happens exactly when both
   * coders coded nothing of the text or both coded all of it (or n is 0): agreement is then
   * total but carries no information, and kappa is 0/0. Show the percent agreement instead.
   */
  kappa: number | null;
};

function checkLength(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
}

/**
 * The union of the ranges, clipped to [0, textLength], as sorted disjoint ranges. Empty and
 * inverted ranges (end <= start) contribute nothing. Touching ranges are merged.
 */
export function mergeRanges(ranges: readonly OffsetRange[], textLength: number): OffsetRange[] {
  const clipped: OffsetRange[] = [];
  for (const range of ranges) {
    const start = Math.max(0, range.start);
    const end = Math.min(textLength, range.end);
    if (end > start) clipped.push({ start, end });
  }
  clipped.sort((x, y) => x.start - y.start);
  const merged: OffsetRange[] = [];
  for (const range of clipped) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) {
      if (range.end > last.end) last.end = range.end;
    } else {
      merged.push({ start: range.start, end: range.end });
    }
  }
  return merged;
}

function totalLength(merged: readonly OffsetRange[]): number {
  let sum = 0;
  for (const range of merged) sum += range.end - range.start;
  return sum;
}

/** The length of the intersection of two sorted disjoint range lists (a two-pointer sweep). */
function intersectionLength(a: readonly OffsetRange[], b: readonly OffsetRange[]): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as OffsetRange;
    const y = b[j] as OffsetRange;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) sum += end - start;
    // Move past whichever range ends first; the other may still overlap the next one.
    if (x.end <= y.end) i++;
    else j++;
  }
  return sum;
}

/**
 * Percent agreement and kappa from the four cells. Computed on integers as far as possible:
 * with cA = both + onlyA and cB = both + onlyB coded by each coder,
 *   po = (both + neither) / n
 *   pe = pA·pB + (1 − pA)(1 − pB) = (cA·cB + (n − cA)(n − cB)) / n²
 *   kappa = (po − pe) / (1 − pe) = (n·(both + neither) − e) / (n² − e),  e = cA·cB + (n−cA)(n−cB)
 * so "pe = 1" is the exact test e = n², with no rounding. Exact while n² < 2^53 (n < 94 million).
 */
function figures(cells: Omit<AgreementTable, 'percentAgreement' | 'kappa'>): AgreementTable {
  const { n, bothCoded, onlyA, onlyB, neither } = cells;
  if (n === 0) return { ...cells, percentAgreement: 1, kappa: null };
  const agreeing = bothCoded + neither;
  const codedA = bothCoded + onlyA;
  const codedB = bothCoded + onlyB;
  const expected = codedA * codedB + (n - codedA) * (n - codedB);
  const nSquared = n * n;
  return {
    ...cells,
    percentAgreement: agreeing / n,
    kappa: expected === nSquared ? null : (n * agreeing - expected) / (nSquared - expected),
  };
}

/**
 * Character-level agreement on one code in one text. `a` and `b` are the ranges each coder
 * coded with this code; ranges of one coder may overlap (they are united first) and are clipped
 * to the text. Every code point of the text is one unit.
 */
export function codeAgreement(params: {
  textLength: number;
  a: readonly OffsetRange[];
  b: readonly OffsetRange[];
}): AgreementTable {
  const n = params.textLength;
  checkLength(n, 'textLength');
  const a = mergeRanges(params.a, n);
  const b = mergeRanges(params.b, n);
  const codedA = totalLength(a);
  const codedB = totalLength(b);
  const bothCoded = intersectionLength(a, b);
  const onlyA = codedA - bothCoded;
  const onlyB = codedB - bothCoded;
  return figures({ n, bothCoded, onlyA, onlyB, neither: n - bothCoded - onlyA - onlyB });
}

/**
 * The pooled ("overall") agreement across codes: the four cells are summed over the codes and
 * the two figures computed from the summed table, as NVivo-style tools report one overall figure
 * across codes (each code point counted once per code). It is not the mean of the per-code
 * figures; frequent codes weigh more, and rare codes with low agreement can hide behind it, so
 * show it next to the per-code figures, not instead of them.
 */
export function pooledAgreement(perCode: readonly AgreementTable[]): AgreementTable {
  const sum = { n: 0, bothCoded: 0, onlyA: 0, onlyB: 0, neither: 0 };
  for (const table of perCode) {
    sum.n += table.n;
    sum.bothCoded += table.bothCoded;
    sum.onlyA += table.onlyA;
    sum.onlyB += table.onlyB;
    sum.neither += table.neither;
  }
  return figures(sum);
}

/** Segment-level agreement on one code: see segmentAgreement. */
export type SegmentAgreement = {
  /** Coder A's segments compared (non-empty ones). */
  segmentsA: number;
  /** Of those, how many coder B matched. */
  matchedA: number;
  /** Indexes (into the `a` array given) of A's segments that B did not match. */
  unmatchedA: number[];
  segmentsB: number;
  matchedB: number;
  unmatchedB: number[];
  /**
   * (matchedA + matchedB) / (segmentsA + segmentsB): the share of all segments, of both coders,
   * that the other coder matched. Null when neither coder has a segment.
   */
  percentAgreement: number | null;
};

/**
 * Segment-level agreement on one code between coder A and coder B. A segment "agrees" when the
 * other coder has a segment of the same code (the caller passes one code's segments) that
 * overlaps it by at least `minOverlap` (default 0.5) of the SHORTER of the two segments:
 * overlap / min(length A, length B) >= minOverlap. Deliberately not Jaccard (overlap / union):
 * coders cut segments with different margins (one takes the whole answer, the other the key
 * sentence in it), and that should still count as the same coding. The check is made from both
 * sides, so a segment of B counts as matched when some segment of A matches it.
 * Empty segments (end <= start) are left out.
 *
 * There is no kappa here: kappa needs the "neither coded" cell, and for segments there is no
 * defined set of units that nobody coded (the text has no natural list of uncoded segments), so
 * chance agreement cannot be estimated. Use codeAgreement for kappa.
 *
 * Cost O(|A|·|B|) in the worst case (nested segments), with early exits on sorted starts;
 * hundreds of segments per code are far below a millisecond.
 */
export function segmentAgreement(params: {
  a: readonly OffsetRange[];
  b: readonly OffsetRange[];
  minOverlap?: number;
}): SegmentAgreement {
  const minOverlap = params.minOverlap ?? 0.5;
  if (!(minOverlap > 0 && minOverlap <= 1)) {
    throw new RangeError(`minOverlap must be in (0, 1], got ${String(minOverlap)}`);
  }
  const sideA = matchSide(params.a, params.b, minOverlap);
  const sideB = matchSide(params.b, params.a, minOverlap);
  const total = sideA.segments + sideB.segments;
  return {
    segmentsA: sideA.segments,
    matchedA: sideA.matched,
    unmatchedA: sideA.unmatched,
    segmentsB: sideB.segments,
    matchedB: sideB.matched,
    unmatchedB: sideB.unmatched,
    percentAgreement: total === 0 ? null : (sideA.matched + sideB.matched) / total,
  };
}

function matchSide(
  own: readonly OffsetRange[],
  other: readonly OffsetRange[],
  minOverlap: number,
): { segments: number; matched: number; unmatched: number[] } {
  const others = other.filter((r) => r.end > r.start).sort((x, y) => x.start - y.start);
  let segments = 0;
  let matched = 0;
  const unmatched: number[] = [];
  own.forEach((segment, index) => {
    const length = segment.end - segment.start;
    if (length <= 0) return;
    segments++;
    let found = false;
    for (const candidate of others) {
      if (candidate.start >= segment.end) break; // sorted by start: no later one overlaps
      const overlap =
        Math.min(segment.end, candidate.end) - Math.max(segment.start, candidate.start);
      if (overlap <= 0) continue;
      const shorter = Math.min(length, candidate.end - candidate.start);
      // Divide rather than multiply: overlap / shorter is correctly rounded, so 3 of 10 meets 0.3.
      if (overlap / shorter >= minOverlap) {
        found = true;
        break;
      }
    }
    if (found) matched++;
    else unmatched.push(index);
  });
  return { segments, matched, unmatched };
}
