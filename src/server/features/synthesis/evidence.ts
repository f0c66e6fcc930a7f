// The evidence of threads (rode draden), computed live from the segment counts the database keeps
// per case and code (qda_case_codes, migration 0010). Never stored: every read is today's coding.
//
// Entry points (the thread's evidence panel, the policymakers' aggregates and the thematic
// report call these; keep the signatures stable):
//
//   loadThreadEvidence(db, scope, threadId): Promise<ThreadEvidence>
//     One thread. Throws AppError('NOT_FOUND') when the thread is not of scope.programmeId.
//
//   loadThreadsEvidence(db, scope, threadIds, options?): Promise<Map<threadId, ThreadEvidence>>
//     Many threads, one statement each in one transaction. Threads that are not of
//     scope.programmeId are left out of the map (no error). `options.indicators: false` skips the
//     timeline indicators: `indicators` is then an empty list.
//
//   scope: EvidenceScope = { programmeId, actor }
//     actor set:  the cases that actor reaches (team or assignment), as the coding cross-case views
//                 count them: the researcher's view, unsuppressed.
//     actor null: every case of the programme: for aggregates, which the caller must suppress.
//
// What counts:
// - The cases in scope ("of") are the coded cases of the programme in scope: cases with at least
//   one segment in a source that is not blind.
// - A thread's cases are those with at least one segment of one of its codes or a code beneath
//   them. A case is counted once, however many of the thread's codes it has; segments are counted
//   once too (a linked code that sits beneath another linked code adds nothing).
// - Blind sources (coding still in progress) are not counted: their segments are not in the kept
//   counts until the source is opened up.
// - Perspective: the participant kind of the interviewed person; "dossier" is every segment in a
//   source without a participant (dossier evidence, meeting reflections, imported texts).
// - Indicators: the timeline indicators (case_indicators) of the thread's cases next to those of
//   the other cases in scope; n counts the cases with a value.
//
// How it scales (20,000 cases of one programme, every one in the thread: see docs/benchmarks.md):
// one statement per thread walks the coded cases in scope once. The coded cases are kept in
// qda_coded_cases (migration 0016), so the scope is one hash join over the programme's cases, not
// a probe per case. The thread's cases come from the primary key of qda_case_codes alone (it
// carries the sub_* counts, migration 0016): one range per top code, summed per case. Each case
// in scope is joined to its thread counts (if any) and its indicators, and one grouping-sets
// aggregate gives the whole scope, each institution type, region and indicator value, each with
// the thread's part: the indicators of the other cases are those of the scope minus the thread's.
// Medians and means are taken from those frequency tables in JS. No per-case work in JS, and no
// intermediate result written out (a materialized CTE of 20,000 rows cost more than the rest).
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { Tx } from '../../db/context';
import { queryRows } from '../../db/raw';
import { AppError } from '../../http/errors';
import type { Actor } from '../../policy/policy';
import { perspectives, type Perspective } from '../../../shared/contract/coding';
import {
  evidenceIndicatorKeys,
  evidencePerspectives,
  type EvidenceGroup,
  type EvidenceIndicatorKey,
  type ThreadEvidence,
} from '../../../shared/contract/evidence';
import { qdaCodes } from '../coding/schema';
import { synthesisThreadCodes, synthesisThreads } from './schema';

export type EvidenceScope = {
  programmeId: string;
  /** The reader whose cases count; null for every case of the programme (aggregates). */
  actor: Actor | null;
};

export type EvidenceOptions = {
  /** Compute the timeline indicators (default true). */
  indicators?: boolean;
};

/** Column suffix of a participant perspective in the kept counts. */
const perspectiveColumn: Record<Perspective, string> = {
  youth: 'youth',
  parent: 'parent',
  main_practitioner: 'main_practitioner',
  other_professional: 'other_professional',
  network: 'network',
};

/** Column of case_indicators for each indicator key. */
const indicatorColumn: Record<EvidenceIndicatorKey, string> = {
  placementChanges: 'placement_changes',
  schoolChanges: 'school_changes',
  monthsWithoutSchool: 'months_without_school',
  careProviders: 'care_providers',
  earlySignalGap: 'early_signal_gap',
  diagnosesRevised: 'diagnoses_revised',
};

/**
 * The actor's reach written on a case row `alias` (its team, or an assignment), so the planner
 * filters the programme's cases in one pass.
 */
