// The cross-case views of a programme: its sources, all segments of a code (with case and
// perspective), the case × code matrix (counts and coverage) and Dutch full-text search. Every
// view filters in SQL to what the actor may see: cases they reach (team or assignment), texts of
// the programme without a case, and in blind mode only their own codings until they compare.
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { queryRows } from '../../db/raw';
import type {
  Code,
  CodeSegments,
  Matrix,
  Perspective,
  SearchResult,
  SourceKind,
} from '../../../shared/contract/coding';
import { cases, participants } from '../cases/schema';
import type { Reach } from './access';
import { reachSql } from './access';
import { codesOf, subtreeOf } from './codebook';
import { quoteConsented } from './segments';
import { qdaSegments, qdaSources } from './schema';

type Filters = { institutionType?: string | undefined; perspective?: Perspective | undefined };

/** Which sources of the programme the actor sees: reachable cases and case-less texts. */
function visibleSources(reach: Reach): SQL {
  return sql`(${qdaSources.caseId} is null or ${reachSql(reach.actor, qdaSources.caseId)})`;
}

/** Blind mode: other coders' segments only once the actor has chosen to compare. */
function visibleSegment(reach: Reach): SQL {
  return sql`(not ${qdaSources.blind} or ${qdaSegments.coderId} = ${reach.actor.userId}
    or exists (select 1 from qda_source_reveals r where r.source_id = ${qdaSources.id} and r.user_id = ${reach.actor.userId}))`;
}

function filterSql(filters: Filters): SQL[] {
  const parts: SQL[] = [];
  if (filters.institutionType)
    parts.push(
      sql`${qdaSources.caseId} in (select c.id from cases c where c.institution_type = ${filters.institutionType})`,
    );
  if (filters.perspective)
    parts.push(
      sql`${qdaSources.participantId} in (select p.id from participants p where p.kind = ${filters.perspective})`,
    );
  return parts;
}

export async function listSources(
  db: Db,
  reach: Reach,
  params: { page: number; pageSize: number; caseId?: string | undefined },
) {
  const where = and(
    eq(qdaSources.programmeId, reach.programmeId),
    visibleSources(reach),
    params.caseId ? eq(qdaSources.caseId, params.caseId) : undefined,
  );
  const [rows, total] = await Promise.all([
    db
      .select({
        id: qdaSources.id,
        kind: qdaSources.kind,
        name: qdaSources.name,
        caseId: qdaSources.caseId,
        caseCode: cases.code,
        perspective: participants.kind,
        length: qdaSources.length,
        blind: qdaSources.blind,
        segmentCount: sql<number>`(select count(*)::int from qda_segments s where s.source_id = ${qdaSources.id} and s.deleted_at is null)`,
      })
      .from(qdaSources)
      .leftJoin(cases, eq(cases.id, qdaSources.caseId))
      .leftJoin(participants, eq(participants.id, qdaSources.participantId))
      .where(where)
      .orderBy(asc(cases.code), asc(qdaSources.name), asc(qdaSources.id))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(qdaSources)
      .where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      kind: r.kind as SourceKind,
      perspective: (r.perspective as Perspective | null) ?? null,
    })),
    total: total[0]?.n ?? 0,
    page: params.page,
    pageSize: params.pageSize,
  };
}

export async function codeSegments(
  db: Db,
  reach: Reach,
  code: Code,
  params: Filters & { page: number; pageSize: number },
  now: Date,
): Promise<CodeSegments> {
  const where = and(
    eq(qdaSegments.codeId, code.id),
    isNull(qdaSegments.deletedAt),
    eq(qdaSources.programmeId, reach.programmeId),
    visibleSources(reach),
    visibleSegment(reach),
    ...filterSql(params),
  );
  const [rows, total] = await Promise.all([
    db
      .select({
        id: qdaSegments.id,
        sourceId: qdaSources.id,
        sourceName: qdaSources.name,
        caseId: qdaSources.caseId,
        caseCode: cases.code,
        institutionType: cases.institutionType,
        participantId: qdaSources.participantId,
        perspective: participants.kind,
        start: qdaSegments.start,
        end: qdaSegments.end,
        text: sql<string>`substr(${qdaSources.body}, ${qdaSegments.start} + 1, ${qdaSegments.end} - ${qdaSegments.start})`,
        coderName: sql<string>`coalesce((select u.display_name from users u where u.id = ${qdaSegments.coderId}), (select x.name from qda_external_coders x where x.id = ${qdaSegments.externalCoderId}), '?')`,
        important: qdaSegments.important,
        quote: qdaSegments.quote,
      })
      .from(qdaSegments)
      .innerJoin(qdaSources, eq(qdaSources.id, qdaSegments.sourceId))
      .leftJoin(cases, eq(cases.id, qdaSources.caseId))
      .leftJoin(participants, eq(participants.id, qdaSources.participantId))
      .where(where)
      .orderBy(asc(cases.code), asc(qdaSources.name), asc(qdaSegments.start), asc(qdaSegments.id))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(qdaSegments)
      .innerJoin(qdaSources, eq(qdaSources.id, qdaSegments.sourceId))
      .where(where),
  ]);
  const consented = await quoteConsented(
    db,
    rows.flatMap((r) => (r.caseId && r.quote ? [r.caseId] : [])),
    now,
  );
  return {
    code,
    items: rows.map(({ participantId, ...r }) => ({
      ...r,
      perspective: (r.perspective as Perspective | null) ?? null,
      quoteUsable: r.quote && participantId !== null && consented.has(participantId),
    })),
    total: total[0]?.n ?? 0,
    page: params.page,
    pageSize: params.pageSize,
  };
}

