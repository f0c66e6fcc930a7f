// Browser test of closing the loop, on the demo server (fictional users, no second login step):
// a researcher plans a learning-network meeting, creates an improvement action from within it
// (it links back), moves it through agreed → in progress → done → evaluated with a follow-up,
// sees the demo's overdue action marked in the list, and then the youth of the demo case reads
// the plain-language summary "Wat we leerden" and finds the action there, on a phone.
// Skipped, with a message, when no Chromium is installed.
//
// Screenshots at 390×844 and 1280×900 go to /tmp/shots/actions-*.png (E2E_SHOTS=<dir> for
// another folder).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../bench/timeline-render';
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

function isoDaysFromNow(days: number): string {
  const day = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

suite('improvement actions and the learning network in the browser', () => {
  let dataDir = '';
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let actionUrl = '';
  const pageErrors: string[] = [];
  const summaryText = 'Na elke bijeenkomst hoor je binnen een week wat we ermee doen.';

  async function shoot(target: Page, name: string) {
    fs.mkdirSync(shotDir, { recursive: true });
    const original = target.viewportSize();
    for (const [width, height] of [
      [390, 844],
      [1280, 900],
    ] as const) {
      await target.setViewportSize({ width, height });
      await target.waitForTimeout(300);
      await target.screenshot({
        path: path.join(shotDir, `actions-${name}-${width}x${height}.png`),
        fullPage: true,
      });
    }
    if (original) await target.setViewportSize(original);
  }

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startDemoServer(dataDir, await freePort());
    const email = server.emails.researcher;
    if (!email) throw new Error('the demo has no researcher');
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
      .screenshot({ path: path.join(shotDir, `actions-failed-${task.name}.png`), fullPage: true })
      .catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server.child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it(
    'creates an action from a network meeting, which links back to it',
    async () => {
      await page.getByRole('link', { name: 'Lerend netwerk', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Lerend netwerk' }).waitFor();
      // The demo's autumn meeting is listed.
      await page
        .getByText('Wachttijden en passende hulp voor jongeren in gesloten jeugdhulp')
        .waitFor();
      const plan = page.getByRole('region', { name: 'Bijeenkomst plannen' });
      await plan.getByRole('button', { name: 'Plannen' }).click();
      await plan.getByRole('alert').getByText('Vul het thema in.').waitFor();
      await plan.getByLabel('Thema').fill('Terugkoppeling aan jongeren en ouders');
      await plan.getByLabel('Datum').fill(isoDaysFromNow(-2));
      await plan.getByRole('button', { name: 'Plannen' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Terugkoppeling aan jongeren en ouders' })
        .waitFor();

      // Material: a case summary shows the warning about identifying detail.
      const material = page.locator('#network-material');
      await material.getByLabel('Soort stuk').selectOption('case_summary');
      await material.getByText(/Zet hier geen namen, geboortedata/).waitFor();

      await page.getByRole('button', { name: 'Actie afspreken' }).click();
      const form = page.locator('#network-action');
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await form.getByRole('alert').getByText('Vul in wat er verandert.').waitFor();
      await form
        .getByLabel('Wat er verandert', { exact: true })
        .fill('Terugkoppeling binnen een week');
      await form.getByLabel(/^Wat er verandert, in gewone taal/).fill(summaryText);
      await form
        .getByLabel(/^Wat het veranderde, in gewone taal/)
        .fill('Ouders zeggen dat ze nu weten wat er met hun verhaal gebeurt.');
      await form
        .getByLabel('Organisatie die ervoor zorgt')
        .selectOption({ label: 'Gemeente Voorbeeldstad (fictief)' });
      await form.getByLabel('Klaar op').fill(isoDaysFromNow(60));
      await form.getByLabel('Doelgroep').selectOption({ label: 'Ervaringsdeskundigen' });
      await form.getByRole('button', { name: 'Opslaan' }).click();

      await page
        .getByRole('heading', { level: 1, name: 'Terugkoppeling binnen een week' })
        .waitFor();
      await page.getByText('De actie "Terugkoppeling binnen een week" is opgeslagen.').waitFor();
      actionUrl = page.url();
      const origin = page.getByRole('region', { name: 'Waar de actie uit voortkomt' });
      await origin
        .getByRole('link', { name: /Bijeenkomst lerend netwerk op .*Terugkoppeling aan jongeren/ })
        .click();
      const created = page.getByRole('region', { name: 'Acties uit deze bijeenkomst' });
      await created.getByRole('link', { name: 'Terugkoppeling binnen een week' }).waitFor();
    },
    testTimeoutMs,
  );

  it(
    'moves the action through agreed, in progress, done and evaluated, with a follow-up',
    async () => {
      await page.goto(actionUrl);
      const status = page.getByRole('region', { name: 'Status veranderen' });
      const move = async (label: string) => {
        await status.getByLabel(/^Nu: .*Volgende stap/).selectOption({ label });
        await status.getByRole('button', { name: 'Status opslaan' }).click();
        await page.locator('.kl-act-badges').getByText(label, { exact: true }).waitFor();
      };
      await move('Afgesproken');
      await move('Bezig');

      const followUps = page.getByRole('region', { name: 'Vervolg' });
      await followUps
        .getByLabel('Wat er is gedaan')
        .fill('Na drie bijeenkomsten een brief gestuurd.');
      await followUps
        .getByLabel(/^Wat het opleverde/)
        .fill('Vijf van de zes gezinnen lazen de brief en reageerden.');
      await followUps.getByRole('button', { name: 'Vervolg opslaan' }).click();
      await followUps.getByText('Vijf van de zes gezinnen lazen de brief en reageerden.').waitFor();

      await move('Klaar');
      // Dropping needs a reason: the field appears and is required.
      await status.getByLabel(/^Nu: .*Volgende stap/).selectOption({ label: 'Gestopt' });
      await status.getByRole('button', { name: 'Status opslaan' }).click();
      await status.getByRole('alert').getByText('Schrijf op waarom de actie stopt.').waitFor();
      await move('Geëvalueerd');
      // Evaluated is final: no more status form.
      await expect(status.count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Geschiedenis tonen' }).click();
      await page.getByText('vervolg opgeschreven').waitFor();
      await shoot(page, 'action');
    },
    testTimeoutMs,
  );

  it(
    'marks overdue actions in the list and filters them',
    async () => {
      await page.getByRole('link', { name: 'Verbeteracties', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Verbeteracties' }).waitFor();
      const row = page.getByRole('row', { name: /Wachtlijst maandelijks delen met de toegang/ });
      await row.getByText('Te laat', { exact: true }).waitFor();
      // The filter lives in the address: the box shows the new state once the page has moved
      // there (a navigation in a transition), so wait for the address, then for the box.
      const onlyOverdue = page.getByLabel('Alleen acties die te laat zijn');
      await onlyOverdue.click();
      await page.waitForURL((url) => url.searchParams.get('overdue') === '1');
      await expect.poll(() => onlyOverdue.isChecked()).toBe(true);
      await page.getByRole('row', { name: /Wachtlijst maandelijks/ }).waitFor();
      await expect(
        page.getByRole('row', { name: /Terugkoppeling binnen een week/ }).count(),
      ).resolves.toBe(0);
      await onlyOverdue.click();
      await page.waitForURL((url) => !url.searchParams.has('overdue'));
      await expect.poll(() => onlyOverdue.isChecked()).toBe(false);
      await shoot(page, 'list');
    },
    testTimeoutMs,
  );

  it(
    'shows the youth of the demo case the plain summary with the action, on a phone',
    async () => {
      const email = server?.emails.participant;
      if (!browser || !server || !email) throw new Error('no participant login');
      const phone = await newPage(browser, pageErrors, { width: 390, height: 844 });
      await phone.goto(`${server.baseUrl}/login`);
      await phone.getByLabel('E-mailadres').fill(email);
      await phone.getByLabel('Wachtwoord').fill(server.password);
      await phone.getByRole('button', { name: 'Inloggen' }).click();
      await phone.getByRole('heading', { level: 1, name: 'Jouw tijdlijn' }).waitFor();
      // From their own page, the main navigation leads to the summary.
      await phone.getByRole('link', { name: 'Wat we leerden', exact: true }).click();
      await phone
        .getByRole('heading', { level: 1, name: 'Wat er gebeurde met wat we leerden' })
        .waitFor();
      const group = phone.getByRole('region', { name: 'Ervaringsdeskundigen' });
      await group.getByText(summaryText).waitFor();
      await group
        .getByText('Ouders zeggen dat ze nu weten wat er met hun verhaal gebeurt.')
        .waitFor();
      // No names of people, not the owner's, not the researcher's.
      const text = await phone.locator('main').innerText();
      expect(text).not.toContain(researcherName);
      expect(text).not.toContain('Bram Beleid');
      // The case pages stay the participant's only other place; actions are not theirs to open.
      await phone.goto(actionUrl);
      await phone.getByText(/bestaat niet, of je hebt er geen toegang toe/).waitFor();
      await phone.goto(`${server.baseUrl}/wat-we-leerden`);
      await phone
        .getByRole('heading', { level: 1, name: 'Wat er gebeurde met wat we leerden' })
        .waitFor();
      await shoot(phone, 'summary');
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
