// Administrators' commands on accounts: invite (a one-time link, there is no mail server),
// edit and change role, disable, reset two-factor login, and create a password-reset link.
// Every change is in the access log; role changes, disabling and resets end the user's sessions.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { runCommand, translateDbError, type RequestContext, type Tx } from '../../db/context';
import { AppError } from '../../http/errors';
import { dutchSortKey } from '../../../shared/domain/dutch-sort';
import type { Role } from '../../../shared/contract/auth';
import { oneTimeLinks, recoveryCodes, users } from './schema';
import { revokeAllSessions } from './sessions';
import { hashToken, newToken } from './tokens';

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;
export const resetLifetimeMs = 24 * 60 * 60 * 1000;

export type LinkPurpose = 'invitation' | 'reset';

export async function createLink(tx: Tx, userId: string, purpose: LinkPurpose, now: Date) {
  // Older unused links of this user and purpose stop working: only the newest one counts.
  await tx
    .update(oneTimeLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeLinks.userId, userId),
        eq(oneTimeLinks.purpose, purpose),
        isNull(oneTimeLinks.usedAt),
      ),
    );
  const token = newToken();
  const expiresAt = new Date(
    now.getTime() + (purpose === 'invitation' ? invitationLifetimeMs : resetLifetimeMs),
  );
  await tx
    .insert(oneTimeLinks)
    .values({ tokenHash: hashToken(token), purpose, userId, createdAt: now, expiresAt });
  return { token, expiresAt, purpose };
}

export async function inviteUser(
  ctx: RequestContext,
  input: { email: string; displayName: string; role: Role; organisationId: string | null },
) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const [row] = await tx
      .insert(users)
      .values({
        ...input,
        status: 'invited',
        sortKey: dutchSortKey(input.displayName),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id })
      .catch((e: unknown) =>
        translateDbError(e, {
          unique: 'Er bestaat al een account met dit e-mailadres.',
          uniqueField: 'email',
          foreignKey: 'Deze organisatie bestaat niet.',
        }),
      );
    if (!row) throw new Error('insert returned no row');
    const link = await createLink(tx, row.id, 'invitation', now);
    await audit(
      {
        resourceType: 'user',
        resourceId: row.id,
        action: 'create',
        grounds: 'administrator',
        outcome: 'success',
      },
      {
        resourceType: 'user',
        resourceId: row.id,
        action: 'link_created',
        grounds: 'administrator',
        outcome: 'success',
      },
    );
    return { userId: row.id, link };
  });
}

export async function createResetLink(ctx: RequestContext, userId: string) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const [user] = await tx
      .select({ status: users.status })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) throw new AppError('NOT_FOUND');
    const link = await createLink(
      tx,
      userId,
      user.status === 'invited' ? 'invitation' : 'reset',
      now,
    );
    await audit({
      resourceType: 'user',
      resourceId: userId,
      action: 'link_created',
      grounds: 'administrator',
      outcome: 'success',
    });
    return link;
  });
}

export async function updateUser(
  ctx: RequestContext,
  userId: string,
  input: { displayName: string; role: Role; organisationId: string | null; version: number },
) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const [before] = await tx
      .select({ role: users.role, version: users.version })
      .from(users)
      .where(eq(users.id, userId));
    if (!before) throw new AppError('NOT_FOUND');
    if (before.version !== input.version) throw new AppError('CONFLICT');
    if (userId === ctx.actor?.userId && input.role !== 'admin') {
      throw new AppError('INVALID_INPUT', 'Je kunt je eigen beheerdersrol niet afnemen.', {
        fields: [{ path: 'role', message: 'Je kunt je eigen beheerdersrol niet afnemen.' }],
      });
    }
    await tx
      .update(users)
      .set({
        displayName: input.displayName,
        role: input.role,
        organisationId: input.organisationId,
        sortKey: dutchSortKey(input.displayName),
        updatedAt: now,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, userId))
      .catch((e: unknown) => translateDbError(e, { foreignKey: 'Deze organisatie bestaat niet.' }));
    await audit({
      resourceType: 'user',
      resourceId: userId,
      action: 'update',
      grounds: 'administrator',
      outcome: 'success',
    });
    if (before.role !== input.role) {
      await audit({
        resourceType: 'user',
        resourceId: userId,
        action: 'role_changed',
        grounds: 'administrator',
        outcome: 'success',
      });
      // Rights change with the role: open sessions must not keep the old ones.
      await revokeAllSessions(tx, userId, now);
    }
  });
}

export async function setUserDisabled(ctx: RequestContext, userId: string, isDisabled: boolean) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    if (userId === ctx.actor?.userId) {
      throw new AppError('INVALID_INPUT', 'Je kunt je eigen account niet blokkeren.');
    }
    const [user] = await tx
      .select({ status: users.status, hasPassword: users.passwordHash })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) throw new AppError('NOT_FOUND');
    const status = isDisabled ? 'disabled' : user.hasPassword ? 'active' : 'invited';
    await tx
      .update(users)
      .set({ status, updatedAt: now, version: sql`${users.version} + 1` })
      .where(eq(users.id, userId));
    if (isDisabled) await revokeAllSessions(tx, userId, now);
    await audit({
      resourceType: 'user',
      resourceId: userId,
      action: isDisabled ? 'user_disabled' : 'update',
      grounds: 'administrator',
      outcome: 'success',
    });
  });
}

export async function resetTotp(ctx: RequestContext, userId: string) {
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const updated = await tx
      .update(users)
      .set({
        totpSecret: null,
        totpEnabledAt: null,
        totpLastTimeStep: null,
        updatedAt: now,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (updated.length === 0) throw new AppError('NOT_FOUND');
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await revokeAllSessions(tx, userId, now);
    await audit({
      resourceType: 'user',
      resourceId: userId,
      action: 'totp_reset',
      grounds: 'administrator',
      outcome: 'success',
    });
  });
}
