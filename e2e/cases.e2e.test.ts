// Browser test of a case from the researcher's side: the administrator prepares a programme, a
// team and the researcher's account (through the API: those screens have browser tests of their
// own); the researcher sets a password, logs in, opens a case, adds the youth and a mother with
// parental authority, records dossier consent from both, and withdraws the mother's consent
// through the question that first shows what will be removed (a dossier item on the timeline);
// then moves the case forward (closing needs a retention date) and invites the youth, whose
// one-time link and QR code are shown.
// Skipped, with a message, when no Chromium is installed.
//
// E2E_SCREENSHOTS=<dir> also saves the case list, the new-case form with its errors, and the
// case page (with and without the withdrawal question open, and with the youth's invitation as
// case-detail) at 390×844 and 1280×900 into <dir>.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  enrolTwoStepIfAsked,
  freePort,
  hasChromium,
  launchBrowser,
  logIn,
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
  type RunningServer,
  api,
  setUpTeamWithResearcher,
} from './helpers';

warnWithoutChromium();

const admin = {
  email: 'carla.coordinator@example.org',
  name: 'Carla Coördinator',
  password: 'programma en teams klaarzetten',
};
const researcher = {
  email: 'rik.researcher@example.org',
  name: 'Rik Onderzoeker',
  password: 'leren van elke casus samen',
};
const screenshotDir = process.env.E2E_SCREENSHOTS;
const sizes = [
  [390, 844],
  [1280, 900],
] as const;
// 13 this year: the youth and a parent with authority must both consent.
const birthYear = new Date().getFullYear() - 13;

const suite = hasChromium ? describe : describe.skip;

