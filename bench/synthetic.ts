// Rows on a database full of synthetic cases (bench/synthetic-db.ts, made with
// `npm run seed:synthetic`), as seen by a researcher who is a member of every team:
//
// - timeline-read-*: an authenticated GET /api/cases/:id/timeline of a case with exactly 100
//   items, with its access-log entry, at 1 and 50 connections, against the hand-written baseline
//   bench/baseline-timeline-server.ts (node:http, same driver, same queries, one access-log
//   INSERT per request), alternating app and baseline in the same run.
// - case-list-*: p50/p95 latency of GET /api/cases with filters, one request at a time (a person
//   paging through the list), the queries taken in turn so slow phases hit all of them.
//
// One seeded database per kind serves both rows: 20,000 cases when a case-list row is wanted,
// otherwise 2,000 (enough to hold cases with exactly 100 items).
import autocannon from 'autocannon';
import { generate } from 'otplib';
import { freePort, startProcess, stopProcess, tsxBin, waitFor200, type Managed } from './processes';
import { commandFor, type Row } from './report';
import { formatInt, summarize } from './stats';
import {
  benchResearcher,
  hasPostgres,
  prepareSyntheticDatabase,
  type Kind,
  type SyntheticDatabase,
} from './synthetic-db';

export const timelineReadIds = ['timeline-read-pglite', 'timeline-read-postgres'] as const;
export const caseListIds = ['case-list-pglite', 'case-list-postgres'] as const;
export const syntheticIds = [...timelineReadIds, ...caseListIds] as const;
export type SyntheticId = (typeof syntheticIds)[number];

const casesForList = 20_000;
const casesForTimelineOnly = 2_000;
const timelineSettings = { durationS: 5, warmupS: 2, rounds: 2, connections: [1, 50] as const };
const timelineTarget = 0.8;
const listSettings = { warmupPerQuery: 10, samplesPerQuery: 100, pageSize: 25 };
const listTargetMs = { pglite: 150, postgres: 50 } as const;

const label = (kind: Kind) => (kind === 'pglite' ? 'PGlite' : 'PostgreSQL (throwaway cluster)');

export type Server = { process: Managed; port: number };

export async function startServer(
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
  await waitFor200(managed, port, readyPath, { intervalMs: 50, timeoutMs: 300_000 });
  return { process: managed, port };
}

async function post(port: number, urlPath: string, body: unknown) {
  const response = await fetch(`http://127.0.0.1:${port}${urlPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${urlPath}: ${response.status} ${await response.text()}`);
  return {
    body: (await response.json()) as Record<string, unknown>,
    cookie: response.headers.get('set-cookie')?.split(';')[0],
  };
}

/** Logs the bench researcher in (password, then TOTP); the session outlives app restarts. */
export async function login(app: Server, totpSecret: string): Promise<string> {
  return (await loginWithCsrf(app, totpSecret)).cookie;
}

/** The same, also giving the session's CSRF token (for POST requests). */
export async function loginWithCsrf(
  app: Server,
  totpSecret: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const first = await post(app.port, '/api/auth/login', benchResearcher);
  const second = await post(app.port, '/api/auth/login/totp', {
    challengeToken: first.body.challengeToken,
    code: await generate({ secret: totpSecret }),
  });
  if (!second.cookie) throw new Error('login gave no session cookie');
  const csrfToken = second.body.csrfToken;
  if (typeof csrfToken !== 'string') throw new Error('login gave no CSRF token');
  return { cookie: second.cookie, csrfToken };
}

async function checkTimeline(port: number, urlPath: string, cookie: string, who: string) {
  const response = await fetch(`http://127.0.0.1:${port}${urlPath}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${who} GET ${urlPath}: ${response.status}`);
  const body = (await response.json()) as { items: unknown[] };
  if (body.items.length !== 100)
    throw new Error(`${who} answered ${body.items.length} timeline items, expected 100`);
}

