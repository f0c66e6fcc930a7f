// Browser test of the first run: a fresh data folder, the setup link from the server's
// output, the first administrator set up in Chromium (with two-step login when the server
// asks for it; the codes are computed here from the key the page shows), log out and in
// again, a programme and a team (with a municipality picked from the searchable list)
// created, and the team found in the team list. Skipped, with a message, when no Chromium
// is installed.
//
// E2E_SCREENSHOTS=<dir> also saves the team list at phone and desktop width into <dir>.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(executablePath);
if (!hasChromium) {
  console.warn(
    `[e2e] Chromium not found at ${executablePath}: skipping the browser test. ` +
      'Install it with `apt-get install -y chromium` or set CHROMIUM_PATH.',
  );
}

const startTimeoutMs = 120_000;
const testTimeoutMs = 180_000;
const admin = {
  email: 'bea.beheer@example.org',
  name: 'Bea Beheer',
  password: 'een lange zin als wachtwoord',
};

function freePort(): Promise<number> {
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

type RunningServer = { child: ChildProcess; baseUrl: string; setupUrl: string };

/** Starts the server on a fresh data folder and waits for the setup link on stdout. */
function startServer(dataDir: string, port: number): Promise<RunningServer> {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, KETENLENS_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
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

async function stopServer(child: ChildProcess): Promise<void> {
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

/** The 6-digit code an authenticator app would show, `offsetSeconds` from now. */
function totpCode(secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}

const welcomeHeading = (page: Page) =>
  page.getByRole('heading', { level: 1, name: `Welkom, ${admin.name}` });

const suite = hasChromium ? describe : describe.skip;

suite('first administrator in the browser', () => {
  let dataDir = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  let totpSecret: string | null = null;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ketenlens-e2e-'));
    server = await startServer(dataDir, await freePort());
    browser = await chromium.launch({
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
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, startTimeoutMs + 30_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server.child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it(
    'sets up the first administrator from the setup link',
    async () => {
      if (!server) throw new Error('server did not start');
      await page.goto(server.setupUrl);
      await page.getByRole('heading', { level: 1, name: 'Eerste beheerder instellen' }).waitFor();
      await page.getByLabel('E-mailadres').fill(admin.email);
      await page.getByLabel('Naam', { exact: true }).fill(admin.name);
      await page.getByLabel('Wachtwoord', { exact: true }).fill(admin.password);
      await page.getByLabel('Wachtwoord nog een keer').fill(admin.password);
      await page.getByRole('button', { name: 'Account maken' }).click();

      const twoStep = page.getByRole('heading', {
        level: 1,
        name: 'Inloggen in twee stappen instellen',
      });
      await twoStep.or(welcomeHeading(page)).waitFor();
      if (await twoStep.isVisible()) {
        totpSecret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');
        await page.getByLabel('Code uit de app').fill(await totpCode(totpSecret));
        await page.getByRole('button', { name: 'Bevestigen' }).click();
        const recoveryCodes = page.getByRole('list', { name: 'Herstelcodes' });
        await recoveryCodes.waitFor();
        await expect(recoveryCodes.getByRole('listitem').count()).resolves.toBe(10);
        await page.getByRole('button', { name: 'Ik heb de codes bewaard, verder' }).click();
      }
      await welcomeHeading(page).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
    },
    testTimeoutMs,
  );

  it(
    'logs out and logs in again',
    async () => {
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByText('Je bent uitgelogd.').waitFor();
      await page.getByLabel('E-mailadres').fill(admin.email);
      await page.getByLabel('Wachtwoord').fill(admin.password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      const codeField = page.getByLabel('Code uit de app');
      await codeField.or(welcomeHeading(page)).waitFor();
      if (await codeField.isVisible()) {
        if (!totpSecret) throw new Error('asked for a code, but two-step login was never set up');
        // The code of the next time step: the one used to enrol may not be used again.
        await codeField.fill(await totpCode(totpSecret, 30));
        await page.getByRole('button', { name: 'Inloggen' }).click();
      }
      await welcomeHeading(page).waitFor();
    },
    testTimeoutMs,
  );

  it(
    'creates a programme',
    async () => {
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await nav.getByRole('link', { name: "Programma's" }).click();
      await page.getByRole('heading', { level: 1, name: "Programma's" }).waitFor();
      await page.getByRole('link', { name: 'Nieuw programma' }).first().click();
      await page.getByLabel('Naam van het programma').fill('Actieleren Gooi en Vechtstreek 2026');
      await page.getByLabel('Begindatum').fill('2026-01-01');
      await page.getByRole('button', { name: 'Programma maken' }).click();
      await page.getByText('is gemaakt').waitFor();
      await page.getByRole('rowheader', { name: 'Actieleren Gooi en Vechtstreek 2026' }).waitFor();
    },
    testTimeoutMs,
  );

  it(
    'creates a team, choosing its municipality from the searchable list',
    async () => {
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await nav.getByRole('link', { name: 'Teams' }).click();
      await page.getByRole('link', { name: 'Nieuw team' }).first().click();
      await page.getByLabel('Naam van het team').fill('Team Hilversum');
      await page
        .getByLabel('Programma', { exact: true })
        .selectOption({ label: 'Actieleren Gooi en Vechtstreek 2026' });
      const municipality = page.getByRole('combobox', { name: 'Gemeente' });
      await municipality.fill('Hilver');
      await page.getByRole('option', { name: /^Hilversum / }).click();
      await expect(municipality.inputValue()).resolves.toBe('Hilversum');
      await page.getByLabel('Geplande leerbijeenkomsten').fill('6');
      await page.getByRole('button', { name: 'Team maken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Team Hilversum' }).waitFor();
    },
    testTimeoutMs,
  );

  it(
    'shows the new team in the team list',
    async () => {
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Teams' })
        .click();
      const row = page.getByRole('row', { name: /Team Hilversum/ });
      await row.waitFor();
      await expect(row.getByRole('cell', { name: 'Hilversum', exact: true }).count()).resolves.toBe(
        1,
      );
      await expect(
        row.getByRole('cell', { name: 'Actieleren Gooi en Vechtstreek 2026' }).count(),
      ).resolves.toBe(1);

      const screenshotDir = process.env.E2E_SCREENSHOTS;
      if (screenshotDir) {
        fs.mkdirSync(screenshotDir, { recursive: true });
        for (const [width, height] of [
          [375, 812],
          [1280, 800],
        ] as const) {
          await page.setViewportSize({ width, height });
          await page.screenshot({
            path: path.join(screenshotDir, `team-list-${width}x${height}.png`),
            fullPage: true,
          });
        }
        console.log(`[e2e] screenshots of the team list saved in ${screenshotDir}`);
      }
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
