// A database full of synthetic cases for the timeline-read, case-list and coding rows: made with
// `npm run seed:synthetic` (timed) in a temp PGlite folder or on a throwaway PostgreSQL cluster
// (scripts/pg-test-cluster.sh), plus a researcher with TOTP (made with `npm run cli`) who is a
// member of every synthetic team, and the facts the rows need: a case with exactly 100 timeline
// items, a frequent institution type + region pair, and the database size.
//
// With or without interviews: the timeline and case-list rows seed with `--no-interviews` (fast,
// and the figures stay comparable with earlier runs); the coding rows seed the interviews,
// transcripts and codings too. Nothing is cached between runs: every call seeds a new temp
// database, and the returned database says whether it has interviews.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { acquireDataLock } from '../src/server/db/data-lock';
import { openPglite, openPostgres, type Database } from '../src/server/db/connect';
import { syntheticProgrammeName } from '../scripts/seed-synthetic';
import {
  childEnv,
  freePort,
  makeTempDir,
  removeTempDir,
  repoRoot,
  sleep,
  startProcess,
  stopProcess,
  tsxBin,
} from './processes';
import { addPostgresGroup, removeGroup } from './server-groups';

export type Kind = 'pglite' | 'postgres';

export const benchResearcher = {
  email: 'onderzoeker@bench.test',
  password: 'benchmark wachtwoord lang genoeg',
};

export type SyntheticDatabase = {
  kind: Kind;
  cases: number;
  /** Seeded with interviews, transcripts and codings (else `--no-interviews`). */
  interviews: boolean;
  /** Wall time of `npm run seed:synthetic` as a child process, start-up and initdb included. */
  seedWallMs: number;
  /** The seed's own time for writing the cases (from its summary), null if not found. */
  seedReportedMs: number | null;
  /** pg_database_size after seeding. */
  databaseBytes: number;
  /** Size of the PGlite folder on disk (null on PostgreSQL). */
  folderBytes: number | null;
  appEnv: NodeJS.ProcessEnv;
  baselineEnv: NodeJS.ProcessEnv;
  totpSecret: string;
  /** A case with exactly 100 live items (the one with most comments among those). */
  timelineCaseId: string;
  timelineComments: number;
  /** The most frequent institution type + region pair, and a status, for the list filters. */
  filter: { institutionType: string; regionCode: string; matches: number };
  cleanup: () => Promise<void>;
};

