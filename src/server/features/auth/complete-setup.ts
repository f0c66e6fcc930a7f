// Completes the first-administrator setup: uses the one-time link, creates the administrator
// and logs them in, all in one transaction.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { runCommand, type RequestContext } from '../../db/context';
import { AppError } from '../../http/errors';
import { dutchSortKey } from '../../../shared/domain/dutch-sort';
import { oneTimeLinks, users } from './schema';
import { hashPassword } from './passwords';
import { createSession } from './sessions';
import { hashToken } from './tokens';

export type CompleteSetupInput = {
  token: string;
  email: string;
  displayName: string;
  password: string;
};

export async function completeSetup(
  ctx: RequestContext & { isDemo: boolean },
  input: CompleteSetupInput,
) {
  const passwordHash = await hashPassword(input.password);
  return runCommand(ctx, async ({ tx, now, audit }) => {
    // Marking the link used first makes two simultaneous submissions race for one row.
    const used = await tx
      .update(oneTimeLinks)
      .set({ usedAt: now })
      .where(
        and(
          eq(oneTimeLinks.tokenHash, hashToken(input.token)),
          eq(oneTimeLinks.purpose, 'setup'),
          isNull(oneTimeLinks.usedAt),
          gt(oneTimeLinks.expiresAt, now),
        ),
      )
      .returning({ tokenHash: oneTimeLinks.tokenHash });
    if (used.length === 0) throw new AppError('TOKEN_INVALID');
    const existing = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, input.email))
      .limit(1);
    if (existing.length > 0) {
      throw new AppError('CONFLICT', 'Er bestaat al een account met dit e-mailadres.', {
        fields: [{ path: 'email', message: 'Er bestaat al een account met dit e-mailadres.' }],
      });
    }
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        displayName: input.displayName,
        role: 'admin',
        passwordHash,
        status: 'active',
        sortKey: dutchSortKey(input.displayName),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id });
    if (!user) throw new Error('insert returned no row');
    // An administrator sees other people's data: two-factor login is set up next.
    const session = await createSession(tx, user.id, now, ctx.isDemo ? 'full' : 'enrol_totp');
    await audit(
      {
        userId: user.id,
        resourceType: 'user',
        resourceId: user.id,
        action: 'create',
        grounds: 'self',
        outcome: 'success',
      },
      {
        userId: user.id,
        resourceType: 'session',
        action: 'login',
        grounds: 'self',
        outcome: 'success',
      },
    );
    return { userId: user.id, ...session };
  });
}

export async function checkSetupToken(ctx: RequestContext, token: string) {
  const now = ctx.now ? ctx.now() : new Date();
  const rows = await ctx.db
    .select({ purpose: oneTimeLinks.purpose })
    .from(oneTimeLinks)
    .where(
      and(
        eq(oneTimeLinks.tokenHash, hashToken(token)),
        isNull(oneTimeLinks.usedAt),
        gt(oneTimeLinks.expiresAt, now),
      ),
    )
    .limit(1);
  const row = rows[0];
  if (!row) throw new AppError('TOKEN_INVALID');
  return { valid: true as const, purpose: row.purpose as 'setup' | 'invitation' | 'reset' };
}
