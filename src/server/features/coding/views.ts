// The cross-case views of a programme: its sources, all segments of a code (with case and
// perspective), the case × code matrix (counts and coverage) and Dutch full-text search. Every
// view filters in SQL to what the actor may see: cases they reach (team or assignment), texts of
// the programme without a case, and in blind mode only their own codings until they compare.
// Pages are read in case order from the cases, so the database stops after a page; totals come
// from the segment counts the database keeps per case and per team (qda_case_codes,
// qda_team_codes: migration 0010), with blind sources counted live.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
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
import type { Reach } from './access';
import { reachSql } from './access';
import { codesOf, subtreeOf } from './codebook';
import { quoteConsented } from './segments';
import { qdaSources } from './schema';

type Filters = { institutionType?: string | undefined; perspective?: Perspective | undefined };

/** Which sources of the programme the actor sees: reachable cases and case-less texts. */
function visibleSources(reach: Reach): SQL {
  return sql`(${qdaSources.caseId} is null or ${reachSql(reach.actor, qdaSources.caseId)})`;
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

/**
 * The texts of the programme the actor sees, in case order (texts without a case last). The page
 * is read from the cases in code order, so the database stops after the page.
 */
export async function listSources(
  db: Db,
  reach: Reach,
  params: { page: number; pageSize: number; caseId?: string | undefined },
) {
  const { actor, programmeId } = reach;
  const offset = (params.page - 1) * params.pageSize;
  const upTo = offset + params.pageSize;
  const columns = sql`src.id, src.kind, src.name, src.participant_id, src.length, src.blind`;
  const [rows, total] = await Promise.all([
    queryRows<{
      id: string;
      kind: string;
      name: string;
      case_id: string | null;
      case_code: string | null;
      perspective: string | null;
      length: number;
      blind: boolean;
      segment_count: number;
    }>(
      db,
      sql`select x.id, x.kind, x.name, x.case_id, x.case_code, p.kind as perspective, x.length,
            x.blind,
            (select count(*)::int from qda_segments s where s.source_id = x.id and s.deleted_at is null) as segment_count
          from (
            (select ${columns}, c.id as case_id, c.code as case_code
              from cases c
              join qda_sources src on src.case_id = c.id and src.programme_id = ${programmeId}
              where c.programme_id = ${programmeId} and ${reachSql(actor, sql`c.id`)}
                ${params.caseId ? sql`and c.id = ${params.caseId}` : sql``}
              order by c.code, src.name, src.id
              limit ${upTo})
            union all
            (select ${columns}, null::uuid as case_id, null::text as case_code
              from qda_sources src
              where src.programme_id = ${programmeId} and src.case_id is null
                and ${params.caseId ? sql`false` : sql`true`}
              order by src.name, src.id
              limit ${upTo})
          ) x
          left join participants p on p.id = x.participant_id
          order by x.case_code nulls last, x.name, x.id
          limit ${params.pageSize} offset ${offset}`,
    ),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(qdaSources)
      .where(
        and(
          eq(qdaSources.programmeId, programmeId),
          visibleSources(reach),
          params.caseId ? eq(qdaSources.caseId, params.caseId) : undefined,
        ),
      ),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as SourceKind,
      name: r.name,
      caseId: r.case_id,
      caseCode: r.case_code,
      perspective: (r.perspective as Perspective | null) ?? null,
      length: r.length,
      blind: r.blind,
      segmentCount: r.segment_count,
    })),
    total: total[0]?.n ?? 0,
    page: params.page,
    pageSize: params.pageSize,
  };
}

const countSuffix: Record<Perspective | 'total', string> = {
  total: 'total',
  youth: 'youth',
  parent: 'parent',
  main_practitioner: 'main_practitioner',
  other_professional: 'other_professional',
  network: 'network',
};

/** A kept count column (qda_case_codes `a`, qda_team_codes `t`) for a perspective, or for all. */
function countColumn(
  alias: 'a' | 't',
  kind: 'own' | 'sub' | 'cases',
  perspective: Perspective | undefined,
): SQL {
  return sql.raw(`${alias}.${kind}_${countSuffix[perspective ?? 'total']}`);
}

/**
 * Reach split for the kept counts: the teams the actor is in (qda_team_codes rows), and the cases
 * assigned to them in other teams (qda_case_codes rows), so no case is counted twice.
 */