async function load(port: number, urlPath: string, connections: number, cookie: string) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${urlPath}`,
    connections,
    duration: timelineSettings.durationS,
    warmup: { connections, duration: timelineSettings.warmupS },
    timeout: 10,
    headers: { cookie },
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

export function databaseFacts(db: SyntheticDatabase) {
  const mib = (bytes: number) => `${formatInt(bytes / 2 ** 20)} MiB`;
  const seeded =
    `${formatInt(db.cases)} synthetic cases ${db.interviews ? 'with interviews and codings ' : '(--no-interviews) '}seeded in ${(db.seedWallMs / 1000).toFixed(0)} s` +
    (db.seedReportedMs !== null
      ? ` (${(db.seedReportedMs / 1000).toFixed(0)} s writing cases)`
      : '');
  const size =
    `database ${mib(db.databaseBytes)}` +
    (db.folderBytes !== null ? `, folder ${mib(db.folderBytes)} on disk` : '');
  return {
    text: `${seeded}, ${size}`,
    data: {
      cases: db.cases,
      interviews: db.interviews,
      seedWallMs: db.seedWallMs,
      seedReportedMs: db.seedReportedMs,
      databaseBytes: db.databaseBytes,
      folderBytes: db.folderBytes,
    },
  };
}

async function timelineRow(db: SyntheticDatabase, cookie: string): Promise<Row> {
  const id = `timeline-read-${db.kind}` as const;
  const urlPath = `/api/cases/${db.timelineCaseId}/timeline`;
  const samples = new Map<string, number[]>();
  const add = (key: string, value: number) =>
    samples.set(key, [...(samples.get(key) ?? []), value]);
  for (let round = 1; round <= timelineSettings.rounds; round++) {
    const app = await startServer('app', 'src/server/main.ts', db.appEnv, '/api/health');
    try {
      await checkTimeline(app.port, urlPath, cookie, 'app');
      for (const c of timelineSettings.connections) {
        console.error(`  ${db.kind} timeline round ${round}: app, ${c} connection(s)…`);
        add(`app-${c}`, (await load(app.port, urlPath, c, cookie)).rps);
      }
    } finally {
      await stopProcess(app.process);
    }
    const baseline = await startServer(
      'baseline',
      'bench/baseline-timeline-server.ts',
      db.baselineEnv,
      '/health',
    );
    try {
      await checkTimeline(baseline.port, urlPath, cookie, 'baseline');
      for (const c of timelineSettings.connections) {
        console.error(`  ${db.kind} timeline round ${round}: baseline, ${c} connection(s)…`);
        add(`baseline-${c}`, (await load(baseline.port, urlPath, c, cookie)).rps);
      }
    } finally {
      await stopProcess(baseline.process);
    }
  }
  const median = (key: string) => summarize(samples.get(key) ?? [Number.NaN]).median;
  const parts: string[] = [];
  const data: Record<string, number> = {};
  for (const c of timelineSettings.connections) {
    const app = median(`app-${c}`);
    const baseline = median(`baseline-${c}`);
    const ratio = app / baseline;
    const perRound = (samples.get(`app-${c}`) ?? []).map(
      (a, i) => a / (samples.get(`baseline-${c}`)?.[i] ?? Number.NaN),
    );
    data[`app_${c}`] = app;
    data[`baseline_${c}`] = baseline;
    data[`ratio_${c}`] = ratio;
    parts.push(
      `${c} conn: app ${formatInt(app)}, baseline ${formatInt(baseline)} req/s → ` +
        `${ratio.toFixed(2)}× (rounds ${perRound.map((r) => r.toFixed(2)).join(', ')}; ` +
        `target ≥ ${timelineTarget}: ${ratio >= timelineTarget ? 'met' : 'NOT met'})`,
    );
  }
  const facts = databaseFacts(db);
  return {
    id,
    name:
      `authenticated GET /api/cases/:id/timeline of a case with 100 items (${db.timelineComments} comments) and its access-log entry, ` +
      `${label(db.kind)}, ${facts.text}; app ÷ bench/baseline-timeline-server.ts, autocannon ` +
      `${timelineSettings.durationS} s after ${timelineSettings.warmupS} s warm-up, medians of ${timelineSettings.rounds} alternating rounds`,
    result: parts.join('; '),
    command: commandFor(id),
    data: {
      ...data,
      ...facts.data,
      runs: Object.fromEntries(samples),
      settings: { ...timelineSettings, connections: [...timelineSettings.connections] },
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  // Nearest rank: the smallest sample with at least p% of the samples at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

async function listRow(db: SyntheticDatabase, cookie: string): Promise<Row> {
  const id = `case-list-${db.kind}` as const;
  const deepPage = Math.max(1, Math.floor((db.cases * 0.9) / listSettings.pageSize));
  const queries: [string, string][] = [
    ['no filter', ''],
    [
      `institutionType=${db.filter.institutionType} + regionCode=${db.filter.regionCode}`,
      `&institutionType=${db.filter.institutionType}&regionCode=${db.filter.regionCode}`,
    ],
    ['status=review_meeting', '&status=review_meeting'],
    [`deep page ${deepPage}`, `&page=${deepPage}`],
    ['q=2025-1 (code search)', '&q=2025-1'],
  ];
  const url = (suffix: string) =>
    `/api/cases?pageSize=${listSettings.pageSize}${suffix.includes('page=') ? '' : '&page=1'}${suffix}`;
  const samples = new Map<string, number[]>(queries.map(([name]) => [name, []]));
  const totals = new Map<string, number>();
  const app = await startServer('app', 'src/server/main.ts', db.appEnv, '/api/health');
  try {
    const get = async (suffix: string) => {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${app.port}${url(suffix)}`, {
        headers: { cookie },
      });
      const body = (await response.json()) as { total?: number; items?: unknown[] };
      const ms = performance.now() - started;
      if (!response.ok) throw new Error(`GET ${url(suffix)}: ${response.status}`);
      return { ms, total: body.total ?? 0, count: body.items?.length ?? 0 };
    };
    console.error(`  ${db.kind} case list: ${queries.length} queries…`);
    for (let i = 0; i < listSettings.warmupPerQuery; i++)
      for (const [name, suffix] of queries) {
        const answer = await get(suffix);
        totals.set(name, answer.total);
        if (answer.count === 0) throw new Error(`case list "${name}" returned no cases`);
      }
    for (let i = 0; i < listSettings.samplesPerQuery; i++)
      for (const [name, suffix] of queries) samples.get(name)?.push((await get(suffix)).ms);
  } finally {
    await stopProcess(app.process);
  }
  const target = listTargetMs[db.kind];
  const data: Record<string, { p50: number; p95: number; max: number; total: number }> = {};
  const parts = queries.map(([name]) => {
    const sorted = [...(samples.get(name) ?? [])].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    data[name] = { p50, p95, max: sorted.at(-1) ?? Number.NaN, total: totals.get(name) ?? 0 };
    return `${name} (${formatInt(totals.get(name) ?? 0)} hits): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms${p95 < target ? '' : ' (NOT met)'}`;
  });
  const worst = Math.max(...Object.values(data).map((d) => d.p95));
  const facts = databaseFacts(db);
  return {
    id,
    name:
      `GET /api/cases (page size ${listSettings.pageSize}, sort -created) as a researcher in all 8 teams, ${label(db.kind)}, ${facts.text}; ` +
      `one request at a time, ${listSettings.samplesPerQuery} per query after ${listSettings.warmupPerQuery} warm-up, queries in turn`,
    result:
      `${parts.join('; ')}; worst p95 ${worst.toFixed(1)} ms ` +
      `(target p95 < ${target} ms: ${worst < target ? 'met' : 'NOT met'})`,
    command: commandFor(id),
    data: { queries: data, ...facts.data, settings: listSettings },
  };
}

