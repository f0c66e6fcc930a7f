// Browser test of a programme's codebook and the coding work across its cases: the administrator
// prepares a programme, a team and a researcher (through the API); the researcher opens the
// codebook from the programme's page, adds two codes and a sub-code, moves the sub-code under the
// other code, merges one code into the other after reading what happens to its fragments, and
// records a version of the codebook. Then, through the API, a case with a youth of 17 who
// consented to an interview, the interview with its transcript, and one fragment coded; in the
// browser the matrix shows the count and coverage for that case, the fragments of the code show
// it, and searching "gesprek" finds "gesprekken", marked. When the REFI-QDA export answers, the
// codebook and the project are downloaded and the codebook is imported again, with its report.
// Skipped, with a message, when no Chromium is installed.
//
// Screenshots at 390×844 and 1280×800 go to /tmp/shots/coding-*.png (E2E_SHOTS=<dir> for
// another folder).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  enrolTwoStepIfAsked,
  freePort,
  hasChromium,
  launchBrowser,
  logIn,
  newPage,
  screenshots,
  setUpFirstAdmin,
  setUpTeamWithResearcher,
  startServer,
  startTimeoutMs,
  stopServer,
  tempDataDir,
  testTimeoutMs,
  warnWithoutChromium,
  welcomeHeading,
  type RunningServer,
} from './helpers';

warnWithoutChromium();

const shotDir = process.env.E2E_SHOTS ?? '/tmp/shots';
const sizes = [
  [390, 844],
  [1280, 800],
] as const;
const admin = {
  email: 'carla.codeboek@example.org',
  name: 'Carla Beheer',
  password: 'een codeboek voor het hele programma',
};
const researcher = {
  email: 'koen.codeur@example.org',
  name: 'Koen Codeur',
  password: 'samen coderen over casussen heen',
};
const transcript = [
  'Jongere: De gesprekken met mijn moeder waren moeilijk.',
  'Jongere: Op school ging het beter toen mijn mentor meedacht.',
].join('\n');
const suite = hasChromium ? describe : describe.skip;

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Code-point offsets of a phrase in the transcript (the server counts code points). */
function rangeOf(phrase: string) {
  const at = transcript.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" is not in the transcript`);
  const start = [...transcript.slice(0, at)].length;
  return { start, end: start + [...phrase].length };
}

