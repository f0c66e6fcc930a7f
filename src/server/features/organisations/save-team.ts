// Commands that create, edit, archive and restore teams and manage their members.
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { runCommand, translateDbError, type RequestContext, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import { dutchSortKey } from '../../../shared/domain/dutch-sort';
import type { TeamRoleLabel } from '../../../shared/contract/organisations';
import { users } from '../auth/schema';
import { programmes, teamMemberships, teams } from './schema';
import { expectOneRow } from './versioned-update';

export type TeamInput = {
  name: string;
  programmeId: string;
  municipalityCode: string;
  plannedSessions: number;
};

const foreignKeyMessage = 'Het gekozen programma of de gekozen gemeente bestaat niet.';

async function assertActiveProgramme(tx: Tx, programmeId: string) {
  const rows = await tx
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.id, programmeId), isNull(programmes.archivedAt)));
  if (rows.length === 0) {
    throw new AppError('INVALID_INPUT', 'Dit programma bestaat niet of is gearchiveerd.', {
      fields: [{ path: 'programmeId', message: 'Dit programma bestaat niet of is gearchiveerd.' }],
    });
  }
}

export async function createTeam(ctx: RequestContext, input: TeamInput): Promise<string> {
  return runCommand(ctx, async ({ tx, now }) => {
    await assertActiveProgramme(tx, input.programmeId);
    const [row] = await tx
      .insert(teams)
      .values({ ...input, sortKey: dutchSortKey(input.name), createdAt: now, updatedAt: now })
      .returning({ id: teams.id })
      .catch((e: unknown) => translateDbError(e, { foreignKey: foreignKeyMessage }));
    if (!row) throw new Error('insert returned no row');
    return row.id;
  });
}

export async function updateTeam(
  ctx: RequestContext,
  id: string,
  input: TeamInput & { version: number },
) {
  return runCommand(ctx, async ({ tx, now }) => {
    const { version, ...fields } = input;
    await assertActiveProgramme(tx, fields.programmeId);
    const updated = await tx
      .update(teams)
      .set({
        ...fields,
        sortKey: dutchSortKey(fields.name),
        updatedAt: now,
        version: sql`${teams.version} + 1`,
      })
      .where(and(eq(teams.id, id), eq(teams.version, version)))
      .returning({ id: teams.id })
      .catch((e: unknown) => translateDbError(e, { foreignKey: foreignKeyMessage }));
    return expectOneRow(
      updated,
      async () =>
        (await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, id))).length > 0,
    );
  });
}

export async function setTeamArchived(ctx: RequestContext, id: string, isArchived: boolean) {
  return runCommand(ctx, async ({ tx, now }) => {
    const updated = await tx
      .update(teams)
      .set({
        archivedAt: isArchived ? now : null,
        updatedAt: now,
        version: sql`${teams.version} + 1`,
      })
      .where(eq(teams.id, id))
      .returning({ id: teams.id });
    return expectOneRow(updated, async () => false);
  });
}

export async function addTeamMember(
  ctx: RequestContext,
  teamId: string,
  input: { userId: string; roleLabel: TeamRoleLabel },
) {
  return runCommand(ctx, async ({ tx, now }) => {
    const team = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
    if (team.length === 0) throw new AppError('NOT_FOUND');
    const user = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(and(eq(users.id, input.userId), ne(users.status, 'disabled')));
    const found = user[0];
    if (!found) {
      throw new AppError('INVALID_INPUT', 'Deze gebruiker bestaat niet.', {
        fields: [{ path: 'userId', message: 'Deze gebruiker bestaat niet.' }],
      });
    }
    if (found.role === 'participant' || found.role === 'policymaker') {
      throw new AppError(
        'INVALID_INPUT',
        'Jeugdigen, ouders en beleidsmakers kunnen geen lid zijn van een uitvoeringsteam.',
        {
          fields: [{ path: 'userId', message: 'Deze gebruiker kan geen teamlid zijn.' }],
        },
      );
    }
    await tx
      .insert(teamMemberships)
      .values({ teamId, userId: input.userId, roleLabel: input.roleLabel, createdAt: now })
      .onConflictDoUpdate({
        target: [teamMemberships.teamId, teamMemberships.userId],
        set: { roleLabel: input.roleLabel },
      });
  });
}

export async function removeTeamMember(ctx: RequestContext, teamId: string, userId: string) {
  return runCommand(ctx, async ({ tx }) => {
    const removed = await tx
      .delete(teamMemberships)
      .where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, userId)))
      .returning({ userId: teamMemberships.userId });
    if (removed.length === 0) throw new AppError('NOT_FOUND');
  });
}
