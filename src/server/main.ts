// Starts Ketenlens: lock the data folder, open and migrate the database, load reference data,
// build the web app if needed, listen, and print the first-admin setup link on a new database.
import { sql } from 'drizzle-orm';
import { loadConfig } from './config';
import { buildApp } from './app';
import { acquireDataLock, DataFolderLockedError, type DataLock } from './db/data-lock';
import { openPglite, openPostgres, type Database } from './db/connect';
import { migrate } from './db/migrate';
import { syncCaseReferenceData } from './features/cases/reference';
import { syncReferenceData } from './features/organisations/reference-data';
import { syncInstruments } from './features/instruments/default-instruments';
import { createSetupLinkIfNeeded } from './features/auth/setup-link';
import { ensureWebBuild } from './web-build';

export async function start(
  options: {
    onReady?: (app: Awaited<ReturnType<typeof buildApp>>, database: Database) => Promise<void>;
  } = {},
) {
  const config = loadConfig();
  let lock: DataLock | undefined;
  if (config.database.kind === 'pglite') {
    try {
      lock = acquireDataLock(config.dataDir);
    } catch (error) {
      if (error instanceof DataFolderLockedError) {
        console.error(`\n${error.message}\n`);
        process.exit(1);
      }
      throw error;
    }
  }
  if (process.env.KETENLENS_SKIP_WEB_BUILD !== '1') await ensureWebBuild((m) => console.log(m));

  const database =
    config.database.kind === 'pglite'
      ? await openPglite({ dataDir: config.database.dataDir })
      : await openPostgres(config.database.url);
  await migrate(database);
  await syncReferenceData(database.db);
  await syncCaseReferenceData(database.db);
  await syncInstruments(database.db);
  // PGlite runs no autovacuum, so its planner statistics are never refreshed on their own:
  // without them, lists over many cases get poor plans. Refresh them at every start.
  if (database.kind === 'pglite') await database.db.execute(sql`analyze`);

  const app = await buildApp({ config, database });
  let isClosing = false;
  const shutdown = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    lock?.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  if (options.onReady) await options.onReady(app, database);

  const token = await createSetupLinkIfNeeded(database.db, new Date());
  const where =
    config.database.kind === 'pglite'
      ? `ingebouwde PostgreSQL (PGlite) in ${config.database.dataDir}`
      : 'PostgreSQL-server (DATABASE_URL)';
  console.log(`\nKetenlens draait op ${config.publicUrl} met ${where}.`);
  if (token) {
    console.log(
      `\nNog geen beheerder. Open deze eenmalige link om het eerste beheerdersaccount te maken (24 uur geldig):\n\n  ${config.publicUrl}/setup/${token}\n`,
    );
  }
  return { app, database };
}

const isMain =
  import.meta.url === `file://${process.argv[1]}` ||
  process.argv[1]?.endsWith('src/server/main.ts');
if (isMain) {
  start().catch((error: unknown) => {
    console.error('Ketenlens kon niet starten:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
