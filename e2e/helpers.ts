// Shared pieces of the browser tests: a server on a fresh data folder (started once the web
// app is built, so parallel test files never build it at the same time), Chromium, the codes
// an authenticator app would show, and the first administrator's setup and login.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureWebBuild } from '../src/server/web-build';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(executablePath);

export const startTimeoutMs = 180_000;
export const testTimeoutMs = 180_000;

/** Warns once per file when the browser tests cannot run here. */
export function warnWithoutChromium() {
  if (!hasChromium) {
    console.warn(
      `[e2e] Chromium not found at ${executablePath}: skipping the browser test. ` +
        'Install it with `apt-get install -y chromium` or set CHROMIUM_PATH.',
    );
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const lockDir = path.join(root, 'dist', '.web-build-lock');
const lockStaleMs = 5 * 60_000;

/**
 * Builds the web app if its sources changed, one test process at a time: a directory made
 * with mkdir is the lock (atomic on every file system), the others wait and then find the
 * build current.
 */
export async function buildWebOnce(): Promise<void> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch {
      // A lock left by a killed run must not block forever.
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age > lockStaleMs) fs.rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('waited too long for another web build');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  // Vitest sets NODE_ENV=test, which would make Vite build React's development version:
  // test what ships, and leave no development build behind for `npm start`.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await ensureWebBuild((message) => console.log(`[e2e] ${message}`));
  } finally {
    process.env.NODE_ENV = nodeEnv;
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

export type RunningServer = { child: ChildProcess; baseUrl: string; setupUrl: string };

/** Starts the server on a fresh data folder and waits for the setup link on stdout. */
export async function startServer(dataDir: string, port: number): Promise<RunningServer> {
  await buildWebOnce();
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      KETENLENS_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      KETENLENS_SKIP_WEB_BUILD: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it also stops the node process tsx starts.
    detached: true,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no setup link within ${startTimeoutMs / 1000} s. Output:\n${output}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/\S+)\/setup\/([\w-]+)/.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        const baseUrl = `http://127.0.0.1:${port}`;
        resolve({ child, baseUrl, setupUrl: `${baseUrl}/setup/${match[2]}` });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before printing a setup link:\n${output}`));
    });
  });
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    signalGroup('SIGKILL');
    await exited;
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A page in a fresh browser context (its own cookies), collecting script errors. */
export async function newPage(
  browser: Browser,
  errors: string[],
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

/** The 6-digit code an authenticator app would show, `offsetSeconds` from now. */
export function totpCode(secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}

export type Person = { email: string; name: string; password: string };

export const welcomeHeading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name: `Welkom, ${name}` });

/**
 * On the two-step set-up page (when the server asks for it): reads the key the page shows,
 * confirms with a computed code, checks the recovery codes and continues. Returns the key.
 */
export async function enrolTwoStepIfAsked(page: Page, name: string): Promise<string | null> {
  const twoStep = page.getByRole('heading', {
    level: 1,
    name: 'Inloggen in twee stappen instellen',
  });
  await twoStep.or(welcomeHeading(page, name)).waitFor();
  if (!(await twoStep.isVisible())) return null;
  const secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');
  await page.getByLabel('Code uit de app').fill(await totpCode(secret));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  const recoveryCodes = page.getByRole('list', { name: 'Herstelcodes' });
  await recoveryCodes.waitFor();
  if ((await recoveryCodes.getByRole('listitem').count()) !== 10) {
    throw new Error('expected 10 recovery codes');
  }
  await page.getByRole('button', { name: 'Ik heb de codes bewaard, verder' }).click();
  await welcomeHeading(page, name).waitFor();
  return secret;
}

/** Sets up the first administrator from the setup link; returns the two-step key, if any. */
export async function setUpFirstAdmin(
  page: Page,
  setupUrl: string,
  admin: Person,
): Promise<string | null> {
  await page.goto(setupUrl);
  await page.getByRole('heading', { level: 1, name: 'Eerste beheerder instellen' }).waitFor();
  await page.getByLabel('E-mailadres').fill(admin.email);
  await page.getByLabel('Naam', { exact: true }).fill(admin.name);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(admin.password);
  await page.getByLabel('Wachtwoord nog een keer').fill(admin.password);
  await page.getByRole('button', { name: 'Account maken' }).click();
  return enrolTwoStepIfAsked(page, admin.name);
}

/**
 * Logs in on the login page with password and, when asked, the code of the next time step
 * (the code used just before may not be used twice).
 */
export async function logIn(page: Page, person: Person, totpSecret: string | null) {
  await page.getByLabel('E-mailadres').fill(person.email);
  await page.getByLabel('Wachtwoord').fill(person.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const codeField = page.getByLabel('Code uit de app');
  const twoStepSetup = page.getByRole('heading', {
    level: 1,
    name: 'Inloggen in twee stappen instellen',
  });
  // The set-up page has a code field as well: wait for whichever comes, then look closer.
  await codeField.or(welcomeHeading(page, person.name)).or(twoStepSetup).first().waitFor();
  if (await twoStepSetup.isVisible()) return;
  if (await codeField.isVisible()) {
    if (!totpSecret) throw new Error('asked for a code, but two-step login was never set up');
    await codeField.fill(await totpCode(totpSecret, 30));
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }
}

/** Opens the user menu under the name in the header and logs out. */
export async function logOut(page: Page, name: string) {
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
  await page.getByText('Je bent uitgelogd.').waitFor();
}

/** Saves the page at phone and desktop width (or the sizes given) as <dir>/<name>-<w>x<h>.png. */
export async function screenshots(
  page: Page,
  dir: string,
  name: string,
  sizes: readonly (readonly [number, number])[] = [
    [375, 812],
    [1280, 800],
  ],
) {
  fs.mkdirSync(dir, { recursive: true });
  const original = page.viewportSize();
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    await page.screenshot({
      path: path.join(dir, `${name}-${width}x${height}.png`),
      fullPage: true,
    });
  }
  if (original) await page.setViewportSize(original);
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ketenlens-e2e-'));
}

/** A JSON request from inside the page, with the session's CSRF token (as the app sends it). */
export async function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, url, body }) => {
      const session = await fetch('/api/auth/session').then((r) => r.json());
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? null : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json().catch(() => null) };
    },
    { method, url, body },
  );
  if (result.status >= 300) {
    throw new Error(`${method} ${url}: ${result.status} ${JSON.stringify(result.json)}`);
  }
  return result.json as T;
}

/**
 * As the logged-in administrator: a programme, a team in it, and an invited researcher who is a
 * member of that team. Returns the ids and the researcher's invitation link.
 */
export async function setUpTeamWithResearcher(
  adminPage: Page,
  researcher: { email: string; name: string },
) {
  const programme = await api<{ id: string }>(adminPage, 'POST', '/api/programmes', {
    name: 'Actieleren Gooi en Vechtstreek 2026',
    periodStart: '2026-01-01',
    periodEnd: null,
    learningGoals: '',
    stakeholderGroups: [{ code: 'gemeenten', label: 'Gemeenten' }],
    smallCellThreshold: 5,
  });
  const team = await api<{ id: string }>(adminPage, 'POST', '/api/teams', {
    name: 'Team Hilversum',
    programmeId: programme.id,
    municipalityCode: '0402',
    plannedSessions: 6,
  });
  const created = await api<{ user: { id: string }; link: { url: string } }>(
    adminPage,
    'POST',
    '/api/users',
    { email: researcher.email, displayName: researcher.name, role: 'researcher' },
  );
  await api(adminPage, 'PUT', `/api/teams/${team.id}/members`, {
    userId: created.user.id,
    roleLabel: 'action_learner',
  });
  return { programmeId: programme.id, teamId: team.id, invitationUrl: created.link.url };
}
