// Browser test of the participant side on a phone (390×844): a researcher opens a case, adds
// the youth (17, so they decide alone) and invites them; the youth opens the one-time link,
// sets a password, logs in (no two-step login for participants) and lands on their own
// timeline; they add an event with an age as the date, react on an item, give and withdraw a
// consent (after seeing what would be removed), and read who looked at their data.
// Skipped, with a message, when no Chromium is installed. Screenshots go to
// E2E_SCREENSHOTS=<dir> (default /tmp/shots) as participant-*.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrolTwoStepIfAsked,
  freePort,
  hasChromium,
  launchBrowser,
  logIn,
  newPage,
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
  email: 'paula.beheer@example.org',
  name: 'Paula Beheer',
  password: 'teams en programmas klaarzetten',
};
const researcher = {
  email: 'pieter.onderzoek@example.org',
  name: 'Pieter',
  password: 'leren van elke casus samen',
};
const youth = { email: 'jongere@example.org', password: 'mijn eigen verhaal telt' };
const shotDir = process.env.E2E_SCREENSHOTS ?? '/tmp/shots';
const birthYear = new Date().getFullYear() - 17;

const suite = hasChromium ? describe : describe.skip;

suite('the participant side on a phone', () => {
  let dataDir = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let staff: Page;
  let page: Page;
  const pageErrors: string[] = [];
  let invitationPath = '';
  let caseId = '';

  const shoot = async (name: string) => {
    fs.mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: path.join(shotDir, `participant-${name}.png`), fullPage: true });
  };
  const partNav = () => page.getByRole('navigation', { name: 'Onderdelen van jouw casus' });

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startServer(dataDir, await freePort());
    browser = await launchBrowser();
    staff = await newPage(browser, pageErrors);
  }, startTimeoutMs + 30_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server.child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it(
    'a researcher opens a case, adds the youth and invites them',
    async () => {
      if (!server || !browser) throw new Error('server did not start');
      await setUpFirstAdmin(staff, server.setupUrl, admin);
      const setUp = await setUpTeamWithResearcher(staff, researcher);
      // The researcher sets a password and logs in (in a context of their own).
      staff = await newPage(browser, pageErrors);
      await staff.goto(`${server.baseUrl}${new URL(setUp.invitationUrl).pathname}`);
      await staff.getByLabel('Nieuw wachtwoord').fill(researcher.password);
      await staff.getByLabel('Typ je nieuwe wachtwoord nog een keer').fill(researcher.password);
      await staff.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await staff.getByText('Je wachtwoord is ingesteld. Log nu in.').waitFor();
      await logIn(staff, researcher, null);
      await enrolTwoStepIfAsked(staff, researcher.name);
      await welcomeHeading(staff, researcher.name).waitFor();

      caseId = (
        await api<{ id: string }>(staff, 'POST', '/api/cases', {
          programmeId: setUp.programmeId,
          teamId: setUp.teamId,
          institutionType: 'jeugdzorgplus',
          regionCode: 'JZ16',
          birthYear,
        })
      ).id;
      const participant = await api<{ id: string }>(
        staff,
        'POST',
        `/api/cases/${caseId}/participants`,
        { kind: 'youth', label: 'jongere' },
      );
      await api(staff, 'POST', `/api/cases/${caseId}/timeline/items`, {
        kind: 'period',
        lane: 'living',
        title: 'Pleeggezin B',
        start: { precision: 'year', year: birthYear + 9 },
        end: { precision: 'year', year: birthYear + 12 },
        valence: 'positive',
        source: 'professional',
      });
      const invitation = await api<{ url: string }>(
        staff,
        'POST',
        `/api/cases/${caseId}/participants/${participant.id}/invitation`,
        { email: youth.email },
      );
      invitationPath = new URL(invitation.url).pathname;
      expect(invitationPath).toMatch(/^\/link\//);
    },
    testTimeoutMs,
  );

  it(
    'the youth sets a password, logs in and sees their timeline',
    async () => {
      if (!server || !browser) throw new Error('server did not start');
      page = await newPage(browser, pageErrors, { width: 390, height: 844 });
      await page.goto(`${server.baseUrl}${invitationPath}`);
      await page.getByLabel('Nieuw wachtwoord').fill(youth.password);
      await page.getByLabel('Typ je nieuwe wachtwoord nog een keer').fill(youth.password);
      await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await page.getByText('Je wachtwoord is ingesteld. Log nu in.').waitFor();
      await page.getByLabel('E-mailadres').fill(youth.email);
      await page.getByLabel('Wachtwoord').fill(youth.password);
      await page.getByRole('button', { name: 'Inloggen' }).click();

      await page.getByRole('heading', { level: 1, name: 'Jouw tijdlijn' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/mijn-casus/${caseId}`);
      await page.getByRole('heading', { level: 3, name: 'Pleeggezin B' }).waitFor();
      await page.getByText('Waar je woonde').waitFor();
      await shoot('timeline');
    },
    testTimeoutMs,
  );

  it(
    'the youth adds an event with an age as the date and reacts on an item',
    async () => {
      await page.getByRole('button', { name: 'Iets toevoegen' }).click();
      const form = page.getByRole('form', { name: 'Iets toevoegen aan je tijdlijn' });
      await form.getByRole('button', { name: 'Toevoegen' }).click();
      await form.getByText('Schrijf op wat er gebeurde.').waitFor();
      await form.getByLabel('Wat gebeurde er?').fill('Naar een nieuwe school');
      await form.getByLabel('Waar gaat het over?').selectOption({ label: 'School' });
      await form.getByLabel('Ik weet hoe oud ik was').check();
      await form.getByLabel('Toen ik … jaar was').fill('12');
      await form.getByLabel('fijn').check();
      await shoot('add');
      await form.getByRole('button', { name: 'Toevoegen' }).click();
      await page.getByText('Het staat op je tijdlijn.').waitFor();
      const item = page.getByRole('listitem').filter({
        has: page.getByRole('heading', { name: 'Naar een nieuwe school' }),
      });
      await item.getByText('op 12-jarige leeftijd').waitFor();
      await item.getByText('Verteld door: jij').waitFor();

      const foster = page.getByRole('listitem').filter({
        has: page.getByRole('heading', { name: 'Pleeggezin B' }),
      });
      await foster.getByRole('button', { name: /Reageer/ }).click();
      await foster.getByLabel('Jouw reactie').fill('Daar was ik blij.');
      await foster.getByRole('button', { name: 'Reactie plaatsen' }).click();
      await foster.getByText('Daar was ik blij.').waitFor();
      await foster.getByText('jij zegt:').waitFor();
      await shoot('timeline-after');
    },
    testTimeoutMs,
  );

  it(
    'the youth gives a consent and withdraws it after seeing what goes',
    async () => {
      await partNav().getByRole('link', { name: 'Toestemming' }).click();
      await page.getByRole('heading', { level: 1, name: 'Toestemming' }).waitFor();
      const dossier = page
        .getByRole('listitem')
        .filter({ hasText: 'Mogen onderzoekers je dossier lezen?' });
      await dossier.getByText('Nog niet gegeven').waitFor();
      await dossier.getByRole('button', { name: /Ja, dat mag/ }).click();
      await page.getByText('Je toestemming is opgeslagen.').waitFor();
      await dossier.getByText(/Ja, gegeven op/).waitFor();
      await dossier.getByRole('button', { name: /Intrekken/ }).click();
      const question = dossier.getByRole('group', { name: 'Wil je deze toestemming intrekken?' });
      await question.getByText(/Dit wordt dan weggehaald|Er wordt niets weggehaald/).waitFor();
      await shoot('consent-withdraw');
      await question.getByRole('button', { name: 'Ja, trek in' }).click();
      await page.getByText('Je toestemming is ingetrokken.').waitFor();
      await dossier.getByText(/Ingetrokken op/).waitFor();
      await shoot('consent');
    },
    testTimeoutMs,
  );

  it(
    'the youth reads who looked at their data, in sentences',
    async () => {
      await partNav().getByRole('link', { name: 'Wie keek er?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Wie keek naar jouw gegevens' }).waitFor();
      await page
        .getByText(
          /^Op \d+ \w+ om \d\d:\d\d heeft Pieter \(onderzoeker\) iets op je tijdlijn gezet\.$/,
        )
        .first()
        .waitFor();
      await page
        .getByText(/heb jij je tijdlijn bekeken\./)
        .first()
        .waitFor();
      await shoot('access');
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
