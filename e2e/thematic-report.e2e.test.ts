// Browser test of the thematic report and the policymakers' overview, on the demo server
// (fictional users, no second login step): a researcher opens the demo programme's thematic
// report, reads the preview, downloads the PDF and publishes a version; a policymaker opens the
// overview of the same programme and sees small counts as * (the demo's handful of cases is below
// the threshold), no quotes, and the published version to download.
// Skipped, with a message, when no Chromium is installed.
//
// Screenshots at 390×844 and 1280×800 go to /tmp/shots/thematic-report-*.png (E2E_SHOTS=<dir>
// for another folder), with the downloaded PDF beside them.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../bench/timeline-render';
import {
  api,
  freePort,
  hasChromium,
  launchBrowser,
  logIn,
  newPage,
  startTimeoutMs,
  stopServer,
  tempDataDir,
  testTimeoutMs,
  warnWithoutChromium,
} from './helpers';

warnWithoutChromium();

const shotDir = process.env.E2E_SHOTS ?? '/tmp/shots';
const suite = hasChromium ? describe : describe.skip;

suite('the thematic report and the overview for policymakers in the browser', () => {
  let dataDir = '';
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let programmeId = '';
  const pageErrors: string[] = [];

  async function shoot(page: Page, name: string) {
    fs.mkdirSync(shotDir, { recursive: true });
    for (const [size, viewport] of [
      ['desktop', { width: 1280, height: 800 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({
        path: path.join(shotDir, `thematic-report-${name}-${size}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  async function loggedIn(email: string, name: string): Promise<Page> {
    const page = await newPage(browser!, pageErrors);
    await page.goto(`${server!.baseUrl}/login`);
    await logIn(page, { email, name, password: server!.password }, null);
    return page;
  }

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startDemoServer(dataDir, await freePort());
    browser = await launchBrowser();
  }, startTimeoutMs);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'lets a researcher preview the report, download the PDF and publish a version',
    async () => {
      const page = await loggedIn(server!.emails.researcher!, 'Olaf Onderzoek (fictief)');
      const programmes = await api<{ items: { id: string; name: string }[] }>(
        page,
        'GET',
        '/api/programmes',
      );
      programmeId = programmes.items[0]!.id;
      await page.goto(`${server!.baseUrl}/programmes/${programmeId}/themarapport`);
      await page.getByRole('heading', { level: 1, name: /^Themarapport — / }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Voorbeeld van de inhoud' }).waitFor();
      await page
        .getByRole('heading', { level: 3, name: /^Rode draad \d+: / })
        .first()
        .waitFor();
      await shoot(page, 'researcher');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Rapport (PDF)' }).click(),
      ]);
      const file = await download.path();
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      fs.mkdirSync(shotDir, { recursive: true });
      fs.copyFileSync(file, path.join(shotDir, 'thematic-report-demo.pdf'));

      await page.getByLabel('Toelichting bij deze versie').fill('Voor de stuurgroep');
      await page.getByRole('button', { name: 'Publiceer deze versie' }).click();
      await page.getByText('Versie 1 is gepubliceerd.').waitFor();
      await page.getByText('Voor de stuurgroep', { exact: true }).waitFor();
      await page.getByRole('link', { name: 'Rapport (PDF)' }).nth(1).waitFor();
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );

  it(
    'shows a policymaker only suppressed aggregates and the published version',
    async () => {
      const page = await loggedIn(server!.emails.policymaker!, 'Bram Beleid (fictief)');
      await page.goto(`${server!.baseUrl}/programmes/${programmeId}/synthese/overzicht`);
      await page.getByRole('heading', { level: 1, name: /^Overzicht rode draden — / }).waitFor();
      await page
        .getByRole('heading', { level: 2, name: /^Rode draad \d+: / })
        .first()
        .waitFor();
      await expect(
        page.getByRole('cell', { name: '*', exact: true }).count(),
      ).resolves.toBeGreaterThan(0);
      // Never a quote, and no way to the researcher's report page.
      await expect(page.locator('blockquote').count()).resolves.toBe(0);
      await expect(
        page.getByRole('link', { name: 'Naar het themarapport maken en publiceren' }).count(),
      ).resolves.toBe(0);
      await page.getByRole('heading', { level: 2, name: 'Gepubliceerde versies' }).waitFor();
      await page.getByText('Versie 1', { exact: true }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Rapport (PDF)' }).click(),
      ]);
      expect(
        fs
          .readFileSync(await download.path())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      await shoot(page, 'policymaker');
      // The draft report is the researchers': the page says so and points to the overview.
      await page.goto(`${server!.baseUrl}/programmes/${programmeId}/themarapport`);
      await page.getByText(/wordt gemaakt en gepubliceerd door de onderzoekers/).waitFor();
      await expect(
        page.getByRole('button', { name: 'Publiceer deze versie' }).count(),
      ).resolves.toBe(0);
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
