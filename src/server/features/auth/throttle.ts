// Login throttling and temporary lockout, per account and per client address. Failures are
// counted in the database, so every app instance sees the same counts.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import type { Tx } from '../../db/context';
import { loginThrottle } from './schema';
import { hashToken } from './tokens';

export const throttlePolicy = {
  account: { maxFailures: 5, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 },
  address: { maxFailures: 20, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 },
};

/** Accounts are keyed by a hash of the email typed, so unknown addresses are throttled alike. */
export function throttleKeys(email: string, address: string) {
  return { account: `account:${hashToken(email.toLowerCase())}`, address: `address:${address}` };
}

/** Seconds until the lock lifts, or 0 when neither key is locked. */
export async function lockedForSeconds(db: Db | Tx, keys: string[], now: Date): Promise<number> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  let until = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil > now)
      until = Math.max(until, row.lockedUntil.getTime());
  }
  return until === 0 ? 0 : Math.ceil((until - now.getTime()) / 1000);
}

/** Counts one failure for each key; returns true when this failure locks one of them. */
export async function recordFailure(
  db: Db | Tx,
  keys: { account: string; address: string },
  now: Date,
): Promise<boolean> {
  let didLock = false;
  for (const [kind, key] of Object.entries(keys) as ['account' | 'address', string][]) {
    const policy = throttlePolicy[kind];
    const windowStart = new Date(now.getTime() - policy.windowMs);
    const [row] = await db
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then ${now} else ${loginThrottle.windowStartedAt} end`,
        },
      })
      .returning({ failures: loginThrottle.failures });
    if (row && row.failures >= policy.maxFailures) {
      await db
        .update(loginThrottle)
        .set({
          lockedUntil: new Date(now.getTime() + policy.lockMs),
          failures: 0,
          windowStartedAt: now,
        })
        .where(eq(loginThrottle.key, key));
      didLock = true;
    }
  }
  return didLock;
}

export async function clearFailures(db: Db | Tx, key: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
