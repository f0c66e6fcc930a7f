// The supporting segments of a thread: every segment of its codes (and codes beneath them) in the
// cases the reader reaches, in case order, a page at a time with a cursor, with a little text
// around each. Blind sources are left out, as in the counts. The page is read from the cases in
// code order, so the database stops after the page; the total comes from the kept counts.
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { Tx } from '../../db/context';
import { queryRows } from '../../db/raw';
import { AppError } from '../../http/errors';
import type { Actor } from '../../policy/policy';
import { perspectives } from '../../../shared/contract/coding';
import type {
  EvidencePerspective,
  ThreadSegment,
  ThreadSegments,
  ThreadSegmentsQuery,
} from '../../../shared/contract/evidence';
import { quoteConsented } from '../coding/segments';
import { caseReachOnRow, codeTree, threadCodeSet, threadsOfProgramme, topCodes } from './evidence';

/** Characters of context shown on either side of a segment. */
export const contextLength = 160;

export type ThreadRef = { programmeId: string; threadId: string; linked: string[] };

/** The thread of the programme with its linked codes; 404 when it is not of the programme. */
export async function threadOf(
  db: Db | Tx,
  programmeId: string,
  threadId: string,
): Promise<ThreadRef> {
  const found = await threadsOfProgramme(db, programmeId, [threadId]);
  const linked = found.get(threadId);
  if (!linked) throw new AppError('NOT_FOUND');
  return { programmeId, threadId, linked };
}

type Cursor = [caseCode: string, sourceId: string, start: number, segmentId: string];

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 4 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(value[1]) &&
      Number.isInteger(value[2]) &&
      typeof value[3] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(value[3])
    )
      return value as Cursor;
  } catch {
    // falls through to the error below
  }
  throw new AppError('INVALID_INPUT', 'Deze vervolgpagina bestaat niet (meer). Begin bovenaan.', {
    fields: [{ path: 'cursor', message: 'Onbekende vervolgpagina' }],
  });
}

/** The perspective of a source `src` joined with its participant `p`, as evidence names it. */
const perspectiveSql = sql`coalesce(p.kind, 'dossier')`;

/** Kept-count column (of qda_case_codes `a`) for the segments of a perspective. */
function keptColumn(perspective: EvidencePerspective | undefined): SQL {
  if (!perspective) return sql`a.sub_total`;
  if (perspective === 'dossier')
    return sql.raw(`(a.sub_total - ${perspectives.map((p) => `a.sub_${p}`).join(' - ')})`);
  return sql.raw(`a.sub_${perspective}`);
}

/** Cuts context at a word boundary and marks the cut with an ellipsis. */
function trimBefore(text: string, cut: boolean): string {
  if (!cut) return text;
  const space = text.search(/\s/);
  return `…${space >= 0 && space < 40 ? text.slice(space) : text}`;
}
function trimAfter(text: string, cut: boolean): string {
  if (!cut) return text;
  const space = text.search(/\s\S*$/);
  return `${space > text.length - 40 ? text.slice(0, space) : text}…`;
}

