// Test databases: a fresh PGlite per suite (loaded from the migrated template), and, when
// TEST_DATABASE_URL is set, a fresh database on that PostgreSQL server, dropped afterwards.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../db/connect';
import { migrate } from '../db/migrate';
import { syncCaseReferenceData } from '../features/cases/reference';
import { syncReferenceData } from '../features/organisations/reference-data';
import { syncInstruments } from '../features/instruments/default-instruments';
import { templateEnvName } from './template';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** The database kinds every database suite runs on: PGlite always, the server when configured. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export type TestDatabase = Database & { dispose: () => Promise<void> };

export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const template = process.env[templateEnvName];
    const database =
      template && fs.existsSync(template)
        ? await openPglite({ loadDataDir: new Blob([fs.readFileSync(template)]) })
        : await openPglite({});
    if (!template) {
      await migrate(database);
      await syncReferenceData(database.db);
      await syncCaseReferenceData(database.db);
      await syncInstruments(database.db);
    }
    return { ...database, dispose: () => database.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `kl_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), { max: 4 });
  await migrate(database);
  await syncReferenceData(database.db);
  await syncCaseReferenceData(database.db);
  await syncInstruments(database.db);
  return {
    ...database,
    dispose: async () => {
      await database.close();
      const cleaner = new pg.Client({ connectionString: serverUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}
