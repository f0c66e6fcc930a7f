// The first-administrator setup link: created at start while no administrator exists,
// valid once, for a limited time. A new start invalidates links from earlier starts.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { oneTimeLinks, users } from './schema';
import { hashToken, newToken } from './tokens';

export const setupLinkLifetimeMs = 24 * 60 * 60 * 1000;

export async function hasAdministrator(db: Db): Promise<boolean> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
  return (rows[0]?.n ?? 0) > 0;
}

/** Returns a fresh setup token when the database has no administrator yet, else null. */
export async function createSetupLinkIfNeeded(db: Db, now: Date): Promise<string | null> {
  if (await hasAdministrator(db)) return null;
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx
      .update(oneTimeLinks)
      .set({ usedAt: now })
      .where(and(eq(oneTimeLinks.purpose, 'setup'), isNull(oneTimeLinks.usedAt)));
    await tx.insert(oneTimeLinks).values({
      tokenHash: hashToken(token),
      purpose: 'setup',
      createdAt: now,
      expiresAt: new Date(now.getTime() + setupLinkLifetimeMs),
    });
  });
  return token;
}
