// Logs a user in with email and password and starts a new session.
import { eq } from 'drizzle-orm';
import { runCommand, type RequestContext } from '../../db/context';
import { AppError } from '../../http/errors';
import { users } from './schema';
import { verifyPassword } from './passwords';
import { createSession, revokeSession } from './sessions';

export async function login(ctx: RequestContext, input: { email: string; password: string }) {
  const rows = await ctx.db
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1);
  const user = rows[0];
  const isValid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !isValid || user.status !== 'active') {
    throw new AppError('UNAUTHENTICATED', 'Het e-mailadres of het wachtwoord klopt niet.');
  }
  return runCommand(ctx, async ({ tx, now }) => {
    // A session that was open in this browser is ended: the login gets a new id.
    if (ctx.actor) await revokeSession(tx, ctx.actor.sessionIdHash, now);
    const session = await createSession(tx, user.id, now);
    return { userId: user.id, ...session };
  });
}
