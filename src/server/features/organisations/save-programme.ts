// Commands that create, edit, archive and restore programmes.
import { and, eq, sql } from 'drizzle-orm';
import { runCommand, translateDbError, type RequestContext } from '../../db/context';
import { dutchSortKey } from '../../../shared/domain/dutch-sort';
import type { StakeholderGroup } from '../../../shared/contract/organisations';
import { programmes } from './schema';
import { expectOneRow } from './versioned-update';

export type ProgrammeInput = {
  name: string;
  periodStart: string;
  periodEnd: string | null;
  learningGoals: string;
  stakeholderGroups: StakeholderGroup[];
  smallCellThreshold: number;
};

export async function createProgramme(ctx: RequestContext, input: ProgrammeInput): Promise<string> {
  return runCommand(ctx, async ({ tx, now }) => {
    const [row] = await tx
      .insert(programmes)
      .values({ ...input, sortKey: dutchSortKey(input.name), createdAt: now, updatedAt: now })
      .returning({ id: programmes.id })
      .catch((e: unknown) => translateDbError(e));
    if (!row) throw new Error('insert returned no row');
    return row.id;
  });
}

export async function updateProgramme(
  ctx: RequestContext,
  id: string,
  input: ProgrammeInput & { version: number },
) {
  return runCommand(ctx, async ({ tx, now }) => {
    const { version, ...fields } = input;
    const updated = await tx
      .update(programmes)
      .set({
        ...fields,
        sortKey: dutchSortKey(fields.name),
        updatedAt: now,
        version: sql`${programmes.version} + 1`,
      })
      .where(and(eq(programmes.id, id), eq(programmes.version, version)))
      .returning({ id: programmes.id })
      .catch((e: unknown) => translateDbError(e));
    return expectOneRow(
      updated,
      async () =>
        (await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, id)))
          .length > 0,
    );
  });
}

export async function setProgrammeArchived(ctx: RequestContext, id: string, isArchived: boolean) {
  return runCommand(ctx, async ({ tx, now }) => {
    const updated = await tx
      .update(programmes)
      .set({
        archivedAt: isArchived ? now : null,
        updatedAt: now,
        version: sql`${programmes.version} + 1`,
      })
      .where(eq(programmes.id, id))
      .returning({ id: programmes.id });
    return expectOneRow(updated, async () => false);
  });
}
