// Saturation: as case after case was reviewed, how many codes appeared for the first time, and
// whether the threads still gained segments. Computed live from the kept counts (qda_case_codes),
// in one statement with window functions, over the coded cases the reader reaches.
//
// The order of review: the day of the case's first held review meeting; a case without a held
// meeting comes in at the day its first segment was coded. Ties go by case code. A code "appears"
// in a case when the case has a segment of that very code (not counting codes beneath it), so a
// new sub-code counts as new. Blind sources are not counted, as everywhere in the synthesis.
//
// Long series are bucketed: with more than `maxPoints` cases, each point is a run of cases
// (`bucket`), so the answer stays small at 20,000 cases. The reader may ask for a bucket size.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { queryRows } from '../../db/raw';
import type { Actor } from '../../policy/policy';
import type { Saturation } from '../../../shared/contract/evidence';
import {
  codedCasesInScope,
  codeTree,
  threadCodeSet,
  topCodes,
  type EvidenceScope,
} from './evidence';

/** At most this many points by default. */
export const maxPoints = 200;

type PointRow = {
  point: number;
  from: number;
  to: number;
  case_id: string | null;
  case_code: string | null;
  ordered_on: string;
  by_meeting: boolean;
};
type FirstRow = { code_id: string; point: number };
type GrowthRow = {
  thread_id: string;
  point: number;
  cases: number;
  segments: number;
  last: number;
};

function jsonList<T>(value: unknown): T[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}

