// Browser test of the reference lists ("Keuzelijsten"): the first administrator opens the screen
// from the main menu, adds a living situation (code suggested from its name, counted as an
// out-of-home placement), relabels one with the keyboard and archives one. The case screens'
// lists (GET /api/case-reference) follow at once, and a researcher adding a living-situation
// period to a timeline is offered the new and relabelled entries but not the archived one.
// Skipped, with a message, when no Chromium is installed.
//
// E2E_SCREENSHOTS=<dir> also saves the screen, after the changes and with an entry being
// edited, at 390×844 and 1280×900 into <dir>.
import fs from 'node:fs';
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

const admin = {
  email: 'kees.keuzelijst@example.org',
  name: 'Kees Beheer',
  password: 'lijsten die met de tijd meegaan',
};
const researcher = {
  email: 'romy.researcher@example.org',
  name: 'Romy Onderzoeker',
  password: 'tijdlijnen vol met woonplekken',
};
const screenshotDir = process.env.E2E_SCREENSHOTS;
const sizes = [
  [390, 844],
  [1280, 900],
] as const;

type CaseReference = {
  timelineCategories: { list: string; code: string; label: string; isArchived?: boolean }[];
};

const suite = hasChromium ? describe : describe.skip;

suite('the reference lists in the browser', () => {
  let dataDir = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let adminPage: Page;
  let page: Page | undefined;
  const pageErrors: string[] = [];
  let invitationPath = '';
  let teamId = '';
  let programmeId = '';

  const living = () => adminPage.getByRole('region', { name: 'Woonsituaties', exact: true });
  // From the top of the page: a full-page shot of a scrolled page draws the (fixed, off-screen)
  // skip link into the picture.
  const shoot = async (name: string) => {
    if (!screenshotDir) return;
    await adminPage.evaluate(() => window.scrollTo(0, 0));
    await screenshots(adminPage, screenshotDir, name, sizes);
  };
  const focusedText = (p: Page) => p.evaluate(() => document.activeElement?.textContent ?? '');

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startServer(dataDir, await freePort());
    browser = await launchBrowser();
    adminPage = await newPage(browser, pageErrors, { width: 1280, height: 900 });
  }, startTimeoutMs + 30_000);

  afterEach(async ({ task }) => {
    if (!screenshotDir || task.result?.state !== 'fail') return;
    fs.mkdirSync(screenshotDir, { recursive: true });
    await (page ?? adminPage)
      ?.screenshot({ path: `${screenshotDir}/failed-${task.name}.png`, fullPage: true })
      .catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server.child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it(
    'lets the administrator add, relabel and archive living situations',
    async () => {
      if (!server) throw new Error('server did not start');
      await setUpFirstAdmin(adminPage, server.setupUrl, admin);
      const setUp = await setUpTeamWithResearcher(adminPage, researcher);
      invitationPath = new URL(setUp.invitationUrl).pathname;
      teamId = setUp.teamId;
      programmeId = setUp.programmeId;

      await adminPage
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Keuzelijsten' })
        .click();
      await adminPage.getByRole('heading', { level: 1, name: 'Keuzelijsten' }).waitFor();
      await adminPage.getByRole('table', { name: 'Alle keuzes in ‘Woonsituaties’' }).waitFor();

      // Add: the code is suggested from the name.
      const form = adminPage.getByRole('form', { name: 'Nieuwe keuze in ‘Woonsituaties’' });
      await form.getByLabel('Naam').fill('Kamertraining (16+)');
      await expect(form.getByLabel('Vaste code').inputValue()).resolves.toBe('kamertraining_16');
      await form.getByLabel('Telt als uithuisplaatsing').check();
      await form.getByRole('button', { name: 'Toevoegen' }).click();
      await living().getByText('‘Kamertraining (16+)’ is toegevoegd, onderaan de lijst.').waitFor();
      const table = adminPage.getByRole('table', { name: 'Alle keuzes in ‘Woonsituaties’' });
      await expect(table.getByRole('row').last().innerText()).resolves.toMatch(
        /Kamertraining \(16\+\)\s+kamertraining_16\s+Uithuisplaatsing\s+Niet gebruikt/,
      );

      // Relabel, with the keyboard: Enter saves, the focus is back on the row's edit button.
      await table.getByRole('button', { name: 'Wijzigen Gezinshuis' }).click();
      const field = adminPage.locator('#rl-setting_type-gezinshuis-label');
      await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await field.fill('Gezinshuis (kleinschalig)');
      await shoot('reference-lists-edit');
      await field.press('Enter');
      await living().getByText('‘Gezinshuis (kleinschalig)’ is opgeslagen.').waitFor();
      await expect(focusedText(adminPage)).resolves.toBe('Wijzigen Gezinshuis (kleinschalig)');

      // Archive: the button turns into "restore" and keeps the focus.
      await table.getByRole('button', { name: 'Archiveren Kliniek' }).click();
      await living()
        .getByText(/‘Kliniek’ is gearchiveerd/)
        .waitFor();
      await expect(focusedText(adminPage)).resolves.toBe('Terugzetten Kliniek');

      // Move the new entry up one place.
      await table.getByRole('button', { name: 'Omhoog Kamertraining (16+)' }).click();
      await living().getByText('‘Kamertraining (16+)’ staat nu op plaats 10 van 11.').waitFor();

      const reference = await api<CaseReference>(adminPage, 'GET', '/api/case-reference');
      const settings = reference.timelineCategories.filter((c) => c.list === 'setting_type');
      expect(settings.find((c) => c.code === 'kamertraining_16')).toMatchObject({
        label: 'Kamertraining (16+)',
        isArchived: false,
      });
      expect(settings.find((c) => c.code === 'gezinshuis')?.label).toBe(
        'Gezinshuis (kleinschalig)',
      );
      expect(settings.find((c) => c.code === 'clinic')?.isArchived).toBe(true);
      expect(settings.map((c) => c.code).slice(-2)).toEqual(['kamertraining_16', 'other']);

      await shoot('reference-lists');
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );

  it(
    'offers the new and relabelled entries in the timeline editor, and not the archived one',
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

      const opened = await api<{ id: string }>(page, 'POST', '/api/cases', {
        programmeId,
        teamId,
        institutionType: 'jeugdzorgplus',
        regionCode: 'JZ05',
        birthYear: new Date().getFullYear() - 15,
      });
      await page.goto(`${server.baseUrl}/cases/${opened.id}/timeline`);
      await page.getByRole('button', { name: 'Onderdeel toevoegen' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Nieuw onderdeel' }).waitFor();
      await dialog.getByLabel('Rij', { exact: true }).selectOption({ label: 'Wonen' });
      const options = await dialog
        .getByLabel(/^Soort \(/)
        .locator('option')
        .allInnerTexts();
      expect(options).toContain('Kamertraining (16+) (telt als uithuisplaatsing)');
      expect(options).toContain('Gezinshuis (kleinschalig) (telt als uithuisplaatsing)');
      expect(options.some((o) => o.startsWith('Kliniek'))).toBe(false);
      expect(options.indexOf('Kamertraining (16+) (telt als uithuisplaatsing)')).toBe(
        options.length - 2,
      );
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