function teamReach(reach: Reach): { teams: SQL; assignedElsewhere: SQL } {
  const teamIds = [...reach.actor.teamIds];
  const inTeams = (column: SQL) => (teamIds.length > 0 ? inArray(column, teamIds) : sql`false`);
  return {
    teams: inTeams(sql`t.team_id`),
    assignedElsewhere: sql`a.case_id in (select ca.case_id from case_assignments ca
        join cases ac on ac.id = ca.case_id
        where ca.user_id = ${reach.actor.userId} and not ${inTeams(sql`ac.team_id`)})`,
  };
}

/** Filters on a source aliased `src` (institution type of its case, perspective of its participant). */
function sourceFilters(filters: Filters): SQL {
  return sql.join(
    [
      filters.institutionType
        ? sql`and src.case_id in (select fc.id from cases fc where fc.institution_type = ${filters.institutionType})`
        : sql``,
      filters.perspective
        ? sql`and src.participant_id in (select fp.id from participants fp where fp.kind = ${filters.perspective})`
        : sql``,
    ],
    sql` `,
  );
}

/** Blind mode on a segment `s` of a source `src`: others' codings only once compared. */
function visibleSegmentRaw(reach: Reach): SQL {
  return sql`(not src.blind or s.coder_id = ${reach.actor.userId}
    or exists (select 1 from qda_source_reveals r where r.source_id = src.id and r.user_id = ${reach.actor.userId}))`;
}

/**
 * All segments of one code, in case order. The page is read from the cases in code order, so
 * the database stops after the page instead of sorting every segment of a frequent code; texts
 * without a case come after the cases. The total comes from the per-case counts the database
 * keeps (qda_case_codes), plus blind sources and texts without a case counted live.
 */