export async function loadSaturation(
  db: Db,
  scope: EvidenceScope & { actor: Actor | null },
  options: { bucket?: number | undefined } = {},
): Promise<Saturation> {
  const [threads, tree, codes] = await Promise.all([
    queryRows<{ id: string; number: number; title: string; code_id: string | null }>(
      db,
      sql`select t.id, t.number, t.title, tc.code_id
          from synthesis_threads t
          left join synthesis_thread_codes tc on tc.thread_id = t.id
          where t.programme_id = ${scope.programmeId} and t.status = 'active'
          order by t.sort_order, t.number`,
    ),
    codeTree(db, scope.programmeId),
    queryRows<{ id: string; name: string; color: string }>(
      db,
      sql`select id, name, color from qda_codes where programme_id = ${scope.programmeId}`,
    ),
  ]);
  const linked = new Map<string, { number: number; title: string; codes: string[] }>();
  for (const t of threads) {
    const entry = linked.get(t.id) ?? { number: t.number, title: t.title, codes: [] };
    if (t.code_id) entry.codes.push(t.code_id);
    linked.set(t.id, entry);
  }
  const pairs = [...linked.entries()].flatMap(([threadId, t]) =>
    topCodes(tree, t.codes).map((codeId) => ({ threadId, codeId })),
  );
  const tc =
    pairs.length > 0
      ? sql`select * from (values ${sql.join(
          pairs.map((p) => sql`(${p.threadId}::uuid, ${p.codeId}::uuid)`),
          sql`, `,
        )}) as v(thread_id, code_id)`
      : sql`select null::uuid as thread_id, null::uuid as code_id where false`;
  const held = sql`(select min(m.planned_at) from review_meetings m
    where m.case_id = c.id and m.status = 'held' and m.deleted_at is null)`;
  type Row = { n: number; k: number; points: unknown; firsts: unknown; growth: unknown };
  // JIT compilation would cost more than it saves here: off for this transaction only.
  const [row] = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return queryRows<Row>(
      tx,
      sql`with scope as materialized (
        select c.id, c.code,
          ${held} is not null as by_meeting,
          -- coalesce stops at the meeting: the first coding is looked up only without one.
          coalesce(${held}, (select min(s.created_at) from qda_segments s
            where s.case_id = c.id and s.deleted_at is null)) as ordered_on
        from cases c
        where ${codedCasesInScope(scope, 'c')}
      ),
      ordered as materialized (
        select id, code, ordered_on, by_meeting,
          row_number() over (order by ordered_on, code) as ord
        from scope
      ),
      params as (
        select count(*)::int as n,
          ${options.bucket ?? null}::int as asked,
          greatest(1, ceil(count(*)::numeric / ${maxPoints}))::int as auto
        from ordered
      ),
      k as (select n, coalesce(asked, auto) as k from params),
      points as (
        select (o.ord - 1) / k.k as point, min(o.ord) as "from", max(o.ord) as "to",
          case when k.k = 1 then min(o.id::text)::uuid end as case_id,
          case when k.k = 1 then min(o.code) end as case_code,
          max(o.ordered_on) as ordered_on,
          (array_agg(o.by_meeting order by o.ord desc))[1] as by_meeting
        from ordered o, k
        group by (o.ord - 1) / k.k, k.k
      ),
      firsts as (
        select a.code_id, (min(o.ord) - 1) / min(k.k) as point
        from qda_case_codes a
        join ordered o on o.id = a.case_id
        cross join k
        where a.own_total > 0
        group by a.code_id
      ),
      tc as (${tc}),
      growth as (
        select g.thread_id, (g.ord - 1) / k.k as point, count(*) as cases, sum(g.segments) as segments,
          max(g.ord) as last
        from (
          select tc.thread_id, o.ord, sum(a.sub_total) as segments
          from tc
          join qda_case_codes a on a.code_id = tc.code_id
          join ordered o on o.id = a.case_id
          group by tc.thread_id, o.ord
        ) g, k
        group by g.thread_id, (g.ord - 1) / k.k
      )
      select k.n, k.k,
        (select json_agg(points order by point) from points) as points,
        (select json_agg(firsts) from firsts) as firsts,
        (select json_agg(growth) from growth) as growth
      from k`,
    );
  });
  const k = Number(row?.k ?? 1);
  const pointRows = jsonList<PointRow>(row?.points);
  const firsts = jsonList<FirstRow>(row?.firsts);
  const growth = jsonList<GrowthRow>(row?.growth);
  const newByPoint = new Map<number, string[]>();
  for (const f of firsts) newByPoint.set(f.point, [...(newByPoint.get(f.point) ?? []), f.code_id]);
  const firstPointOf = new Map(firsts.map((f) => [f.code_id, f.point]));
  let cumulative = 0;
  const points = pointRows.map((p) => {
    const fresh = (newByPoint.get(p.point) ?? []).sort();
    cumulative += fresh.length;
    return {
      from: Number(p.from),
      to: Number(p.to),
      caseId: p.case_id,
      caseCode: p.case_code,
      orderedOn: new Date(p.ordered_on).toISOString(),
      orderedBy: p.by_meeting ? ('review_meeting' as const) : ('first_coding' as const),
      newCodes: fresh.length,
      newCodeIds: fresh,
      cumulativeCodes: cumulative,
    };
  });
  const used = new Set(firsts.map((f) => f.code_id));
  return {
    programmeId: scope.programmeId,
    computedAt: new Date().toISOString(),
    cases: Number(row?.n ?? 0),
    bucket: k,
    points,
    codes: codes.filter((c) => used.has(c.id)).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    threads: [...linked.entries()].map(([threadId, t]) => {
      const rows = growth.filter((g) => g.thread_id === threadId);
      const codeSet = threadCodeSet(tree, t.codes);
      const newCodes = new Map<number, number>();
      for (const id of codeSet) {
        const at = firstPointOf.get(id);
        if (at !== undefined) newCodes.set(at, (newCodes.get(at) ?? 0) + 1);
      }
      const atPoints = new Set([...rows.map((r) => Number(r.point)), ...newCodes.keys()]);
      return {
        threadId,
        number: t.number,
        title: t.title,
        growth: [...atPoints]
          .sort((a, b) => a - b)
          .map((point) => {
            const r = rows.find((g) => Number(g.point) === point);
            return {
              point,
              segments: Number(r?.segments ?? 0),
              cases: Number(r?.cases ?? 0),
              newCodes: newCodes.get(point) ?? 0,
            };
          }),
        cases: rows.reduce((sum, r) => sum + Number(r.cases), 0),
        lastGrowth: rows.length > 0 ? Math.max(...rows.map((r) => Number(r.last))) : null,
      };
    }),
  };
}