function skipped(id: SyntheticId, why: string): Row {
  return {
    id,
    name: id,
    result: `skipped: ${why}`,
    command: commandFor(id),
    data: { skipped: true },
  };
}

export async function runSynthetic(wanted: ReadonlySet<SyntheticId>): Promise<Row[]> {
  const rows: Row[] = [];
  for (const kind of ['pglite', 'postgres'] as const) {
    const timeline = wanted.has(`timeline-read-${kind}`);
    const list = wanted.has(`case-list-${kind}`);
    if (!timeline && !list) continue;
    if (kind === 'postgres' && !hasPostgres()) {
      const why = 'PostgreSQL is not installed (apt-get install postgresql)';
      if (timeline) rows.push(skipped('timeline-read-postgres', why));
      if (list) rows.push(skipped('case-list-postgres', why));
      continue;
    }
    // Without interviews: the transcripts would make the seed far slower and change nothing here.
    const db = await prepareSyntheticDatabase(kind, list ? casesForList : casesForTimelineOnly, {
      interviews: false,
    });
    try {
      const app = await startServer('app', 'src/server/main.ts', db.appEnv, '/api/health');
      let cookie: string;
      try {
        cookie = await login(app, db.totpSecret);
      } finally {
        await stopProcess(app.process);
      }
      if (timeline) rows.push(await timelineRow(db, cookie));
      if (list) rows.push(await listRow(db, cookie));
    } finally {
      await db.cleanup();
    }
  }
  return rows;
}