/** Length of the union of ranges (end-exclusive). */
function unionLength(ranges: { start: number; end: number }[]): number {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  let total = 0;
  let from = -1;
  let to = -1;
  for (const r of sorted) {
    if (r.start > to) {
      total += to - from;
      from = r.start;
      to = r.end;
    } else if (r.end > to) to = r.end;
  }
  return total + (to - from);
}

export async function matrix(
  db: Db,
  reach: Reach,
  params: Filters & { codeIds?: string[] | undefined; page: number; pageSize: number },
): Promise<Matrix> {
  const all = new Map((await codesOf(db, reach.programmeId)).map((c) => [c.id, c]));
  const columns = params.codeIds
    ? params.codeIds.map((id) => all.get(id)).filter((c) => c !== undefined)
    : [...all.values()].filter((c) => c.parentId === null && c.archivedAt === null);
  // Each column counts its code and every code beneath it.
  const columnOf = new Map<string, number>();
  columns.forEach((c, i) => {
    for (const id of subtreeOf(all, c.id)) if (!columnOf.has(id)) columnOf.set(id, i);
  });
  const codeIds = [...columnOf.keys()];
  const sourceWhere = and(
    eq(qdaSources.programmeId, reach.programmeId),
    sql`${qdaSources.caseId} is not null`,
    visibleSources(reach),
    ...filterSql(params),
  );
  const caseRows = await db
    .select({
      caseId: qdaSources.caseId,
      caseCode: cases.code,
      institutionType: cases.institutionType,
      length: sql<number>`sum(${qdaSources.length})::int`,
      total: sql<number>`count(*) over ()`,
    })
    .from(qdaSources)
    .innerJoin(cases, eq(cases.id, qdaSources.caseId))
    .where(sourceWhere)
    .groupBy(qdaSources.caseId, cases.code, cases.institutionType)
    .orderBy(asc(cases.code))
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize);
  const pageCases = caseRows.map((r) => r.caseId!);
  const segmentWhere = and(
    isNull(qdaSegments.deletedAt),
    codeIds.length > 0 ? inArray(qdaSegments.codeId, codeIds) : sql`false`,
    visibleSegment(reach),
    sourceWhere,
  );
  const [segments, totals] = await Promise.all([
    pageCases.length === 0 || codeIds.length === 0
      ? Promise.resolve([])
      : db
          .select({
            caseId: qdaSources.caseId,
            sourceId: qdaSegments.sourceId,
            codeId: qdaSegments.codeId,
            start: qdaSegments.start,
            end: qdaSegments.end,
          })
          .from(qdaSegments)
          .innerJoin(qdaSources, eq(qdaSources.id, qdaSegments.sourceId))
          .where(and(segmentWhere, inArray(qdaSources.caseId, pageCases))),
    codeIds.length === 0
      ? Promise.resolve([])
      : db
          .select({
            codeId: qdaSegments.codeId,
            count: sql<number>`count(*)::int`,
            cases: sql<number>`count(distinct ${qdaSources.caseId})::int`,
          })
          .from(qdaSegments)
          .innerJoin(qdaSources, eq(qdaSources.id, qdaSegments.sourceId))
          .where(segmentWhere)
          .groupBy(qdaSegments.codeId),
  ]);
  const cells = new Map<
    string,
    { count: number; ranges: Map<string, { start: number; end: number }[]> }[]
  >();
  for (const caseId of pageCases)
    cells.set(
      caseId,
      columns.map(() => ({ count: 0, ranges: new Map() })),
    );
  for (const s of segments) {
    const cell = cells.get(s.caseId!)?.[columnOf.get(s.codeId!)!];
    if (!cell) continue;
    cell.count += 1;
    cell.ranges.set(s.sourceId, [...(cell.ranges.get(s.sourceId) ?? []), s]);
  }
  // Column totals: a case counts once per column even when several of its codes fall in it.
  const columnTotals = columns.map(() => ({ count: 0, cases: 0 }));
  const columnCases = await (async () => {
    if (codeIds.length === 0 || columns.length === 0) return [];
    const mapping = sql.join(
      [...columnOf.entries()].map(([id, col]) => sql`(${id}::uuid, ${col}::int)`),
      sql`, `,
    );
    return queryRows<{ col: number; cases: number }>(
      db,
      sql`select m.col, count(distinct src.case_id)::int as cases
          from qda_segments s
          join qda_sources src on src.id = s.source_id
          join (values ${mapping}) as m(code_id, col) on m.code_id = s.code_id
          where s.deleted_at is null and src.programme_id = ${reach.programmeId}
            and src.case_id is not null
            and ${reachSql(reach.actor, sql`src.case_id`)}
            and (not src.blind or s.coder_id = ${reach.actor.userId}
              or exists (select 1 from qda_source_reveals r where r.source_id = src.id and r.user_id = ${reach.actor.userId}))
            ${params.institutionType ? sql`and src.case_id in (select c.id from cases c where c.institution_type = ${params.institutionType})` : sql``}
            ${params.perspective ? sql`and src.participant_id in (select p.id from participants p where p.kind = ${params.perspective})` : sql``}
          group by m.col`,
    );
  })();
  for (const t of totals) {
    const col = columnOf.get(t.codeId!);
    if (col !== undefined) columnTotals[col]!.count += t.count;
  }
  for (const c of columnCases) columnTotals[c.col]!.cases = c.cases;
  return {
    codes: columns.map((c) => ({ id: c.id, name: c.name, color: c.color })),
    rows: caseRows.map((r) => ({
      caseId: r.caseId,
      caseCode: r.caseCode,
      institutionType: r.institutionType,
      cells: cells.get(r.caseId!)!.map((cell) => {
        let covered = 0;
        for (const ranges of cell.ranges.values()) covered += unionLength(ranges);
        return { count: cell.count, coverage: r.length > 0 ? covered / r.length : 0 };
      }),
    })),
    totals: columnTotals,
    total: Number(caseRows[0]?.total ?? 0),
    page: params.page,
    pageSize: params.pageSize,
  };
}

