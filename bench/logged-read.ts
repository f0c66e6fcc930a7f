// Rows for the access-logged read: an authenticated GET /api/teams/:id/members (session lookup,
// team check, member list, one access-log entry per request) at 1 and 50 connections, on PGlite
// and on a throwaway PostgreSQL cluster, against (a) the bare node:http hello-world and (b) a
// hand-written node:http baseline doing the same database work with the same driver and one
// INSERT per request (bench/baseline-read-server.ts). All measured alternately in the same run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import { generate } from 'otplib';
import pg from 'pg';
import {
  childEnv,
  freePort,
  makeTempDir,
  removeTempDir,
  repoRoot,
  startProcess,
  stopProcess,
  tsxBin,
  waitFor200,
  type Managed,
} from './processes';
import { commandFor, type Row } from './report';
import { formatInt, summarize } from './stats';

export const loggedReadIds = ['logged-read-pglite', 'logged-read-postgres'] as const;
export type LoggedReadId = (typeof loggedReadIds)[number];

const settings = { durationS: 5, warmupS: 2, rounds: 2, connections: [1, 50] as const };
const targets = { pglite: 0.8, postgres: 1.0 } as const;
const password = 'benchmark wachtwoord lang genoeg';

type Kind = 'pglite' | 'postgres';
type Database = {
  appEnv: NodeJS.ProcessEnv;
  baselineEnv: NodeJS.ProcessEnv;
  cleanup: () => Promise<void>;
};
type Server = { process: Managed; port: number };

function hasPostgres(): boolean {
  try {
    return fs
      .readdirSync('/usr/lib/postgresql')
      .some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  } catch {
    return false;
  }
}

async function prepareDatabase(kind: Kind): Promise<Database> {
  if (kind === 'pglite') {
    const dataDir = makeTempDir('ketenlens-bench-read-');
    return {
      appEnv: childEnv({ KETENLENS_DATA_DIR: dataDir }),
      baselineEnv: childEnv({ BASELINE_PGLITE_DIR: dataDir }),
      cleanup: async () => removeTempDir(dataDir),
    };
  }
  const clusterDir = makeTempDir('ketenlens-bench-pg-');
  const port = await freePort();
  const started = spawnSync('scripts/pg-test-cluster.sh', ['start', clusterDir, String(port)], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (started.status !== 0) throw new Error(`could not start PostgreSQL: ${started.stderr}`);
  const serverUrl = started.stdout.trim();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('create database kl_bench');
  await admin.end();
  const url = serverUrl.replace(/\/postgres$/, '/kl_bench');
  const dataDir = makeTempDir('ketenlens-bench-pgapp-');
  return {
    appEnv: { ...childEnv({ KETENLENS_DATA_DIR: dataDir }), DATABASE_URL: url },
    baselineEnv: childEnv({ BASELINE_DATABASE_URL: url }),
    cleanup: async () => {
      spawnSync('scripts/pg-test-cluster.sh', ['stop', clusterDir], { cwd: repoRoot });
      removeTempDir(clusterDir);
      removeTempDir(dataDir);
    },
  };
}

async function startServer(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  readyPath: string,
): Promise<Server> {
  const port = await freePort();
  const managed = startProcess(name, tsxBin, [script], {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    KETENLENS_SKIP_WEB_BUILD: '1',
  });
  await waitFor200(managed, port, readyPath, { intervalMs: 50, timeoutMs: 120_000 });
  return { process: managed, port };
}

async function json(
  port: number,
  method: string,
  urlPath: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`http://127.0.0.1:${port}${urlPath}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${urlPath}: ${response.status} ${await response.text()}`);
  return {
    body: (await response.json()) as Record<string, unknown>,
    cookie: response.headers.get('set-cookie')?.split(';')[0],
  };
}

/** An administrator with TOTP (made by the CLI), logged in, with a team of which they are a member. */
async function provision(_database: Database, app: Server, totpSecret: string) {
  const first = await json(app.port, 'POST', '/api/auth/login', {
    email: 'bench@bench.test',
    password,
  });
  const login = await json(app.port, 'POST', '/api/auth/login/totp', {
    challengeToken: first.body.challengeToken,
    code: await generate({ secret: totpSecret }),
  });
  const cookie = login.cookie!;
  const authed = { cookie, 'x-csrf-token': String(login.body.csrfToken) };
  const programme = await json(
    app.port,
    'POST',
    '/api/programmes',
    { name: 'Bench', periodStart: '2026-01-01' },
    authed,
  );
  const team = await json(
    app.port,
    'POST',
    '/api/teams',
    { name: 'Benchteam', programmeId: programme.body.id, municipalityCode: '0363' },
    authed,
  );
  const userId = (login.body.user as { id: string }).id;
  await json(
    app.port,
    'PUT',
    `/api/teams/${String(team.body.id)}/members`,
    { userId, roleLabel: 'other' },
    authed,
  );
  return { cookie, path: `/api/teams/${String(team.body.id)}/members` };
}