export function caseReachOnRow(actor: Actor | null, alias: string): SQL {
  if (!actor) return sql`true`;
  const id = sql.raw(`${alias}.id`);
  const assigned = sql`${id} in (select ca.case_id from case_assignments ca where ca.user_id = ${actor.userId})`;
  if (actor.teamIds.length === 0) return assigned;
  return sql`(${inArray(sql.raw(`${alias}.team_id`), [...actor.teamIds])} or ${assigned})`;
}

/**
 * The coded cases of the programme in scope, as a condition on a case row `alias`: cases with at
 * least one counted (not blind) segment, as kept in qda_coded_cases (one hash join, no probe per
 * case).
 */
export function codedCasesInScope(scope: EvidenceScope, alias: string): SQL {
  const id = sql.raw(`${alias}.id`);
  return sql`${sql.raw(`${alias}.programme_id`)} = ${scope.programmeId}
    and ${caseReachOnRow(scope.actor, alias)}
    and ${id} in (select x.case_id from qda_coded_cases x)`;
}

type CodeNode = { id: string; parentId: string | null; mergedInto: string | null };

/** The codes of the programme: parent and merge target of each. */
export async function codeTree(db: Db | Tx, programmeId: string): Promise<Map<string, CodeNode>> {
  const rows = await db
    .select({ id: qdaCodes.id, parentId: qdaCodes.parentId, mergedInto: qdaCodes.mergedInto })
    .from(qdaCodes)
    .where(eq(qdaCodes.programmeId, programmeId));
  return new Map(rows.map((r) => [r.id, r]));
}

/** A merged code stands for the code it was merged into (followed to the end). */
function resolveMerge(tree: Map<string, CodeNode>, id: string): string | null {
  let current = tree.get(id);
  const seen = new Set<string>();
  while (current?.mergedInto && !seen.has(current.id)) {
    seen.add(current.id);
    current = tree.get(current.mergedInto);
  }
  return current?.id ?? null;
}

/**
 * The thread's linked codes that no other linked code sits above: their `sub_*` counts together
 * hold every segment of the thread exactly once.
 */
export function topCodes(tree: Map<string, CodeNode>, linked: readonly string[]): string[] {
  const set = new Set(linked.map((id) => resolveMerge(tree, id)).filter((id) => id !== null));
  return [...set].filter((id) => {
    const seen = new Set<string>([id]);
    let parent = tree.get(id)?.parentId ?? null;
    while (parent && !seen.has(parent)) {
      if (set.has(parent)) return false;
      seen.add(parent);
      parent = tree.get(parent)?.parentId ?? null;
    }
    return true;
  });
}

/** Every code of the thread: its linked codes and everything beneath them. */
export function threadCodeSet(tree: Map<string, CodeNode>, linked: readonly string[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const c of tree.values())
    if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const out = new Set<string>();
  const stack = linked.map((id) => resolveMerge(tree, id)).filter((id) => id !== null);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  // Codes merged into one of the thread's codes keep no segments of their own, but name them too.
  for (const c of tree.values()) {
    const target = c.mergedInto ? resolveMerge(tree, c.id) : null;
    if (target && out.has(target)) out.add(c.id);
  }
  return out;
}

/** The threads of the programme among `threadIds`, with their linked codes. */
export async function threadsOfProgramme(
  db: Db | Tx,
  programmeId: string,
  threadIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const unique = [...new Set(threadIds)];
  if (unique.length === 0) return out;
  const rows = await db
    .select({ id: synthesisThreads.id, codeId: synthesisThreadCodes.codeId })
    .from(synthesisThreads)
    .leftJoin(synthesisThreadCodes, eq(synthesisThreadCodes.threadId, synthesisThreads.id))
    .where(
      and(eq(synthesisThreads.programmeId, programmeId), inArray(synthesisThreads.id, unique)),
    );
  for (const r of rows) {
    const codes = out.get(r.id) ?? [];
    if (r.codeId) codes.push(r.codeId);
    out.set(r.id, codes);
  }
  return out;
}

/**
 * One row of the evidence aggregate: a grouping set over the coded cases in scope, each with the
 * thread's part of it. `g` is grouping(it, rc, indicator columns…): a 0 bit (from the left) marks
 * the column the row is grouped by; all ones is the whole scope.
 */
type EvidenceRow = {
  g: number;
  it: string | null;
  rc: string | null;
  label: string | null;
  sort: string | null;
  /** Cases in scope in this group. */
  n: number;
  /** Of those, the thread's cases. */
  cases: number;
  segments: number | null;
} & Partial<Record<EvidenceIndicatorKey, number | null>> &
  Record<`c_${string}` | `s_${string}`, number | null>;

