// Login: password first (throttled per account and per address, with temporary lockout), then
// the second factor when the account has one. Every attempt is in the access log.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { runCommand, type RequestContext } from '../../db/context';
import { AppError } from '../../http/errors';
import type { Role, SessionStage } from '../../../shared/contract/auth';
import { loginChallenges, recoveryCodes, users } from './schema';
import { verifyPassword } from './passwords';
import { createSession, revokeSession } from './sessions';
import { clearFailures, lockedForSeconds, recordFailure, throttleKeys } from './throttle';
import { hashToken, newToken } from './tokens';
import { checkTotp, hashRecoveryCode, requiresTotp } from './totp';

const challengeLifetimeMs = 5 * 60 * 1000;
const maxChallengeFailures = 5;

export type LoginContext = RequestContext & { clientAddress: string; isDemo: boolean };

export type LoginResult =
  | { status: 'ok'; userId: string; token: string; csrfToken: string; stage: SessionStage }
  | { status: 'totp_required'; challengeToken: string };

function lockedOut(seconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new AppError(
    'LOCKED_OUT',
    `Te veel mislukte pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    { retryAfterSeconds: seconds },
  );
}

const wrongCredentials = () =>
  new AppError('UNAUTHENTICATED', 'Het e-mailadres of het wachtwoord klopt niet.');

export async function login(
  ctx: LoginContext,
  input: { email: string; password: string },
): Promise<LoginResult> {
  const now = ctx.now ? ctx.now() : new Date();
  const keys = throttleKeys(input.email, ctx.clientAddress);
  const wait = await lockedForSeconds(ctx.db, [keys.account, keys.address], now);
  if (wait > 0) {
    const [target] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, input.email));
    await runCommand(ctx, ({ audit }) =>
      audit({
        userId: target?.id ?? null,
        resourceType: 'session',
        action: 'login_locked',
        grounds: 'none',
        outcome: 'denied',
      }),
    );
    throw lockedOut(wait);
  }
  const [user] = await ctx.db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      status: users.status,
      role: users.role,
      organisationId: users.organisationId,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1);
  const isValid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !isValid || user.status !== 'active') {
    const didLock = await runCommand(ctx, async ({ tx, audit }) => {
      await audit({
        userId: user?.id ?? null,
        resourceType: 'session',
        action: 'login_failed',
        grounds: 'none',
        outcome: 'failure',
      });
      return recordFailure(tx, keys, now);
    });
    if (didLock) throw lockedOut(await lockedForSeconds(ctx.db, [keys.account, keys.address], now));
    throw wrongCredentials();
  }
  await clearFailures(ctx.db, keys.account);

  if (user.totpEnabledAt) {
    const challengeToken = newToken();
    await ctx.db.insert(loginChallenges).values({
      tokenHash: hashToken(challengeToken),
      userId: user.id,
      expiresAt: new Date(now.getTime() + challengeLifetimeMs),
    });
    return { status: 'totp_required', challengeToken };
  }
  const stage: SessionStage =
    requiresTotp(user.role as Role) && !ctx.isDemo ? 'enrol_totp' : 'full';
  return startSession(ctx, user, stage, []);
}

async function startSession(
  ctx: RequestContext,
  subject: { id: string; role: string; organisationId: string | null },
  stage: SessionStage,
  extra: 'recovery_code_used'[],
): Promise<LoginResult> {
  const userId = subject.id;
  const who = { userId, subjectRole: subject.role, subjectOrganisationId: subject.organisationId };
  return runCommand(ctx, async ({ tx, now, audit }) => {
    // A session that was open in this browser is ended: the login gets a new id (no fixation).
    if (ctx.actor) await revokeSession(tx, ctx.actor.sessionIdHash, now);
    const session = await createSession(tx, userId, now, stage);
    for (const action of extra) {
      await audit({ ...who, resourceType: 'session', action, grounds: 'self', outcome: 'success' });
    }
    await audit({
      ...who,
      resourceType: 'session',
      action: 'login',
      grounds: 'self',
      outcome: 'success',
    });
    return {
      status: 'ok' as const,
      userId,
      token: session.token,
      csrfToken: session.csrfToken,
      stage,
    };
  });
}

export async function completeTotpLogin(
  ctx: LoginContext,
  input: { challengeToken: string; code?: string | undefined; recoveryCode?: string | undefined },
): Promise<LoginResult> {
  const now = ctx.now ? ctx.now() : new Date();
  const tokenHash = hashToken(input.challengeToken);
  const [challenge] = await ctx.db
    .select({ userId: loginChallenges.userId, failures: loginChallenges.failures })
    .from(loginChallenges)
    .where(
      and(
        eq(loginChallenges.tokenHash, tokenHash),
        isNull(loginChallenges.usedAt),
        gt(loginChallenges.expiresAt, now),
      ),
    );
  if (!challenge || challenge.failures >= maxChallengeFailures) {
    throw new AppError(
      'TOKEN_INVALID',
      'Deze inlogpoging is verlopen. Log opnieuw in met je wachtwoord.',
    );
  }
  const [user] = await ctx.db
    .select({
      id: users.id,
      secret: users.totpSecret,
      role: users.role,
      organisationId: users.organisationId,
      lastStep: users.totpLastTimeStep,
      status: users.status,
    })
    .from(users)
    .where(eq(users.id, challenge.userId));
  if (!user || !user.secret || user.status !== 'active') throw new AppError('TOKEN_INVALID');

  let isValid = false;
  let usedRecoveryCode = false;
  if (input.code) {
    const step = await checkTotp(user.secret, input.code, now, user.lastStep);
    if (step !== null) {
      // Conditional update: two requests with the same code cannot both win.
      const updated = await ctx.db
        .update(users)
        .set({ totpLastTimeStep: step })
        .where(and(eq(users.id, user.id), sql`coalesce(${users.totpLastTimeStep}, -1) < ${step}`))
        .returning({ id: users.id });
      isValid = updated.length === 1;
    }
  } else if (input.recoveryCode) {
    const used = await ctx.db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(recoveryCodes.userId, user.id),
          eq(recoveryCodes.codeHash, hashRecoveryCode(input.recoveryCode)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ userId: recoveryCodes.userId });
    isValid = used.length === 1;
    usedRecoveryCode = isValid;
  }
  if (!isValid) {
    await runCommand(ctx, async ({ tx, audit }) => {
      await tx
        .update(loginChallenges)
        .set({ failures: sql`${loginChallenges.failures} + 1` })
        .where(eq(loginChallenges.tokenHash, tokenHash));
      await audit({
        userId: user.id,
        resourceType: 'session',
        action: 'login_failed',
        grounds: 'none',
        outcome: 'failure',
      });
    });
    throw new AppError(
      'TOTP_INVALID',
      input.recoveryCode ? 'Deze herstelcode klopt niet of is al gebruikt.' : undefined,
    );
  }
  await ctx.db
    .update(loginChallenges)
    .set({ usedAt: now })
    .where(eq(loginChallenges.tokenHash, tokenHash));
  return startSession(ctx, user, 'full', usedRecoveryCode ? ['recovery_code_used'] : []);
}
