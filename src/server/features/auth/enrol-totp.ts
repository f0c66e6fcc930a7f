// Setting up two-factor login: a new secret (shown as a QR code), confirmed with a first code,
// then ten recovery codes shown once. A session that had to enrol becomes a full session.
import { and, eq, isNull } from 'drizzle-orm';
import { runCommand, type RequestContext } from '../../db/context';
import { AppError } from '../../http/errors';
import type { Actor } from '../../policy/policy';
import { recoveryCodes, users } from './schema';
import { setSessionStage } from './sessions';
import {
  checkTotp,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpEnrolment,
} from './totp';

export async function startTotpEnrolment(ctx: RequestContext & { actor: Actor }) {
  return runCommand(ctx, async ({ tx }) => {
    const [user] = await tx
      .select({ email: users.email, enabledAt: users.totpEnabledAt })
      .from(users)
      .where(eq(users.id, ctx.actor.userId));
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (user.enabledAt) {
      throw new AppError(
        'CONFLICT',
        'Tweestapsverificatie staat al aan. Een beheerder kan haar opnieuw instellen.',
      );
    }
    const secret = newTotpSecret();
    await tx.update(users).set({ totpSecret: secret }).where(eq(users.id, ctx.actor.userId));
    return totpEnrolment(secret, user.email);
  });
}

export async function confirmTotpEnrolment(ctx: RequestContext & { actor: Actor }, code: string) {
  const codes = newRecoveryCodes();
  return runCommand(ctx, async ({ tx, now, audit }) => {
    const [user] = await tx
      .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt })
      .from(users)
      .where(eq(users.id, ctx.actor.userId));
    if (!user?.secret || user.enabledAt) {
      throw new AppError('CONFLICT', 'Er is geen instelling van tweestapsverificatie gestart.');
    }
    const step = await checkTotp(user.secret, code, now, null);
    if (step === null) {
      throw new AppError('TOTP_INVALID', undefined, {
        fields: [{ path: 'code', message: 'Deze code klopt niet.' }],
      });
    }
    const updated = await tx
      .update(users)
      .set({ totpEnabledAt: now, totpLastTimeStep: step })
      .where(and(eq(users.id, ctx.actor.userId), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (updated.length !== 1) throw new AppError('CONFLICT');
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, ctx.actor.userId));
    await tx.insert(recoveryCodes).values(
      codes.map((c) => ({
        userId: ctx.actor.userId,
        codeHash: hashRecoveryCode(c),
        createdAt: now,
      })),
    );
    await setSessionStage(tx, ctx.actor.sessionIdHash, 'full');
    await audit({
      resourceType: 'user',
      resourceId: ctx.actor.userId,
      action: 'totp_enabled',
      grounds: 'self',
      outcome: 'success',
    });
    return { recoveryCodes: codes };
  });
}
