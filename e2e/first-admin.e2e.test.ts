// Browser test of the first run: a fresh data folder, the setup link from the server's
// output, the first administrator set up in Chromium (with two-step login when the server
// asks for it; the codes are computed here from the key the page shows), log out and in
// again, a programme and a team (with a municipality picked from the searchable list)
// created, and the team found in the team list. Skipped, with a message, when no Chromium
// is installed.
//
// E2E_SCREENSHOTS=<dir> also saves the team list at phone and desktop width into <dir>.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchBrowser,
  logIn,
  logOut,
  newPage,
  screenshots,
  setUpFirstAdmin,
  startServer,
  startTimeoutMs,
  stopServer,
  tempDataDir,
  testTimeoutMs,
  warnWithoutChromium,
  welcomeHeading,
  freePort,
  type RunningServer,
} from './helpers';

warnWithoutChromium();

const admin = {
  email: 'bea.beheer@example.org',
  name: 'Bea Beheer',
  password: 'een lange zin als wachtwoord',
};

const suite = hasChromium ? describe : describe.skip;

suite('first administrator in the browser', () => {
  let dataDir = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  let totpSecret: string | null = null;

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startServer(dataDir, await freePort());
    browser = await launchBrowser();
    page = await newPage(browser, pageErrors);
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
      totpSecret = await setUpFirstAdmin(page, server.setupUrl, admin);
      await welcomeHeading(page, admin.name).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
    },
    testTimeoutMs,
  );

  it(
    'logs out and logs in again',
    async () => {
      await logOut(page, admin.name);
      await logIn(page, admin, totpSecret);
      await welcomeHeading(page, admin.name).waitFor();
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
        await screenshots(page, screenshotDir, 'team-list');
        console.log(`[e2e] screenshots of the team list saved in ${screenshotDir}`);
      }
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