// Private-use characters mark the matches in a headline: they never occur in the texts we show.
const startMark = '\uE000';
const stopMark = '\uE001';

function snippetParts(headline: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let rest = headline;
  while (rest.length > 0) {
    const open = rest.indexOf(startMark);
    if (open === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    const close = rest.indexOf(stopMark, open + 1);
    const end = close === -1 ? rest.length : close;
    parts.push({ text: rest.slice(open + 1, end), match: true });
    rest = close === -1 ? '' : rest.slice(close + 1);
  }
  return parts
    .map((p) => ({ ...p, text: p.text.replaceAll(startMark, '').replaceAll(stopMark, '') }))
    .filter((p) => p.text.length > 0);
}

export async function search(
  db: Db,
  reach: Reach,
  params: Filters & { q: string; page: number; pageSize: number },
): Promise<SearchResult> {
  const query = sql`websearch_to_tsquery('dutch', ${params.q})`;
  const where = and(
    eq(qdaSources.programmeId, reach.programmeId),
    sql`${qdaSources.search} @@ ${query}`,
    visibleSources(reach),
    ...filterSql(params),
  );
  const options = `StartSel=${startMark}, StopSel=${stopMark}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const rows = await queryRows<{
    id: string;
    name: string;
    kind: string;
    case_id: string | null;
    case_code: string | null;
    perspective: string | null;
    rank: number;
    headline: string;
    total: number | string;
  }>(
    db,
    sql`select page.*, c.code as case_code, p.kind as perspective,
          ts_headline('dutch', page.body, ${query}, ${options}) as headline
        from (
          select ${qdaSources.id} as id, ${qdaSources.name} as name, ${qdaSources.kind} as kind,
            ${qdaSources.caseId} as case_id, ${qdaSources.participantId} as participant_id,
            ${qdaSources.body} as body,
            ts_rank(${qdaSources.search}, ${query}) as rank, count(*) over () as total
          from ${qdaSources}
          where ${where}
          order by rank desc, id
          limit ${params.pageSize} offset ${(params.page - 1) * params.pageSize}
        ) page
        left join cases c on c.id = page.case_id
        left join participants p on p.id = page.participant_id
        order by page.rank desc, page.id`,
  );
  return {
    items: rows.map((r) => ({
      sourceId: r.id,
      sourceName: r.name,
      kind: r.kind as SourceKind,
      caseId: r.case_id,
      caseCode: r.case_code,
      perspective: (r.perspective as Perspective | null) ?? null,
      rank: Number(r.rank),
      snippet: snippetParts(r.headline),
    })),
    total: Number(rows[0]?.total ?? 0),
    page: params.page,
    pageSize: params.pageSize,
  };
}
