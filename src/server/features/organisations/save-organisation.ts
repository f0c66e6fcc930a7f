// Commands that create, edit, archive and restore organisations.
import { and, eq, sql } from 'drizzle-orm';
import { runCommand, translateDbError, type RequestContext } from '../../db/context';
import { dutchSortKey } from '../../../shared/domain/dutch-sort';
import type { OrganisationType } from '../../../shared/contract/organisations';
import { organisations } from './schema';
import { expectOneRow } from './versioned-update';

export type OrganisationInput = {
  name: string;
  type: OrganisationType;
  municipalityCode: string | null;
};

export async function createOrganisation(
  ctx: RequestContext,
  input: OrganisationInput,
): Promise<string> {
  return runCommand(ctx, async ({ tx, now }) => {
    const [row] = await tx
      .insert(organisations)
      .values({ ...input, sortKey: dutchSortKey(input.name), createdAt: now, updatedAt: now })
      .returning({ id: organisations.id })
      .catch((e: unknown) => translateDbError(e, { foreignKey: 'Deze gemeente bestaat niet.' }));
    if (!row) throw new Error('insert returned no row');
    return row.id;
  });
}

export async function updateOrganisation(
  ctx: RequestContext,
  id: string,
  input: OrganisationInput & { version: number },
) {
  return runCommand(ctx, async ({ tx, now }) => {
    const { version, ...fields } = input;
    const updated = await tx
      .update(organisations)
      .set({
        ...fields,
        sortKey: dutchSortKey(fields.name),
        updatedAt: now,
        version: sql`${organisations.version} + 1`,
      })
      .where(and(eq(organisations.id, id), eq(organisations.version, version)))
      .returning({ id: organisations.id })
      .catch((e: unknown) => translateDbError(e, { foreignKey: 'Deze gemeente bestaat niet.' }));
    return expectOneRow(
      updated,
      async () =>
        (
          await tx
            .select({ id: organisations.id })
            .from(organisations)
            .where(eq(organisations.id, id))
        ).length > 0,
    );
  });
}

export async function setOrganisationArchived(
  ctx: RequestContext,
  id: string,
  isArchived: boolean,
) {
  return runCommand(ctx, async ({ tx, now }) => {
    const updated = await tx
      .update(organisations)
      .set({
        archivedAt: isArchived ? now : null,
        updatedAt: now,
        version: sql`${organisations.version} + 1`,
      })
      .where(eq(organisations.id, id))
      .returning({ id: organisations.id });
    return expectOneRow(updated, async () => false);
  });
}
