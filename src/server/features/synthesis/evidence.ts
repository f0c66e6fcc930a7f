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
//     Many threads in three queries, whatever their number. Threads that are not of
//     scope.programmeId are left out of the map (no error). `options.indicators: false` skips the
//     timeline indicators (their medians cost most; the threads × stakeholder matrix needs none):
//     `indicators` is then an empty list.
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
// How it scales: the thread's cases are read from qda_case_codes by its primary key (code_id,
// case_id), one range per top code, joined to the cases in scope (one pass over the programme's
// cases, each probed once in qda_case_codes_case_idx). All splits come from one grouping-sets
// aggregate. The indicators come as frequency tables (how many cases have each value: over the
// cases in scope, and per thread over its cases), so a batch of threads never crosses every
// thread with every case; medians and means are taken from those small tables in JS. No per-case
// work in JS.
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
 * least one counted (not blind) segment.
 */
export function codedCasesInScope(scope: EvidenceScope, alias: string): SQL {
  const id = sql.raw(`${alias}.id`);
  return sql`${sql.raw(`${alias}.programme_id`)} = ${scope.programmeId}
    and ${caseReachOnRow(scope.actor, alias)}
    and exists (select 1 from qda_case_codes x where x.case_id = ${id})`;
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

type CountRow = {
  thread_id: string;
  it: string | null;
  rc: string | null;
  git: number;
  grc: number;
  cases: number;
  segments: number;
} & Record<`c_${string}` | `s_${string}`, number>;

type ScopeRow = {
  it: string | null;
  rc: string | null;
  git: number;
  grc: number;
  n: number;
  label: string | null;
  sort: string | null;
};

/** How many cases in scope (or of a thread) have value `val` for indicator `key`. */
type FrequencyRow = { thread_id?: string; key: EvidenceIndicatorKey; val: number; n: number };

type Answer = {
  counts: CountRow[];
  scope: ScopeRow[];
  valuesInScope: FrequencyRow[];
  valuesOfThreads: FrequencyRow[];
};

function jsonList<T>(value: unknown): T[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}

const round = (n: number | null | undefined) =>
  n === null || n === undefined ? null : Math.round(Number(n) * 100) / 100;

/**
 * Builds the one statement that answers every thread's counts (and indicators). Exported so a
 * benchmark can EXPLAIN it.
 */
export function evidenceQuery(
  scope: EvidenceScope,
  pairs: { threadId: string; codeId: string }[],
  withIndicators: boolean,
): SQL {
  const tc =
    pairs.length > 0
      ? sql`select * from (values ${sql.join(
          pairs.map((p) => sql`(${p.threadId}::uuid, ${p.codeId}::uuid)`),
          sql`, `,
        )}) as v(thread_id, code_id)`
      : sql`select null::uuid as thread_id, null::uuid as code_id where false`;
  const participantSum = sql.raw(perspectives.map((p) => `h.${perspectiveColumn[p]}`).join(' + '));
  const perPerspective = sql.raw(
    perspectives
      .map((p) => {
        const c = perspectiveColumn[p];
        return `count(*) filter (where h.${c} > 0) as c_${c}, coalesce(sum(h.${c}), 0) as s_${c}`;
      })
      .join(', '),
  );
  const sums = sql.raw(
    ['total', ...perspectives.map((p) => perspectiveColumn[p])]
      .map((c) => `sum(a.sub_${c})::int as ${c}`)
      .join(', '),
  );
  // Frequency tables of the indicators: one grouping set per indicator, `g` tells which.
  const indicatorColumns = sql.raw(
    evidenceIndicatorKeys.map((k) => `ci.${indicatorColumn[k]}::float8 as "${k}"`).join(', '),
  );
  const indicatorGrouping = sql.raw(
    `grouping(${evidenceIndicatorKeys.map((k) => `ci.${indicatorColumn[k]}`).join(', ')})`,
  );
  const indicatorSets = sql.raw(
    evidenceIndicatorKeys.map((k) => `(ci.${indicatorColumn[k]})`).join(', '),
  );
  const threadIndicatorSets = sql.raw(
    evidenceIndicatorKeys.map((k) => `(h.thread_id, ci.${indicatorColumn[k]})`).join(', '),
  );
  return sql`with scope as materialized (
      select c.id, c.institution_type as it, c.region_code as rc
      from cases c
      where ${codedCasesInScope(scope, 'c')}
    ),
    tc as (${tc}),
    hit as materialized (
      select tc.thread_id, a.case_id, s.it, s.rc, ${sums}
      from tc
      join qda_case_codes a on a.code_id = tc.code_id
      join scope s on s.id = a.case_id
      group by tc.thread_id, a.case_id, s.it, s.rc
    ),
    counts as (
      select h.thread_id, h.it, h.rc, grouping(h.it) as git, grouping(h.rc) as grc,
        count(*) as cases, coalesce(sum(h.total), 0) as segments, ${perPerspective},
        count(*) filter (where h.total - (${participantSum}) > 0) as c_dossier,
        coalesce(sum(h.total - (${participantSum})), 0) as s_dossier
      from hit h
      group by grouping sets ((h.thread_id), (h.thread_id, h.it), (h.thread_id, h.rc))
    ),
    scope_counts as (
      select g.*, coalesce(it.label, r.name) as label,
        coalesce(lpad(it.sort_order::text, 10, '0'), r.sort_key) as sort
      from (
        select s.it, s.rc, grouping(s.it) as git, grouping(s.rc) as grc, count(*) as n
        from scope s
        group by grouping sets ((), (s.it), (s.rc))
      ) g
      left join institution_types it on g.grc = 1 and g.git = 0 and it.code = g.it
      left join regions r on g.git = 1 and g.grc = 0 and r.code = g.rc
    )${
      withIndicators
        ? sql`,
    values_in_scope as (
      select ${indicatorColumns}, ${indicatorGrouping} as g, count(*) as n
      from scope s
      join case_indicators ci on ci.case_id = s.id
      group by grouping sets (${indicatorSets})
    ),
    values_of_threads as (
      select h.thread_id, ${indicatorColumns}, ${indicatorGrouping} as g, count(*) as n
      from hit h
      join case_indicators ci on ci.case_id = h.case_id
      group by grouping sets (${threadIndicatorSets})
    )`
        : sql``
    }
    select
      (select json_agg(counts) from counts) as counts,
      (select json_agg(scope_counts) from scope_counts) as scope,
      ${withIndicators ? sql`(select json_agg(values_in_scope) from values_in_scope)` : sql`null`} as values_in_scope,
      ${withIndicators ? sql`(select json_agg(values_of_threads) from values_of_threads)` : sql`null`} as values_of_threads`;
}

/**
 * The rows of an indicator frequency table: each grouping set groups by one indicator, and
 * `grouping(...)` has a 0 bit (counted from the left) for that one. Cases without a value
 * (null) are left out, as the medians leave them out.
 */
function frequencyRows(value: unknown): FrequencyRow[] {
  const all = evidenceIndicatorKeys.length;
  return jsonList<Record<string, unknown> & { thread_id?: string; g: number; n: number }>(
    value,
  ).flatMap((r) => {
    const index = evidenceIndicatorKeys.findIndex(
      (_, i) => Number(r.g) === 2 ** all - 1 - 2 ** (all - 1 - i),
    );
    const key = evidenceIndicatorKeys[index];
    const val = key ? r[key] : null;
    if (!key || val === null || val === undefined) return [];
    return [{ thread_id: r.thread_id, key, val: Number(val), n: Number(r.n) }];
  });
}

async function runEvidence(
  db: Db | Tx,
  scope: EvidenceScope,
  pairs: { threadId: string; codeId: string }[],
  withIndicators: boolean,
): Promise<Answer> {
  type Row = {
    counts: unknown;
    scope: unknown;
    values_in_scope: unknown;
    values_of_threads: unknown;
  };
  // The statement is large enough for PostgreSQL to JIT-compile it, which costs more than it
  // saves here (about a second): off for this transaction only (PGlite has no JIT; harmless).
  const [row] = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return queryRows<Row>(tx, evidenceQuery(scope, pairs, withIndicators));
  });
  return {
    counts: jsonList<CountRow>(row?.counts),
    scope: jsonList<ScopeRow>(row?.scope),
    valuesInScope: frequencyRows(row?.values_in_scope),
    valuesOfThreads: frequencyRows(row?.values_of_threads),
  };
}

