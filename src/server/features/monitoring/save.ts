// Commands of access-table monitoring: registrations (create, change with a version check,
// remove), the import of checked rows in one transaction, access tables and their members, and
// the two editable lists. Each change and its access-log entry commit together.
import { and, eq, isNull, max } from 'drizzle-orm';
import { runCommand, translateDbError, type RequestContext, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import type { FieldError } from '../../../shared/contract/common';
import type {
  AccessTableInput,
  AccessTableUpdate,
  MonitoringListName,
  RegistrationInput,
} from '../../../shared/contract/monitoring';
import { dutchSortKey } from '../../../shared/domain/dutch-sort';
import { todayIso } from '../../../shared/domain/fuzzy-date';
import { users } from '../auth/schema';
import { regions } from '../organisations/schema';
import type { RegionReach } from './access';
import { loadLists, regionTables } from './queries';
import { checkRegistration } from './rules';
import {
  accessRegistrations,
  accessTableMembers,
  accessTables,
  monitoringImports,
  monitoringListEntries,
} from './schema';

type Ctx = RequestContext & { reach: RegionReach };

export type CheckedRegistration = Omit<
  RegistrationInput,
  'informationMissing' | 'missingHelp' | 'bottlenecks'
> & {
  informationMissing: string;
  missingHelp: string;
  bottlenecks: string;
};

function invalid(fields: FieldError[]): never {
  throw new AppError('INVALID_INPUT', fields[0]?.message ?? undefined, { fields });
}

function values(input: CheckedRegistration) {
  return {
    tableId: input.tableId,
    discussedOn: input.discussedOn,
    reference: input.reference,
    referringTeam: input.referringTeam,
    ageBand: input.ageBand,
    problemAreas: [...input.problemAreas],
    questionType: input.questionType,
    informationSufficient: input.informationSufficient,
    informationMissing: input.informationSufficient === 'yes' ? '' : input.informationMissing,
    outcome: input.outcome,
    missingHelp: input.outcome === 'no_fitting_offer' ? input.missingHelp : '',
    daysWaiting: input.daysWaiting,
    hasExplanatoryAnalysis: input.hasExplanatoryAnalysis,
    bottlenecks: input.bottlenecks,
  };
}

export async function createRegistration(ctx: Ctx, input: CheckedRegistration): Promise<string> {
  const regionCode = ctx.reach.region.code;
  return runCommand(ctx, async ({ tx, now, actor, audit }) => {
    const [lists, tables] = await Promise.all([loadLists(tx), regionTables(tx, regionCode)]);
    const errors = checkRegistration(input, { today: todayIso(now), lists, tables });
    if (errors.length > 0) invalid(errors);
    const [row] = await tx
      .insert(accessRegistrations)
      .values({
        ...values(input),
        regionCode,
        createdBy: actor?.userId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: accessRegistrations.id });
    await audit({
      resourceType: 'access_registration',
      resourceId: row!.id,
      action: 'create',
      grounds: ctx.reach.grounds,
      outcome: 'success',
    });
    return row!.id;
  });
}

async function lockRegistration(tx: Tx, regionCode: string, id: string, version: number) {
  const [row] = await tx
    .select()
    .from(accessRegistrations)
    .where(
      and(
        eq(accessRegistrations.id, id),
        eq(accessRegistrations.regionCode, regionCode),
        isNull(accessRegistrations.deletedAt),
      ),
    )
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  if (row.version !== version) throw new AppError('CONFLICT');
  return row;
}

export async function updateRegistration(
  ctx: Ctx,
  id: string,
  input: CheckedRegistration & { version: number },
): Promise<void> {
  const regionCode = ctx.reach.region.code;
  await runCommand(ctx, async ({ tx, now, audit }) => {
    const before = await lockRegistration(tx, regionCode, id, input.version);
    const [lists, tables] = await Promise.all([loadLists(tx), regionTables(tx, regionCode)]);
    const errors = checkRegistration(input, {
      today: todayIso(now),
      lists,
      tables,
      previous: before,
    });
    if (errors.length > 0) invalid(errors);
    await tx
      .update(accessRegistrations)
      .set({ ...values(input), version: before.version + 1, updatedAt: now })
      .where(eq(accessRegistrations.id, id));
    await audit({
      resourceType: 'access_registration',
      resourceId: id,
      action: 'update',
      grounds: ctx.reach.grounds,
      outcome: 'success',
    });
  });
}

export async function removeRegistration(ctx: Ctx, id: string, version: number): Promise<void> {
  const regionCode = ctx.reach.region.code;
  await runCommand(ctx, async ({ tx, now, audit }) => {
    const before = await lockRegistration(tx, regionCode, id, version);
    await tx
      .update(accessRegistrations)
      .set({ deletedAt: now, version: before.version + 1, updatedAt: now })
      .where(eq(accessRegistrations.id, id));
    await audit({
      resourceType: 'access_registration',
      resourceId: id,
      action: 'delete',
      grounds: ctx.reach.grounds,
      outcome: 'success',
    });
  });
}

/** Stores checked rows of an import in one transaction and removes the upload. */
export async function importRegistrations(
  ctx: Ctx,
  importId: string,
  rows: readonly CheckedRegistration[],
): Promise<number> {
  const regionCode = ctx.reach.region.code;
  return runCommand(ctx, async ({ tx, now, actor, audit }) => {
    const [lists, tables] = await Promise.all([loadLists(tx), regionTables(tx, regionCode)]);
    const today = todayIso(now);
    for (const row of rows) {
      const errors = checkRegistration(row, { today, lists, tables });
      if (errors.length > 0) invalid(errors);
    }
    // In slices: one statement per 500 rows keeps the parameter count far below the limit.
    for (let i = 0; i < rows.length; i += 500)
      await tx.insert(accessRegistrations).values(
        rows.slice(i, i + 500).map((r) => ({
          ...values(r),
          regionCode,
          createdBy: actor?.userId ?? null,
          createdAt: now,
          updatedAt: now,
        })),
      );
    const deleted = await tx
      .delete(monitoringImports)
      .where(and(eq(monitoringImports.id, importId), eq(monitoringImports.userId, actor!.userId)))
      .returning({ id: monitoringImports.id });
    if (deleted.length === 0) throw new AppError('NOT_FOUND');
    await audit({
      resourceType: 'access_import',
      resourceId: importId,
      action: 'import',
      grounds: ctx.reach.grounds,
      outcome: 'success',
    });
    return rows.length;
  });
}

// ---- Access tables ----

export async function createAccessTable(
  ctx: RequestContext,
  input: AccessTableInput,
): Promise<string> {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const [region] = await tx.select().from(regions).where(eq(regions.code, input.regionCode));
    if (!region) invalid([{ path: 'regionCode', message: 'Deze regio bestaat niet' }]);
    const [row] = await tx
      .insert(accessTables)
      .values({
        regionCode: input.regionCode,
        name: input.name,
        kind: input.kind,
        smallCellThreshold: input.smallCellThreshold ?? 5,
        sortKey: dutchSortKey(input.name),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: accessTables.id });
    await audit({
      resourceType: 'access_table',
      resourceId: row!.id,
      action: 'create',
      grounds: 'administrator',
      outcome: 'success',
    });
    return row!.id;
  });
}