const groupingColumns = ['it', 'rc', ...evidenceIndicatorKeys] as const;
/** The `g` of a row grouped by `column` (every other bit set). */
const groupedBy = (column: (typeof groupingColumns)[number]) =>
  2 ** groupingColumns.length -
  1 -
  2 ** (groupingColumns.length - 1 - groupingColumns.indexOf(column));
const wholeScope = 2 ** groupingColumns.length - 1;

const round = (n: number | null | undefined) =>
  n === null || n === undefined ? null : Math.round(Number(n) * 100) / 100;

/**
 * The one statement that answers a thread's evidence: every coded case in scope once, with the
 * thread's segment counts beside it when it is one of the thread's cases (`t`, from the top codes'
 * rows in the primary key of qda_case_codes, one per case), and its indicators; then one
 * grouping-sets aggregate gives the whole scope, each institution type, each region and each
 * indicator value, each with the thread's part. Exported so a benchmark can EXPLAIN it.
 */
export function evidenceQuery(
  scope: EvidenceScope,
  topCodeIds: readonly string[],
  withIndicators: boolean,
): SQL {
  const sums = sql.raw(
    ['total', ...perspectives.map((p) => perspectiveColumn[p])]
      .map((c) => `sum(a.sub_${c})::int as ${c}`)
      .join(', '),
  );
  const participantSum = sql.raw(perspectives.map((p) => `t.${perspectiveColumn[p]}`).join(' + '));
  const perPerspective = sql.raw(
    perspectives
      .map((p) => {
        const c = perspectiveColumn[p];
        return `count(*) filter (where t.${c} > 0) as c_${c}, sum(t.${c}) as s_${c}`;
      })
      .join(', '),
  );
  const codes = topCodeIds.length > 0 ? inArray(sql.raw('a.code_id'), [...topCodeIds]) : sql`false`;
  const indicatorValues = withIndicators
    ? sql.raw(
        evidenceIndicatorKeys.map((k) => `ci.${indicatorColumn[k]}::float8 as "${k}"`).join(', '),
      )
    : sql.raw(evidenceIndicatorKeys.map((k) => `null::float8 as "${k}"`).join(', '));
  // Without indicators the indicator bits of `g` are set, as if those columns were never grouped.
  const grouping = withIndicators
    ? sql.raw(
        `grouping(c.institution_type, c.region_code, ${evidenceIndicatorKeys.map((k) => `ci.${indicatorColumn[k]}`).join(', ')})`,
      )
    : sql.raw(
        `(grouping(c.institution_type, c.region_code) << ${evidenceIndicatorKeys.length}) | ${2 ** evidenceIndicatorKeys.length - 1}`,
      );
  const indicatorSets = withIndicators
    ? sql.raw(evidenceIndicatorKeys.map((k) => `, (ci.${indicatorColumn[k]})`).join(''))
    : sql``;
  const indicatorJoin = withIndicators
    ? sql`left join case_indicators ci on ci.case_id = c.id`
    : sql``;
  return sql`with thread_cases as (
      select a.case_id, ${sums}
      from qda_case_codes a
      where ${codes}
      group by a.case_id
    )
    select g.*, coalesce(it.label, r.name) as label,
      coalesce(lpad(it.sort_order::text, 10, '0'), r.sort_key) as sort
    from (
      select c.institution_type as it, c.region_code as rc, ${indicatorValues},
        ${grouping} as g,
        count(*)::int as n, count(t.case_id)::int as cases, sum(t.total)::int as segments,
        ${perPerspective},
        count(*) filter (where t.total - (${participantSum}) > 0) as c_dossier,
        sum(t.total - (${participantSum})) as s_dossier
      from cases c
      left join thread_cases t on t.case_id = c.id
      ${indicatorJoin}
      where ${codedCasesInScope(scope, 'c')}
      group by grouping sets ((), (c.institution_type), (c.region_code)${indicatorSets})
    ) g
    left join institution_types it on g.g = ${groupedBy('it')} and it.code = g.it
    left join regions r on g.g = ${groupedBy('rc')} and r.code = g.rc`;
}

function groupsOf(rows: EvidenceRow[], by: 'it' | 'rc'): EvidenceGroup[] {
  const g = groupedBy(by);
  return rows
    .filter((r) => Number(r.g) === g)
    .sort(
      (a, b) =>
        (a.sort ?? '').localeCompare(b.sort ?? '') ||
        (a.label ?? a[by] ?? '').localeCompare(b.label ?? b[by] ?? ''),
    )
    .map((r) => ({
      key: r[by] ?? '',
      label: r.label ?? r[by] ?? '',
      cases: Number(r.cases),
      of: Number(r.n),
    }));
}

