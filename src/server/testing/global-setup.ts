// Vitest global setup: builds one migrated PGlite database with reference data and dumps it,
// so each test file loads a copy in a fraction of the time a fresh initdb takes.
import fs from 'node:fs';
import { openPglite } from '../db/connect';
import { migrate } from '../db/migrate';
import { syncCaseReferenceData } from '../features/cases/reference';
import { syncReferenceData } from '../features/organisations/reference-data';
import { syncInstruments } from '../features/instruments/default-instruments';
import { templateEnvName, templatePath } from './template';

export async function setup() {
  const database = await openPglite({});
  await migrate(database);
  await syncReferenceData(database.db);
  await syncCaseReferenceData(database.db);
  await syncInstruments(database.db);
  const client = (
    database.db as unknown as { $client: { dumpDataDir: (c: 'none') => Promise<Blob> } }
  ).$client;
  const blob = await client.dumpDataDir('none');
  fs.writeFileSync(templatePath, Buffer.from(await blob.arrayBuffer()));
  await database.close();
  process.env[templateEnvName] = templatePath;
  if (!process.env.TEST_DATABASE_URL) {
    console.warn('\n[tests] TEST_DATABASE_URL is not set: database suites run on PGlite only.\n');
  }
}

export async function teardown() {
  fs.rmSync(templatePath, { force: true });
}
