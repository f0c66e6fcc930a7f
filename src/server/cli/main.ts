// `npm run cli -- …` and `npm run audit:verify`: the admin command line on the app's database.
// On PGlite it takes the data-folder lock, so it refuses while the app itself is running.
import { loadConfig } from '../config';
import { acquireDataLock, DataFolderLockedError, type DataLock } from '../db/data-lock';
import { openPglite, openPostgres, type Database } from '../db/connect';
import { migrate } from '../db/migrate';
import { CliError, runCli, usage } from './commands';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new CliError('--password-stdin verwacht het wachtwoord via standaardinvoer (een pipe).');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    console.log(usage);
    return 0;
  }
  const config = loadConfig();
  let lock: DataLock | undefined;
  let database: Database | undefined;
  try {
    if (config.database.kind === 'pglite') {
      lock = acquireDataLock(config.dataDir);
      database = await openPglite({ dataDir: config.database.dataDir });
    } else {
      database = await openPostgres(config.database.url, { max: 2 });
    }
    await migrate(database);
    await runCli(argv, database.db, {
      out: (line) => console.log(line),
      readStdin,
      publicUrl: config.publicUrl,
    });
    return 0;
  } catch (error) {
    if (error instanceof DataFolderLockedError) {
      console.error(
        `${error.message}\nDe opdrachtregel werkt op PGlite alleen als de app niet draait.`,
      );
      return 1;
    }
    if (error instanceof CliError) {
      console.error(error.message);
      return error.exitCode;
    }
    console.error('Fout:', error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await database?.close();
    lock?.release();
  }
}

process.exitCode = await main();
