// Browser test of a thread's evidence and of saturation, on the demo server (fictional users, no
// second login step): a researcher opens a thread of the demo programme, reads in how many coded
// cases it was found and how strong that is, the splits as tables, chooses a supporting segment
// as quote and finds it chosen after a reload; an expert by experience reads the same quotes but
// may not choose; the saturation page explains that "no new codes" is not "understood" and
// holds the figures of its chart in a table.
// Skipped, with a message, when no Chromium is installed.
//
// Screenshots at 390×844 and 1280×800 go to /tmp/shots/evidence-*.png (E2E_SHOTS=<dir> for
// another folder).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../bench/timeline-render';
import {
  api,
  freePort,
  hasChromium,
  launchBrowser,
  logIn,
  newPage,
  screenshots,
  startTimeoutMs,
  stopServer,
  tempDataDir,
  testTimeoutMs,
  warnWithoutChromium,
} from './helpers';

warnWithoutChromium();

const shotDir = process.env.E2E_SHOTS ?? '/tmp/shots';
const sizes = [
  [390, 844],
  [1280, 800],
] as const;
const suite = hasChromium ? describe : describe.skip;

suite('the evidence of a thread and saturation in the browser', () => {
  let dataDir = '';
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let programmeId = '';
  let threadId = '';
  const pageErrors: string[] = [];

  async function loggedIn(role: string, name: string): Promise<Page> {
    const next = await newPage(browser!, pageErrors);
    await next.goto(`${server!.baseUrl}/login`);
    await logIn(next, { email: server!.emails[role]!, name, password: server!.password }, null);
    await next.getByRole('heading', { level: 1, name: `Welkom, ${name}` }).waitFor();
    return next;
  }

  async function shoot(name: string) {
    await page!.evaluate(() => window.scrollTo(0, 0));
    await screenshots(page!, shotDir, `evidence-${name}`, sizes);
  }

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startDemoServer(dataDir, await freePort());
    browser = await launchBrowser();
  }, startTimeoutMs + 30_000);

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return;
    fs.mkdirSync(shotDir, { recursive: true });
    await page
      .screenshot({
        path: path.join(shotDir, `evidence-failed-${task.name.replace(/\W+/g, '-')}.png`),
        fullPage: true,
      })
      .catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server.child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it(
    'shows a researcher the evidence of a thread and lets them choose a quote',
    async () => {
      page = await loggedIn('researcher', 'Olaf Onderzoek (fictief)');
      const programmes = await api<{ items: { id: string }[] }>(page, 'GET', '/api/programmes');
      programmeId = programmes.items[0]!.id;
      const threads = await api<{ items: { id: string; number: number; title: string }[] }>(
        page,
        'GET',
        `/api/programmes/${programmeId}/synthesis/threads`,
      );
      const thread = threads.items[0]!;
      threadId = thread.id;

      await page.goto(`${server!.baseUrl}/programmes/${programmeId}/synthese/draden/${threadId}`);
      await page.getByRole('heading', { level: 2, name: 'Onderbouwing' }).waitFor();
      await page.getByText(/^Gevonden in \d+ van de \d+ gecodeerde casussen/).waitFor();
      const strength = page.getByRole('list', { name: 'Hoe sterk is de onderbouwing?' });
      await strength.getByText(/^\d+ (casus|casussen)$/).waitFor();
      await page.getByRole('table', { name: 'Casussen en fragmenten per perspectief' }).waitFor();
      await page
        .getByRole('table', { name: 'Casussen met deze rode draad per soort instelling' })
        .waitFor();
      await page
        .getByRole('table', {
          name: 'Tijdlijnkenmerken van casussen met en zonder deze rode draad',
        })
        .waitFor();
      await page.getByText(/Teksten die nog blind worden gecodeerd tellen niet mee/).waitFor();

      // Choose the first segment that may be quoted.
      const segments = page.getByRole('list', { name: 'Onderbouwende fragmenten' });
      await segments.waitFor();
      const chooseButtons = segments.getByRole('button', { name: /^Kies als citaat/ });
      await chooseButtons.first().waitFor();
      const choosable = await chooseButtons.count();
      await chooseButtons.first().click();
      const chosen = page.getByRole('list', { name: 'Gekozen citaten, in volgorde' });
      await chosen.getByRole('listitem').first().waitFor();
      expect(await chosen.getByRole('listitem').count()).toBe(1);
      await segments.getByText('Gekozen als citaat').first().waitFor();
      expect(await chooseButtons.count()).toBe(choosable - 1);
      await shoot('thread');

      // Stored: still chosen after a reload.
      await page.reload();
      await page
        .getByRole('list', { name: 'Gekozen citaten, in volgorde' })
        .getByRole('listitem')
        .first()
        .waitFor();
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );

  it(
    'shows an expert by experience the chosen quotes, without choosing',
    async () => {
      page = await loggedIn('expert_by_experience', 'Eva Ervaring (fictief)');
      await page.goto(`${server!.baseUrl}/programmes/${programmeId}/synthese/draden/${threadId}`);
      const chosen = page.getByRole('list', { name: 'Gekozen citaten, in volgorde' });
      await chosen.getByRole('listitem').first().waitFor();
      await page.getByRole('list', { name: 'Onderbouwende fragmenten' }).waitFor();
      expect(await page.getByRole('button', { name: /^Kies als citaat/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /weghalen$/ }).count()).toBe(0);
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );

  it(
    'explains saturation with a chart and the same figures in a table',
    async () => {
      page = await loggedIn('researcher', 'Olaf Onderzoek (fictief)');
      await page.goto(`${server!.baseUrl}/programmes/${programmeId}/synthese/verzadiging`);
      await page.getByRole('heading', { level: 1, name: 'Verzadiging' }).waitFor();
      await page.getByText(/^Geen nieuwe codes betekent niet dat we het begrijpen/).waitFor();
      await page.getByRole('img', { name: /^Grafiek: nieuwe codes per casus/ }).waitFor();
      const table = page.getByRole('table', {
        name: 'Nieuwe codes en codes in totaal per casus, in volgorde van bespreking',
      });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBeGreaterThan(1);
      await page.getByRole('table', { name: 'Groei van de rode draden' }).waitFor();
      await shoot('saturation');
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
