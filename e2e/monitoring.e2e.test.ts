// Browser test of access-table monitoring on the demo server (fictional users, no second login
// step): the demo professional, member of the demo region's access tables, imports a CSV file
// with errors, sees the errors by row and column, chooses to skip the bad rows, and finds the
// good rows in the register; then opens the quarterly report and downloads it as PDF. The
// administrator's page of tables and lists is looked at as well.
// Skipped, with a message, when no Chromium is installed.
//
// Screenshots at 390×844 and 1280×800 go to /tmp/shots/monitoring-*.png (E2E_SHOTS=<dir>).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../bench/timeline-render';
import {
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

function daysAgo(days: number): string {
  const day = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  return day.toISOString().slice(0, 10);
}

suite('access-table monitoring in the browser', () => {
  let dataDir = '';
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  async function shoot(name: string) {
    fs.mkdirSync(shotDir, { recursive: true });
    for (const [width, height] of [
      [390, 844],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300);
      await page.screenshot({
        path: path.join(shotDir, `monitoring-${name}-${width}x${height}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startDemoServer(dataDir, await freePort());
    browser = await launchBrowser();
    page = await newPage(browser, pageErrors);
    await page.goto(`${server.baseUrl}/login`);
    await logIn(
      page,
      {
        email: server.emails.professional!,
        name: 'Priya Praktijk (fictief)',
        password: server.password,
      },
      null,
    );
  }, startTimeoutMs);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'imports a CSV file with errors only after the bad rows are skipped',
    async () => {
      await page.getByRole('link', { name: 'Toegangstafels' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Toegangstafels' }).waitFor();
      await shoot('home');
      await page.getByRole('link', { name: 'Register', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: /Register toegangstafels/ }).waitFor();
      await page.getByRole('table').waitFor();
      await shoot('register');
      await page.getByRole('link', { name: 'Importeren' }).click();

      const csv = [
        'Tafel;Datum;Referentie;Gebiedsteam;Leeftijd;Probleemgebieden;Soort vraag;Informatie voldoende;Wat ontbrak;Uitkomst;Ontbrekende hulp;Wachtdagen;Verklarende analyse;Knelpunten',
        `Team Toegang Gooi en Vechtstreek (fictief);${daysAgo(3)};E2E-001;Gebiedsteam Noord;12-15;Gedragsproblemen;Behandeling;ja;;passende hulp gevonden;;14;ja;`,
        `Team Toegang Gooi en Vechtstreek (fictief);2099-01-01;E2E-002;Gebiedsteam Noord;12-15;Gedragsproblemen;Behandeling;ja;;wachten;;3;nee;`,
        `Team Toegang Gooi en Vechtstreek (fictief);${daysAgo(4)};E2E-003;Gebiedsteam Zuid;16-17;Draken;Behandeling;ja;;wachten;;-2;nee;`,
        `Team Toegang Gooi en Vechtstreek (fictief);${daysAgo(5)};E2E-004;Gebiedsteam Zuid;16-17;Verslaving;Wonen / verblijfplek;deels;Diagnose;geen passend aanbod;Gezinshuis;40;nee;Wachtlijst`,
      ].join('\n');
      await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles({
        name: 'registraties.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await page.getByRole('button', { name: 'Bestand lezen' }).click();
      await page.getByRole('table', { name: 'De eerste rijen van het bestand' }).waitFor();
      await page.getByRole('button', { name: 'Alle rijen controleren' }).click();
      const errors = page.getByRole('table', { name: 'Fouten per rij en kolom' });
      await errors.waitFor();
      await expect(errors.getByRole('row', { name: /3 Datum .*toekomst/ }).count()).resolves.toBe(
        1,
      );
      await expect(
        errors.getByRole('row', { name: /4 Probleemgebieden .*Draken/ }).count(),
      ).resolves.toBe(1);
      await expect(errors.getByRole('row', { name: /4 Wachtdagen/ }).count()).resolves.toBe(1);
      const importAll = page.getByRole('button', { name: /registraties importeren/ });
      await expect(importAll.isDisabled()).resolves.toBe(true);
      await shoot('import-errors');
      await page.getByLabel(/Sla de 2 rijen met fouten over/).check();
      await page.getByRole('button', { name: 'Alleen de 2 goede rijen importeren' }).click();
      await page.getByText('2 registraties geïmporteerd, 2 rijen overgeslagen.').waitFor();
      await page.getByRole('link', { name: 'Naar het register', exact: true }).click();
      await page.getByRole('link', { name: 'E2E-001' }).waitFor();
      await page.getByRole('link', { name: 'E2E-004' }).waitFor();
      await expect(page.getByRole('link', { name: 'E2E-002' }).count()).resolves.toBe(0);
      await expect(page.getByRole('link', { name: 'E2E-003' }).count()).resolves.toBe(0);
      await page.getByRole('link', { name: 'E2E-004' }).click();
      await page.getByRole('heading', { level: 1, name: 'Registratie E2E-004' }).waitFor();
      await shoot('form');
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );

  it(
    'shows the quarterly report with suppressed cells and downloads it as PDF',
    async () => {
      await page.goto(`${server!.baseUrl}/toegangstafels`);
      await page.getByRole('link', { name: 'Kwartaalrapportage', exact: true }).click();
      await page
        .getByRole('heading', { level: 1, name: /Kwartaalrapportage toegangstafels/ })
        .waitFor();
      await page
        .getByRole('heading', { level: 2, name: 'Geen passend aanbod: welke hulp ontbreekt' })
        .waitFor();
      await page.locator('.kl-monitoring__chart svg').first().waitFor();
      await expect(
        page.getByRole('cell', { name: '*', exact: true }).count(),
      ).resolves.toBeGreaterThan(0);
      await shoot('report');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Rapportage als PDF' }).click(),
      ]);
      const file = await download.path();
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      fs.mkdirSync(shotDir, { recursive: true });
      fs.copyFileSync(file, path.join(shotDir, 'monitoring-report.pdf'));
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );

  it(
    'shows the administrators their access tables and lists',
    async () => {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
      const adminPage = await context.newPage();
      adminPage.on('pageerror', (error) => pageErrors.push(error.message));
      await adminPage.goto(`${server!.baseUrl}/login`);
      await logIn(
        adminPage,
        { email: server!.emails.admin!, name: 'Bea Beheer (fictief)', password: server!.password },
        null,
      );
      await adminPage.goto(`${server!.baseUrl}/toegangstafels/beheer`);
      await adminPage
        .getByRole('heading', { level: 3, name: 'Team Toegang Gooi en Vechtstreek (fictief)' })
        .waitFor();
      await adminPage.getByRole('heading', { level: 3, name: 'Probleemgebieden' }).waitFor();
      // Rename a choice (its code stays) and move it up, by keyboard-reachable buttons; each
      // change is announced in the list's status line and keeps the focus on the control used.
      const areas = adminPage.locator('section', {
        has: adminPage.getByRole('heading', { level: 3, name: 'Probleemgebieden' }),
      });
      await areas.getByRole('button', { name: 'Naam wijzigen van Verslaving' }).click();
      const field = areas.getByLabel('Nieuwe naam voor Verslaving');
      await field.fill('Verslaving (middelengebruik)');
      await areas.getByRole('button', { name: 'Naam opslaan' }).click();
      await areas
        .getByRole('status')
        .getByText('De naam is nu Verslaving (middelengebruik).')
        .waitFor();
      await areas.getByRole('rowheader', { name: 'Verslaving (middelengebruik)' }).waitFor();
      const rows = async () =>
        (await areas.getByRole('rowheader').allTextContents()).map((text) => text.trim());
      const before = await rows();
      const at = before.indexOf('Verslaving (middelengebruik)');
      expect(at).toBeGreaterThan(0);
      await areas.getByRole('button', { name: 'Verslaving (middelengebruik) omhoog' }).click();
      await areas
        .getByRole('status')
        .getByText(`Verslaving (middelengebruik) staat nu op plaats ${at} van ${before.length}.`)
        .waitFor();
      // The table shows the new order (the status line is set once the answer is in the cache).
      await areas
        .getByRole('rowheader')
        .nth(at - 1)
        .getByText('Verslaving (middelengebruik)', { exact: true })
        .waitFor();
      const after = await rows();
      expect(after[at - 1]).toBe('Verslaving (middelengebruik)');
      expect(after[at]).toBe(before[at - 1]);
      const focused = await adminPage.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? '',
      );
      expect(focused).toMatch(/Verslaving \(middelengebruik\) (omhoog|omlaag)/);
      const previous = page;
      page = adminPage;
      await shoot('admin');
      page = previous;
      await context.close();
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