function createAdmin(env: NodeJS.ProcessEnv): string {
  const result = spawnSync(
    tsxBin,
    [
      'src/server/cli/main.ts',
      'user',
      'add',
      '--email',
      'bench@bench.test',
      '--role',
      'admin',
      '--password-stdin',
      '--totp',
    ],
    {
      cwd: repoRoot,
      env,
      input: password,
      encoding: 'utf8',
    },
  );
  const secret = /TOTP-geheim: ([A-Z2-7]+)/.exec(result.stdout)?.[1];
  if (result.status !== 0 || !secret) throw new Error(`cli user add failed: ${result.stderr}`);
  return secret;
}

async function measure(port: number, urlPath: string, connections: number, cookie?: string) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${urlPath}`,
    connections,
    duration: settings.durationS,
    warmup: { connections, duration: settings.warmupS },
    timeout: 10,
    headers: cookie ? { cookie } : {},
    renderProgressBar: false,
    renderResultsTable: false,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${urlPath} at ${connections} connections: ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
  }
  return { rps: result.requests.average, p99: result.latency.p99 };
}

type Samples = Map<string, number[]>;

async function runKind(kind: Kind): Promise<Row> {
  const id: LoggedReadId = `logged-read-${kind}`;
  const database = await prepareDatabase(kind);
  const bare = await startServer('bare node:http', 'bench/bare-server.ts', childEnv({}), '/');
  const samples: Samples = new Map();
  const add = (key: string, value: number) =>
    samples.set(key, [...(samples.get(key) ?? []), value]);
  try {
    // Migrate, then create the administrator while the app is stopped (the CLI needs the folder).
    const migrator = await startServer(
      'app (migrate)',
      'src/server/main.ts',
      database.appEnv,
      '/api/health',
    );
    await stopProcess(migrator.process);
    const secret = createAdmin(database.appEnv);
    let target: { cookie: string; path: string } | null = null;
    for (let round = 1; round <= settings.rounds; round++) {
      const app = await startServer('app', 'src/server/main.ts', database.appEnv, '/api/health');
      target ??= await provision(database, app, secret);
      for (const c of settings.connections) {
        console.error(`  ${kind} round ${round}/${settings.rounds}: app, ${c} connection(s)…`);
        add(`app-${c}`, (await measure(app.port, target.path, c, target.cookie)).rps);
      }
      await stopProcess(app.process);
      const baseline = await startServer(
        'baseline',
        'bench/baseline-read-server.ts',
        database.baselineEnv,
        '/health',
      );
      for (const c of settings.connections) {
        console.error(`  ${kind} round ${round}/${settings.rounds}: baseline, ${c} connection(s)…`);
        add(`baseline-${c}`, (await measure(baseline.port, target.path, c, target.cookie)).rps);
      }
      await stopProcess(baseline.process);
      for (const c of settings.connections) {
        console.error(`  ${kind} round ${round}/${settings.rounds}: bare, ${c} connection(s)…`);
        add(`bare-${c}`, (await measure(bare.port, '/', c)).rps);
      }
    }
    return summariseRow(id, kind, samples);
  } finally {
    await stopProcess(bare.process);
    await database.cleanup();
  }
}

function summariseRow(id: LoggedReadId, kind: Kind, samples: Samples): Row {
  const median = (key: string) => summarize(samples.get(key) ?? [Number.NaN]).median;
  const parts: string[] = [];
  const data: Record<string, number> = {};
  for (const c of settings.connections) {
    const app = median(`app-${c}`);
    const baseline = median(`baseline-${c}`);
    const bare = median(`bare-${c}`);
    const toBaseline = app / baseline;
    const toBare = app / bare;
    data[`app_${c}`] = app;
    data[`baseline_${c}`] = baseline;
    data[`bare_${c}`] = bare;
    data[`ratio_baseline_${c}`] = toBaseline;
    data[`ratio_bare_${c}`] = toBare;
    const target =
      c === 50
        ? ` (target ≥ ${targets[kind].toFixed(1)}: ${toBaseline >= targets[kind] ? 'met' : 'NOT met'})`
        : '';
    parts.push(
      `${c} conn: app ${formatInt(app)}, baseline ${formatInt(baseline)}, bare ${formatInt(bare)} req/s → ` +
        `app/baseline ${toBaseline.toFixed(2)}×${target}, app/bare ${toBare.toFixed(3)}×`,
    );
  }
  return {
    id,
    name:
      `authenticated GET /api/teams/:id/members with its access-log entry, ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL (throwaway cluster)'}; ` +
      `autocannon ${settings.durationS} s after ${settings.warmupS} s warm-up, medians of ${settings.rounds} alternating rounds`,
    result: parts.join('; '),
    command: commandFor(id),
    data: {
      ...data,
      runs: Object.fromEntries(samples),
      settings: { ...settings, connections: [...settings.connections] },
    },
  };
}

export async function runLoggedRead(wanted: ReadonlySet<LoggedReadId>): Promise<Row[]> {
  const rows: Row[] = [];
  if (wanted.has('logged-read-pglite')) rows.push(await runKind('pglite'));
  if (wanted.has('logged-read-postgres')) {
    if (hasPostgres()) rows.push(await runKind('postgres'));
    else
      rows.push({
        id: 'logged-read-postgres',
        name: 'authenticated read with access-log entry, PostgreSQL',
        result: 'skipped: PostgreSQL is not installed (apt-get install postgresql)',
        command: commandFor('logged-read-postgres'),
        data: { skipped: true },
      });
  }
  return rows;
}
