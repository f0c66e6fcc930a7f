// `npm run demo`: the same app on its own fresh data folder (./data-demo, or DEMO_DATA_DIR),
// filled with the fictional demo programme; prints the demo logins.
import fs from 'node:fs';
import path from 'node:path';
import { start } from '../src/server/main';
import { acquireDataLock, DataFolderLockedError } from '../src/server/db/data-lock';
import { seedDemo } from './demo-data';

const dataDir = path.resolve(process.env.DEMO_DATA_DIR ?? 'data-demo');
if (process.env.DATABASE_URL) {
  console.error(
    'npm run demo gebruikt altijd een eigen ingebouwde database; haal DATABASE_URL weg.',
  );
  process.exit(1);
}
// Refuse to wipe a folder that a running demo still holds.
try {
  acquireDataLock(dataDir).release();
} catch (error) {
  if (error instanceof DataFolderLockedError) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
fs.rmSync(dataDir, { recursive: true, force: true });
process.env.KETENLENS_DATA_DIR = dataDir;
process.env.KETENLENS_DEMO = '1';

await start({
  onReady: async (app, database) => {
    const { password, logins } = await seedDemo(database.db);
    const width = Math.max(...logins.map((l) => l.email.length));
    console.log(
      '\nDemo: een fictief programma met twee uitvoeringsteams en een fictieve casus. Alle namen zijn verzonnen.',
    );
    console.log(`Inloggen op ${app.config.publicUrl}/login met wachtwoord ${password}:\n`);
    for (const login of logins) console.log(`  ${login.email.padEnd(width)}  ${login.role}`);
    console.log('');
  },
});
