// Browser test of a case's dossier research, on the demo server (fictional users, no second
// login step): a researcher opens "Dossieronderzoek" from the case and first meets the plain
// message that dossier consent is missing, with the way to the case's consent; once the youth
// and the mother (the youth is 13: both consent) have consented (through the API), starts the
// review on the newest checklist version, answers a ja/deels/nee item with evidence, a source
// and its date and links it to a placement on the timeline, answers a number item with the
// keyboard (Ctrl+Enter), sees the progress go up, is warned before leaving with an unsaved
// change, and after a reload finds the answers kept.
// Skipped, with a message, when no Chromium is installed.
//
// Screenshots at 390×844 and 1280×900 go to /tmp/shots/dossier-*.png (E2E_SHOTS=<dir> for
// another folder).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  startDemoServer,
  type ApiSession,
  type DemoServer,
} from '../bench/timeline-render';
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
// 13 this year (12 or 13 by the birth year alone): the youth and a parent with authority consent.
const birthYear = new Date().getFullYear() - 13;
const today = new Date().toISOString().slice(0, 10);

suite('dossier research of a case in the browser', () => {
  let dataDir = '';
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let api: ApiSession;
  let caseId = '';
  let caseCode = '';
  let youthId = '';
  let motherId = '';
  const pageErrors: string[] = [];

  const dossierUrl = () => `${server?.baseUrl}/cases/${caseId}/dossier`;
  const progress = () => page.getByRole('region', { name: 'Voortgang' });
  const itemForm = (question: RegExp) =>
    page.locator('form.kl-dossier-item', { has: page.getByRole('heading', { name: question }) });
  const placementItem = () => itemForm(/uit huis is geplaatst/);
  const movesItem = () => itemForm(/Hoe vaak is de jongere overgeplaatst/);
  const sectionLink = (name: RegExp) =>
    page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name });

  /** Saves the page at phone and desktop size as <shotDir>/dossier-<name>-<w>x<h>.png. */
  async function shoot(name: string) {
    fs.mkdirSync(shotDir, { recursive: true });
    const original = page.viewportSize();
    for (const [width, height] of [
      [390, 844],
      [1280, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      // From the top: sticky and fixed parts (the section list, the skip link) are drawn where
      // a scrolled viewport would have them.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(200);
      await page.screenshot({
        path: path.join(shotDir, `dossier-${name}-${width}x${height}.png`),
        fullPage: true,
      });
    }
    if (original) await page.setViewportSize(original);
  }

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startDemoServer(dataDir, await freePort());
    const email = server.emails.researcher;
    if (!email) throw new Error('the demo has no researcher');
    api = await apiSession(server.baseUrl, email, server.password);

    // A new case in the demo researcher's team, with the youth, a mother with authority and a
    // placement on the timeline to link answers to.
    const list = await api.request<{ items: { id: string }[] }>('GET', '/api/cases');
    const demo = await api.request<{
      programmeId: string;
      teamId: string;
      institutionType: string;
      regionCode: string;
    }>('GET', `/api/cases/${list.items[0]?.id}`);
    caseId = (
      await api.request<{ id: string }>('POST', '/api/cases', {
        programmeId: demo.programmeId,
        teamId: demo.teamId,
        institutionType: demo.institutionType,
        regionCode: demo.regionCode,
        birthYear,
        gender: null,
      })
    ).id;
    caseCode = (await api.request<{ code: string }>('GET', `/api/cases/${caseId}`)).code;
    youthId = (
      await api.request<{ id: string }>('POST', `/api/cases/${caseId}/participants`, {
        kind: 'youth',
        label: 'jongere',
        hasAuthority: false,
      })
    ).id;
    motherId = (
      await api.request<{ id: string }>('POST', `/api/cases/${caseId}/participants`, {
        kind: 'parent',
        label: 'moeder',
        hasAuthority: true,
      })
    ).id;
    for (const item of [
      {
        kind: 'period',
        lane: 'living',
        title: 'Pleeggezin A',
        reference: 'pleeggezin A',
        start: { precision: 'year', year: birthYear + 7 },
        source: 'professional',
      },
      {
        kind: 'event',
        lane: 'diagnosis',
        title: 'Diagnose ADHD',
        start: { precision: 'year', year: birthYear + 8 },
        source: 'professional',
      },
    ]) {
      await api.request('POST', `/api/cases/${caseId}/timeline/items`, item);
    }

    browser = await launchBrowser();
    page = await newPage(browser, pageErrors, { width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/login`);
    await logIn(page, { email, name: researcherName, password: server.password }, null);
    await welcomeHeading(page, researcherName).waitFor();
  }, startTimeoutMs + 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return;
    fs.mkdirSync(shotDir, { recursive: true });
    await page
      .screenshot({
        path: path.join(shotDir, `dossier-failed-${task.name.replace(/\W+/g, '-')}.png`),
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
    'says first that dossier consent is missing, and leads to the case’s consent',
    async () => {
      await page.goto(`${server?.baseUrl}/cases/${caseId}`);
      await page.getByRole('link', { name: 'Dossieronderzoek' }).click();
      await page
        .getByRole('heading', { level: 1, name: `Dossieronderzoek van casus ${caseCode}` })
        .waitFor();
      await page
        .getByText(
          'Het dossier kan pas worden ingezien en gebruikt als de toestemming voor dossierinzage compleet is.',
        )
        .waitFor();
      await expect(page.getByRole('alert').count()).resolves.toBe(0);
      await shoot('consent-missing');

      await page.getByRole('link', { name: 'Naar de toestemming bij de casus' }).click();
      await page.getByRole('heading', { level: 1, name: `Casus ${caseCode}` }).waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('consent-heading');
    },
    testTimeoutMs,
  );

  it(
    'starts the review on the newest checklist version once consent is recorded',
    async () => {
      for (const consent of [
        { participantId: youthId, givenBy: 'self' },
        { participantId: youthId, givenBy: 'legal_representative', representativeId: motherId },
      ]) {
        await api.request('POST', `/api/cases/${caseId}/consents`, {
          purpose: 'dossier',
          givenOn: today,
          formVersion: 'v1',
          ...consent,
        });
      }
      await page.goto(dossierUrl());
      await page.getByRole('heading', { level: 2, name: 'Dossieronderzoek beginnen' }).waitFor();
      const version = page.getByLabel('Versie van de checklist');
      await expect(version.locator('option:checked').innerText()).resolves.toMatch(
        /^Versie 1 \(nieuwste\)/,
      );
      await shoot('start');
      await page.getByRole('button', { name: 'Dossieronderzoek starten' }).click();
      await page
        .getByText('Het dossieronderzoek is gestart met versie 1 van de checklist.')
        .waitFor();
      await progress().getByText('0 van 29 beantwoord').waitFor();
      await page
        .getByRole('heading', { level: 2, name: 'Hulpvraag en verklarende analyse' })
        .waitFor();
    },
    testTimeoutMs,
  );

  it(
    'answers a ja/deels/nee item with evidence and a source, linked to the placement',
    async () => {
      await sectionLink(/^Wachttijden, plaatsingen en continuïteit/).click();
      const heading = page.getByRole('heading', {
        level: 2,
        name: 'Wachttijden, plaatsingen en continuïteit',
      });
      await heading.waitFor();
      await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
      const form = placementItem();
      await form
        .getByRole('group', { name: 'Antwoord' })
        .getByRole('radio', { name: 'Deels' })
        .check();
      await form
        .getByLabel(/^Onderbouwing/)
        .fill('"Thuis is geen optie meer" — alternatieven worden niet genoemd.');
      await form.getByLabel(/^Brondocument/).fill('Plaatsingsbesluit');
      await form.getByLabel(/^Datum van het document/).fill(`${birthYear + 7}-03-02`);
      await form.getByText(/^✎ Niet opgeslagen$/).waitFor();
      await form.getByRole('button', { name: 'Koppelen aan de tijdlijn' }).click();
      const living = form.getByRole('group', { name: 'Wonen (past bij deze vraag)' });
      await living.getByRole('checkbox', { name: /^Pleeggezin A/ }).check();
      await shoot('link-picker');
      await form.getByRole('button', { name: 'Klaar met koppelen' }).click();
      await form.getByRole('listitem').filter({ hasText: 'Pleeggezin A' }).waitFor();
      const save = form.getByRole('button', { name: /^Opslaan/ });
      await save.click();
      await form.getByRole('status').getByText('Opgeslagen.').waitFor();
      // Saving keeps the place: the focus stays on the button.
      await expect(save.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await progress().getByText('1 van 29 beantwoord').waitFor();
      await sectionLink(/1 van 6 beantwoord/).waitFor();
      await form.getByText(/^Beantwoord door Olaf Onderzoek \(fictief\)/).waitFor();
    },
    testTimeoutMs,
  );

  it(
    'answers a number item with the keyboard, and the progress goes up',
    async () => {
      const form = movesItem();
      const number = form.getByRole('textbox', { name: 'Antwoord' });
      await number.fill('300');
      await number.press('Control+Enter');
      await form.getByRole('alert').getByText('Vul een getal van hoogstens 100 in.').waitFor();
      await shoot('number-error');
      await number.fill('3');
      await form.getByLabel(/^Onderbouwing/).fill('Drie verhuizingen in het overzicht.');
      await form.getByLabel(/^Onderbouwing/).press('Control+Enter');
      await form.getByRole('status').getByText('Opgeslagen.').waitFor();
      await progress().getByText('2 van 29 beantwoord').waitFor();
      await sectionLink(/2 van 6 beantwoord/).waitFor();
      await shoot('answered');
    },
    testTimeoutMs,
  );

  it(
    'warns before leaving the page with an unsaved change',
    async () => {
      const form = itemForm(/Moesten de jongere of het gezin wachten op hulp/);
      await form.getByRole('radio', { name: 'Ja' }).check();
      await page.getByRole('link', { name: `Terug naar casus ${caseCode}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Wijzigingen niet opgeslagen' });
      await dialog.waitFor();
      await dialog.getByText(/Moesten de jongere of het gezin wachten op hulp/).waitFor();
      await dialog.getByRole('button', { name: 'Blijven en opslaan' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(page.url()).toContain('/dossier');
      await form.getByRole('button', { name: 'Wijzigingen ongedaan maken' }).click();
      await form.getByText(/^✎ Niet opgeslagen$/).waitFor({ state: 'detached' });
    },
    testTimeoutMs,
  );

  it(
    'finds the answers kept after a reload',
    async () => {
      await page.reload();
      await progress().getByText('2 van 29 beantwoord').waitFor();
      const placement = placementItem();
      await expect(placement.getByRole('radio', { name: 'Deels' }).isChecked()).resolves.toBe(true);
      await expect(placement.getByLabel(/^Onderbouwing/).inputValue()).resolves.toBe(
        '"Thuis is geen optie meer" — alternatieven worden niet genoemd.',
      );
      await expect(placement.getByLabel(/^Brondocument/).inputValue()).resolves.toBe(
        'Plaatsingsbesluit',
      );
      await placement.getByRole('listitem').filter({ hasText: 'Pleeggezin A' }).waitFor();
      await expect(
        movesItem().getByRole('textbox', { name: 'Antwoord' }).inputValue(),
      ).resolves.toBe('3');

      await placement.getByText('Geschiedenis van dit antwoord').click();
      await placement.getByText(/^Versie 1: gegeven door Olaf Onderzoek/).waitFor();
      await shoot('reloaded');
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
