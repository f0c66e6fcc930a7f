// Row group (b): how long `npm start` takes until GET /api/health answers 200, on a new empty data
// folder and on that folder again after a clean stop; plus one timed `npx vite build` (web build).
import fs from 'node:fs';
import path from 'node:path';
import {
  childEnv,
  freePort,
  makeTempDir,
  removeTempDir,
  startProcess,
  stopProcess,
  waitFor200,
  waitForExit,
  type StopResult,
} from './processes';
import { commandFor, type Row } from './report';
import { formatSeconds, formatSecondsValue, medianAndRange, summarize } from './stats';

export const coldStartIds = ['cold-start-new', 'cold-start-existing'] as const;
export type ColdStartId = (typeof coldStartIds)[number];
export const webBuildId = 'web-build';

const runs = 3;
const pollIntervalMs = 50;
const startTimeoutMs = 120_000;
const stopGraceMs = 30_000;
const webBuildTimeoutMs = 300_000;

type StartSample = {
  ms: number;
  stop: StopResult;
  lockLeftBehind: boolean;
  /** The app's last output lines, kept only when the stop was not clean (for diagnosis). */
  outputTail: string | null;
};

/** Spawns `npm start` on dataDir, times spawn → first 200 from /api/health, then stops it cleanly. */
async function timeStart(label: string, dataDir: string): Promise<StartSample> {
  const port = await freePort();
  const env = childEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    KETENLENS_DATA_DIR: dataDir,
    KETENLENS_SKIP_WEB_BUILD: '1',
  });
  const spawnedAt = performance.now();
  const managed = startProcess(`npm start (${label})`, 'npm', ['start'], env);
  let waited: { at: number } | { error: unknown };
  try {
    waited = await waitFor200(managed, port, '/api/health', {
      intervalMs: pollIntervalMs,
      timeoutMs: startTimeoutMs,
    });
  } catch (error) {
    waited = { error };
  }
  // Clean stop: SIGTERM to npm and its children, then wait until all of them have exited.
  const stop = await stopProcess(managed, stopGraceMs);
  if ('error' in waited) throw waited.error;
  const ms = waited.at - spawnedAt;
  const lockLeftBehind = fs.existsSync(path.join(dataDir, 'ketenlens.lock'));
  const isUnclean = lockLeftBehind || stop.forced;
  return {
    ms,
    stop,
    lockLeftBehind,
    outputTail: isUnclean ? managed.outputTail().slice(-2000) : null,
  };
}

function stopNotes(samples: readonly StartSample[]): string {
  const forced = samples.filter((s) => s.stop.forced).length;
  const locks = samples.filter((s) => s.lockLeftBehind).length;
  const notes = [
    forced ? `${forced} stop(s) needed SIGKILL` : '',
    locks ? `${locks} stop(s) left ketenlens.lock behind` : '',
  ].filter(Boolean);
  return notes.length ? `; WARNING: ${notes.join(', ')}` : '';
}

function startRow(id: ColdStartId, name: string, samples: readonly StartSample[]): Row {
  const times = summarize(samples.map((s) => s.ms));
  const stops = summarize(samples.map((s) => s.stop.stopMs));
  return {
    id,
    name,
    result:
      `${medianAndRange(times, formatSecondsValue, 's')} to first 200, ${samples.length} runs; ` +
      `clean stop took ${formatSeconds(stops.median)} (median)${stopNotes(samples)}`,
    command: commandFor(id),
    data: {
      unit: 'ms',
      startMs: times,
      stopMs: stops,
      runs: samples.map((s) => ({
        startMs: s.ms,
        stopMs: s.stop.stopMs,
        exitCode: s.stop.code,
        exitSignal: s.stop.signal,
        forcedKill: s.stop.forced,
        lockLeftBehind: s.lockLeftBehind,
        outputTail: s.outputTail,
      })),
      pollIntervalMs,
    },
  };
}

/** Each run: a new empty folder → start (1) → clean stop → start again on it (2) → clean stop. */
export async function runColdStart(wanted: ReadonlySet<ColdStartId>): Promise<Row[]> {
  const fresh: StartSample[] = [];
  const existing: StartSample[] = [];
  for (let run = 1; run <= runs; run++) {
    const root = makeTempDir('ketenlens-bench-start-');
    try {
      const dataDir = path.join(root, 'data');
      console.error(`  npm start on a new data folder: run ${run}/${runs}…`);
      const first = await timeStart('new data folder', dataDir);
      fresh.push(first);
      console.error(`    ${formatSeconds(first.ms)}`);
      if (wanted.has('cold-start-existing')) {
        console.error(`  npm start on the existing data folder: run ${run}/${runs}…`);
        const second = await timeStart('existing data folder', dataDir);
        existing.push(second);
        console.error(`    ${formatSeconds(second.ms)}`);
      }
    } finally {
      removeTempDir(root);
    }
  }
  const rows: Row[] = [];
  if (wanted.has('cold-start-new')) {
    rows.push(
      startRow(
        'cold-start-new',
        '`npm start` → first 200 from /api/health, new empty data folder (PGlite initdb + migrations + reference data), ' +
          'KETENLENS_SKIP_WEB_BUILD=1, polled every 50 ms',
        fresh,
      ),
    );
  }
  if (wanted.has('cold-start-existing')) {
    rows.push(
      startRow(
        'cold-start-existing',
        '`npm start` → first 200 from /api/health, existing data folder after a clean stop (SIGTERM, waited for exit), ' +
          'KETENLENS_SKIP_WEB_BUILD=1, polled every 50 ms',
        existing,
      ),
    );
  }
  return rows;
}

/** Times one `npx vite build` into a temp outDir, so dist/web of the working tree stays as it is. */
export async function runWebBuild(): Promise<Row[]> {
  const outDir = makeTempDir('ketenlens-bench-web-');
  try {
    const args = ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
    console.error(`  npx ${args.join(' ')}…`);
    const started = performance.now();
    const managed = startProcess('npx vite build', 'npx', args, childEnv({}));
    const exit = await waitForExit(managed, webBuildTimeoutMs);
    const ms = performance.now() - started;
    if (exit.code !== 0 || !fs.existsSync(path.join(outDir, 'index.html'))) {
      throw new Error(
        `vite build failed (exit ${exit.code ?? exit.signal}). Output:\n${managed.outputTail()}`,
      );
    }
    console.error(`    ${formatSeconds(ms)}`);
    return [
      {
        id: webBuildId,
        name: 'web build: `npx vite build` once (into a temp outDir), wall time including npx',
        result: `${formatSeconds(ms)} (1 run)`,
        command: commandFor(webBuildId),
        data: { unit: 'ms', ms },
      },
    ];
  } finally {
    removeTempDir(outDir);
  }
}
