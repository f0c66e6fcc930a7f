// A thread's evidence made fit for people who may see aggregates only (policymakers, the public
// thematic report): counts of cases below the programme's threshold are hidden, and so is every
// count, share, median or total that would let a hidden count be worked out.
//
// Per thread, the counts by institution type (and, separately, by region) form one table: a row
// per group with "cases with the thread" and "cases without it", row totals (the group's cases),
// column totals (all cases with / without the thread) and the grand total (the programme's coded
// cases). suppressSmallCells (shared/domain/suppression.ts) hides small cells (primary) and then, line
// by line, the complementary cells that would give a hidden one away (secondary). Publishing only
// "with" and "of" would otherwise leak "without" = of − with, so it is part of the table.
// What is derived from counts follows them: a share only where both its counts show, a thread's
// totals hidden when either table hides them, perspectives and indicators hidden when the total
// they could reveal is hidden, and an indicator over fewer than threshold cases never shown.
import type { ThreadEvidence } from '../../../shared/contract/evidence';
import type {
  AggregateGroup,
  AggregateIndicator,
  AggregateThread,
  ProtectedCount,
  RecommendationGroup,
} from '../../../shared/contract/thematic-report';
import {
  isSmallCount,
  suppressSmallCells,
  type ProtectedCell,
} from '../../../shared/domain/suppression';

export type ThreadHeader = {
  id: string;
  number: number;
  version: number;
  title: string;
  description: string;
};

const shown = (value: number): ProtectedCount => ({ value, suppressed: null });
const hidden = (suppressed: 'primary' | 'secondary'): ProtectedCount => ({
  value: null,
  suppressed,
});

/** The stricter of two protections of the same count. */
function stricter(a: ProtectedCell, b: ProtectedCell): ProtectedCount {
  if (a.suppressed === 'primary' || b.suppressed === 'primary') return hidden('primary');
  if (a.suppressed || b.suppressed) return hidden('secondary');
  return shown(a.value!);
}

export function shareOf(cases: ProtectedCount, of: ProtectedCount): number | null {
  if (cases.value === null || of.value === null || of.value === 0) return null;
  return Math.round((cases.value / of.value) * 1000) / 10;
}

type GroupTable = {
  groups: AggregateGroup[];
  withTotal: ProtectedCell;
  withoutTotal: ProtectedCell;
  grandTotal: ProtectedCell;
};

/** One split (by institution type or by region) as a protected table. */
export function protectGroups(
  groups: readonly { key: string; label: string; cases: number; of: number }[],
  threshold: number,
): GroupTable {
  // Groups without any case tell nothing and are left out.
  const rows = groups.filter((g) => g.of > 0);
  if (rows.length === 0) {
    const zero = { value: 0, suppressed: null } as const;
    return { groups: [], withTotal: zero, withoutTotal: zero, grandTotal: zero };
  }
  const table = suppressSmallCells(
    { cells: rows.map((g) => [g.cases, Math.max(0, g.of - g.cases)]) },
    threshold,
  );
  return {
    groups: rows.map((g, i) => {
      const cases = table.cells[i]![0]!;
      const of = table.rowTotals![i]!;
      return { key: g.key, label: g.label, cases, of, share: shareOf(cases, of) };
    }),
    withTotal: table.columnTotals![0]!,
    withoutTotal: table.columnTotals![1]!,
    grandTotal: table.total!,
  };
}

function protectIndicatorSide(
  side: { n: number; median: number | null },
  threshold: number,
  totalHidden: boolean,
): AggregateIndicator['withThread'] {
  if (totalHidden) return { n: hidden('secondary'), median: null };
  if (isSmallCount(side.n, threshold)) return { n: hidden('primary'), median: null };
  return { n: shown(side.n), median: side.n === 0 ? null : side.median };
}

/** A thread's evidence as aggregates: counts protected, nothing that gives a hidden one away. */
export function aggregateThread(
  thread: ThreadHeader,
  evidence: ThreadEvidence,
  recommendations: RecommendationGroup[],
  threshold: number,
): AggregateThread {
  const byType = protectGroups(evidence.byInstitutionType, threshold);
  const byRegion = protectGroups(evidence.byRegion, threshold);
  const cases = stricter(byType.withTotal, byRegion.withTotal);
  const without = stricter(byType.withoutTotal, byRegion.withoutTotal);
  const of = stricter(byType.grandTotal, byRegion.grandTotal);
  const totalHidden = cases.suppressed !== null;

  // Perspectives overlap (a case can have several), so no line sums to a total; each count is
  // protected on its own. Where the thread's total is hidden they all go: with one perspective
  // its count would be that total.
  const perspectiveCells = suppressSmallCells(
    {
      cells: [evidence.byPerspective.map((p) => p.cases)],
      rowTotals: false,
      columnTotals: false,
    },
    threshold,
  ).cells[0]!;
  const byPerspective = evidence.byPerspective
    .map((p, i) => ({
      perspective: p.perspective,
      cases: totalHidden && p.cases > 0 ? hidden('secondary') : perspectiveCells[i]!,
      raw: p.cases,
    }))
    .filter((p) => p.raw > 0)
    .map(({ perspective, cases: count }) => ({ perspective, cases: count }));

  return {
    ...thread,
    total: { key: 'total', label: '', cases, of, share: shareOf(cases, of) },
    strength: {
      perspectives: evidence.strength.perspectives,
      institutionTypes: evidence.strength.institutionTypes,
      regions: evidence.strength.regions,
    },
    byInstitutionType: byType.groups,
    byRegion: byRegion.groups,
    byPerspective,
    indicators: evidence.indicators.map((indicator) => ({
      key: indicator.key,
      withThread: protectIndicatorSide(indicator.withThread, threshold, totalHidden),
      others: protectIndicatorSide(indicator.others, threshold, without.suppressed !== null),
    })),
    recommendations,
  };
}