export async function codeSegments(
  db: Db,
  reach: Reach,
  code: Code,
  params: Filters & { page: number; pageSize: number },
  now: Date,
): Promise<CodeSegments> {
  const { actor, programmeId } = reach;
  const offset = (params.page - 1) * params.pageSize;
  const upTo = offset + params.pageSize;
  const filtered = Boolean(params.institutionType || params.perspective);
  const columns = sql`s.id, s.source_id, s.coder_id, s.external_coder_id, s.start_pos, s.end_pos,
    s.important, s.quote, src.name as source_name, src.participant_id, p.kind as perspective,
    substr(src.body, s.start_pos + 1, s.end_pos - s.start_pos) as text`;
  const rowsQuery = sql`select x.*,
      coalesce((select u.display_name from users u where u.id = x.coder_id),
        (select e.name from qda_external_coders e where e.id = x.external_coder_id), '?') as coder_name
    from (
      (select ${columns}, c.id as case_id, c.code as case_code, c.institution_type
        from cases c
        join qda_segments s on s.case_id = c.id and s.code_id = ${code.id} and s.deleted_at is null
        join qda_sources src on src.id = s.source_id
        left join participants p on p.id = src.participant_id
        where c.programme_id = ${programmeId} and ${reachSql(actor, sql`c.id`)}
          and src.programme_id = ${programmeId} and ${visibleSegmentRaw(reach)}
          ${params.institutionType ? sql`and c.institution_type = ${params.institutionType}` : sql``}
          ${params.perspective ? sql`and p.kind = ${params.perspective}` : sql``}
        order by c.code, src.name, s.start_pos, s.id
        limit ${upTo})
      union all
      (select ${columns}, null::uuid as case_id, null::text as case_code, null::text as institution_type
        from qda_segments s
        join qda_sources src on src.id = s.source_id
        left join participants p on p.id = src.participant_id
        where s.code_id = ${code.id} and s.deleted_at is null and s.case_id is null
          and src.programme_id = ${programmeId} and src.case_id is null and ${visibleSegmentRaw(reach)}
          and ${filtered ? sql`false` : sql`true`}
        order by src.name, s.start_pos, s.id
        limit ${upTo})
    ) x
    order by x.case_code nulls last, x.source_name, x.start_pos, x.id
    limit ${params.pageSize} offset ${offset}`;
  const { teams, assignedElsewhere } = teamReach(reach);
  const own = countColumn('a', 'own', params.perspective);
  const totalQuery = sql`select
      (select coalesce(sum(${countColumn('t', 'own', params.perspective)}), 0)::int from qda_team_codes t
        where t.code_id = ${code.id} and ${teams}
          ${params.institutionType ? sql`and t.institution_type = ${params.institutionType}` : sql``})
    + (select coalesce(sum(${own}), 0)::int from qda_case_codes a
        join cases c on c.id = a.case_id
        where a.code_id = ${code.id} and ${assignedElsewhere}
          ${params.institutionType ? sql`and c.institution_type = ${params.institutionType}` : sql``})
    + (select count(*)::int from qda_sources src
        join qda_segments s on s.source_id = src.id and s.code_id = ${code.id} and s.deleted_at is null
        where src.programme_id = ${programmeId} and src.blind and src.case_id is not null
          and ${reachSql(actor, sql`src.case_id`)} and ${visibleSegmentRaw(reach)} ${sourceFilters(params)})
    + (select count(*)::int from qda_segments s
        join qda_sources src on src.id = s.source_id
        where s.code_id = ${code.id} and s.deleted_at is null and s.case_id is null
          and src.programme_id = ${programmeId} and src.case_id is null and ${visibleSegmentRaw(reach)}
          and ${filtered ? sql`false` : sql`true`}) as n`;
  const [rows, totals] = await Promise.all([
    queryRows<{
      id: string;
      source_id: string;
      source_name: string;
      case_id: string | null;
      case_code: string | null;
      institution_type: string | null;
      participant_id: string | null;
      perspective: string | null;
      start_pos: number;
      end_pos: number;
      text: string;
      coder_name: string;
      important: boolean;
      quote: boolean;
    }>(db, rowsQuery),
    queryRows<{ n: number | string }>(db, totalQuery),
  ]);
  const consented = await quoteConsented(
    db,
    rows.flatMap((r) => (r.case_id && r.quote ? [r.case_id] : [])),
    now,
  );
  return {
    code,
    items: rows.map((r) => ({
      id: r.id,
      sourceId: r.source_id,
      sourceName: r.source_name,
      caseId: r.case_id,
      caseCode: r.case_code,
      institutionType: r.institution_type,
      perspective: (r.perspective as Perspective | null) ?? null,
      start: r.start_pos,
      end: r.end_pos,
      text: r.text,
      coderName: r.coder_name,
      important: r.important,
      quote: r.quote,
      quoteUsable: r.quote && r.participant_id !== null && consented.has(r.participant_id),
    })),
    total: Number(totals[0]?.n ?? 0),
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

/**
 * The case × code matrix. Rows are the cases with at least one text the actor sees (matching
 * the filters), in case order, a page at a time; each column is a code with everything beneath
 * it. Cells (count and coverage) come from the page's own segments. Column totals over all cases
 * come from the per-case counts the database keeps (qda_case_codes), joined with the blind
 * sources' segments the actor may see, counted live.
 */
export async function matrix(
  db: Db,
  reach: Reach,
  params: Filters & { codeIds?: string[] | undefined; page: number; pageSize: number },
): Promise<Matrix> {
  const { actor, programmeId } = reach;
  const all = new Map((await codesOf(db, programmeId)).map((c) => [c.id, c]));
  const columns = params.codeIds
    ? params.codeIds.map((id) => all.get(id)).filter((c) => c !== undefined)
    : [...all.values()].filter((c) => c.parentId === null && c.archivedAt === null);
  // A code counts in every column whose subtree holds it (a column may sit beneath another).
  const columnsOf = new Map<string, number[]>();
  columns.forEach((c, i) => {
    for (const id of subtreeOf(all, c.id)) columnsOf.set(id, [...(columnsOf.get(id) ?? []), i]);
  });
  const hasSource = sql`exists (select 1 from qda_sources src
      where src.case_id = c.id and src.programme_id = ${programmeId} ${sourceFilters(params)})`;
  const caseRows = await queryRows<{
    id: string;
    code: string;
    institution_type: string;
    total: number | string;
  }>(
    db,
    sql`select c.id, c.code, c.institution_type, count(*) over () as total
        from cases c
        where c.programme_id = ${programmeId} and ${reachSql(actor, sql`c.id`)}
          ${params.institutionType ? sql`and c.institution_type = ${params.institutionType}` : sql``}
          and ${hasSource}
        order by c.code
        limit ${params.pageSize} offset ${(params.page - 1) * params.pageSize}`,
  );
  const pageCases = caseRows.map((r) => r.id);
  const codeIds = [...columnsOf.keys()];
  const [lengths, segments, totals] = await Promise.all([
    pageCases.length === 0
      ? Promise.resolve([])
      : queryRows<{ case_id: string; length: number | string }>(
          db,
          sql`select src.case_id, sum(src.length) as length from qda_sources src
              where src.programme_id = ${programmeId} and ${inArray(sql`src.case_id`, pageCases)}
                ${sourceFilters(params)}
              group by src.case_id`,
        ),
    pageCases.length === 0 || codeIds.length === 0
      ? Promise.resolve([])
      : queryRows<{
          case_id: string;
          source_id: string;
          code_id: string;
          start: number;
          end: number;
        }>(
          db,
          sql`select src.case_id, s.source_id, s.code_id, s.start_pos as start, s.end_pos as "end"
              from qda_sources src
              join qda_segments s on s.source_id = src.id and s.deleted_at is null
              where src.programme_id = ${programmeId} and ${inArray(sql`src.case_id`, pageCases)}
                and ${inArray(sql`s.code_id`, codeIds)} and ${visibleSegmentRaw(reach)}
                ${sourceFilters(params)}`,
        ),
    columns.length === 0
      ? Promise.resolve([])
      : columnTotals(
          db,
          reach,
          params,
          columns.map((c) => c.id),
          columnsOf,
        ),
  ]);
  const lengthOf = new Map(lengths.map((l) => [l.case_id, Number(l.length)]));
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
    const row = cells.get(s.case_id);
    if (!row) continue;
    for (const col of columnsOf.get(s.code_id) ?? []) {
      const cell = row[col]!;
      cell.count += 1;
      cell.ranges.set(s.source_id, [...(cell.ranges.get(s.source_id) ?? []), s]);
    }
  }
  return {
    codes: columns.map((c) => ({ id: c.id, name: c.name, color: c.color })),
    rows: caseRows.map((r) => {
      const length = lengthOf.get(r.id) ?? 0;
      return {
        caseId: r.id,
        caseCode: r.code,
        institutionType: r.institution_type,
        cells: cells.get(r.id)!.map((cell) => {
          let covered = 0;
          for (const ranges of cell.ranges.values()) covered += unionLength(ranges);
          return { count: cell.count, coverage: length > 0 ? covered / length : 0 };
        }),
      };
    }),
    totals,
    total: Number(caseRows[0]?.total ?? 0),
    page: params.page,
    pageSize: params.pageSize,
  };
}

/**
 * Per column: segments and cases over every case the actor reaches (filters applied). The kept
 * team totals answer for the actor's teams, the kept case counts for cases assigned to them in
 * other teams; blind sources are counted live, their case only when it is not counted already.
 */
async function columnTotals(
  db: Db,
  reach: Reach,
  params: Filters,
  columnCodes: string[],
  columnsOf: Map<string, number[]>,
): Promise<{ count: number; cases: number }[]> {
  const { actor, programmeId } = reach;
  const { teams, assignedElsewhere } = teamReach(reach);
  const heads = sql.join(
    columnCodes.map((id, col) => sql`(${id}::uuid, ${col}::int)`),
    sql`, `,
  );
  const members = sql.join(
    [...columnsOf.entries()].flatMap(([id, cols]) =>
      cols.map((col) => sql`(${id}::uuid, ${col}::int, ${columnCodes[col]!}::uuid)`),
    ),
    sql`, `,
  );
  const sub = countColumn('a', 'sub', params.perspective);
  const rows = await queryRows<{ col: number; count: number | string; cases: number | string }>(
    db,
    sql`select col, sum(n) as count, sum(k) as cases from (
          select m.col, ${countColumn('t', 'sub', params.perspective)} as n, ${countColumn('t', 'cases', params.perspective)} as k
          from qda_team_codes t
          join (values ${heads}) as m(code_id, col) on m.code_id = t.code_id
          where ${teams}
            ${params.institutionType ? sql`and t.institution_type = ${params.institutionType}` : sql``}
          union all
          select m.col, ${sub} as n, 1 as k
          from qda_case_codes a
          join (values ${heads}) as m(code_id, col) on m.code_id = a.code_id
          join cases c on c.id = a.case_id
          where ${sub} > 0 and ${assignedElsewhere}
            ${params.institutionType ? sql`and c.institution_type = ${params.institutionType}` : sql``}
          union all
          select m.col, count(*) as n,
            (not exists (select 1 from qda_case_codes a
              where a.code_id = m.head and a.case_id = src.case_id and ${sub} > 0))::int as k
          from qda_sources src
          join qda_segments s on s.source_id = src.id and s.deleted_at is null
          join (values ${members}) as m(code_id, col, head) on m.code_id = s.code_id
          where src.programme_id = ${programmeId} and src.blind and src.case_id is not null
            and ${reachSql(actor, sql`src.case_id`)} and ${visibleSegmentRaw(reach)}
            ${sourceFilters(params)}
          group by m.col, m.head, src.case_id
        ) counted
        group by col`,
  );
  const totals = columnCodes.map(() => ({ count: 0, cases: 0 }));
  for (const r of rows) totals[r.col] = { count: Number(r.count), cases: Number(r.cases) };
  return totals;
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

/** Up to this many matching texts, results are ranked by relevance; beyond, in case order. */
export const rankedSearchLimit = 500;

/** Characters of text around the first hit that a snippet is chosen from. */
const headlineWindow = { before: 800, after: 1600 };

type SearchRow = {
  id: string;
  name: string;
  kind: string;
  case_id: string | null;
  case_code: string | null;
  perspective: string | null;
  rank: number | null;
  headline: string;
};

/**
 * How a page in case order is read when many texts match. From the cases in code order, testing
 * each of their texts against the query, costs about `casesFirstCost` matching tests (each reads
 * a text's search vector) per text that must be passed over; from the index, all matches are
 * joined to their cases and the first ones kept, costing a little per match. The first wins when
 * matches are dense: matches² ≥ casesFirstCost · (offset + page size) · texts.
 */
const casesFirstCost = 30;

/**
 * Dutch full-text search over the texts the actor sees. Matching reads only the GIN index, never
 * the texts' search vectors: when many texts match (a frequent word), ranking them all would mean
 * reading every matching vector, so beyond `rankedSearchLimit` matches the results come in case
 * order, as in the other cross-case views, and the answer says so (`order`). The planner is told
 * to use the index (`enable_seqscan` off for this transaction only): it does not count the cost of
 * reading large vectors, and would otherwise scan the table for a frequent word. The total is
 * counted on its own (one pass over the index's matches, joined to the cases the actor reaches),
 * so the page query never materialises every match; a page in case order is read from the cases
 * in code order when matches are dense, else from the index (see `casesFirstCost`).
 */
export async function search(
  db: Db,
  reach: Reach,
  params: Filters & { q: string; page: number; pageSize: number },
  tuning: { rankLimit?: number; casesFirst?: boolean } = {},
): Promise<SearchResult> {
  const rankLimit = tuning.rankLimit ?? rankedSearchLimit;
  const { actor, programmeId } = reach;
  const query = sql`websearch_to_tsquery('dutch', ${params.q})`;
  const matches = sql`${qdaSources.programmeId} = ${programmeId} and ${qdaSources.search} @@ ${query}`;
  const filters = sql.join(
    filterSql(params).map((f) => sql` and ${f}`),
    sql``,
  );
  const teamIds = [...actor.teamIds];
  // The actor's reach on a case row `c` (team or assignment), written on the row itself so a
  // scan of the cases in code order can stop after a page.
  const caseReach = sql`(${teamIds.length > 0 ? inArray(sql`c.team_id`, teamIds) : sql`false`}
    or c.id in (select ca.case_id from case_assignments ca where ca.user_id = ${actor.userId}))`;
  const options = `StartSel=${startMark}, StopSel=${stopMark}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const offset = (params.page - 1) * params.pageSize;
  const upTo = offset + params.pageSize;
  // The headline is made from a window around the first place a searched stem occurs (Dutch
  // stems are nearly always the start of the word as written), so the database does not parse
  // whole transcripts for it; where that window holds no match (the stem began another word),
  // from the whole text.
  const stems = (
    await queryRows<{ lexeme: string }>(
      db,
      sql`select lexeme from unnest(to_tsvector('dutch', ${params.q})) order by lexeme limit 8`,
    )
  ).map((r) => r.lexeme);
  const firstHit =
    stems.length === 0
      ? sql`null::int`
      : sql`least(${sql.join(
          stems.map((stem) => sql`nullif(strpos(lower(src.body), ${stem}), 0)`),
          sql`, `,
        )})`;
  const headlineText = sql`case when ${firstHit} is null then src.body
    else substr(src.body, greatest(1, ${firstHit} - ${headlineWindow.before}), ${headlineWindow.before + headlineWindow.after}) end`;
  const withHeadlines = (pageRows: SQL, outerOrder: SQL) =>
    sql`select page.*, p.kind as perspective,
          case when strpos(w.headline, ${startMark}) > 0 then w.headline
            else ts_headline('dutch', src.body, ${query}, ${options}) end as headline
        from (${pageRows}) page
        join qda_sources src on src.id = page.id
        cross join lateral (
          select ts_headline('dutch', ${headlineText}, ${query}, ${options}) as headline
        ) w
        left join participants p on p.id = page.participant_id
        order by ${outerOrder}`;
  const columns = (rank: SQL) => sql`${qdaSources.id} as id, ${qdaSources.name} as name,
    ${qdaSources.kind} as kind, ${qdaSources.caseId} as case_id, c.code as case_code,
    ${qdaSources.participantId} as participant_id, ${rank} as rank`;
  const { rows, order, total } = await db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const [counted] = await queryRows<{ cased: number | string; caseless: number | string }>(
      tx,
      sql`select count(*) filter (where c.id is not null and ${caseReach}) as cased,
          count(*) filter (where ${qdaSources.caseId} is null) as caseless
        from ${qdaSources}
        left join cases c on c.id = ${qdaSources.caseId}
        where ${matches}${filters}`,
    );
    const cased = Number(counted?.cased ?? 0);
    const total = cased + Number(counted?.caseless ?? 0);
    if (total <= rankLimit) {
      const rank = sql`ts_rank(${qdaSources.search}, ${query})`;
      const pageRows = sql`select ${columns(rank)}
        from ${qdaSources}
        left join cases c on c.id = ${qdaSources.caseId}
        where ${matches}${filters}
          and (${qdaSources.caseId} is null or (c.id is not null and ${caseReach}))
        order by rank desc, ${qdaSources.id}
        limit ${params.pageSize} offset ${offset}`;
      const rows = await queryRows<SearchRow>(
        tx,
        withHeadlines(pageRows, sql`page.rank desc, page.id`),
      );
      return { rows, order: 'relevance' as const, total };
    }
    let casesFirst = tuning.casesFirst;
    if (casesFirst === undefined) {
      const [estimate] = await queryRows<{ texts: number | string }>(
        tx,
        sql`select greatest(reltuples, 0) as texts from pg_class where oid = 'qda_sources'::regclass`,
      );
      casesFirst = cased * cased >= casesFirstCost * upTo * Number(estimate?.texts ?? 0);
    }
    // Cases first: the cases in code order, each joined to its matching texts (a nested loop
    // over the case index); from the index: every match joined to its case, the first kept.
    const casedRows = casesFirst
      ? sql`select ${columns(sql`null::real`)}
          from cases c
          join ${qdaSources} on ${qdaSources.caseId} = c.id and ${matches}${filters}
          where c.programme_id = ${programmeId} and ${caseReach}
          order by c.code, ${qdaSources.name}, ${qdaSources.id}
          limit ${upTo}`
      : sql`select ${columns(sql`null::real`)}
          from ${qdaSources}
          join cases c on c.id = ${qdaSources.caseId}
          where ${matches}${filters} and ${caseReach}
          order by c.code, ${qdaSources.name}, ${qdaSources.id}
          limit ${upTo}`;
    const caselessRows = sql`select ${qdaSources.id} as id, ${qdaSources.name} as name,
          ${qdaSources.kind} as kind, null::uuid as case_id, null::text as case_code,
          ${qdaSources.participantId} as participant_id, null::real as rank
        from ${qdaSources}
        where ${matches}${filters} and ${qdaSources.caseId} is null
        order by ${qdaSources.name}, ${qdaSources.id}
        limit ${upTo}`;
    const pageRows = sql`select * from ((${casedRows}) union all (${caselessRows})) m
      order by m.case_code nulls last, m.name, m.id
      limit ${params.pageSize} offset ${offset}`;
    const rows = await queryRows<SearchRow>(
      tx,
      withHeadlines(pageRows, sql`page.case_code nulls last, page.name, page.id`),
    );
    return { rows, order: 'case' as const, total };
  });
  return {
    items: rows.map((r) => ({
      sourceId: r.id,
      sourceName: r.name,
      kind: r.kind as SourceKind,
      caseId: r.case_id,
      caseCode: r.case_code,
      perspective: (r.perspective as Perspective | null) ?? null,
      rank: r.rank === null ? null : Number(r.rank),
      snippet: snippetParts(r.headline),
    })),
    order,
    total,
    page: params.page,
    pageSize: params.pageSize,
  };
}
