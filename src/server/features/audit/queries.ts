// Reading the access log: filtered by user, case, action and period, newest first, paginated in
// the database; and as CSV in chunks, so an export of millions of entries streams.
import { and, count, desc, eq, gte, lte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { offsetOf } from '../../db/paging';
import type { AccessLogEntryView } from '../../../shared/contract/audit';
import type { ListResponse } from '../../../shared/contract/common';
import { users } from '../auth/schema';
import { accessLog } from './schema';

export type AccessLogFilter = {
  userId?: string | undefined;
  caseId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

function conditions(filter: AccessLogFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.userId) parts.push(eq(accessLog.userId, filter.userId));
  if (filter.caseId) parts.push(eq(accessLog.caseId, filter.caseId));
  if (filter.action) parts.push(eq(accessLog.action, filter.action));
  if (filter.from) parts.push(gte(accessLog.at, new Date(filter.from)));
  if (filter.to) parts.push(lte(accessLog.at, new Date(filter.to)));
  return parts.length ? and(...parts) : undefined;
}

const columns = {
  seq: accessLog.seq,
  at: accessLog.at,
  userId: accessLog.userId,
  userName: users.displayName,
  organisationId: accessLog.organisationId,
  role: accessLog.role,
  onBehalfOf: accessLog.onBehalfOf,
  caseId: accessLog.caseId,
  resourceType: accessLog.resourceType,
  resourceId: accessLog.resourceId,
  action: accessLog.action,
  grounds: accessLog.grounds,
  outcome: accessLog.outcome,
  requestId: accessLog.requestId,
};

type Row = Omit<AccessLogEntryView, 'at'> & { at: Date };
const present = (r: Row): AccessLogEntryView => ({ ...r, at: r.at.toISOString() });

export async function listAccessLog(
  params: { db: Db; page: number; pageSize: number } & AccessLogFilter,
): Promise<ListResponse<AccessLogEntryView>> {
  const where = conditions(params);
  const [rows, totals] = await Promise.all([
    params.db
      .select(columns)
      .from(accessLog)
      .leftJoin(users, eq(users.id, accessLog.userId))
      .where(where)
      .orderBy(desc(accessLog.seq))
      .limit(params.pageSize)
      .offset(offsetOf(params)),
    params.db.select({ n: count() }).from(accessLog).where(where),
  ]);
  return {
    items: rows.map(present),
    total: totals[0]?.n ?? 0,
    page: params.page,
    pageSize: params.pageSize,
  };
}

export const csvHeader = [
  'seq',
  'tijd',
  'gebruiker_id',
  'gebruiker',
  'organisatie_id',
  'rol',
  'namens',
  'casus_id',
  'gegevenssoort',
  'gegeven_id',
  'handeling',
  'grondslag',
  'uitkomst',
  'verzoek_id',
];

/** RFC 4180 quoting, and a leading ' for cells a spreadsheet would read as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function* accessLogCsv(
  db: Db,
  filter: AccessLogFilter,
  chunkSize = 5000,
): AsyncGenerator<string> {
  yield `${csvHeader.join(',')}\r\n`;
  const where = conditions(filter);
  let before: number | null = null;
  for (;;) {
    const rows: Row[] = await db
      .select(columns)
      .from(accessLog)
      .leftJoin(users, eq(users.id, accessLog.userId))
      .where(before === null ? where : and(where, lt(accessLog.seq, before)))
      .orderBy(desc(accessLog.seq))
      .limit(chunkSize);
    if (rows.length === 0) return;
    yield (
      rows
        .map((r) =>
          [
            r.seq,
            r.at,
            r.userId,
            r.userName,
            r.organisationId,
            r.role,
            r.onBehalfOf,
            r.caseId,
            r.resourceType,
            r.resourceId,
            r.action,
            r.grounds,
            r.outcome,
            r.requestId,
          ]
            .map(csvCell)
            .join(','),
        )
        .join('\r\n') + '\r\n'
    );
    before = rows[rows.length - 1]!.seq;
    if (rows.length < chunkSize) return;
  }
}
