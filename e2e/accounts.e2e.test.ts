// Browser test of inviting someone: the administrator makes an account and gets a one-time
// link (there is no e-mail), the invited professional opens it in a browser of their own,
// chooses a password, logs in and sets up two-step login; the administrator then sees that
// login in the access log, filtered to that person, and finds the log's chain intact.
// Skipped, with a message, when no Chromium is installed.
//
// E2E_SCREENSHOTS=<dir> also saves the link page, the account list, an account, the new
// account with its link and the access log at phone and desktop width into <dir>.
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
} from './helpers';

warnWithoutChromium();

const admin = {
  email: 'anna.admin@example.org',
  name: 'Anna Admin',
  password: 'beheer is een vak apart',
};
const invited = {
  email: 'pim.prof@example.org',
  name: 'Pim Professional',
  password: 'mijn fiets staat bij de brug',
};
const screenshotDir = process.env.E2E_SCREENSHOTS;

const suite = hasChromium ? describe : describe.skip;

suite('inviting a user in the browser', () => {
  let dataDir = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let adminPage: Page;
  let invitedPage: Page;
  const pageErrors: string[] = [];
  let invitationPath = '';

  const nav = () => adminPage.getByRole('navigation', { name: 'Hoofdmenu' });
  const shoot = async (page: Page, name: string) => {
    if (screenshotDir) await screenshots(page, screenshotDir, name);
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
    for (const [name, page] of [
      ['admin', adminPage],
      ['invited', invitedPage],
    ] as const) {
      await page
        ?.screenshot({ path: `${screenshotDir}/failed-${task.name}-${name}.png`, fullPage: true })
        .catch(() => undefined);
    }
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server.child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it(
    'makes an account and shows its one-time invitation link',
    async () => {
      if (!server) throw new Error('server did not start');
      await setUpFirstAdmin(adminPage, server.setupUrl, admin);
      await nav().getByRole('link', { name: 'Accounts' }).click();
      await adminPage.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
      await adminPage.getByRole('link', { name: 'Nieuw account' }).first().click();
      await adminPage.getByRole('heading', { level: 1, name: 'Nieuw account' }).waitFor();
      await adminPage.getByLabel('E-mailadres', { exact: true }).fill(invited.email);
      await adminPage.getByLabel('Naam', { exact: true }).fill(invited.name);
      await adminPage.getByLabel('Rol', { exact: true }).selectOption({ label: 'Professional' });
      await adminPage.getByRole('button', { name: 'Account maken' }).click();

      await adminPage
        .getByRole('heading', { level: 2, name: `Uitnodigingslink voor ${invited.name}` })
        .waitFor();
      const url = await adminPage.getByLabel('Link', { exact: true }).inputValue();
      const parsed = new URL(url);
      expect(parsed.pathname).toMatch(/^\/link\/[\w-]{20,}$/);
      invitationPath = parsed.pathname;
      await expect(adminPage.getByText('Ketenlens verstuurt geen e-mail').count()).resolves.toBe(1);
      await shoot(adminPage, 'account-new-link');
    },
    testTimeoutMs,
  );

  it(
    'lets the invited person choose a password from the link and log in',
    async () => {
      if (!server || !browser) throw new Error('server did not start');
      invitedPage = await newPage(browser, pageErrors, { width: 375, height: 812 });
      await invitedPage.goto(`${server.baseUrl}${invitationPath}`);
      await invitedPage.getByRole('heading', { level: 1, name: 'Kies je wachtwoord' }).waitFor();
      await invitedPage.getByText(`Hallo ${invited.name}!`).waitFor();
      await shoot(invitedPage, 'link-page');

      await invitedPage.getByLabel('Nieuw wachtwoord').fill(invited.password);
      await invitedPage.getByLabel('Typ je nieuwe wachtwoord nog een keer').fill(invited.password);
      await invitedPage.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await invitedPage.getByText('Je wachtwoord is ingesteld. Log nu in.').waitFor();
      expect(new URL(invitedPage.url()).pathname).toBe('/login');

      await logIn(invitedPage, invited, null);
      await enrolTwoStepIfAsked(invitedPage, invited.name);
      await welcomeHeading(invitedPage, invited.name).waitFor();

      // The link worked once: opening it again explains that it no longer works.
      await invitedPage.goto(`${server.baseUrl}${invitationPath}`);
      await invitedPage
        .getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })
        .waitFor();
    },
    testTimeoutMs,
  );

  it(
    'shows the account as active, and blocks it only after asking',
    async () => {
      await nav().getByRole('link', { name: 'Accounts' }).click();
      const row = adminPage.getByRole('row', { name: new RegExp(invited.name) });
      await row.getByText('Actief').waitFor();
      await shoot(adminPage, 'account-list');

      await row.getByRole('link', { name: invited.name }).click();
      await adminPage.getByRole('heading', { level: 1, name: invited.name }).waitFor();
      await adminPage.getByRole('button', { name: 'Account blokkeren' }).click();
      const question = adminPage.getByRole('group', {
        name: `Het account van ${invited.name} blokkeren?`,
      });
      await question.waitFor();
      await shoot(adminPage, 'account-detail');
      await question.getByRole('button', { name: 'Ja, blokkeer het account' }).click();
      await adminPage.getByRole('status').getByText('is geblokkeerd').waitFor();
      await adminPage.getByRole('button', { name: 'Account deblokkeren' }).click();
      await adminPage.getByRole('status').getByText('is gedeblokkeerd').waitFor();
    },
    testTimeoutMs,
  );

  it(
    "shows the invited person's login in the access log, and the chain intact",
    async () => {
      await nav().getByRole('link', { name: 'Toegangslog' }).click();
      await adminPage.getByRole('heading', { level: 1, name: 'Toegangslog' }).waitFor();
      const person = adminPage.getByRole('combobox', { name: 'Persoon' });
      await person.fill('Pim');
      await adminPage.getByRole('option', { name: new RegExp(invited.name) }).click();
      await adminPage.getByRole('button', { name: 'Toon regels' }).click();
      await adminPage.waitForURL(/userId=/);

      // Only the invited person's entries once the filtered page has replaced the full one.
      await expect
        .poll(() => adminPage.getByRole('row', { name: new RegExp(admin.name) }).count())
        .toBe(0);
      const login = adminPage.getByRole('row', { name: /Ingelogd/ });
      await login.first().waitFor();
      await expect(login.first().getByRole('cell', { name: invited.name }).count()).resolves.toBe(
        1,
      );
      const csv = adminPage.getByRole('link', { name: /Download deze selectie als CSV/ });
      await expect(csv.getAttribute('href')).resolves.toMatch(/^\/api\/access-log\.csv\?userId=/);

      await adminPage.getByRole('button', { name: 'Controleer de keten' }).click();
      await adminPage.getByText('De keten is intact.').waitFor();
      await shoot(adminPage, 'access-log');
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
