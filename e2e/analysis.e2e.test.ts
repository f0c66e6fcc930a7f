// Browser test of a case's explanatory analysis (verklarende analyse): the administrator
// prepares a programme, a team and a researcher (through the API); the researcher opens a case,
// goes to its analysis from the case page, starts it on the default domain set, adds a strength
// and two problems, links the two problems to the problem in a hypothesis (and the strength to
// one of them), is told that a factor still in use cannot be deleted, reaches the graph with
// the keyboard, writes two versions of the working theory — the second with the parents
// disagreeing in their own words — compares them, and reads the history.
// Skipped, with a message, when no Chromium is installed.
//
// Screenshots at 390×844 and 1280×900 go to /tmp/shots/analysis-*.png (E2E_SHOTS=<dir> for
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
const admin = {
  email: 'anna.admin@example.org',
  name: 'Anna Beheer',
  password: 'domeinen en teams klaarzetten',
};
const researcher = {
  email: 'vera.verklaring@example.org',
  name: 'Vera Verklaring',
  password: 'samen het probleem verklaren',
};
const suite = hasChromium ? describe : describe.skip;

/** An ISO date `days` before today, in the local time zone (the server checks "not future"). */
function daysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

suite('the explanatory analysis of a case in the browser', () => {
  let dataDir = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let caseId = '';
  const pageErrors: string[] = [];

  const status = (text: string) =>
    page.locator('[role="status"]').filter({ hasText: text }).first().waitFor();
  const domain = (name: string) => page.getByRole('region', { name, exact: true });

  /** The whole page at phone and desktop size as <shotDir>/analysis-<name>-<w>x<h>.png. */
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
        path: path.join(shotDir, `analysis-${name}-${width}x${height}.png`),
        fullPage: true,
      });
    }
    if (original) await page.setViewportSize(original);
  }

  async function addFactor(
    domainName: string,
    kind: 'Kracht' | 'Probleem',
    title: string,
    perspective: string,
    description = '',
  ) {
    await domain(domainName)
      .getByRole('button', { name: `Factor toevoegen ${domainName}` })
      .click();
    const form = page.getByRole('form', { name: 'Nieuwe factor' });
    await expect(form.getByLabel('Domein').inputValue()).resolves.not.toBe('');
    await form.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
    await form.getByLabel('Korte naam').fill(title);
    if (description) await form.getByLabel(/^Beschrijving/).fill(description);
    await form.getByRole('radio', { name: perspective, exact: true }).check();
    await form.getByRole('button', { name: 'Factor toevoegen' }).click();
    await status(`‘${title}’ is toegevoegd.`);
    await domain(domainName).getByRole('heading', { level: 4, name: title }).waitFor();
  }

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startServer(dataDir, await freePort());
    browser = await launchBrowser();
    page = await newPage(browser, pageErrors, { width: 1280, height: 900 });
  }, startTimeoutMs + 30_000);

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return;
    fs.mkdirSync(shotDir, { recursive: true });
    await page
      .screenshot({ path: path.join(shotDir, `analysis-failed-${task.name}.png`), fullPage: true })
      .catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server.child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it(
    'prepares a researcher in a team with a case',
    async () => {
      if (!server || !browser) throw new Error('server did not start');
      await setUpFirstAdmin(page, server.setupUrl, admin);
      const setUp = await setUpTeamWithResearcher(page, researcher);
      page = await newPage(browser, pageErrors, { width: 1280, height: 900 });
      await page.goto(`${server.baseUrl}${new URL(setUp.invitationUrl).pathname}`);
      await page.getByLabel('Nieuw wachtwoord').fill(researcher.password);
      await page.getByLabel('Typ je nieuwe wachtwoord nog een keer').fill(researcher.password);
      await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await page.getByText('Je wachtwoord is ingesteld. Log nu in.').waitFor();
      await logIn(page, researcher, null);
      await enrolTwoStepIfAsked(page, researcher.name);
      await welcomeHeading(page, researcher.name).waitFor();
      caseId = (
        await api<{ id: string }>(page, 'POST', '/api/cases', {
          programmeId: setUp.programmeId,
          teamId: setUp.teamId,
          institutionType: 'jeugdzorgplus',
          regionCode: 'JZ16',
          birthYear: new Date().getFullYear() - 14,
        })
      ).id;
    },
    testTimeoutMs,
  );

  it(
    'opens the analysis from the case and starts it on the default domain set',
    async () => {
      await page.goto(`${server?.baseUrl}/cases/${caseId}`);
      await page.getByRole('link', { name: 'Verklarende analyse' }).click();
      await page
        .getByRole('heading', { level: 1, name: /^Verklarende analyse van casus KL-\d{4}-001$/ })
        .waitFor();
      const start = page.getByRole('form', { name: 'Analyse beginnen' });
      // Nothing typed: said at the field, nothing started.
      await start.getByRole('button', { name: 'Analyse beginnen' }).click();
      await start
        .getByRole('alert')
        .getByText('Beschrijf het probleem dat de analyse verklaart.')
        .waitFor();
      await expect(
        start.getByLabel('Domeinenlijst').locator('option:checked').innerText(),
      ).resolves.toMatch(/\(versie 1\)$/);
      await start
        .getByLabel('Welk probleem verklaart de analyse?')
        .fill('Waarom liep de hulp vast na de overstap naar het voortgezet onderwijs?');
      await start.getByRole('button', { name: 'Analyse beginnen' }).click();
      await status('De verklarende analyse is begonnen.');
      await page.getByRole('heading', { level: 2, name: 'Het probleem' }).waitFor();
      await expect(page.getByRole('heading', { level: 3 }).allInnerTexts()).resolves.toEqual([
        'Kind zelf',
        'Ouders',
        'Gezinssysteem',
        'School en onderwijs',
        'Netwerk en omgeving',
        'Hulpverleningsgeschiedenis',
        'De verbanden in woorden',
      ]);
    },
    testTimeoutMs,
  );

  it(
    'adds a strength and two problems, each in its domain',
    async () => {
      await addFactor(
        'Netwerk en omgeving',
        'Kracht',
        'Oma als vast steunpunt',
        'Ouder(s)',
        'Woont dichtbij en haalt hem op.',
      );
      await addFactor('School en onderwijs', 'Probleem', 'Geen passend onderwijs', 'Dossier');
      await addFactor('Kind zelf', 'Probleem', 'Angst in grote groepen', 'Jongere');
      const strength = domain('Netwerk en omgeving').getByRole('listitem');
      await expect(strength.innerText()).resolves.toContain('Kracht');
      await expect(domain('Kind zelf').getByRole('listitem').innerText()).resolves.toContain(
        'Probleem',
      );
    },
    testTimeoutMs,
  );

  it(
    'links the problems to the problem, and the strength to one of them',
    async () => {
      await page.getByRole('button', { name: 'Verband toevoegen' }).click();
      let form = page.getByRole('form', { name: 'Nieuw verband' });
      const causes = form.getByRole('group', { name: 'Omdat …' });
      await causes.getByRole('checkbox', { name: /^Geen passend onderwijs/ }).check();
      await causes.getByRole('checkbox', { name: /^Angst in grote groepen/ }).check();
      // A factor cannot be its own effect: said before anything is sent.
      await form
        .getByLabel('… daarom …')
        .selectOption({ label: 'Kind zelf: Angst in grote groepen (probleem)' });
      await form
        .getByLabel('Uitleg')
        .fill('Zonder passende school en met zijn angst ging hij niet meer; de hulp liep vast.');
      await form.getByRole('button', { name: 'Verband toevoegen' }).click();
      await form
        .getByRole('alert')
        .getByText(/eigen gevolg/)
        .waitFor();
      await form
        .getByLabel('… daarom …')
        .selectOption({ label: 'Het probleem (dat de analyse verklaart)' });
      await form.getByRole('button', { name: 'Verband toevoegen' }).click();
      await status('Verband 1 is toegevoegd.');
      const words = page.getByRole('list', { name: 'De verbanden in woorden' });
      await words
        .getByText(
          'Omdat ‘Geen passend onderwijs’ (probleem, School en onderwijs) en ‘Angst in grote groepen’ (probleem, Kind zelf), daarom het probleem.',
        )
        .waitFor();

      await page.getByRole('button', { name: 'Verband toevoegen' }).click();
      form = page.getByRole('form', { name: 'Nieuw verband' });
      await form.getByRole('checkbox', { name: /^Oma als vast steunpunt/ }).check();
      await form
        .getByLabel('… daarom …')
        .selectOption({ label: 'Kind zelf: Angst in grote groepen (probleem)' });
      await form.getByLabel('Uitleg').fill('Omdat oma hem ophaalt, durft hij soms toch te gaan.');
      await form.getByRole('button', { name: 'Verband toevoegen' }).click();
      await status('Verband 2 is toegevoegd.');
      await expect(words.getByRole('listitem').count()).resolves.toBe(2);

      // The graph: reached with the keyboard, Enter says a factor's links in words.
      const graph = page.getByRole('group', { name: 'Grafiek van de verbanden' });
      await expect(graph.locator('.kl-an-g-junction').count()).resolves.toBe(2);
      const anxiety = graph.getByRole('button', { name: /^Angst in grote groepen/ });
      await anxiety.focus();
      await page.keyboard.press('Enter');
      await page
        .getByText('‘Angst in grote groepen’: oorzaak in verband 1 en gevolg in verband 2.')
        .waitFor();
      await page.keyboard.press('Tab');
      await expect(
        page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      ).resolves.toMatch(/^Geen passend onderwijs: probleem/);

      // The strength is still used: deleting it is refused, naming the hypothesis.
      const strength = domain('Netwerk en omgeving');
      await strength.getByRole('button', { name: 'Verwijderen Oma als vast steunpunt' }).click();
      await strength.getByRole('button', { name: 'Ja, verwijder de factor' }).click();
      const refusal = strength.getByRole('alert');
      await refusal.getByText(/hij wordt nog gebruikt in dit verband/).waitFor();
      await refusal
        .getByText(
          /Verband 2: Omdat ‘Oma als vast steunpunt’ \(kracht, Netwerk en omgeving\), daarom ‘Angst in grote groepen’/,
        )
        .waitFor();
      await shoot('factors-hypotheses');
    },
    testTimeoutMs,
  );

  it(
    'writes two versions of the working theory and compares them',
    async () => {
      await page.getByRole('button', { name: 'Eerste versie schrijven' }).click();
      let form = page.getByRole('form', { name: 'Nieuwe versie van de werkhypothese' });
      await form.getByLabel('Datum').fill(daysAgo(30));
      await form
        .getByLabel(/^Werkhypothese/)
        .fill('De jongere liep vast omdat er geen passende school was.');
      await form
        .getByRole('group', { name: 'Is de jongere het ermee eens?' })
        .getByRole('radio', { name: 'Eens', exact: true })
        .check();
      await form.getByRole('button', { name: 'Versie opslaan' }).click();
      await status('Versie 1 van de werkhypothese is opgeslagen.');

      await page.getByRole('button', { name: 'Nieuwe versie' }).click();
      form = page.getByRole('form', { name: 'Nieuwe versie van de werkhypothese' });
      const text = form.getByLabel(/^Werkhypothese/);
      await expect(text.inputValue()).resolves.toBe(
        'De jongere liep vast omdat er geen passende school was.',
      );
      await text.fill(
        'De jongere liep vast omdat er geen passend onderwijs was en zijn angst niet werd behandeld.',
      );
      await form.getByLabel(/^Evaluatie/).fill('Na het gesprek met moeder aangevuld.');
      await form
        .getByRole('group', { name: 'Zijn de ouders het ermee eens?' })
        .getByRole('radio', { name: 'Niet eens' })
        .check();
      // Disagreeing needs their own words.
      await form.getByRole('button', { name: 'Versie opslaan' }).click();
      await form
        .getByRole('alert')
        .getByText(/eigen woorden van de ouders/)
        .waitFor();
      await form
        .getByLabel('In de eigen woorden van de ouders')
        .fill('Het lag aan de wachtlijst bij de GGZ, niet aan school.');
      await form.getByRole('button', { name: 'Versie opslaan' }).click();
      await status('Versie 2 van de werkhypothese is opgeslagen.');

      const versions = page.getByRole('list', {
        name: 'Versies van de werkhypothese, nieuwste eerst',
      });
      const newest = versions.getByRole('article').first();
      await newest.getByRole('heading', { name: /^Versie 2 ·/ }).waitFor();
      await newest.getByText('Niet eens').waitFor();
      await newest.getByText('“Het lag aan de wachtlijst bij de GGZ, niet aan school.”').waitFor();
      await newest.getByText(researcher.name).waitFor();

      const compare = page.getByRole('form', { name: 'Twee versies vergelijken' });
      await compare.getByRole('button', { name: 'Vergelijken' }).click();
      const result = page.getByRole('region', { name: 'Versie 1 en versie 2 naast elkaar' });
      await result.waitFor();
      await expect(
        result
          .locator('.kl-an-compare__text ins')
          .allInnerTexts()
          .then((texts) => texts.join(' ')),
      ).resolves.toContain('zijn angst niet werd behandeld');
      await expect(result.locator('.kl-an-compare__text del').allInnerTexts()).resolves.toEqual([
        expect.stringContaining('passende school'),
      ]);
      await shoot('theory');
    },
    testTimeoutMs,
  );

  it(
    'keeps the history of every change',
    async () => {
      await page.getByRole('button', { name: 'Geschiedenis tonen' }).click();
      const history = page.getByRole('list', { name: 'Geschiedenis' });
      await history.getByText('Analyse begonnen').waitFor();
      await expect(history.getByText(/^Factor toegevoegd/).count()).resolves.toBe(3);
      await expect(history.getByText(/^Verband toegevoegd/).count()).resolves.toBe(2);
      await expect(history.getByText(/^Werkhypothese: nieuwe versie/).count()).resolves.toBe(2);
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
