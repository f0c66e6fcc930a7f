// Reads of access-table monitoring: the lists, a region's tables, the register (filtered and
// paged in SQL) and the regions an actor can use.
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { Tx } from '../../db/context';
import type {
  AccessTable,
  MonitoringListName,
  Registration,
  RegistrationListQuery,
} from '../../../shared/contract/monitoring';
import { users } from '../auth/schema';
import { regions } from '../organisations/schema';
import type { Lists, RegionTable } from './rules';
import {
  accessRegistrations,
  accessTableMembers,
  accessTables,
  monitoringListEntries,
} from './schema';

type Reader = Db | Tx;

export async function loadLists(db: Reader): Promise<Lists> {
  const rows = await db
    .select()
    .from(monitoringListEntries)
    .orderBy(asc(monitoringListEntries.sortOrder), asc(monitoringListEntries.code));
  const lists: Lists = { problem_area: [], question_type: [] };
  for (const row of rows)
    lists[row.list as MonitoringListName].push({
      code: row.code,
      label: row.label,
      isArchived: row.archivedAt !== null,
    });
  return lists;
}

export async function regionTables(db: Reader, regionCode: string): Promise<RegionTable[]> {
  const rows = await db
    .select({
      id: accessTables.id,
      name: accessTables.name,
      kind: accessTables.kind,
      archivedAt: accessTables.archivedAt,
      threshold: accessTables.smallCellThreshold,
    })
    .from(accessTables)
    .where(eq(accessTables.regionCode, regionCode))
    .orderBy(asc(accessTables.sortKey), asc(accessTables.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    threshold: r.threshold,
    isArchived: r.archivedAt !== null,
  }));
}

/** Every access table with its region and members, for administrators. */
export async function listAccessTables(db: Reader, tableId?: string): Promise<AccessTable[]> {
  const tables = await db
    .select({
      id: accessTables.id,
      regionCode: accessTables.regionCode,
      regionName: regions.name,
      name: accessTables.name,
      kind: accessTables.kind,
      smallCellThreshold: accessTables.smallCellThreshold,
      archivedAt: accessTables.archivedAt,
      version: accessTables.version,
    })
    .from(accessTables)
    .innerJoin(regions, eq(regions.code, accessTables.regionCode))
    .where(tableId ? eq(accessTables.id, tableId) : undefined)
    .orderBy(asc(regions.sortKey), asc(accessTables.sortKey), asc(accessTables.id));
  const ids = tables.map((t) => t.id);
  const members =
    ids.length === 0
      ? []
      : await db
          .select({
            tableId: accessTableMembers.tableId,
            userId: users.id,
            name: users.displayName,
            email: users.email,
          })
          .from(accessTableMembers)
          .innerJoin(users, eq(users.id, accessTableMembers.userId))
          .where(inArray(accessTableMembers.tableId, ids))
          .orderBy(asc(users.displayName));
  return tables.map((t) => ({
    id: t.id,
    regionCode: t.regionCode,
    regionName: t.regionName,
    name: t.name,
    kind: t.kind as AccessTable['kind'],
    smallCellThreshold: t.smallCellThreshold,
    isArchived: t.archivedAt !== null,
    version: t.version,
    members: members
      .filter((m) => m.tableId === t.id)
      .map(({ userId, name, email }) => ({ userId, name, email })),
  }));
}

/** Regions that have access tables (archived ones too), in Dutch order. */
export async function regionsWithTables(db: Reader): Promise<{ code: string; name: string }[]> {
  return db
    .selectDistinct({ code: regions.code, name: regions.name, sortKey: regions.sortKey })
    .from(regions)
    .innerJoin(accessTables, eq(accessTables.regionCode, regions.code))
    .orderBy(asc(regions.sortKey), asc(regions.code))
    .then((rows) => rows.map(({ code, name }) => ({ code, name })));
}

const registrationColumns = {
  id: accessRegistrations.id,
  regionCode: accessRegistrations.regionCode,
  tableId: accessRegistrations.tableId,
  tableName: accessTables.name,
  discussedOn: accessRegistrations.discussedOn,
  reference: accessRegistrations.reference,
  referringTeam: accessRegistrations.referringTeam,
  ageBand: accessRegistrations.ageBand,
  problemAreas: accessRegistrations.problemAreas,
  questionType: accessRegistrations.questionType,
  informationSufficient: accessRegistrations.informationSufficient,
  informationMissing: accessRegistrations.informationMissing,
  outcome: accessRegistrations.outcome,
  missingHelp: accessRegistrations.missingHelp,
  daysWaiting: accessRegistrations.daysWaiting,
  hasExplanatoryAnalysis: accessRegistrations.hasExplanatoryAnalysis,
  bottlenecks: accessRegistrations.bottlenecks,
  version: accessRegistrations.version,
  updatedAt: accessRegistrations.updatedAt,
};

type RegistrationRow = {
  [K in keyof typeof registrationColumns]: unknown;
} & { updatedAt: Date };

function present(row: RegistrationRow): Registration {
  return { ...(row as unknown as Registration), updatedAt: row.updatedAt.toISOString() };
}

export async function listRegistrations(
  db: Reader,
  regionCode: string,
  query: Omit<RegistrationListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number },
): Promise<{ items: Registration[]; total: number }> {
  const where = and(
    eq(accessRegistrations.regionCode, regionCode),
    isNull(accessRegistrations.deletedAt),
    query.tableId ? eq(accessRegistrations.tableId, query.tableId) : undefined,
    query.from ? gte(accessRegistrations.discussedOn, query.from) : undefined,
    query.to ? lte(accessRegistrations.discussedOn, query.to) : undefined,
    query.outcome ? eq(accessRegistrations.outcome, query.outcome) : undefined,
    query.questionType ? eq(accessRegistrations.questionType, query.questionType) : undefined,
    query.problemArea
      ? sql`${query.problemArea} = any(${accessRegistrations.problemAreas})`
      : undefined,
  );
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(registrationColumns)
      .from(accessRegistrations)
      .innerJoin(accessTables, eq(accessTables.id, accessRegistrations.tableId))
      .where(where)
      .orderBy(desc(accessRegistrations.discussedOn), desc(accessRegistrations.createdAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(accessRegistrations).where(where),
  ]);
  return { items: rows.map((r) => present(r as RegistrationRow)), total: Number(totalRow?.n ?? 0) };
}

export async function readRegistration(
  db: Reader,
  regionCode: string,
  registrationId: string,
): Promise<Registration | null> {
  const [row] = await db
    .select(registrationColumns)
    .from(accessRegistrations)
    .innerJoin(accessTables, eq(accessTables.id, accessRegistrations.tableId))
    .where(
      and(
        eq(accessRegistrations.id, registrationId),
        eq(accessRegistrations.regionCode, regionCode),
        isNull(accessRegistrations.deletedAt),
      ),
    );
  return row ? present(row as RegistrationRow) : null;
}