export async function threadSegments(
  db: Db,
  actor: Actor,
  thread: ThreadRef,
  query: ThreadSegmentsQuery,
  now: Date,
): Promise<ThreadSegments> {
  const tree = await codeTree(db, thread.programmeId);
  const all = threadCodeSet(tree, thread.linked);
  let codes: string[];
  let heads: string[];
  if (query.codeId) {
    if (!all.has(query.codeId))
      throw new AppError('INVALID_INPUT', 'Deze code hoort niet bij deze rode draad.', {
        fields: [{ path: 'codeId', message: 'Kies een code van deze rode draad' }],
      });
    codes = [...threadCodeSet(tree, [query.codeId])];
    heads = [query.codeId];
  } else {
    codes = [...all];
    heads = topCodes(tree, thread.linked);
  }
  if (codes.length === 0) return { items: [], total: 0, nextCursor: null };
  const caseFilters = sql.join(
    [
      query.institutionType ? sql`and c.institution_type = ${query.institutionType}` : sql``,
      query.regionCode ? sql`and c.region_code = ${query.regionCode}` : sql``,
    ],
    sql` `,
  );
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rowsQuery = sql`select s.id, s.source_id, src.name as source_name, c.id as case_id,
      c.code as case_code, c.institution_type, c.region_code, ${perspectiveSql} as perspective,
      src.participant_id, s.code_id, k.name as code_name, k.color as code_color, s.start_pos,
      substr(src.body, greatest(1, s.start_pos + 1 - ${contextLength}), least(s.start_pos, ${contextLength})) as before,
      substr(src.body, s.start_pos + 1, s.end_pos - s.start_pos) as text,
      substr(src.body, s.end_pos + 1, ${contextLength}) as after,
      s.start_pos > ${contextLength} as cut_before,
      src.length - s.end_pos > ${contextLength} as cut_after,
      exists (select 1 from synthesis_thread_quotes q
        where q.thread_id = ${thread.threadId} and q.segment_id = s.id) as chosen
    from cases c
    join qda_segments s on s.case_id = c.id and ${inArray(sql`s.code_id`, codes)} and s.deleted_at is null
    join qda_sources src on src.id = s.source_id and not src.blind
    left join participants p on p.id = src.participant_id
    join qda_codes k on k.id = s.code_id
    where c.programme_id = ${thread.programmeId} and ${caseReachOnRow(actor, 'c')} ${caseFilters}
      ${query.perspective ? sql`and ${perspectiveSql} = ${query.perspective}` : sql``}
      ${after ? sql`and (c.code, s.source_id, s.start_pos, s.id) > (${after[0]}, ${after[1]}::uuid, ${after[2]}::int, ${after[3]}::uuid)` : sql``}
    order by c.code, s.source_id, s.start_pos, s.id
    limit ${query.limit + 1}`;
  const totalQuery = sql`select coalesce(sum(${keptColumn(query.perspective)}), 0)::int as n
    from qda_case_codes a
    join cases c on c.id = a.case_id
    where ${inArray(sql`a.code_id`, heads)} and c.programme_id = ${thread.programmeId}
      and ${caseReachOnRow(actor, 'c')} ${caseFilters}`;
  const [rows, totals] = await Promise.all([
    queryRows<{
      id: string;
      source_id: string;
      source_name: string;
      case_id: string;
      case_code: string;
      institution_type: string;
      region_code: string;
      perspective: EvidencePerspective;
      participant_id: string | null;
      code_id: string;
      code_name: string;
      code_color: string;
      start_pos: number;
      before: string;
      text: string;
      after: string;
      cut_before: boolean;
      cut_after: boolean;
      chosen: boolean;
    }>(db, rowsQuery),
    queryRows<{ n: number }>(db, totalQuery),
  ]);
  const page = rows.slice(0, query.limit);
  const consented = await quoteConsented(
    db,
    page.flatMap((r) => (r.participant_id ? [r.case_id] : [])),
    now,
  );
  const last = page[page.length - 1];
  const items: ThreadSegment[] = page.map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    sourceName: r.source_name,
    caseId: r.case_id,
    caseCode: r.case_code,
    institutionType: r.institution_type,
    regionCode: r.region_code,
    perspective: r.perspective,
    codeId: r.code_id,
    codeName: r.code_name,
    codeColor: r.code_color,
    before: trimBefore(r.before, r.cut_before),
    text: r.text,
    after: trimAfter(r.after, r.cut_after),
    chosen: r.chosen,
    quoteUsable: r.participant_id !== null && consented.has(r.participant_id),
  }));
  return {
    items,
    total: Number(totals[0]?.n ?? 0),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([last.case_code, last.source_id, last.start_pos, last.id])
        : null,
  };
}
