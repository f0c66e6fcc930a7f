// Suppression of a thread's evidence for aggregates, on crafted evidence: small counts hidden
// (primary), the cells that would give them away hidden too (secondary), and nothing derived from
// a hidden count (shares, totals, perspectives, indicators) left in the JSON.
import { describe, expect, it } from 'vitest';
import type { ThreadEvidence } from '../../../shared/contract/evidence';
import { aggregateThread, protectGroups } from './suppress';

const threshold = 5;
const header = { id: '00000000-0000-4000-8000-000000000001', number: 1, version: 2 };

function evidence(overrides: Partial<ThreadEvidence> = {}): ThreadEvidence {
  const byInstitutionType = [
    { key: 'jeugdzorgplus', label: 'Jeugdzorgplus', cases: 3, of: 20 },
    { key: 'jji', label: 'JJI', cases: 12, of: 30 },
    { key: 'obc', label: 'Orthopedagogisch behandelcentrum', cases: 10, of: 25 },
  ];
  const byRegion = [
    { key: 'JZ13', label: 'Amsterdam-Amstelland', cases: 15, of: 40 },
    { key: 'JZ16', label: 'Gooi en Vechtstreek', cases: 10, of: 35 },
  ];
  return {
    threadId: header.id,
    programmeId: '00000000-0000-4000-8000-000000000002',
    computedAt: '2026-06-01T10:00:00.000Z',
    total: { cases: 25, of: 75 },
    strength: { cases: 25, perspectives: 3, institutionTypes: 3, regions: 2 },
    byInstitutionType,
    byRegion,
    byPerspective: [
      { perspective: 'youth', cases: 20, segments: 40 },
      { perspective: 'parent', cases: 2, segments: 3 },
      { perspective: 'main_practitioner', cases: 0, segments: 0 },
      { perspective: 'dossier', cases: 9, segments: 12 },
    ],
    indicators: [
      {
        key: 'placementChanges',
        withThread: { n: 25, median: 4, mean: 4.4 },
        others: { n: 50, median: 1, mean: 1.7 },
      },
      {
        key: 'earlySignalGap',
        withThread: { n: 4, median: 6.5, mean: 6 },
        others: { n: 30, median: 2, mean: 2.5 },
      },
    ],
    segments: 55,
    ...overrides,
  };
}

const aggregate = (e: ThreadEvidence) =>
  aggregateThread({ ...header, title: 'Rondgepompt', description: 'd' }, e, [], threshold);

describe('aggregates of a thread', () => {
  it('hides a count below the threshold (primary) and leaves the large ones', () => {
    const result = aggregate(evidence());
    const [zorgplus, jji] = result.byInstitutionType;
    expect(zorgplus!.cases).toEqual({ value: null, suppressed: 'primary' });
    expect(zorgplus!.share).toBeNull();
    // The group's size is no small count and gives nothing away on its own.
    expect(zorgplus!.of).toEqual({ value: 20, suppressed: null });
    expect(jji!.cases).toEqual({ value: 12, suppressed: null });
    expect(jji!.share).toBe(40);
  });

  it('hides a complementary cell so the 3 cannot be derived from the total (secondary)', () => {
    const result = aggregate(evidence());
    // Total of cases with the thread is shown (25): with only the 3 hidden, 25 − 12 − 10 = 3.
    expect(result.total.cases).toEqual({ value: 25, suppressed: null });
    const obc = result.byInstitutionType[2]!;
    expect(obc.cases).toEqual({ value: null, suppressed: 'secondary' });
    expect(obc.share).toBeNull();
    // Every line that holds a hidden count holds at least two, and their sum is no small count.
    const visible = result.byInstitutionType
      .map((g) => g.cases.value)
      .filter((v): v is number => v !== null);
    const hiddenSum = result.total.cases.value! - visible.reduce((a, b) => a + b, 0);
    expect(result.byInstitutionType.filter((g) => g.cases.value === null)).toHaveLength(2);
    expect(hiddenSum).toBeGreaterThanOrEqual(threshold);
  });

  it('never sends a hidden value: the JSON has no 3, no share of it, no 10 of its complement', () => {
    const json = JSON.stringify(aggregate(evidence()).byInstitutionType);
    expect(json).not.toMatch(/"value":3\b/);
    expect(json).not.toMatch(/"value":10\b/);
    expect(json).not.toMatch(/"share":15\b/);
    expect(json).not.toMatch(/"share":40\.0?[^0-9]*"key":"obc"/);
  });

  it('protects "without the thread" too: a group where nearly every case has the thread', () => {
    const table = protectGroups(
      [
        { key: 'a', label: 'A', cases: 38, of: 40 },
        { key: 'b', label: 'B', cases: 20, of: 50 },
        { key: 'c', label: 'C', cases: 15, of: 30 },
      ],
      threshold,
    );
    // 40 − 38 = 2 cases without the thread: showing 38 of 40 would give the 2 away.
    expect(table.groups[0]!.cases.value).toBeNull();
    expect(table.groups[0]!.of.value).toBe(40);
    expect(table.groups[0]!.share).toBeNull();
  });

  it('hides perspectives, shares and indicators when the thread total itself is small', () => {
    const small = evidence({
      total: { cases: 4, of: 75 },
      byInstitutionType: [
        { key: 'jji', label: 'JJI', cases: 2, of: 40 },
        { key: 'obc', label: 'OBC', cases: 2, of: 35 },
      ],
      byRegion: [{ key: 'JZ13', label: 'A', cases: 4, of: 75 }],
      byPerspective: [{ perspective: 'youth', cases: 4, segments: 9 }],
    });
    const result = aggregate(small);
    expect(result.total.cases).toEqual({ value: null, suppressed: 'primary' });
    expect(result.total.share).toBeNull();
    expect(result.byPerspective[0]!.cases.value).toBeNull();
    for (const indicator of result.indicators) {
      expect(indicator.withThread.n.value).toBeNull();
      expect(indicator.withThread.median).toBeNull();
    }
    expect(JSON.stringify(result)).not.toMatch(/"value":[1-4]\b/);
  });

  it('shows an indicator only over at least threshold cases', () => {
    const result = aggregate(evidence());
    const placements = result.indicators.find((i) => i.key === 'placementChanges')!;
    expect(placements.withThread).toEqual({ n: { value: 25, suppressed: null }, median: 4 });
    const gap = result.indicators.find((i) => i.key === 'earlySignalGap')!;
    expect(gap.withThread).toEqual({ n: { value: null, suppressed: 'primary' }, median: null });
    expect(gap.others.median).toBe(2);
  });

  it('hides a small perspective count and leaves out perspectives nobody spoke from', () => {
    const result = aggregate(evidence());
    expect(result.byPerspective.map((p) => p.perspective)).toEqual(['youth', 'parent', 'dossier']);
    expect(result.byPerspective[1]!.cases).toEqual({ value: null, suppressed: 'primary' });
    expect(result.byPerspective[0]!.cases.value).toBe(20);
  });

  it('uses the stricter protection where the two splits disagree on a total', () => {
    // By region, every case without the thread sits in one small group.
    const result = aggregate(
      evidence({
        byRegion: [
          { key: 'JZ13', label: 'A', cases: 25, of: 27 },
          { key: 'JZ16', label: 'B', cases: 0, of: 48 },
        ],
      }),
    );
    expect(result.byRegion[0]!.cases.value).toBeNull();
    expect(result.total.cases.value).toBe(25);
  });
});