export async function updateAccessTable(
  ctx: RequestContext,
  id: string,
  input: AccessTableUpdate,
): Promise<void> {
  await runCommand(ctx, async ({ tx, now, audit }) => {
    const [before] = await tx
      .select()
      .from(accessTables)
      .where(eq(accessTables.id, id))
      .for('update');
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== input.version) throw new AppError('CONFLICT');
    await tx
      .update(accessTables)
      .set({
        name: input.name,
        kind: input.kind,
        smallCellThreshold: input.smallCellThreshold ?? before.smallCellThreshold,
        sortKey: dutchSortKey(input.name),
        archivedAt: input.isArchived ? (before.archivedAt ?? now) : null,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(accessTables.id, id));
    await audit({
      resourceType: 'access_table',
      resourceId: id,
      action: 'update',
      grounds: 'administrator',
      outcome: 'success',
    });
  });
}

export async function setTableMember(
  ctx: RequestContext,
  tableId: string,
  userId: string,
  isMember: boolean,
): Promise<void> {
  await runCommand(ctx, async ({ tx, now, audit }) => {
    const [table] = await tx
      .select({ id: accessTables.id })
      .from(accessTables)
      .where(eq(accessTables.id, tableId));
    if (!table) throw new AppError('NOT_FOUND');
    if (isMember) {
      const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId));
      if (!user) invalid([{ path: 'userId', message: 'Deze gebruiker bestaat niet' }]);
      if (!['researcher', 'professional', 'expert_by_experience'].includes(user.role))
        invalid([
          {
            path: 'userId',
            message:
              'Alleen onderzoekers, professionals en ervaringsdeskundigen kunnen lid zijn van een tafel',
          },
        ]);
      await tx
        .insert(accessTableMembers)
        .values({ tableId, userId, createdAt: now })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(accessTableMembers)
        .where(and(eq(accessTableMembers.tableId, tableId), eq(accessTableMembers.userId, userId)));
    }
    await audit({
      resourceType: 'access_table',
      resourceId: tableId,
      action: 'update',
      grounds: 'administrator',
      outcome: 'success',
    });
  });
}