function groupsOf(scopeRows: ScopeRow[], countRows: CountRow[], by: 'it' | 'rc'): EvidenceGroup[] {
  const other = by === 'it' ? 'grc' : 'git';
  const own = by === 'it' ? 'git' : 'grc';
  const hits = new Map(
    countRows.filter((r) => r[own] === 0 && r[other] === 1).map((r) => [r[by], Number(r.cases)]),
  );
  return scopeRows
    .filter((r) => r[own] === 0 && r[other] === 1)
    .sort(
      (a, b) =>
        (a.sort ?? '').localeCompare(b.sort ?? '') ||
        (a.label ?? a[by] ?? '').localeCompare(b.label ?? b[by] ?? ''),
    )
    .map((r) => ({
      key: r[by] ?? '',
      label: r.label ?? r[by] ?? '',
      cases: hits.get(r[by]) ?? 0,
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

function frequencies(rows: FrequencyRow[], key: EvidenceIndicatorKey): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of rows)
    if (r.key === key) out.set(Number(r.val), (out.get(Number(r.val)) ?? 0) + Number(r.n));
  return out;
}

/** The evidence of many threads of one programme, in a few queries. See the top of this file. */
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
  const pairs = [...threads.entries()].flatMap(([threadId, linked]) =>
    topCodes(tree, linked).map((codeId) => ({ threadId, codeId })),
  );
  const ids = [...threads.keys()];
  const answer = await runEvidence(db, scope, pairs, withIndicators);
  const computedAt = new Date().toISOString();
  const totalOf = Number(answer.scope.find((r) => r.git === 1 && r.grc === 1)?.n ?? 0);
  const countsOf = new Map<string, CountRow[]>();
  for (const r of answer.counts)
    countsOf.set(r.thread_id, [...(countsOf.get(r.thread_id) ?? []), r]);
  const threadValues = new Map<string, FrequencyRow[]>();
  for (const r of answer.valuesOfThreads)
    threadValues.set(r.thread_id!, [...(threadValues.get(r.thread_id!) ?? []), r]);
  for (const threadId of ids) {
    const rows = countsOf.get(threadId) ?? [];
    const whole = rows.find((r) => r.git === 1 && r.grc === 1);
    const byInstitutionType = groupsOf(answer.scope, rows, 'it');
    const byRegion = groupsOf(answer.scope, rows, 'rc');
    const byPerspective = evidencePerspectives.map((perspective) => {
      const column = perspective === 'dossier' ? 'dossier' : perspectiveColumn[perspective];
      return {
        perspective,
        cases: Number(whole?.[`c_${column}`] ?? 0),
        segments: Number(whole?.[`s_${column}`] ?? 0),
      };
    });
    const ofThread = threadValues.get(threadId) ?? [];
    const cases = Number(whole?.cases ?? 0);
    out.set(threadId, {
      threadId,
      programmeId: scope.programmeId,
      computedAt,
      total: { cases, of: totalOf },
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
            const mine = frequencies(ofThread, key);
            const others = frequencies(answer.valuesInScope, key);
            for (const [value, count] of mine) others.set(value, (others.get(value) ?? 0) - count);
            return { key, withThread: summaryOf(mine), others: summaryOf(others) };
          })
        : [],
      segments: Number(whole?.segments ?? 0),
    });
  }
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