suite('a case in the browser', () => {
  let dataDir = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let adminPage: Page;
  let page: Page;
  const pageErrors: string[] = [];
  let invitationPath = '';
  let caseId = '';

  const nav = () => page.getByRole('navigation', { name: 'Hoofdmenu' });
  const shoot = async (name: string) => {
    if (screenshotDir) await screenshots(page, screenshotDir, name, sizes);
  };

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startServer(dataDir, await freePort());
    browser = await launchBrowser();
    adminPage = await newPage(browser, pageErrors);
  }, startTimeoutMs + 30_000);

  afterEach(async ({ task }) => {
    if (!screenshotDir || task.result?.state !== 'fail') return;
    fs.mkdirSync(screenshotDir, { recursive: true });
    await page
      ?.screenshot({ path: `${screenshotDir}/failed-${task.name}.png`, fullPage: true })
      .catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server.child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it(
    'prepares a programme, a team and a researcher in it',
    async () => {
      if (!server) throw new Error('server did not start');
      await setUpFirstAdmin(adminPage, server.setupUrl, admin);
      const setUp = await setUpTeamWithResearcher(adminPage, researcher);
      invitationPath = new URL(setUp.invitationUrl).pathname;
    },
    testTimeoutMs,
  );

  it(
    'lets the researcher log in and open a case for their team',
    async () => {
      if (!server || !browser) throw new Error('server did not start');
      page = await newPage(browser, pageErrors, { width: 1280, height: 900 });
      await page.goto(`${server.baseUrl}${invitationPath}`);
      await page.getByLabel('Nieuw wachtwoord').fill(researcher.password);
      await page.getByLabel('Typ je nieuwe wachtwoord nog een keer').fill(researcher.password);
      await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await page.getByText('Je wachtwoord is ingesteld. Log nu in.').waitFor();
      await logIn(page, researcher, null);
      await enrolTwoStepIfAsked(page, researcher.name);
      await welcomeHeading(page, researcher.name).waitFor();

      await nav().getByRole('link', { name: 'Casussen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Casussen' }).waitFor();
      await page.getByText('Er zijn nog geen casussen.').waitFor();
      await page.getByRole('link', { name: 'Nieuwe casus' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Nieuwe casus' }).waitFor();

      // Sending it empty shows what is missing, with the focus on the summary.
      await page.getByRole('button', { name: 'Casus openen' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Kies een team.' });
      await summary.waitFor();
      await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await shoot('case-new-errors');

      await page
        .getByLabel('Team', { exact: true })
        .selectOption({ label: 'Team Hilversum (Actieleren Gooi en Vechtstreek 2026)' });
      await expect(page.getByLabel('Programma', { exact: true }).inputValue()).resolves.not.toBe(
        '',
      );
      await page.getByLabel('Soort instelling').selectOption({ label: 'Jeugdzorgplus' });
      const region = page.getByRole('combobox', { name: 'Jeugdregio' });
      await region.fill('Gooi');
      await page.getByRole('option', { name: 'Gooi en Vechtstreek', exact: true }).click();
      await page.getByLabel('Geboortejaar').fill(String(birthYear));
      await page.getByRole('button', { name: 'Casus openen' }).click();

      const heading = page.getByRole('heading', { level: 1, name: /^Casus KL-\d{4}-001$/ });
      await heading.waitFor();
      await page.getByText('De casus is geopend.').waitFor();
      caseId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
      await expect(
        page.getByRole('link', { name: 'Tijdlijn', exact: true }).getAttribute('href'),
      ).resolves.toBe(`/cases/${caseId}/timeline`);
    },
    testTimeoutMs,
  );

  it(
    'adds the youth and a mother with parental authority',
    async () => {
      const form = page.getByRole('form', { name: 'Deelnemer toevoegen' });
      await form.getByLabel('Soort deelnemer').selectOption({ label: 'Jongere' });
      await form.getByLabel('Omschrijving').fill('jongere');
      await form.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
      await page.getByRole('status').getByText('jongere is toegevoegd.').waitFor();

      await form.getByLabel('Soort deelnemer').selectOption({ label: 'Ouder of verzorger' });
      await form.getByLabel('Omschrijving').fill('moeder');
      await form.getByLabel(/Heeft gezag/).check();
      await form.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
      await page.getByRole('status').getByText('moeder is toegevoegd.').waitFor();
      await page.getByRole('row', { name: /moeder.*Heeft gezag/ }).waitFor();

      const youth = page.getByRole('region', { name: 'jongere', exact: true });
      await youth
        .getByText(
          'Nog nodig: toestemming van moeder (ouder met gezag), omdat de jongere jonger is dan 16.',
        )
        .first()
        .waitFor();
    },
    testTimeoutMs,
  );

  it(
    'records dossier consent from the youth and from the mother on her behalf',
    async () => {
      const form = page.getByRole('form', { name: 'Toestemming vastleggen' });
      await form.getByLabel('Deelnemer', { exact: true }).selectOption({ label: 'jongere' });
      await form.getByLabel('Waarvoor').selectOption({ label: 'Dossierinzage' });
      await form.getByLabel('Versie van het formulier').fill('v1');
      await form.getByRole('button', { name: 'Toestemming vastleggen' }).click();
      await page
        .getByRole('status')
        .getByText('Toestemming voor ‘Dossierinzage’ van jongere is vastgelegd.')
        .waitFor();

      await form.getByLabel('Waarvoor').selectOption({ label: 'Dossierinzage' });
      await form.getByLabel('Wie gaf toestemming?').selectOption('legal_representative');
      await form.getByLabel('Ouder of voogd met gezag').selectOption({ label: 'moeder' });
      await form.getByRole('button', { name: 'Toestemming vastleggen' }).click();

      const youth = page.getByRole('region', { name: 'jongere', exact: true });
      const dossier = youth.getByRole('listitem').filter({
        has: page.getByRole('heading', { level: 4, name: 'Dossierinzage' }),
      });
      await dossier.getByText('Gegeven', { exact: true }).waitFor();
      await dossier
        .getByText(/door moeder \(wettelijk vertegenwoordiger\)\. Formulierversie v1/)
        .waitFor();
    },
    testTimeoutMs,
  );

  it(
    'withdraws the mother’s consent after seeing what will be removed',
    async () => {
      // With dossier consent complete, something from the dossier goes on the timeline.
      await api(page, 'POST', `/api/cases/${caseId}/timeline/items`, {
        kind: 'event',
        lane: 'care',
        title: 'Aanmelding bij de jeugdarts',
        start: { precision: 'year', year: birthYear + 6 },
        source: 'dossier',
      });
      await page.reload();
      const youth = page.getByRole('region', { name: 'jongere', exact: true });
      await youth.waitFor();

      await youth
        .getByRole('button', {
          name: 'Intrekken toestemming voor Dossierinzage van moeder (wettelijk vertegenwoordiger)',
        })
        .click();
      const question = page.getByRole('group', {
        name: 'Toestemming voor ‘Dossierinzage’ van moeder (wettelijk vertegenwoordiger) intrekken?',
      });
      await question.waitFor();
      await question.getByText('Dit wordt verwijderd:').waitFor();
      await question.getByText(/Tijdlijn: Aanmelding bij de jeugdarts .*uit het dossier/).waitFor();
      await shoot('case-withdraw');
      await question.getByRole('button', { name: 'Ja, trek de toestemming in' }).click();

      await page
        .getByRole('status')
        .getByText(
          'Toestemming voor ‘Dossierinzage’ van moeder (wettelijk vertegenwoordiger) is ingetrokken.',
        )
        .waitFor();
      const dossier = youth.getByRole('listitem').filter({
        has: page.getByRole('heading', { level: 4, name: 'Dossierinzage' }),
      });
      await dossier.getByText(/^Ingetrokken op /).waitFor();
      await dossier.getByText('Deels gegeven', { exact: true }).waitFor();
      await shoot('case-page');
    },
    testTimeoutMs,
  );

  it(
    'moves the case forward, and needs a retention date to close it',
    async () => {
      const progress = page.getByRole('form', { name: 'Voortgang' });
      await progress.getByLabel('Stap').selectOption({ label: 'Tijdlijn' });
      await progress.getByRole('button', { name: 'Voortgang opslaan' }).click();
      await page.getByRole('status').getByText('De voortgang is opgeslagen: Tijdlijn.').waitFor();
      await page.getByRole('definition').getByText('Tijdlijn', { exact: true }).waitFor();

      await progress.getByLabel('Stap').selectOption({ label: 'Afgesloten' });
      await progress.getByRole('button', { name: 'Voortgang opslaan' }).click();
      const retention = progress.getByLabel(/^Bewaren tot/);
      await expect(retention.getAttribute('aria-invalid')).resolves.toBe('true');
      await progress.getByRole('link', { name: /nodig om de casus af te sluiten/ }).waitFor();
      // Not closed after all, but with a retention date: it is kept and shown in the facts.
      const keepUntil = `${new Date().getFullYear() + 10}-01-31`;
      await progress.getByLabel('Stap').selectOption({ label: 'Tijdlijn' });
      await retention.fill(keepUntil);
      await progress.getByRole('button', { name: 'Voortgang opslaan' }).click();
      await page
        .getByRole('definition')
        .getByText(/^31 jan\.? \d{4}$/)
        .waitFor();
      await expect(
        page
          .getByRole('form', { name: 'Voortgang' })
          .getByLabel(/^Bewaren tot/)
          .inputValue(),
      ).resolves.toBe(keepUntil);

      const pdf = page.getByRole('link', { name: 'Tijdlijn als PDF' });
      await expect(pdf.getAttribute('href')).resolves.toBe(`/api/cases/${caseId}/timeline.pdf`);
    },
    testTimeoutMs,
  );

  it(
    'invites the youth with a one-time link and a QR code',
    async () => {
      const access = page.getByRole('region', { name: 'Eigen toegang voor jongere en ouders' });
      await access.getByRole('button', { name: 'Uitnodigen jongere' }).click();
      const form = access.getByRole('form', { name: 'jongere uitnodigen' });
      await form.getByLabel('E-mailadres').fill('jongere.kl001@example.org');
      await form.getByRole('button', { name: 'Link maken' }).click();

      await access.getByRole('heading', { name: 'Uitnodigingslink voor jongere' }).waitFor();
      await expect(access.getByLabel('Link', { exact: true }).inputValue()).resolves.toMatch(
        /\/link\/[\w-]+$/,
      );
      const qr = access.getByRole('img', { name: 'QR-code met de uitnodigingslink voor jongere' });
      await qr.waitFor();
      // The server's SVG is shown as an image, and the browser could draw it.
      await expect(
        qr.evaluate(
          (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
        ),
      ).resolves.toBe(true);
      await access
        .getByText(
          'Geef deze link of QR-code persoonlijk aan de jongere of ouder. De link werkt één keer en is 7 dagen geldig.',
        )
        .waitFor();
      await shoot('case-detail');
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );

  it(
    'shows the case in the list, and finds it by status and code',
    async () => {
      await nav().getByRole('link', { name: 'Casussen' }).click();
      const row = page.getByRole('row', { name: /KL-\d{4}-001/ });
      await row.waitFor();
      await expect(row.getByRole('cell', { name: 'Team Hilversum' }).count()).resolves.toBe(1);
      await expect(row.getByRole('cell', { name: String(birthYear) }).count()).resolves.toBe(1);

      await page.getByLabel(/^Status/).selectOption({ label: 'Afgesloten' });
      await page.getByText(/^Niets gevonden/).waitFor();
      await page.getByLabel(/^Status/).selectOption({ label: 'Alle' });
      await page.getByRole('searchbox', { name: 'Zoek op code' }).fill('-001');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.waitForURL(/q=-001/);
      await row.waitFor();
      await shoot('case-list');
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