// ---- The editable lists ----

export async function addListEntry(
  ctx: RequestContext,
  list: MonitoringListName,
  input: { code: string; label: string },
): Promise<void> {
  await runCommand(ctx, async ({ tx, audit }) => {
    const [last] = await tx
      .select({ n: max(monitoringListEntries.sortOrder) })
      .from(monitoringListEntries)
      .where(eq(monitoringListEntries.list, list));
    try {
      await tx
        .insert(monitoringListEntries)
        .values({ list, code: input.code, label: input.label, sortOrder: (last?.n ?? 0) + 1 });
    } catch (error) {
      translateDbError(error, {
        unique: 'Deze code bestaat al in deze lijst.',
        uniqueField: 'code',
      });
    }
    await audit({
      resourceType: 'monitoring_list',
      resourceId: `${list}:${input.code}`,
      action: 'create',
      grounds: 'administrator',
      outcome: 'success',
    });
  });
}

export async function updateListEntry(
  ctx: RequestContext,
  list: MonitoringListName,
  code: string,
  input: { label: string; isArchived: boolean },
): Promise<void> {
  await runCommand(ctx, async ({ tx, now, audit }) => {
    const [before] = await tx
      .select()
      .from(monitoringListEntries)
      .where(and(eq(monitoringListEntries.list, list), eq(monitoringListEntries.code, code)));
    if (!before) throw new AppError('NOT_FOUND');
    await tx
      .update(monitoringListEntries)
      .set({ label: input.label, archivedAt: input.isArchived ? (before.archivedAt ?? now) : null })
      .where(and(eq(monitoringListEntries.list, list), eq(monitoringListEntries.code, code)));
    await audit({
      resourceType: 'monitoring_list',
      resourceId: `${list}:${code}`,
      action: 'update',
      grounds: 'administrator',
      outcome: 'success',
    });
  });
}

export async function orderList(
  ctx: RequestContext,
  list: MonitoringListName,
  codes: readonly string[],
): Promise<void> {
  await runCommand(ctx, async ({ tx, audit }) => {
    const rows = await tx
      .select({ code: monitoringListEntries.code })
      .from(monitoringListEntries)
      .where(eq(monitoringListEntries.list, list));
    const known = new Set(rows.map((r) => r.code));
    if (codes.length !== known.size || codes.some((c) => !known.has(c)))
      invalid([{ path: 'codes', message: 'Geef elke code van de lijst precies één keer' }]);
    // A list holds a few dozen entries: one small update each.
    for (const [index, code] of codes.entries())
      await tx
        .update(monitoringListEntries)
        .set({ sortOrder: index + 1 })
        .where(and(eq(monitoringListEntries.list, list), eq(monitoringListEntries.code, code)));
    await audit({
      resourceType: 'monitoring_list',
      resourceId: list,
      action: 'update',
      grounds: 'administrator',
      outcome: 'success',
    });
  });
}
