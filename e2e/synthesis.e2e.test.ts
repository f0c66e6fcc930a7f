// Browser test of the synthesis board and threads, on the demo server (fictional users, no second
// login step): a researcher opens "Synthese" from the menu, goes to the demo programme's board,
// makes a theme, groups codes into it (one by keyboard through "Verplaats naar…", one by dragging
// with the mouse), promotes the theme to a thread, edits the thread and sees the version history
// say what changed; the demo's superseded thread points to the thread that replaced it. A
// policymaker sees only the overview link on the landing page.
// Skipped, with a message, when no Chromium is installed.
//
// Screenshots at 390×844 and 1280×800 go to /tmp/shots/synthesis-*.png (E2E_SHOTS=<dir> for
// another folder).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
  welcomeHeading,
} from './helpers';

warnWithoutChromium();

const shotDir = process.env.E2E_SHOTS ?? '/tmp/shots';
const researcherName = 'Olaf Onderzoek (fictief)';
const suite = hasChromium ? describe : describe.skip;

suite('the synthesis board and threads in the browser', () => {
  let dataDir = '';
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let boardUrl = '';
  const pageErrors: string[] = [];

  async function shoot(name: string) {
    fs.mkdirSync(shotDir, { recursive: true });
    for (const [width, height] of [
      [390, 844],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(200);
      await page.screenshot({
        path: path.join(shotDir, `synthesis-${name}-${width}x${height}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  const card = (within: ReturnType<Page['locator']>, name: string) =>
    within.locator('.kl-sy-card__name').getByText(name, { exact: true });
  const column = (name: string) =>
    page.locator('li.kl-sy-column', {
      has: page.getByRole('heading', { level: 3, name, exact: true }),
    });

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startDemoServer(dataDir, await freePort());
    const email = server.emails.researcher;
    if (!email) throw new Error('the demo has no researcher');
    browser = await launchBrowser();
    page = await newPage(browser, pageErrors, { width: 1280, height: 800 });
    await page.goto(`${server.baseUrl}/login`);
    await logIn(page, { email, name: researcherName, password: server.password }, null);
    await welcomeHeading(page, researcherName).waitFor();
  }, startTimeoutMs + 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return;
    fs.mkdirSync(shotDir, { recursive: true });
    await page
      .screenshot({ path: path.join(shotDir, `synthesis-failed-${task.name}.png`), fullPage: true })
      .catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server.child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it(
    'opens the demo programme’s board and threads from the menu',
    async () => {
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Synthese' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Synthese over casussen' }).waitFor();
      await page.getByRole('link', { name: 'Themabord en rode draden' }).first().click();
      await page.getByRole('heading', { level: 1, name: /^Synthese: / }).waitFor();
      boardUrl = page.url();
      // The demo: three active threads, one in its second version; two superseded ones hidden.
      const threads = page.getByRole('region', { name: 'Rode draden' });
      await threads.getByRole('link', { name: 'Hulp komt pas als het escaleert' }).waitFor();
      await threads.getByRole('link', { name: 'Niet gehoord bij besluiten' }).waitFor();
      await threads.getByRole('link', { name: 'School valt als eerste weg' }).waitFor();
      await page.getByText('2 vervangen of ingetrokken rode draden niet getoond.').waitFor();
      await card(column('Wachten en versnipperde hulp'), 'Wachttijd').waitFor();
      await shoot('board');
    },
    testTimeoutMs,
  );

  it(
    'makes a theme and groups codes into it by keyboard and by dragging',
    async () => {
      await page.getByRole('button', { name: 'Nieuw thema' }).click();
      await page.getByLabel('Naam').fill('Wat de jongere sterker maakt');
      await page.getByRole('button', { name: 'Thema maken' }).click();
      const theme = column('Wat de jongere sterker maakt');
      await theme.getByText('Nog geen codes.', { exact: false }).waitFor();

      // By keyboard: the card's "Verplaats naar…" menu.
      const move = page.getByRole('button', { name: 'Verplaats naar… Beschermende factoren' });
      await move.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const option = page
        .getByRole('list', { name: 'Verplaats Beschermende factoren naar' })
        .getByRole('button', { name: 'Thema ‘Wat de jongere sterker maakt’' });
      await option.focus();
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .getByText('Beschermende factoren staat nu in: Wat de jongere sterker maakt.')
        .waitFor();
      await card(theme, 'Beschermende factoren').waitFor();
      // Focus stayed with the moved card.
      await expect(
        page.evaluate(() => document.activeElement?.textContent ?? ''),
      ).resolves.toContain('Beschermende factoren');

      // By mouse: drag the "Gehoord worden" card onto the theme.
      // Picked up by its name, dropped on the theme's heading; the window is tall enough to hold
      // both, as a drag does not scroll the page here.
      await page.setViewportSize({ width: 1280, height: 2600 });
      await card(page.locator('li.kl-sy-column--loose'), 'Gehoord worden').dragTo(
        theme.getByRole('heading', { level: 3 }),
      );
      await card(theme, 'Gehoord worden').waitFor();
      await page
        .getByRole('status')
        .getByText('Gehoord worden staat nu in: Wat de jongere sterker maakt.')
        .waitFor();
      await shoot('board-grouped');
    },
    testTimeoutMs,
  );

  it(
    'promotes the theme to a thread, edits it and sees the version history',
    async () => {
      const theme = column('Wat de jongere sterker maakt');
      await theme.getByRole('button', { name: /^Maak rode draad/ }).click();
      await page.getByLabel('Titel').fill('Iemand die blijft, maakt het verschil');
      await page.getByRole('button', { name: 'Rode draad maken' }).click();
      await page
        .getByRole('heading', { level: 1, name: /^Rode draad 6: Iemand die blijft/ })
        .waitFor();
      await page.getByText('Rode draad 6 is gemaakt.').waitFor();
      await page.getByText('Uit thema ‘Wat de jongere sterker maakt’').waitFor();

      await page.getByRole('button', { name: 'Rode draad wijzigen' }).click();
      await page
        .getByLabel('Beschrijving')
        .fill('Een mentor, een pleegmoeder of een trainer die blijft.');
      await page.getByLabel(/Toelichting bij deze versie/).fill('Beschrijving na het teamoverleg');
      await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await page.getByText('Opgeslagen als versie 2.').waitFor();
      const versions = page.getByRole('region', { name: 'Versies' });
      await versions.getByText('Versie 2', { exact: true }).waitFor();
      await versions.getByText('Beschrijving gewijzigd').waitFor();
      await versions.getByText('Toelichting: Beschrijving na het teamoverleg').waitFor();
      await versions.getByText('gemaakt van een thema').waitFor();
      await shoot('thread');
    },
    testTimeoutMs,
  );

  it(
    'shows a superseded demo thread with the thread that replaced it',
    async () => {
      await page.goto(boardUrl);
      await page.getByLabel('Toon ook vervangen en ingetrokken rode draden').check();
      await page.getByRole('link', { name: 'Overplaatsing zonder uitleg' }).click();
      await page.getByText('Deze rode draad is vervangen door').waitFor();
      await page.getByRole('link', { name: 'Rode draad 4: Niet gehoord bij besluiten' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Rode draad 4: Niet gehoord bij besluiten' })
        .waitFor();
      await page.getByText('Vervangt (samengevoegd)').waitFor();
      await shoot('thread-merged');
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );

  it(
    'shows a policymaker only the overview',
    async () => {
      // A fresh browser context: its own session.
      page = await newPage(browser!, pageErrors, { width: 1280, height: 800 });
      const email = server!.emails.policymaker!;
      await page.goto(`${server!.baseUrl}/login`);
      await logIn(page, { email, name: 'Bram Beleid (fictief)', password: server!.password }, null);
      await page.goto(`${server!.baseUrl}/synthese`);
      await page.getByRole('heading', { level: 1, name: 'Synthese over casussen' }).waitFor();
      await page.getByRole('link', { name: 'Overzicht in cijfers' }).first().waitFor();
      await expect(
        page.getByRole('link', { name: 'Themabord en rode draden' }).count(),
      ).resolves.toBe(0);
      await shoot('home-policymaker');
    },
    testTimeoutMs,
  );
});
