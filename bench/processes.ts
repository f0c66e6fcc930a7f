// Child processes and temp folders for the benchmarks, with guaranteed cleanup: every child runs in
// its own process group and is stopped with SIGTERM, then SIGKILL after a timeout; every temp
// folder is removed, also when a benchmark fails or the run is interrupted (Ctrl-C, SIGTERM).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const tsxBin = path.join(repoRoot, 'node_modules/.bin/tsx');

export type ExitInfo = { code: number | null; signal: NodeJS.Signals | null };

export type Managed = {
  name: string;
  pid: number;
  exited: Promise<ExitInfo>;
  hasExited: () => boolean;
  /** The last few kilobytes of stdout and stderr, for error messages. */
  outputTail: () => string;
};

export type StopResult = ExitInfo & {
  /** True when SIGTERM was not enough within the grace period and SIGKILL was sent. */
  forced: boolean;
  stopMs: number;
};

const live = new Set<Managed>();
const tempDirs = new Set<string>();
const outputTailBytes = 8192;

/** Process group ids of the children still running (each child leads its own group). */
export const liveGroups = (): ReadonlySet<number> => new Set([...live].map((m) => m.pid));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves null after ms without keeping the process alive: the timeout side of a race. */
const timeoutNull = (ms: number) =>
  new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref());

/** Environment for children: the parent's, minus anything that would point the app elsewhere. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  return env;
}

/** Starts a command in its own process group (so the whole tree can be signalled at once). */
export function startProcess(
  name: string,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Managed {
  const child = spawn(command, args, {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-outputTailBytes);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitInfo: ExitInfo | null = null;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
    child.once('error', (error) => {
      keep(Buffer.from(`\n[spawn error] ${error.message}\n`));
      exitInfo = { code: null, signal: null };
      resolve(exitInfo);
    });
  });
  if (child.pid === undefined) {
    throw new Error(`Could not start ${name} (${command} ${args.join(' ')})`);
  }
  const managed: Managed = {
    name,
    pid: child.pid,
    exited,
    hasExited: () => exitInfo !== null,
    outputTail: () => tail,
  };
  live.add(managed);
  void exited.then(() => {
    if (!isGroupAlive(managed.pid)) live.delete(managed);
  });
  return managed;
}

function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already gone.
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() >= deadline) return false;
    await sleep(25);
  }
  return true;
}

/** SIGTERM to the child's whole process group, then SIGKILL if it is not gone after graceMs. */
export async function stopProcess(managed: Managed, graceMs = 10_000): Promise<StopResult> {
  const started = performance.now();
  let forced = false;
  if (isGroupAlive(managed.pid)) {
    signalGroup(managed.pid, 'SIGTERM');
    const gone = await waitUntil(() => !isGroupAlive(managed.pid), graceMs);
    if (!gone) {
      forced = true;
      signalGroup(managed.pid, 'SIGKILL');
      await waitUntil(() => !isGroupAlive(managed.pid), 5_000);
    }
  }
  const info = await Promise.race([managed.exited, timeoutNull(5_000)]);
  live.delete(managed);
  return {
    code: info?.code ?? null,
    signal: info?.signal ?? null,
    forced,
    stopMs: performance.now() - started,
  };
}

/** Waits for a child to exit on its own (bounded); kills it if the bound is reached. */
export async function waitForExit(managed: Managed, timeoutMs: number): Promise<ExitInfo> {
  const info = await Promise.race([managed.exited, timeoutNull(timeoutMs)]);
  if (info === null) {
    await stopProcess(managed, 5_000);
    throw new Error(`${managed.name} did not finish within ${timeoutMs / 1000} s`);
  }
  if (isGroupAlive(managed.pid)) await stopProcess(managed, 5_000);
  live.delete(managed);
  return info;
}

export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  tempDirs.delete(dir);
}

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export type HttpAnswer = { status: number; body: string };

/** One GET to 127.0.0.1 without keep-alive; null when nothing answers (yet). */
export function httpGet(
  port: number,
  urlPath: string,
  timeoutMs = 1_000,
): Promise<HttpAnswer | null> {
  return new Promise((resolve) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: urlPath, agent: false, timeout: timeoutMs },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (body.length < 4096) body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', () => resolve(null));
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
  });
}

/**
 * Polls GET urlPath every intervalMs until it answers 200. Returns the answer and the time the
 * 200 arrived (performance.now()). Fails when the child exits first or timeoutMs passes.
 */
export async function waitFor200(
  managed: Managed,
  port: number,
  urlPath: string,
  options: { intervalMs: number; timeoutMs: number },
): Promise<{ at: number; answer: HttpAnswer }> {
  const deadline = performance.now() + options.timeoutMs;
  for (;;) {
    const attemptStarted = performance.now();
    if (managed.hasExited()) {
      throw new Error(
        `${managed.name} exited before ${urlPath} answered 200. Output:\n${managed.outputTail()}`,
      );
    }
    const answer = await httpGet(port, urlPath, Math.min(1_000, options.intervalMs * 20));
    const at = performance.now();
    if (answer?.status === 200) return { at, answer };
    if (at >= deadline) {
      throw new Error(
        `${managed.name}: ${urlPath} did not answer 200 within ${options.timeoutMs / 1000} s ` +
          `(last: ${answer ? answer.status : 'no answer'}). Output:\n${managed.outputTail()}`,
      );
    }
    await sleep(Math.max(0, attemptStarted + options.intervalMs - performance.now()));
  }
}

/** Stops every child still running and removes every temp folder. */
export async function cleanupAll(): Promise<void> {
  await Promise.all([...live].map((managed) => stopProcess(managed, 5_000)));
  for (const dir of [...tempDirs]) removeTempDir(dir);
}

function cleanupNow() {
  for (const managed of live) signalGroup(managed.pid, 'SIGKILL');
  live.clear();
  for (const dir of [...tempDirs]) {
    try {
      removeTempDir(dir);
    } catch {
      // Best effort on the way out.
    }
  }
}

let isInterrupted = false;

/** True once Ctrl-C (or SIGTERM/SIGHUP) arrived: failures after that are the cleanup's doing. */
export const wasInterrupted = () => isInterrupted;

/** Ctrl-C / SIGTERM / SIGHUP: stop children (SIGTERM, then SIGKILL), remove temp folders, exit. */
export function installCleanupHandlers() {
  const onSignal = (signal: NodeJS.Signals) => {
    if (isInterrupted) {
      cleanupNow();
      process.exit(130);
    }
    isInterrupted = true;
    console.error(`\n${signal}: stopping child processes and removing temp folders…`);
    cleanupAll()
      .catch((error: unknown) => console.error('cleanup failed:', error))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('exit', cleanupNow);
}
