import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../testing/database';
import { queryRows } from '../../db/raw';
import { runCommand } from '../../db/context';
import type { AccessLogEntry } from './events';
import { AuditWriter, insertAccessLogEntries } from './write';
import { verifyAccessLogChain } from './verify';

const entry = (n: number, overrides: Partial<AccessLogEntry> = {}): AccessLogEntry => ({
  userId: '00000000-0000-4000-8000-000000000001',
  organisationId: null,
  role: 'researcher',
  resourceType: 'team_members',
  resourceId: `team-${n}`,
  action: 'read',
  grounds: 'team_membership',
  outcome: 'success',
  requestId: `req-${n}`,
  at: new Date(Date.UTC(2026, 10, 24, 9, 0, 0, n)),
  ...overrides,
});

describe.each(testDatabaseKinds())('the access log (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  const count = async () =>
    Number(
      (
        await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from access_log`)
      )[0]!.n,
    );

  it('chains entries and verifies an intact chain', async () => {
    await insertAccessLogEntries(database.db, [entry(1), entry(2), entry(3)]);
    const report = await verifyAccessLogChain(database.db);
    expect(report).toEqual({ isIntact: true, checked: 3 });
  });

  it('groups the entries of concurrent callers into few inserts, and resolves only after they are stored', async () => {
    const writer = new AuditWriter(database.db);
    const before = await count();
    await Promise.all(Array.from({ length: 50 }, (_, i) => writer.record([entry(100 + i)])));
    expect(await count()).toBe(before + 50);
    expect(writer.stats.entries).toBe(50);
    expect(writer.stats.inserts).toBeLessThanOrEqual(2);
    expect((await verifyAccessLogChain(database.db)).isIntact).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(
      database.db.execute(sql`update access_log set action = 'list' where seq = 1`),
    ).rejects.toThrow();
    await expect(database.db.execute(sql`delete from access_log where seq = 1`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate access_log`)).rejects.toThrow();
    expect((await verifyAccessLogChain(database.db)).isIntact).toBe(true);
  });

  it('rejects every caller of a failed batch, so no response goes out without its entry', async () => {
    const writer = new AuditWriter(database.db);
    const bad = entry(999, { outcome: 'maybe' as AccessLogEntry['outcome'] });
    const results = await Promise.allSettled([writer.record([entry(998)]), writer.record([bad])]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
  });

  it('keeps entries written in a command only if the command commits', async () => {
    const before = await count();
    const ctx = { db: database.db, actor: null, requestId: 'cmd-1' };
    await expect(
      runCommand(ctx, async ({ audit }) => {
        await audit({
          resourceType: 'user',
          action: 'update',
          grounds: 'administrator',
          outcome: 'success',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(before);
    expect((await verifyAccessLogChain(database.db)).isIntact).toBe(true);
  });

  it('names the first broken link when a row is changed behind the triggers', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table access_log disable trigger access_log_no_update_delete`);
      await tx.execute(sql`update access_log set resource_id = 'forged' where seq = 2`);
      await tx.execute(sql`alter table access_log enable trigger access_log_no_update_delete`);
    });
    expect(await verifyAccessLogChain(database.db)).toMatchObject({
      isIntact: false,
      firstBrokenSeq: 2,
      reason: 'content_changed',
    });
  });
});

describe.each(testDatabaseKinds())('the access log after a deleted row (%s)', (kind) => {
  it('names the gap', async () => {
    const database = await createTestDatabase(kind);
    try {
      await insertAccessLogEntries(database.db, [entry(1), entry(2), entry(3), entry(4)]);
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table access_log disable trigger access_log_no_update_delete`);
        await tx.execute(sql`delete from access_log where seq = 3`);
        await tx.execute(sql`alter table access_log enable trigger access_log_no_update_delete`);
      });
      expect(await verifyAccessLogChain(database.db, { chunkSize: 2 })).toMatchObject({
        isIntact: false,
        firstBrokenSeq: 3,
        reason: 'entry_missing',
      });
    } finally {
      await database.dispose();
    }
  });
});