suite('the codebook and coding across cases in the browser', () => {
  let dataDir = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let programmeId = '';
  let teamId = '';
  let caseCode = '';
  const pageErrors: string[] = [];

  const base = () => server?.baseUrl ?? '';
  const tree = () => page.getByRole('list', { name: 'Codes van het codeboek' });
  const treeCode = (name: string) => tree().getByRole('button', { name: new RegExp(`^${name}`) });
  const status = (text: string) =>
    page.locator('[role="status"]').filter({ hasText: text }).first().waitFor();

  /** The whole page at phone and desktop size, from the top, as <shotDir>/coding-<name>-<w>x<h>.png. */
  async function shoot(name: string) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshots(page, shotDir, `coding-${name}`, sizes);
  }

  /** The elements that stick out to the right on a phone (none, or the page scrolls sideways). */
  async function tooWideOnPhone(): Promise<string[]> {
    const original = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    const wide = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .filter((el) => !el.closest('.kl-visually-hidden, .kl-table-scroll'))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    });
    if (original) await page.setViewportSize(original);
    return wide;
  }

  async function addCode(name: string, definition: string) {
    await page.getByRole('button', { name: 'Nieuwe code', exact: true }).click();
    const form = page.getByRole('form', { name: 'Nieuwe code' });
    await form.getByLabel('Naam', { exact: true }).fill(name);
    await form.getByLabel(/^Definitie/).fill(definition);
    await form.getByRole('button', { name: 'Code toevoegen' }).click();
    await status(`${name} is toegevoegd.`);
    await page.getByRole('heading', { level: 2, name }).waitFor();
  }

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startServer(dataDir, await freePort());
    browser = await launchBrowser();
    page = await newPage(browser, pageErrors, { width: 1280, height: 800 });
  }, startTimeoutMs + 30_000);

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return;
    fs.mkdirSync(shotDir, { recursive: true });
    await page
      .screenshot({
        path: path.join(shotDir, `coding-failed-${task.name.replace(/\W+/g, '-')}.png`),
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
    'prepares a researcher in a team of the programme',
    async () => {
      if (!server || !browser) throw new Error('server did not start');
      await setUpFirstAdmin(page, server.setupUrl, admin);
      const setUp = await setUpTeamWithResearcher(page, researcher);
      programmeId = setUp.programmeId;
      teamId = setUp.teamId;
      page = await newPage(browser, pageErrors, { width: 1280, height: 800 });
      await page.goto(`${base()}${new URL(setUp.invitationUrl).pathname}`);
      await page.getByLabel('Nieuw wachtwoord').fill(researcher.password);
      await page.getByLabel('Typ je nieuwe wachtwoord nog een keer').fill(researcher.password);
      await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await page.getByText('Je wachtwoord is ingesteld. Log nu in.').waitFor();
      await logIn(page, researcher, null);
      await enrolTwoStepIfAsked(page, researcher.name);
      await welcomeHeading(page, researcher.name).waitFor();
    },
    testTimeoutMs,
  );

  it(
    'adds two codes and a sub-code, moves the sub-code, merges two codes and records a version',
    async () => {
      await page.goto(`${base()}/programmes/${programmeId}`);
      await page.getByRole('link', { name: 'Codeboek', exact: true }).click();
      await page
        .getByRole('heading', {
          level: 1,
          name: 'Codeboek van Actieleren Gooi en Vechtstreek 2026',
        })
        .waitFor();
      await page.getByText(/^Er staan nog geen codes in het codeboek/).waitFor();

      // A name is needed: said at the field, nothing sent.
      await page.getByRole('button', { name: 'Nieuwe code', exact: true }).click();
      const empty = page.getByRole('form', { name: 'Nieuwe code' });
      await expect(
        empty.getByLabel('Naam', { exact: true }).evaluate((el) => el === document.activeElement),
      ).resolves.toBe(true);
      await empty.getByRole('button', { name: 'Code toevoegen' }).click();
      await empty.getByRole('alert').getByText('Vul een naam in.').waitFor();
      await empty.getByRole('button', { name: 'Annuleren' }).click();

      await addCode('Samenwerking', 'Hoe hulpverleners rond het gezin samenwerken.');
      await addCode('Communicatie', 'Hoe er met de jongere en de ouders wordt gepraat.');

      // A sub-code of Samenwerking.
      await treeCode('Samenwerking').click();
      const samenwerking = page.getByRole('region', { name: 'Samenwerking' });
      await samenwerking.getByRole('button', { name: 'Subcode toevoegen' }).click();
      const sub = page.getByRole('form', { name: 'Nieuwe subcode van Samenwerking' });
      await sub.getByLabel('Naam', { exact: true }).fill('Overdracht');
      await sub.getByRole('button', { name: 'Code toevoegen' }).click();
      await status('Overdracht is toegevoegd.');
      await page
        .getByRole('region', { name: 'Overdracht' })
        .getByText('Subcode van: Samenwerking')
        .waitFor();
      // The branch closes and opens with the keyboard.
      const toggle = tree().getByRole('button', { name: '1 subcode van Samenwerking' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => treeCode('Overdracht').count()).toBe(0);
      await page.keyboard.press('Enter');
      await treeCode('Overdracht').waitFor();

      // Move Overdracht under Communicatie.
      const overdracht = page.getByRole('region', { name: 'Overdracht' });
      await overdracht.getByRole('button', { name: 'Wijzigen of verplaatsen' }).click();
      const edit = page.getByRole('form', { name: 'Overdracht wijzigen' });
      await edit.getByLabel(/^Valt onder/).selectOption({ label: 'Communicatie' });
      await edit.getByRole('button', { name: 'Code opslaan' }).click();
      await status('Overdracht is verplaatst.');
      await overdracht.getByText('Subcode van: Communicatie').waitFor();
      await tree().getByRole('button', { name: '1 subcode van Communicatie' }).waitFor();
      await shoot('codebook-tree');
      await expect(tooWideOnPhone()).resolves.toEqual([]);

      // Merge Samenwerking into Communicatie, after reading what happens.
      await treeCode('Samenwerking').click();
      await samenwerking.getByRole('button', { name: 'Samenvoegen met een andere code' }).click();
      const merge = page.getByRole('region', { name: 'Samenwerking samenvoegen' });
      await merge.getByLabel('Samenvoegen met').selectOption({ label: 'Communicatie' });
      await merge.getByRole('button', { name: 'Samenvoegen', exact: true }).click();
      const confirm = merge.getByRole('group', {
        name: 'Samenwerking samenvoegen met Communicatie?',
      });
      await expect(confirm.innerText()).resolves.toContain(
        'De fragmenten van Samenwerking gaan naar Communicatie; Samenwerking wordt gearchiveerd.',
      );
      await shoot('codebook-merge');
      await confirm.getByRole('button', { name: 'Ja, voeg samen met Communicatie' }).click();
      await status('Samenwerking is samengevoegd met Communicatie: 0 fragmenten zijn verplaatst.');
      await page.getByRole('heading', { level: 2, name: 'Communicatie' }).waitFor();
      await expect.poll(() => treeCode('Samenwerking').count()).toBe(0);
      // The box follows the address (?archived=1), which the router updates a moment after the
      // click: click it as a reader does and wait for the box, instead of check(), which looks
      // at once and can see the old state (CI saw that once).
      const showArchived = page.getByRole('checkbox', { name: 'Gearchiveerde codes tonen' });
      await showArchived.click();
      await expect.poll(() => showArchived.isChecked()).toBe(true);
      await tree().getByText('Samengevoegd met Communicatie').waitFor();
      await showArchived.click();
      await expect.poll(() => showArchived.isChecked()).toBe(false);
      await expect.poll(() => tree().getByText('Samengevoegd met Communicatie').count()).toBe(0);

      // The history of the moved code says where it went.
      await treeCode('Overdracht').click();
      await overdracht.getByRole('button', { name: 'Geschiedenis tonen' }).click();
      await overdracht
        .getByRole('list', { name: 'Geschiedenis van Overdracht' })
        .getByText('Valt onder: ‘Samenwerking’ werd ‘Communicatie’')
        .waitFor();

      // Record a version and read it back.
      const versions = page.getByRole('region', { name: 'Versies van het codeboek' });
      await versions.getByLabel('Naam van de versie').fill('Na de eerste ronde');
      await versions.getByRole('button', { name: 'Versie vastleggen' }).click();
      await status('Versie 1 ‘Na de eerste ronde’ is vastgelegd met 2 codes.');
      await versions.getByRole('button', { name: 'Bekijken Versie 1: Na de eerste ronde' }).click();
      const snapshot = versions.getByRole('list', {
        name: 'Codes in Versie 1: Na de eerste ronde',
      });
      await snapshot.getByText('Communicatie', { exact: true }).waitFor();
      await expect(snapshot.getByRole('button', { name: /^Communicatie/ }).count()).resolves.toBe(
        0,
      );
      await shoot('codebook-version');
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );

  it(
    'shows a coded interview in the matrix, per code and in search',
    async () => {
      // Through the API: a case with a youth of 17 who consented to an interview, the interview
      // with its transcript, and the phrase about the talks coded with Communicatie.
      const kase = await api<{ id: string }>(page, 'POST', '/api/cases', {
        programmeId,
        teamId,
        institutionType: 'jeugdzorgplus',
        regionCode: 'JZ16',
        birthYear: new Date().getFullYear() - 17,
      });
      caseCode = (await api<{ code: string }>(page, 'GET', `/api/cases/${kase.id}`)).code;
      const youth = await api<{ id: string }>(page, 'POST', `/api/cases/${kase.id}/participants`, {
        kind: 'youth',
        label: 'jongere',
        hasAuthority: false,
      });
      await api(page, 'POST', `/api/cases/${kase.id}/consents`, {
        participantId: youth.id,
        purpose: 'interview',
        givenBy: 'self',
        representativeId: null,
        givenOn: today(),
        formVersion: 'v1',
      });
      const interviews = await api<{ items: { sourceId: string }[] }>(
        page,
        'POST',
        `/api/cases/${kase.id}/interviews`,
        { participantId: youth.id, heldOn: today(), mode: 'in_person', transcript },
      );
      const sourceId = interviews.items[0]?.sourceId;
      if (!sourceId) throw new Error('the interview has no source');
      const book = await api<{ codes: { id: string; name: string; archived: boolean }[] }>(
        page,
        'GET',
        `/api/programmes/${programmeId}/codebook`,
      );
      const communicatie = book.codes.find((c) => c.name === 'Communicatie' && !c.archived);
      if (!communicatie) throw new Error('Communicatie is not in the codebook');
      await api(page, 'POST', `/api/sources/${sourceId}/segments`, {
        ...rangeOf('De gesprekken met mijn moeder waren moeilijk.'),
        codeIds: [communicatie.id],
      });

      // The matrix: one fragment for the case under Communicatie, with its coverage.
      await page.goto(`${base()}/programmes/${programmeId}/codebook`);
      await page.getByRole('link', { name: 'Codeerwerk over casussen' }).first().click();
      await page
        .getByRole('heading', {
          level: 1,
          name: 'Codeerwerk over casussen van Actieleren Gooi en Vechtstreek 2026',
        })
        .waitFor();
      const views = page.getByRole('navigation', { name: 'Weergaven' });
      await page
        .getByRole('table', { name: 'Teksten van het programma' })
        .getByRole('link', { name: /Interview/ })
        .waitFor();
      await views.getByRole('link', { name: 'Matrix' }).click();
      const matrix = page.getByRole('table', { name: 'Fragmenten per casus en code' });
      await matrix.waitFor();
      await expect(matrix.getByRole('columnheader').allInnerTexts()).resolves.toEqual([
        'Casus',
        'Soort instelling',
        'Communicatie',
      ]);
      const row = matrix.getByRole('row').filter({ hasText: caseCode });
      const coverage = Math.round(
        ([...'De gesprekken met mijn moeder waren moeilijk.'].length / [...transcript].length) *
          100,
      );
      await expect(row.getByRole('cell').nth(1).innerText()).resolves.toMatch(
        new RegExp(`^1\\s+fragment\\s+${coverage}%\\s+van de tekst$`),
      );
      await expect(row.getByRole('cell').first().innerText()).resolves.toBe('Jeugdzorgplus');
      await matrix.getByRole('row').filter({ hasText: 'Totaal' }).getByText('in 1 casus').waitFor();
      expect(page.url()).toContain('view=matrix');
      // On a phone the table scrolls sideways inside its own box; the case column stays put.
      await page.setViewportSize({ width: 390, height: 844 });
      const sideways = await page.evaluate(() => {
        const box = document.querySelector<HTMLElement>('.kl-cd-matrix')!;
        const caseCell = box.querySelector<HTMLElement>('tbody th')!;
        const before = caseCell.getBoundingClientRect().left;
        box.scrollLeft = box.scrollWidth;
        const result = {
          scrolled: box.scrollLeft,
          moved: caseCell.getBoundingClientRect().left - before,
        };
        box.scrollLeft = 0;
        return result;
      });
      expect(sideways.scrolled).toBeGreaterThan(0);
      expect(sideways.moved).toBe(0);
      await page.setViewportSize({ width: 1280, height: 800 });
      await shoot('matrix');
      await expect(tooWideOnPhone()).resolves.toEqual([]);

      // The same with a filter that leaves nothing.
      await page.getByLabel(/^Perspectief/).selectOption({ label: 'Ouder of verzorger' });
      await page.getByText('Geen casussen met deze filters.').waitFor();
      expect(page.url()).toContain('perspective=parent');

      // The fragments of Communicatie.
      await views.getByRole('link', { name: 'Fragmenten per code' }).click();
      await page
        .getByRole('list', { name: 'Codes om fragmenten van te tonen' })
        .getByRole('button', { name: /^Communicatie/ })
        .click();
      // The parent filter came along from the matrix: nothing, until it is lifted.
      await page.getByText('Geen fragmenten met deze filters.').waitFor();
      await page.getByLabel(/^Perspectief/).selectOption({ label: 'Alle' });
      const fragments = page.getByRole('list', { name: 'Fragmenten van Communicatie' });
      await fragments.getByText('De gesprekken met mijn moeder waren moeilijk.').waitFor();
      await fragments
        .getByText(
          `Casus ${caseCode} · Jeugdzorgplus · Jongere · gecodeerd door ${researcher.name}`,
        )
        .waitFor();
      await shoot('segments');

      // Search: "gesprek" finds "gesprekken", marked.
      await views.getByRole('link', { name: 'Zoeken' }).click();
      await page.getByRole('searchbox', { name: 'Zoek in alle teksten' }).fill('gesprek');
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      const results = page.getByRole('list', { name: 'Zoekresultaten voor ‘gesprek’' });
      await expect(results.locator('mark').first().innerText()).resolves.toBe('gesprekken');
      await expect(results.getByRole('link').first().getAttribute('href')).resolves.toBe(
        `/sources/${sourceId}`,
      );
      expect(page.url()).toContain('q=gesprek');
      await shoot('search');
      await expect(tooWideOnPhone()).resolves.toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );

  it(
    'downloads and imports REFI-QDA files, when the server offers them',
    async () => {
      const exportStatus = await page.evaluate(
        (url) => fetch(url).then((r) => r.status),
        `/api/programmes/${programmeId}/export.qdpx`,
      );
      if (exportStatus !== 200) {
        console.warn(
          `[e2e] GET export.qdpx answered ${exportStatus}: the REFI-QDA exchange is not on the server yet, so its part of the browser test is left out.`,
        );
        return;
      }
      await page.goto(`${base()}/programmes/${programmeId}/codebook`);
      const exchange = page.getByRole('region', { name: "Uitwisselen met andere programma's" });
      const [codebookFile] = await Promise.all([
        page.waitForEvent('download'),
        exchange.getByRole('link', { name: 'Codeboek downloaden (.qdc)' }).click(),
      ]);
      const qdcPath = path.join(dataDir, 'codeboek.qdc');
      await codebookFile.saveAs(qdcPath);
      expect(fs.readFileSync(qdcPath, 'utf8')).toContain('Communicatie');
      // A case code the user does not reach is named at the field; nothing is downloaded.
      const codes = exchange.getByLabel('Alleen deze casussen');
      await codes.fill('KL-1999-404');
      await exchange.getByRole('button', { name: '1 casus downloaden (.qdpx)' }).click();
      await exchange.getByText(/niet in dit programma.*KL-1999-404/).waitFor();
      expect(await codes.getAttribute('aria-invalid')).toBe('true');
      await shoot('export-unknown-case');
      await codes.fill('');
      const [projectFile] = await Promise.all([
        page.waitForEvent('download'),
        exchange.getByRole('button', { name: 'Project downloaden (.qdpx)' }).click(),
      ]);
      const qdpxPath = path.join(dataDir, 'project.qdpx');
      await projectFile.saveAs(qdpxPath);
      expect(fs.readFileSync(qdpxPath).subarray(0, 2).toString()).toBe('PK');

      const form = exchange.getByRole('form', { name: 'Codeboek importeren (.qdc)' });
      await form.getByLabel('Codeboekbestand').setInputFiles(qdcPath);
      await form.getByRole('button', { name: 'Codeboek importeren' }).click();
      await exchange.getByRole('heading', { name: 'Ingelezen uit codeboek.qdc' }).waitFor();
      await shoot('import-report');
    },
    testTimeoutMs,
  );
});
