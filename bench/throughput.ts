// Row group (a): requests per second and latency of a bare node:http hello-world server and of the
// app's GET /api/health, both as child processes on 127.0.0.1, measured alternately with
// autocannon's programmatic API in this process, plus the app/bare ratio.
import autocannon from 'autocannon';
import {
  childEnv,
  freePort,
  makeTempDir,
  removeTempDir,
  startProcess,
  stopProcess,
  tsxBin,
  waitFor200,
  type Managed,
} from './processes';
import { commandFor, type Row } from './report';
import { formatInt, formatLatency, medianAndRange, summarize } from './stats';

export const throughputIds = ['bare-http', 'app-health', 'health-ratio'] as const;
export type ThroughputId = (typeof throughputIds)[number];

const settings = { connections: 20, durationS: 5, warmupS: 2, rounds: 3 };
const startTimeoutMs = 120_000;

type Target = { label: string; port: number; path: string; process: Managed; dataDir?: string };

type Sample = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

async function startBare(): Promise<Target> {
  const port = await freePort();
  const managed = startProcess(
    'bare node:http server',
    tsxBin,
    ['bench/bare-server.ts'],
    childEnv({ PORT: String(port) }),
  );
  await waitFor200(managed, port, '/', { intervalMs: 50, timeoutMs: startTimeoutMs });
  return { label: 'bare', port, path: '/', process: managed };
}

async function startApp(): Promise<Target> {
  const port = await freePort();
  const dataDir = makeTempDir('ketenlens-bench-throughput-');
  const managed = startProcess(
    'app (tsx src/server/main.ts)',
    tsxBin,
    ['src/server/main.ts'],
    childEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      KETENLENS_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      KETENLENS_SKIP_WEB_BUILD: '1',
    }),
  );
  const { answer } = await waitFor200(managed, port, '/api/health', {
    intervalMs: 50,
    timeoutMs: startTimeoutMs,
  });
  const body = JSON.parse(answer.body) as { status?: string; database?: string };
  if (body.status !== 'ok' || body.database !== 'pglite') {
    throw new Error(`unexpected /api/health answer: ${answer.body}`);
  }
  return { label: 'app', port, path: '/api/health', process: managed, dataDir };
}

async function measure(target: Target): Promise<Sample> {
  if (target.process.hasExited()) {
    throw new Error(`${target.process.name} exited. Output:\n${target.process.outputTail()}`);
  }
  const instance = autocannon({
    url: `http://127.0.0.1:${target.port}${target.path}`,
    connections: settings.connections,
    duration: settings.durationS,
    warmup: { connections: settings.connections, duration: settings.warmupS },
    timeout: 10,
    renderProgressBar: false,
    renderResultsTable: false,
  });
  const result = await instance;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

function problems(samples: readonly Sample[]): string {
  const errors = samples.reduce((sum, s) => sum + s.errors + s.timeouts, 0);
  const non2xx = samples.reduce((sum, s) => sum + s.non2xx, 0);
  const parts = [errors ? `${errors} errors/timeouts` : '', non2xx ? `${non2xx} non-2xx` : ''];
  const text = parts.filter(Boolean).join(', ');
  return text ? `; WARNING: ${text}` : '';
}

function serverRow(id: ThroughputId, name: string, samples: readonly Sample[]): Row {
  const rps = summarize(samples.map((s) => s.requestsPerSecond));
  const p50 = summarize(samples.map((s) => s.p50));
  const p99 = summarize(samples.map((s) => s.p99));
  return {
    id,
    name,
    result:
      `${medianAndRange(rps, formatInt, 'req/s')}; latency p50 ${formatLatency(p50.median)}, ` +
      `p99 ${formatLatency(p99.median)} (medians of ${samples.length} runs)${problems(samples)}`,
    command: commandFor(id),
    data: {
      unit: 'req/s',
      requestsPerSecond: rps,
      latencyP50Ms: p50,
      latencyP99Ms: p99,
      runs: samples.map((s) => ({ ...s })),
      settings: { ...settings },
    },
  };
}

/** Runs the servers the wanted rows need, measures them alternately, returns the wanted rows. */
export async function runThroughput(wanted: ReadonlySet<ThroughputId>): Promise<Row[]> {
  const needBare = wanted.has('bare-http') || wanted.has('health-ratio');
  const needApp = wanted.has('app-health') || wanted.has('health-ratio');
  const targets: Target[] = [];
  try {
    if (needBare) targets.push(await startBare());
    if (needApp) targets.push(await startApp());
    const samples = new Map<string, Sample[]>(targets.map((t) => [t.label, []]));
    for (let round = 1; round <= settings.rounds; round++) {
      for (const target of targets) {
        console.error(`  ${target.label} ${target.path}: round ${round}/${settings.rounds}…`);
        const sample = await measure(target);
        samples.get(target.label)?.push(sample);
        console.error(
          `    ${formatInt(sample.requestsPerSecond)} req/s, p50 ${sample.p50} ms, p99 ${sample.p99} ms`,
        );
      }
    }
    const bare = samples.get('bare') ?? [];
    const app = samples.get('app') ?? [];
    const rows: Row[] = [];
    const together = targets.length === 2;
    const how =
      `autocannon ${settings.connections} connections, ${settings.durationS} s after ` +
      `${settings.warmupS} s warm-up, ${settings.rounds} runs`;
    if (wanted.has('bare-http')) {
      rows.push(
        serverRow(
          'bare-http',
          `bare node:http hello-world JSON (child process under tsx); ${how}` +
            (together ? ', alternating with app-health' : ''),
          bare,
        ),
      );
    }
    if (wanted.has('app-health')) {
      rows.push(
        serverRow(
          'app-health',
          'app GET /api/health (tsx src/server/main.ts, PGlite, LOG_LEVEL=warn, ' +
            `KETENLENS_SKIP_WEB_BUILD=1); ${how}` +
            (together ? ', alternating with bare-http' : ''),
          app,
        ),
      );
    }
    if (wanted.has('health-ratio')) {
      const bareRps = summarize(bare.map((s) => s.requestsPerSecond));
      const appRps = summarize(app.map((s) => s.requestsPerSecond));
      const ratio = appRps.median / bareRps.median;
      const perRound = summarize(
        app.map((s, i) => s.requestsPerSecond / (bare[i]?.requestsPerSecond ?? Number.NaN)),
      );
      rows.push({
        id: 'health-ratio',
        name: 'ratio app /api/health ÷ bare node:http, req/s (same run, alternating)',
        result:
          `${ratio.toFixed(3)}× (median ${formatInt(appRps.median)} ÷ ${formatInt(bareRps.median)} req/s; ` +
          `per-round ratios ${perRound.min.toFixed(3)}–${perRound.max.toFixed(3)})`,
        command: commandFor('health-ratio'),
        data: {
          ratioOfMedians: ratio,
          perRoundRatios: perRound,
          appRequestsPerSecond: appRps,
          bareRequestsPerSecond: bareRps,
        },
      });
    }
    return rows;
  } finally {
    for (const target of targets) {
      await stopProcess(target.process);
      if (target.dataDir) removeTempDir(target.dataDir);
    }
  }
}
