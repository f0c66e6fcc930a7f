// The quarterly report of a region (or one access table): figures computed in SQL and memory from
// the register, every count passed through small-cell suppression with the threshold of the
// tables concerned (a single table's own threshold; for a region the strictest of its tables).
import { and, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import {
  accessOutcomes,
  informationLevels,
  quarterPattern,
  type CrossTable,
  type QuarterlyReport,
  type ReportCell,
} from '../../../shared/contract/monitoring';
import { loadLists, type regionTables } from './queries';
import { accessRegistrations } from './schema';
import { suppressList, suppressSmallCells } from '../../../shared/domain/suppression';

export const trendQuarters = 8;

export function quarterRange(quarter: string): { from: string; to: string } {
  const match = quarter.match(quarterPattern);
  if (!match) throw new Error(`not a quarter: ${quarter}`);
  const year = Number(match[1]);
  const q = Number(match[2]);
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return {
    from: `${year}-${String(startMonth).padStart(2, '0')}-01`,
    to: `${year}-${String(endMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`,
  };
}

export function shiftQuarter(quarter: string, by: number): string {
  const match = quarter.match(quarterPattern)!;
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Quantile by linear interpolation between closest ranks (the common spreadsheet method). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('no values');
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const value = sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
  return Math.round(value * 10) / 10;
}

/** Free texts grouped: split on ; or new lines, compared without case and extra spaces. */
export function groupTexts(texts: readonly string[]): { text: string; count: number }[] {
  const groups = new Map<string, { text: string; count: number }>();
  for (const text of texts)
    for (const part of text.split(/[;\n]/)) {
      const shown = part.trim().replace(/\s+/g, ' ');
      if (!shown) continue;
      const key = shown.toLowerCase().replace(/[.!]+$/, '');
      const group = groups.get(key);
      if (group) group.count += 1;
      else groups.set(key, { text: shown.replace(/[.!]+$/, ''), count: 1 });
    }
  return [...groups.values()].sort(
    (a, b) => b.count - a.count || a.text.localeCompare(b.text, 'nl'),
  );
}

function crossTable(
  rows: { code: string; label: string }[],
  counts: number[][],
  threshold: number,
  columnTotals = true,
): CrossTable {
  if (counts.length === 0)
    return { rows: [], totals: accessOutcomes.map(() => plain(0)), total: plain(0) };
  const table = suppressSmallCells({ cells: counts, rowTotals: true, columnTotals }, threshold);
  return {
    rows: rows.map((r, i) => ({
      ...r,
      cells: table.cells[i] ?? [],
      total: table.rowTotals?.[i] ?? plain(0),
    })),
    totals: table.columnTotals ?? [],
    total: table.total,
  };
}

const plain = (value: number): ReportCell => ({ value, suppressed: null });

export type ReportScope = {
  region: { code: string; name: string };
  table: { id: string; name: string } | null;
  threshold: number;
};

/** The strictest threshold of the tables a report covers (5 when there are none). */
export function thresholdOf(
  tables: Awaited<ReturnType<typeof regionTables>>,
  tableId?: string,
): number {
  const chosen = tableId ? tables.filter((t) => t.id === tableId) : tables;
  return chosen.length ? Math.max(...chosen.map((t) => t.threshold)) : 5;
}

export async function buildQuarterlyReport(
  db: Db,
  scope: ReportScope,
  quarter: string,
): Promise<QuarterlyReport> {
  const { from, to } = quarterRange(quarter);
  const firstQuarter = shiftQuarter(quarter, -(trendQuarters - 1));
  const trendFrom = quarterRange(firstQuarter).from;
  const inScope = (start: string) =>
    and(
      eq(accessRegistrations.regionCode, scope.region.code),
      isNull(accessRegistrations.deletedAt),
      scope.table ? eq(accessRegistrations.tableId, scope.table.id) : undefined,
      gte(accessRegistrations.discussedOn, start),
      lte(accessRegistrations.discussedOn, to),
    );
  const quarterExpr = sql<string>`extract(year from ${accessRegistrations.discussedOn})::int || '-Q' || extract(quarter from ${accessRegistrations.discussedOn})::int`;
  const [lists, trendRows, rows] = await Promise.all([
    loadLists(db),
    db
      .select({
        quarter: quarterExpr,
        outcome: accessRegistrations.outcome,
        n: sql<number>`count(*)::int`,
      })
      .from(accessRegistrations)
      .where(inScope(trendFrom))
      .groupBy(quarterExpr, accessRegistrations.outcome),
    db
      .select({
        problemAreas: accessRegistrations.problemAreas,
        questionType: accessRegistrations.questionType,
        informationSufficient: accessRegistrations.informationSufficient,
        outcome: accessRegistrations.outcome,
        missingHelp: accessRegistrations.missingHelp,
        daysWaiting: accessRegistrations.daysWaiting,
        hasExplanatoryAnalysis: accessRegistrations.hasExplanatoryAnalysis,
        bottlenecks: accessRegistrations.bottlenecks,
      })
      .from(accessRegistrations)
      .where(inScope(from)),
  ]);
  const t = scope.threshold;
  const outcomeIndex = (o: string) => accessOutcomes.indexOf(o as (typeof accessOutcomes)[number]);

  const quarters = Array.from({ length: trendQuarters }, (_, i) => shiftQuarter(firstQuarter, i));
  const trendCounts = quarters.map(() => accessOutcomes.map(() => 0));
  for (const row of trendRows) {
    const qi = quarters.indexOf(row.quarter);
    const oi = outcomeIndex(row.outcome);
    if (qi >= 0 && oi >= 0) trendCounts[qi]![oi]! += Number(row.n);
  }
  // No totals over the quarters: a sum over two years tells nothing, and with it a small
  // quarter would pull a large one into hiding.
  const trend = crossTable(
    quarters.map((q) => ({ code: q, label: q })),
    trendCounts,
    t,
    false,
  );

  // Codes seen on rows but archived or removed from the list still count, under their code.
  const labelled = (entries: { code: string; label: string }[], seen: Iterable<string>) => {
    const result = [...entries.map(({ code, label }) => ({ code, label }))];
    for (const code of seen)
      if (!result.some((e) => e.code === code)) result.push({ code, label: code });
    return result;
  };
  const areaRows = labelled(
    lists.problem_area,
    rows.flatMap((r) => r.problemAreas),
  );
  const areaCounts = areaRows.map(() => accessOutcomes.map(() => 0));
  const questionRows = labelled(
    lists.question_type,
    rows.map((r) => r.questionType),
  );
  const questionCounts = questionRows.map(() => accessOutcomes.map(() => 0));
  for (const row of rows) {
    const oi = outcomeIndex(row.outcome);
    for (const area of row.problemAreas)
      areaCounts[areaRows.findIndex((a) => a.code === area)]![oi]! += 1;
    questionCounts[questionRows.findIndex((q) => q.code === row.questionType)]![oi]! += 1;
  }
  // Rows of the list nobody used this quarter are left out: an empty row tells nothing.
  const keep = (counts: number[][]) =>
    counts.map((c, i) => (c.some((n) => n > 0) ? i : -1)).filter((i) => i >= 0);
  const areaKeep = keep(areaCounts);
  const questionKeep = keep(questionCounts);

  const info = informationLevels.map(
    (level) => rows.filter((r) => r.informationSufficient === level).length,
  );
  const infoList = suppressList(info, t);
  const insufficient = info[1]! + info[2]!;
  const registrations = rows.length;
  // The share gives away the sum of partly and no: shown only where that sum and the yes count
  // are visible anyway, or both parts are hidden together.
  const [yesCell, partlyCell, noCell] = infoList.cells;
  const shareShown =
    registrations >= t &&
    yesCell?.suppressed === null &&
    (partlyCell?.suppressed === null) === (noCell?.suppressed === null);

  const days = rows.map((r) => r.daysWaiting).sort((a, b) => a - b);
  const waiting =
    days.length >= t && days.length > 0
      ? {
          count: days.length,
          median: quantile(days, 0.5),
          q1: quantile(days, 0.25),
          q3: quantile(days, 0.75),
          min: days[0]!,
          max: days[days.length - 1]!,
        }
      : null;

  const analysis = suppressList(
    [
      rows.filter((r) => r.hasExplanatoryAnalysis).length,
      rows.filter((r) => !r.hasExplanatoryAnalysis).length,
    ],
    t,
  );
  const texts = (list: { text: string; count: number }[]) => {
    const cells = suppressSmallCells(
      { cells: [list.map((g) => g.count)], rowTotals: false, columnTotals: false },
      t,
    );
    return list.map((g, i) => ({ text: g.text, count: cells.cells[0]![i]! }));
  };
  const bottlenecks = groupTexts(rows.map((r) => r.bottlenecks)).filter((g) => g.count >= 2);
  const missingHelp = groupTexts(
    rows.filter((r) => r.outcome === 'no_fitting_offer').map((r) => r.missingHelp),
  );

  return {
    regionCode: scope.region.code,
    regionName: scope.region.name,
    tableName: scope.table?.name ?? null,
    quarter,
    from,
    to,
    threshold: t,
    // The quarter's own row of the trend: the same protection, so the two never disagree.
    registrations: trend.rows.at(-1)?.total ?? plain(registrations),
    trend,
    byProblemArea: crossTable(
      areaKeep.map((i) => areaRows[i]!),
      areaKeep.map((i) => areaCounts[i]!),
      t,
    ),
    byQuestionType: crossTable(
      questionKeep.map((i) => questionRows[i]!),
      questionKeep.map((i) => questionCounts[i]!),
      t,
    ),
    information: {
      cells: informationLevels.map((level, i) => ({ level, count: infoList.cells[i]! })),
      insufficientShare: shareShown ? Math.round((insufficient / registrations) * 1000) / 10 : null,
    },
    waiting,
    explanatoryAnalysis: { present: analysis.cells[0]!, absent: analysis.cells[1]! },
    bottlenecks: texts(bottlenecks),
    missingHelp: texts(missingHelp),
  };
}