export function hasPostgres(): boolean {
  try {
    return fs
      .readdirSync('/usr/lib/postgresql')
      .some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  } catch {
    return false;
  }
}

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderSize(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

/** Runs the seed as a child process, echoing its latest progress line every 15 s. */
async function seed(env: NodeJS.ProcessEnv, args: string[], cases: number, timeoutMs: number) {
  const started = performance.now();
  const managed = startProcess(
    'npm run seed:synthetic',
    tsxBin,
    ['scripts/seed-synthetic.ts', '--cases', String(cases), '--seed', '1', ...args],
    env,
  );
  let lastShown = '';
  for (;;) {
    const exit = await Promise.race([managed.exited, sleep(15_000).then(() => null)]);
    const lines = managed.outputTail().trim().split('\n');
    const progress = [...lines]
      .reverse()
      .find((l) => /casussen \(\d+%\)/.test(l))
      ?.trim();
    if (progress && progress !== lastShown) {
      console.error(`    seed: ${progress}`);
      lastShown = progress;
    }
    if (exit) {
      await stopProcess(managed, 5_000);
      if (exit.code !== 0)
        throw new Error(`seed:synthetic failed (exit ${exit.code}):\n${managed.outputTail()}`);
      const reported = /toegevoegd in ([\d.,]+) s/.exec(managed.outputTail())?.[1];
      return {
        wallMs: performance.now() - started,
        reportedMs: reported ? Number(reported.replaceAll('.', '').replace(',', '.')) * 1000 : null,
      };
    }
    if (performance.now() - started > timeoutMs) {
      await stopProcess(managed);
      throw new Error(`seed:synthetic did not finish within ${timeoutMs / 60_000} minutes`);
    }
  }
}

function createResearcher(env: NodeJS.ProcessEnv): string {
  const result = spawnSync(
    tsxBin,
    [
      'src/server/cli/main.ts',
      'user',
      'add',
      '--email',
      benchResearcher.email,
      '--role',
      'researcher',
      '--password-stdin',
      '--totp',
    ],
    { cwd: repoRoot, env, input: benchResearcher.password, encoding: 'utf8' },
  );
  const secret = /TOTP-geheim: ([A-Z2-7]+)/.exec(result.stdout)?.[1];
  if (result.status !== 0 || !secret) throw new Error(`cli user add failed: ${result.stderr}`);
  return secret;
}

export type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Team memberships for the bench researcher, and the facts the rows need. */
async function inspect(query: Query) {
  await query(
    `insert into team_memberships (team_id, user_id, role_label)
     select t.id, u.id, 'action_learner' from teams t join programmes p on p.id = t.programme_id
     cross join users u where p.name = $1 and u.email = $2 on conflict do nothing`,
    [syntheticProgrammeName, benchResearcher.email],
  );
  const [picked] = await query(
    `select i.case_id, (select count(*) from timeline_comments c where c.case_id = i.case_id)::int as comments
     from timeline_items i where i.deleted_at is null
     group by i.case_id having count(*) = 100 order by 2 desc, 1 limit 1`,
  );
  if (!picked) throw new Error('no synthetic case has exactly 100 timeline items');
  const [pair] = await query(
    `select institution_type, region_code, count(*)::int as n from cases
     group by 1, 2 order by 3 desc, 1, 2 limit 1`,
  );
  const [size] = await query('select pg_database_size(current_database())::bigint as bytes');
  return {
    timelineCaseId: String(picked.case_id),
    timelineComments: Number(picked.comments),
    filter: {
      institutionType: String(pair?.institution_type),
      regionCode: String(pair?.region_code),
      matches: Number(pair?.n),
    },
    databaseBytes: Number(size?.bytes),
  };
}

/** More preparation on the seeded database, after the researcher joined every team. */
export type Extra<T> = (database: Database, query: Query) => Promise<T>;

export async function prepareSyntheticDatabase<T = undefined>(
  kind: Kind,
  cases: number,
  options: { interviews: boolean; shortTranscripts?: boolean; extra?: Extra<T> },
): Promise<SyntheticDatabase & { extra: T | undefined }> {
  const dataDir = makeTempDir(`ketenlens-bench-synthetic-${kind}-`);
  const seedArgs = !options.interviews
    ? ['--no-interviews']
    : options.shortTranscripts
      ? ['--short-transcripts']
      : [];
  const what = `${cases.toLocaleString('en-US')} synthetic cases ${options.interviews ? `with interviews and codings${options.shortTranscripts ? ' (--short-transcripts)' : ''}` : '(--no-interviews)'}`;
  // Interviews make the seed about ten times slower (the transcripts' tsvector above all).
  const seedTimeoutMs = (options.interviews ? 120 : 60) * 60_000;
  if (kind === 'pglite') {
    const appEnv = childEnv({ KETENLENS_DATA_DIR: dataDir });
    console.error(`  seeding ${what} into PGlite…`);
    const seeded = await seed(appEnv, ['--data-dir', dataDir, ...seedArgs], cases, seedTimeoutMs);
    const totpSecret = createResearcher(appEnv);
    const lock = acquireDataLock(dataDir);
    const database = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
    const client = (
      database.db as unknown as {
        $client: {
          query: (t: string, p?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
        };
      }
    ).$client;
    let facts: Awaited<ReturnType<typeof inspect>>;
    let extra: T | undefined;
    try {
      const query: Query = async (text, params) => (await client.query(text, params)).rows;
      facts = await inspect(query);
      extra = await options.extra?.(database, query);
    } finally {
      await database.close();
      lock.release();
    }
    return {
      kind,
      cases,
      interviews: options.interviews,
      extra,
      seedWallMs: seeded.wallMs,
      seedReportedMs: seeded.reportedMs,
      folderBytes: folderSize(path.join(dataDir, 'pglite')),
      ...facts,
      appEnv,
      baselineEnv: childEnv({ BASELINE_PGLITE_DIR: dataDir }),
      totpSecret,
      cleanup: async () => removeTempDir(dataDir),
    };
  }
  const clusterDir = makeTempDir('ketenlens-bench-synthetic-pg-');
  const port = await freePort();
  const started = spawnSync('scripts/pg-test-cluster.sh', ['start', clusterDir, String(port)], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (started.status !== 0) throw new Error(`could not start PostgreSQL: ${started.stderr}`);
  const group = addPostgresGroup(path.join(clusterDir, 'data'));
  const cleanup = async () => {
    removeGroup(group);
    spawnSync('scripts/pg-test-cluster.sh', ['stop', clusterDir], { cwd: repoRoot });
    removeTempDir(clusterDir);
    removeTempDir(dataDir);
  };
  try {
    const serverUrl = started.stdout.trim();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query('create database kl_bench');
    await admin.end();
    const url = serverUrl.replace(/\/postgres$/, '/kl_bench');
    const appEnv = { ...childEnv({ KETENLENS_DATA_DIR: dataDir }), DATABASE_URL: url };
    console.error(`  seeding ${what} into PostgreSQL…`);
    const seeded = await seed(appEnv, seedArgs, cases, seedTimeoutMs);
    const totpSecret = createResearcher(appEnv);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let facts: Awaited<ReturnType<typeof inspect>>;
    let extra: T | undefined;
    try {
      const query: Query = async (text, params) => (await client.query(text, params)).rows;
      facts = await inspect(query);
      if (options.extra) {
        const database = await openPostgres(url, { max: 2 });
        try {
          extra = await options.extra(database, query);
        } finally {
          await database.close();
        }
      }
    } finally {
      await client.end();
    }
    return {
      kind,
      cases,
      interviews: options.interviews,
      extra,
      seedWallMs: seeded.wallMs,
      seedReportedMs: seeded.reportedMs,
      folderBytes: null,
      ...facts,
      appEnv,
      baselineEnv: childEnv({ BASELINE_DATABASE_URL: url }),
      totpSecret,
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