/** n, median (as percentile_cont 0.5) and mean of values given as value → number of cases. */
export function summaryOf(frequencies: Map<number, number>) {
  const values = [...frequencies.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const n = values.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return { n: 0, median: null, mean: null };
  // The value at 0-based position `at` of the sorted cases.
  const at = (position: number) => {
    let seen = 0;
    for (const [value, count] of values) {
      seen += count;
      if (position < seen) return value;
    }
    return values[values.length - 1]![0];
  };
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  const mean = values.reduce((sum, [value, count]) => sum + value * count, 0) / n;
  return { n, median: round(median), mean: round(mean) };
}

/** How many cases in scope, and of the thread, have each value of indicator `key`. */
function frequencies(rows: EvidenceRow[], key: EvidenceIndicatorKey) {
  const all = new Map<number, number>();
  const mine = new Map<number, number>();
  const g = groupedBy(key);
  for (const r of rows) {
    const value = r[key];
    // Cases without a value are left out, as the medians leave them out.
    if (Number(r.g) !== g || value === null || value === undefined) continue;
    all.set(Number(value), Number(r.n));
    mine.set(Number(value), Number(r.cases));
  }
  return { all, mine };
}

function evidenceOf(
  threadId: string,
  scope: EvidenceScope,
  rows: EvidenceRow[],
  withIndicators: boolean,
  computedAt: string,
): ThreadEvidence {
  const whole = rows.find((r) => Number(r.g) === wholeScope);
  const byInstitutionType = groupsOf(rows, 'it');
  const byRegion = groupsOf(rows, 'rc');
  const byPerspective = evidencePerspectives.map((perspective) => {
    const column = perspective === 'dossier' ? 'dossier' : perspectiveColumn[perspective];
    return {
      perspective,
      cases: Number(whole?.[`c_${column}`] ?? 0),
      segments: Number(whole?.[`s_${column}`] ?? 0),
    };
  });
  const cases = Number(whole?.cases ?? 0);
  return {
    threadId,
    programmeId: scope.programmeId,
    computedAt,
    total: { cases, of: Number(whole?.n ?? 0) },
    strength: {
      cases,
      perspectives: byPerspective.filter((p) => p.cases > 0).length,
      institutionTypes: byInstitutionType.filter((g) => g.cases > 0).length,
      regions: byRegion.filter((g) => g.cases > 0).length,
    },
    byInstitutionType,
    byRegion,
    byPerspective,
    indicators: withIndicators
      ? evidenceIndicatorKeys.map((key) => {
          const { all, mine } = frequencies(rows, key);
          const others = new Map([...all].map(([value, n]) => [value, n - (mine.get(value) ?? 0)]));
          return { key, withThread: summaryOf(mine), others: summaryOf(others) };
        })
      : [],
    segments: Number(whole?.segments ?? 0),
  };
}

/**
 * The evidence of many threads of one programme: one statement per thread, all in one
 * transaction (one snapshot). See the top of this file.
 */
export async function loadThreadsEvidence(
  db: Db | Tx,
  scope: EvidenceScope,
  threadIds: readonly string[],
  options: EvidenceOptions = {},
): Promise<Map<string, ThreadEvidence>> {
  const withIndicators = options.indicators ?? true;
  const out = new Map<string, ThreadEvidence>();
  const [threads, tree] = await Promise.all([
    threadsOfProgramme(db, scope.programmeId, threadIds),
    codeTree(db, scope.programmeId),
  ]);
  if (threads.size === 0) return out;
  const computedAt = new Date().toISOString();
  await db.transaction(async (tx) => {
    // PostgreSQL could JIT-compile the statement on a large programme, which costs more than it
    // saves here: off for this transaction only (PGlite has no JIT; harmless).
    await tx.execute(sql`set local jit = off`);
    for (const [threadId, linked] of threads) {
      const rows = await queryRows<EvidenceRow>(
        tx,
        evidenceQuery(scope, topCodes(tree, linked), withIndicators),
      );
      out.set(threadId, evidenceOf(threadId, scope, rows, withIndicators, computedAt));
    }
  });
  return out;
}

/** The evidence of one thread. See the top of this file. */
export async function loadThreadEvidence(
  db: Db | Tx,
  scope: EvidenceScope,
  threadId: string,
): Promise<ThreadEvidence> {
  const found = (await loadThreadsEvidence(db, scope, [threadId])).get(threadId);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}
