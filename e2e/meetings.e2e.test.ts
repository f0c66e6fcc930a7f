// Browser test of a case's review meeting (casusreview), on the demo server (fictional users, no
// second login step): a researcher opens the case's review meetings from the case, plans one,
// adds the youth (who consented to attend) and a guest, ticks their preparation, writes down
// reflections in "Wat ging goed" and "Wat zat in de weg" (one pinned to a timeline item), meets
// the conflict view when a colleague changed a contribution meanwhile, adds a step to the
// alternative plan with a follow-up, and downloads the report as PDF. A parent without consent
// to attend is refused with the reason at the field.
// Skipped, with a message, when no Chromium is installed.
//
// Screenshots at 390×844 and 1280×900 go to /tmp/shots/meetings-*.png (E2E_SHOTS=<dir> for
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

type CaseRef = { id: string; code: string };

/** A day a few days back, so a follow-up dated today comes after the meeting. */
function daysAgo(days: number): string {
  const day = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

suite('the review meeting of a case in the browser', () => {
  let dataDir = '';
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let api: ApiSession;
  let kase: CaseRef;
  let meetingUrl = '';
  const pageErrors: string[] = [];

  const region = (name: string) => page.getByRole('region', { name, exact: true });
  const part = (name: RegExp) =>
    page.locator('section.kl-mt-part', { has: page.getByRole('heading', { level: 3, name }) });

  /** Saves the whole page at phone and desktop size as <shotDir>/meetings-<name>-<w>x<h>.png. */
  async function shoot(name: string) {
    fs.mkdirSync(shotDir, { recursive: true });
    const original = page.viewportSize();
    for (const [width, height] of [
      [390, 844],
      [1280, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300);
      await page.screenshot({
        path: path.join(shotDir, `meetings-${name}-${width}x${height}.png`),
        fullPage: true,
      });
    }
    if (original) await page.setViewportSize(original);
  }

  /** Saves one part of the page at phone width, readable at full size. */
  async function shootPart(target: ReturnType<Page['locator']>, name: string) {
    fs.mkdirSync(shotDir, { recursive: true });
    const original = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    await target.screenshot({ path: path.join(shotDir, `meetings-${name}-390.png`) });
    if (original) await page.setViewportSize(original);
  }

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startDemoServer(dataDir, await freePort());
    const email = server.emails.researcher;
    if (!email) throw new Error('the demo has no researcher');
    api = await apiSession(server.baseUrl, email, server.password);

    // A case of a youth of 18 (who decides alone about attending), with a mother.
    const list = await api.request<{ items: { id: string }[] }>('GET', '/api/cases');
    const demo = await api.request<{
      programmeId: string;
      teamId: string;
      institutionType: string;
      regionCode: string;
    }>('GET', `/api/cases/${list.items[0]?.id}`);
    const created = await api.request<{ id: string }>('POST', '/api/cases', {
      programmeId: demo.programmeId,
      teamId: demo.teamId,
      institutionType: demo.institutionType,
      regionCode: demo.regionCode,
      birthYear: 2008,
      gender: null,
    });
    const detail = await api.request<{ code: string }>('GET', `/api/cases/${created.id}`);
    kase = { id: created.id, code: detail.code };
    const youth = await api.request<{ id: string }>('POST', `/api/cases/${kase.id}/participants`, {
      kind: 'youth',
      label: 'jongere',
      hasAuthority: false,
    });
    await api.request('POST', `/api/cases/${kase.id}/participants`, {
      kind: 'parent',
      label: 'moeder',
      hasAuthority: true,
    });
    await api.request('POST', `/api/cases/${kase.id}/consents`, {
      participantId: youth.id,
      purpose: 'meeting',
      givenBy: 'self',
      representativeId: null,
      givenOn: daysAgo(30),
      formVersion: 'v1',
    });
    for (const item of [
      { lane: 'living', title: 'Uithuisplaatsing', year: 2020 },
      { lane: 'school', title: 'Thuiszitten', year: 2022 },
    ]) {
      await api.request('POST', `/api/cases/${kase.id}/timeline/items`, {
        kind: 'event',
        lane: item.lane,
        title: item.title,
        start: { precision: 'year', year: item.year },
        source: 'professional',
      });
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
      .screenshot({ path: path.join(shotDir, `meetings-failed-${task.name}.png`), fullPage: true })
      .catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server.child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it(
    'plans a review meeting from the case, with 3 hours and 1 hour of preparation by default',
    async () => {
      await page.goto(`${server?.baseUrl}/cases/${kase.id}`);
      await page.getByRole('link', { name: 'Casusreview', exact: true }).click();
      await page
        .getByRole('heading', { level: 1, name: `Casusreviews van casus ${kase.code}` })
        .waitFor();
      await page.getByText('Er is nog geen casusreview gepland. Plan er hieronder een.').waitFor();

      const form = page.getByRole('region', { name: 'Casusreview plannen' });
      await expect(form.getByLabel('Duur in minuten').inputValue()).resolves.toBe('180');
      await expect(form.getByLabel('Voorbereidingstijd in minuten').inputValue()).resolves.toBe(
        '60',
      );
      await form.getByRole('button', { name: 'Casusreview plannen' }).click();
      await form.getByRole('alert').getByText('Vul de datum in.').waitFor();

      await form.getByLabel('Datum').fill(daysAgo(3));
      await form.getByLabel('Begintijd').fill('13:00');
      await form.getByLabel(/^Plaats/).fill('Stadhuis Hilversum, zaal 2');
      await form.getByRole('button', { name: 'Casusreview plannen' }).click();

      await page.getByRole('heading', { level: 1, name: /^Casusreview van / }).waitFor();
      await page.getByText(/^De casusreview is gepland op /).waitFor();
      meetingUrl = page.url();
      const planning = region('Planning');
      await planning.getByText('3 uur', { exact: true }).waitFor();
      await planning.getByText('1 uur om de tijdlijn en het dossier te lezen').waitFor();
      await planning.getByText('13:00–16:00', { exact: false }).waitFor();
    },
    testTimeoutMs,
  );

  it(
    'adds the youth and a guest, refuses the mother without consent, and keeps the checklist',
    async () => {
      const section = region('Deelnemers');
      await section.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
      const form = section.getByRole('form', { name: 'Deelnemer toevoegen' });

      await form.getByRole('radio', { name: /^De jongere, een ouder/ }).check();
      await form
        .getByLabel('Deelnemer', { exact: true })
        .selectOption({ label: 'moeder (Ouder of verzorger)' });
      await form.getByRole('button', { name: 'Toevoegen' }).click();
      const refusal = form.getByText(/^moeder kan niet worden uitgenodigd: de toestemming/).first();
      await refusal.waitFor();
      await shootPart(form, 'consent-missing');

      await form
        .getByLabel('Deelnemer', { exact: true })
        .selectOption({ label: 'jongere (Jongere)' });
      await form.getByRole('button', { name: 'Toevoegen' }).click();
      await section.getByText('Jongere staat bij de deelnemers.').waitFor();

      await form.getByRole('radio', { name: /^Een gast/ }).check();
      await form.getByLabel('Rol van de gast').fill('leerkracht');
      await form.getByLabel(/^Organisatie/).fill('VSO De Brug');
      await form.getByRole('button', { name: 'Toevoegen' }).click();
      await section.getByText('leerkracht, VSO De Brug (Gast) staat bij de deelnemers.').waitFor();
      await form.getByRole('button', { name: 'Sluiten' }).click();

      const youthChecks = section.getByRole('group', { name: 'Voorbereiding van jongere' });
      await youthChecks.getByRole('checkbox', { name: 'Tijdlijn gelezen' }).check();
      await section.getByText('Opgeslagen voor Jongere: Tijdlijn gelezen.').waitFor();
      await section.getByText('1 van 2 heeft de tijdlijn gelezen').waitFor();
      await expect(
        youthChecks.getByRole('checkbox', { name: 'Tijdlijn gelezen' }).isChecked(),
      ).resolves.toBe(true);
    },
    testTimeoutMs,
  );

  it(
    'writes down reflections with who said it, one pinned to a timeline item',
    async () => {
      const well = part(/^Wat ging goed/);
      await well.getByRole('button', { name: 'Bijdrage toevoegen aan ‘Wat ging goed’' }).click();
      const wellForm = well.getByRole('group', { name: 'Nieuwe bijdrage bij ‘Wat ging goed’' });
      // The form opens with the focus in its first field.
      await expect(page.evaluate(() => document.activeElement?.tagName ?? '')).resolves.toBe(
        'TEXTAREA',
      );
      await page.keyboard.type('Mijn mentor bleef me appen, ook toen ik niet naar school ging.');
      await wellForm.getByLabel('Wie zei het?').selectOption({ label: 'Jongere' });
      await wellForm
        .getByLabel(/^Bij welk moment op de tijdlijn\?/)
        .selectOption({ label: 'Uithuisplaatsing (2020)' });
      await wellForm.getByRole('button', { name: 'Bijdrage toevoegen' }).click();
      await well.getByRole('status').getByText('Toegevoegd aan ‘Wat ging goed’.').waitFor();
      const said = well.getByRole('listitem').filter({ hasText: 'Mijn mentor bleef me appen' });
      await said.getByText('Gezegd door: Jongere').waitFor();
      await said.getByText('Bij de tijdlijn: Uithuisplaatsing').waitFor();
      await well.getByRole('button', { name: 'Sluiten' }).click();

      const inTheWay = part(/^Wat zat in de weg/);
      await inTheWay
        .getByRole('button', { name: 'Bijdrage toevoegen aan ‘Wat zat in de weg’' })
        .click();
      const form = inTheWay.getByRole('group', { name: 'Nieuwe bijdrage bij ‘Wat zat in de weg’' });
      await form
        .getByLabel('Wat werd er gezegd?')
        .fill('Acht maanden wachten op een plek in de jeugd-GGZ.');
      await form.getByLabel('Wie zei het?').selectOption({ label: 'Professional, niet bij naam' });
      await form.getByRole('button', { name: 'Bijdrage toevoegen' }).click();
      await inTheWay.getByText('Toegevoegd aan ‘Wat zat in de weg’.').waitFor();
      await inTheWay.getByText('Gezegd door: Professional').waitFor();
      await inTheWay.getByRole('button', { name: 'Sluiten' }).click();
      await part(/^Wat ging goed \(1\)$/).waitFor();
      await part(/^Wat zat in de weg \(1\)$/).waitFor();
    },
    testTimeoutMs,
  );

  it(
    'shows both versions when someone else changed a contribution meanwhile, and saves the choice',
    async () => {
      const inTheWay = part(/^Wat zat in de weg/);
      await inTheWay.getByRole('button', { name: /^Wijzigen/ }).click();
      await inTheWay
        .getByLabel('Wat werd er gezegd?')
        .fill('Acht maanden wachten, en niemand belde.');

      // Meanwhile, a colleague changes the same contribution.
      const apiPath = new URL(meetingUrl).pathname.replace(/^\/cases/, '/api/cases');
      const meeting = await api.request<{
        contributions: { id: string; part: string; text: string; version: number }[];
      }>('GET', apiPath);
      const hindered = meeting.contributions.find((c) => c.part === 'hindered');
      if (!hindered) throw new Error('no contribution in "Wat zat in de weg"');
      await api.request('PUT', `${apiPath}/contributions/${hindered.id}`, {
        part: 'hindered',
        text: 'Negen maanden wachten op een plek in de jeugd-GGZ.',
        speakerRole: 'professional',
        attendeeId: null,
        timelineItemId: null,
        version: hindered.version,
      });

      await inTheWay.getByRole('button', { name: 'Bijdrage opslaan' }).click();
      const conflict = inTheWay.getByRole('region', {
        name: 'Iemand anders heeft dit intussen gewijzigd',
      });
      await conflict
        .getByRole('radio', {
          name: 'Huidige versie: Negen maanden wachten op een plek in de jeugd-GGZ.',
        })
        .waitFor();
      await expect(
        conflict
          .getByRole('radio', { name: 'Jouw versie: Acht maanden wachten, en niemand belde.' })
          .isChecked(),
      ).resolves.toBe(true);
      await shootPart(conflict, 'conflict');
      await conflict.getByRole('radio', { name: /^Huidige versie/ }).check();
      await conflict.getByRole('button', { name: 'Opslaan met deze keuzes' }).click();
      await inTheWay.getByText('De bijdrage is opgeslagen bij ‘Wat zat in de weg’.').waitFor();
      await inTheWay.getByText('Negen maanden wachten op een plek in de jeugd-GGZ.').waitFor();
    },
    testTimeoutMs,
  );

  it(
    'adds a step to the alternative plan and follows it up',
    async () => {
      const plan = region('Alternatief plan');
      await plan.getByRole('button', { name: 'Stap toevoegen' }).click();
      await plan
        .getByLabel('Wat doen we anders?')
        .fill('Bij schoolverzuim binnen twee weken een gesprek met leerplicht en jeugdhulp samen');
      await plan.getByLabel('Wie doet het?').fill('leerplichtambtenaar');
      await plan.getByRole('button', { name: 'Stap toevoegen' }).last().click();
      await plan.getByText('De stap staat in het plan.').waitFor();
      await plan.getByRole('button', { name: 'Sluiten' }).click();

      const step = plan.getByRole('listitem').filter({
        has: page.getByRole('heading', { level: 3, name: 'Stap 1' }),
      });
      await step.getByRole('button', { name: /^Vervolg toevoegen/ }).click();
      const followUp = step.getByRole('group', { name: 'Vervolg opschrijven' });
      // A follow-up is written afterwards: a day in the future is refused at the field.
      await followUp.getByLabel('Datum').fill(daysAgo(-7));
      await followUp
        .getByLabel('Wat is er geprobeerd?')
        .fill('Eerste gesprek met leerplicht gehad');
      await followUp.getByRole('button', { name: 'Vervolg opslaan' }).click();
      await followUp
        .getByRole('alert')
        .getByText(/Die datum ligt in de toekomst/)
        .waitFor();
      await followUp.getByLabel('Datum').fill(daysAgo(0));
      await followUp.getByLabel(/^Wat leverde het op\?/).fill('School belt nu één nummer');
      await followUp.getByRole('button', { name: 'Vervolg opslaan' }).click();
      await plan.getByText('Het vervolg is opgeslagen.').waitFor();
      await step.getByText('School belt nu één nummer').waitFor();
      await step.getByRole('heading', { level: 4, name: 'Vervolg (1)' }).waitFor();
    },
    testTimeoutMs,
  );

  it(
    'shows the history and downloads the report as PDF',
    async () => {
      const history = region('Geschiedenis');
      await history.getByRole('button', { name: 'Geschiedenis tonen' }).click();
      await history.getByText(/stap aan het plan toegevoegd/).waitFor();
      await history
        .getByText(/Tekst|Wat werd er gezegd: Acht maanden wachten/)
        .first()
        .waitFor();
      await shootPart(history, 'history');

      const report = region('Verslag');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        report.getByRole('link', { name: 'Verslag downloaden (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^casusreview-KL-.*\.pdf$/);
      const file = await download.path();
      const head = fs.readFileSync(file).subarray(0, 5).toString('latin1');
      expect(head).toBe('%PDF-');

      // The case's list of review meetings shows it with its counts.
      await page.goto(meetingUrl.replace(/\/[^/]+$/, ''));
      const table = page.getByRole('table', { name: '1 casusreview' });
      await table.getByRole('row').nth(1).getByText('Gepland').waitFor();
      await shoot('list');

      // Back at the top of the page, as a reader opening it would see it.
      await page.goto(meetingUrl);
      await page.getByRole('heading', { level: 1, name: /^Casusreview van / }).waitFor();
      await part(/^Wat ging goed \(1\)$/).waitFor();
      await shoot('meeting');
      // On a phone the whole page is long: one screen per section as well, readable at full size.
      await page.setViewportSize({ width: 390, height: 844 });
      for (const [index, name] of [
        'Planning',
        'Deelnemers',
        'Reflectie',
        'Alternatief plan',
      ].entries()) {
        await page.getByRole('heading', { level: 2, name, exact: true }).scrollIntoViewIfNeeded();
        await page.evaluate((heading) => {
          const element = [...document.querySelectorAll('h2')].find(
            (h) => h.textContent === heading,
          );
          element?.scrollIntoView({ block: 'start' });
        }, name);
        await page.waitForTimeout(200);
        await page.screenshot({
          path: path.join(shotDir, `meetings-phone-${index + 1}-390x844.png`),
        });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
