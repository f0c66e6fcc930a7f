// Browser test of recommendations, on the demo server (fictional users, no second login step):
// a researcher writes a recommendation for schools on a thread of the demo programme and sends
// it for review; the expert by experience finds it under "Te beoordelen", approves it with a
// comment; the researcher publishes it, and the matrix threads × stakeholder groups and the
// samenhang view (graph and its list in words) show it.
// Skipped, with a message, when no Chromium is installed.
//
// Screenshots at 390×844 and 1280×800 go to /tmp/shots/recommendations-*.png (E2E_SHOTS=<dir>
// for another folder).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, startDemoServer, type DemoServer } from '../bench/timeline-render';
import {
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
  welcomeHeading,
} from './helpers';

warnWithoutChromium();

const shotDir = process.env.E2E_SHOTS ?? '/tmp/shots';
const researcherName = 'Olaf Onderzoek (fictief)';
const expertName = 'Eva Ervaring (fictief)';
const title = 'Laat de mentor meepraten over de terugkeer naar school';
const suite = hasChromium ? describe : describe.skip;

suite('recommendations, reviewed by experts by experience, in the browser', () => {
  let dataDir = '';
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let programmeId = '';
  let recommendationUrl = '';
  const pageErrors: string[] = [];

  const shoot = (name: string) =>
    screenshots(page, shotDir, `recommendations-${name}`, [
      [390, 844],
      [1280, 800],
    ]);

  async function logInAs(role: 'researcher' | 'expert_by_experience', name: string) {
    await page.goto(`${server!.baseUrl}/login`);
    await logIn(page, { email: server!.emails[role]!, name, password: server!.password }, null);
    await welcomeHeading(page, name).waitFor();
  }

  /** The shared helper reads the name as a pattern; the demo names carry "(fictief)". */
  async function logOut(name: string) {
    await page.getByRole('button', { name }).click();
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await page.getByText('Je bent uitgelogd.').waitFor();
  }

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startDemoServer(dataDir, await freePort());
    const api = await apiSession(server.baseUrl, server.emails.researcher!, server.password);
    const list = await api.request<{ items: { id: string }[] }>('GET', '/api/cases');
    const demo = await api.request<{ programmeId: string }>(
      'GET',
      `/api/cases/${list.items[0]?.id}`,
    );
    programmeId = demo.programmeId;
    browser = await launchBrowser();
    page = await newPage(browser, pageErrors, { width: 1280, height: 800 });
    await logInAs('researcher', researcherName);
  }, startTimeoutMs + 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return;
    fs.mkdirSync(shotDir, { recursive: true });
    await page
      .screenshot({
        path: path.join(shotDir, `recommendations-failed-${task.name}.png`),
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
    'lets a researcher write a recommendation on a thread and send it for review',
    async () => {
      await page.goto(`${server!.baseUrl}/programmes/${programmeId}/aanbevelingen`);
      await page.getByRole('heading', { level: 1, name: /^Aanbevelingen — / }).waitFor();
      // The demo's recommendations, per stakeholder group.
      await page.getByRole('heading', { level: 3, name: /^Onderwijs/ }).waitFor();
      await shoot('list');

      await page.getByRole('button', { name: 'Nieuwe aanbeveling' }).click();
      const form = page.getByRole('region', { name: 'Nieuwe aanbeveling' });
      await form.getByRole('button', { name: 'Opslaan als concept' }).click();
      await form.getByRole('alert').getByText('Kies minstens één rode draad.').waitFor();
      await form.getByLabel('Titel').fill(title);
      await form
        .getByLabel(/^Toelichting/)
        .fill(
          'Als een jongere terugkomt uit een plaatsing, denkt de mentor mee over hoe school weer begint.',
        );
      await form.getByLabel('Stakeholdergroep').selectOption({ label: 'Onderwijs' });
      await form.getByLabel(/^Rode draad \d+: School valt als eerste weg$/).check();
      await shoot('new');
      await form.getByRole('button', { name: 'Opslaan als concept' }).click();

      await page.getByRole('heading', { level: 1, name: new RegExp(`: ${title}$`) }).waitFor();
      await page.getByText(/is opgeslagen als concept/).waitFor();
      recommendationUrl = page.url();
      await page.getByRole('button', { name: 'Ter beoordeling sturen' }).click();
      await page
        .getByText('Ervaringsdeskundigen lezen deze aanbeveling en geven hun oordeel.')
        .waitFor();
      await logOut(researcherName);
    },
    testTimeoutMs,
  );

  it(
    'shows the expert by experience what waits for them, and takes their approval with a comment',
    async () => {
      await logInAs('expert_by_experience', expertName);
      await page.goto(`${server!.baseUrl}/programmes/${programmeId}/aanbevelingen`);
      const toReview = page.getByRole('region', { name: 'Te beoordelen' });
      await toReview.getByRole('link', { name: new RegExp(title) }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(`: ${title}$`) }).waitFor();
      // An expert by experience reviews; they do not edit or publish.
      expect(await page.getByRole('button', { name: 'Wijzigen' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Publiceren' }).count()).toBe(0);
      await page.getByRole('radio', { name: /^Goed zo/ }).check();
      await page.getByLabel(/^Jouw reactie/).fill('Ja, de mentor kent de jongere het best.');
      await shoot('review');
      await page.getByRole('button', { name: 'Oordeel versturen' }).click();
      await page
        .getByText(
          'Ervaringsdeskundigen hebben deze versie goedgekeurd. Ze kan worden gepubliceerd.',
        )
        .waitFor();
      const conversation = page.getByRole('region', {
        name: 'Beoordeling door ervaringsdeskundigen',
      });
      await conversation.getByText('Ja, de mentor kent de jongere het best.').waitFor();
      await logOut(expertName);
    },
    testTimeoutMs,
  );

  it(
    'lets the researcher publish the approved version, and the matrix and samenhang show it',
    async () => {
      await logInAs('researcher', researcherName);
      await page.goto(recommendationUrl);
      await page.getByRole('button', { name: 'Publiceren' }).click();
      await page.getByText(/^Deze aanbeveling is gepubliceerd\./).waitFor();
      await page.getByRole('button', { name: 'Geschiedenis tonen' }).click();
      await page.getByText(/Beoordeeld door een ervaringsdeskundige/).waitFor();
      await shoot('detail');

      await page.goto(`${server!.baseUrl}/programmes/${programmeId}/aanbevelingen?weergave=matrix`);
      const table = page.getByRole('table', {
        name: 'Aanbevelingen per rode draad en stakeholdergroep',
      });
      await table.waitFor();
      const row = table.getByRole('row', { name: /School valt als eerste weg/ });
      await row.getByRole('link', { name: new RegExp(title) }).waitFor();
      const columns = await table.getByRole('columnheader').allTextContents();
      expect(columns[0]).toBe('Rode draad');
      expect(columns).toContain('Onderwijs');
      await shoot('matrix');

      await page.getByRole('button', { name: 'Samenhang' }).click();
      await page.locator('.kl-rec-graph svg').waitFor();
      const words = page.getByRole('list', { name: 'Samenhang in woorden' });
      await words
        .getByRole('link', { name: new RegExp(title) })
        .first()
        .waitFor();
      await shoot('samenhang');
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
