// Opening an invitation or reset link: the user chooses a password. The link works once.
// No session is started here: the user logs in next, with two-factor login where it applies.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { runCommand, type RequestContext } from '../../db/context';
import { AppError } from '../../http/errors';
import { oneTimeLinks, users } from './schema';
import { hashPassword } from './passwords';
import { revokeAllSessions } from './sessions';
import { hashToken } from './tokens';

export async function checkLink(ctx: RequestContext, token: string) {
  const now = ctx.now ? ctx.now() : new Date();
  const [row] = await ctx.db
    .select({ purpose: oneTimeLinks.purpose, displayName: users.displayName })
    .from(oneTimeLinks)
    .leftJoin(users, eq(users.id, oneTimeLinks.userId))
    .where(
      and(
        eq(oneTimeLinks.tokenHash, hashToken(token)),
        isNull(oneTimeLinks.usedAt),
        gt(oneTimeLinks.expiresAt, now),
      ),
    );
  if (!row) throw new AppError('TOKEN_INVALID');
  return {
    valid: true as const,
    purpose: row.purpose as 'setup' | 'invitation' | 'reset',
    displayName: row.displayName,
  };
}

export async function setPasswordWithLink(ctx: RequestContext, token: string, password: string) {
  const passwordHash = await hashPassword(password);
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const [link] = await tx
      .update(oneTimeLinks)
      .set({ usedAt: now })
      .where(
        and(
          eq(oneTimeLinks.tokenHash, hashToken(token)),
          isNull(oneTimeLinks.usedAt),
          gt(oneTimeLinks.expiresAt, now),
        ),
      )
      .returning({ userId: oneTimeLinks.userId, purpose: oneTimeLinks.purpose });
    if (!link || !link.userId || link.purpose === 'setup') throw new AppError('TOKEN_INVALID');
    const [user] = await tx
      .select({ status: users.status })
      .from(users)
      .where(eq(users.id, link.userId));
    if (!user || user.status === 'disabled') throw new AppError('TOKEN_INVALID');
    await tx
      .update(users)
      .set({ passwordHash, status: 'active', updatedAt: now })
      .where(eq(users.id, link.userId));
    await revokeAllSessions(tx, link.userId, now);
    await audit({
      userId: link.userId,
      resourceType: 'user',
      resourceId: link.userId,
      action: 'password_set',
      grounds: 'self',
      outcome: 'success',
    });
  });
}
