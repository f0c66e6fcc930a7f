// Browser test of interviews and coding, on the demo server (fictional users, no second login
// step): a researcher opens "Interviews" from a case of a youth of 17 who consented to an
// interview, adds an interview by pasting a transcript with an emoji in it, opens "Coderen",
// selects a phrase after the emoji with the mouse and applies a code (made through the API
// first); the margin bar appears in the code's colour and the server stored exactly the phrase's
// code-point offsets. Undo (button) removes the coding, redo (Ctrl+Shift+Z) brings it back.
// Then blind coding is turned on, and a second coder (an expert by experience in the case's
// team) sees only her own coding with the banner saying how much is hidden, compares, and sees
// the agreement, computed per character.
// Skipped, with a message, when no Chromium is installed.
//
// Screenshots at 390×844 and 1280×800 go to /tmp/shots/interviews-*.png (E2E_SHOTS=<dir> for
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
const sizes = [
  [390, 844],
  [1280, 800],
] as const;
const researcherName = 'Olaf Onderzoek (fictief)';
const expertName = 'Eva Ervaring (fictief)';
const suite = hasChromium ? describe : describe.skip;
// 17 this year: the youth decides alone about an interview.
const birthYear = new Date().getFullYear() - 17;
const today = new Date().toISOString().slice(0, 10);

const transcript =
  'Interviewer: Hoe was het toen je niet meer naar school ging?\n' +
  'Jongere: Ik zat maanden thuis 😀 en mijn mentor bleef me appen, elke week. ' +
  'Daardoor ging ik uiteindelijk weer naar school.\n' +
  'Interviewer: Wie hielp er nog meer?\n' +
  'Jongere: Mijn oma, zij kwam elke woensdag langs en dan praatten we over van alles.';
const phrase = 'mijn mentor bleef me appen';
/** Where the phrase is in code points: after the emoji, one less than in UTF-16 units. */
const phraseStart = Array.from(transcript.slice(0, transcript.indexOf(phrase))).length;
const phraseEnd = phraseStart + Array.from(phrase).length;
const codeName = 'Steun van school';
const codeColour = '#00703c';

type SourceDetail = {
  segments: { id: string; start: number; end: number; codeId: string; coderName: string }[];
};

suite('interviews and coding in the browser', () => {
  let dataDir = '';
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let api: ApiSession;
  let caseId = '';
  let caseCode = '';
  let programmeId = '';
  let codeId = '';
  let sourceId = '';
  const pageErrors: string[] = [];

  const shoot = (target: Page, name: string) =>
    screenshots(target, shotDir, `interviews-${name}`, sizes);

  /** One phone screen with the heading at the top, readable at full size. */
  async function phoneShot(target: Page, heading: string, name: string) {
    const original = target.viewportSize();
    await target.setViewportSize({ width: 390, height: 844 });
    await target.evaluate((text) => {
      const element = [...document.querySelectorAll('h1, h2, h3')].find(
        (h) => h.textContent === text,
      );
      element?.scrollIntoView({ block: 'start' });
    }, heading);
    await target.waitForTimeout(600);
    await target.screenshot({ path: path.join(shotDir, `interviews-phone-${name}-390x844.png`) });
    if (original) await target.setViewportSize(original);
  }

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startDemoServer(dataDir, await freePort());
    const email = server.emails.researcher;
    if (!email) throw new Error('the demo has no researcher');
    api = await apiSession(server.baseUrl, email, server.password);

    // A new case in the demo team, with a youth of 17 who consented to an interview.
    const list = await api.request<{ items: { id: string }[] }>('GET', '/api/cases');
    const demo = await api.request<{
      programmeId: string;
      teamId: string;
      institutionType: string;
      regionCode: string;
    }>('GET', `/api/cases/${list.items[0]?.id}`);
    programmeId = demo.programmeId;
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
    const youth = await api.request<{ id: string }>('POST', `/api/cases/${caseId}/participants`, {
      kind: 'youth',
      label: 'jongere',
      hasAuthority: false,
    });
    await api.request('POST', `/api/cases/${caseId}/consents`, {
      participantId: youth.id,
      purpose: 'interview',
      givenBy: 'self',
      representativeId: null,
      givenOn: today,
      formVersion: 'v1',
    });

    // The second coder, an expert by experience, must be in the case's team.
    const members = await api.request<{ items: { displayName: string }[] }>(
      'GET',
      `/api/teams/${demo.teamId}/members`,
    );
    if (!members.items.some((m) => m.displayName === expertName))
      throw new Error(`${expertName} is not in the demo team`);

    browser = await launchBrowser();
    page = await newPage(browser, pageErrors, { width: 1280, height: 800 });
    await page.goto(`${server.baseUrl}/login`);
    await logIn(page, { email, name: researcherName, password: server.password }, null);
    await welcomeHeading(page, researcherName).waitFor();
  }, startTimeoutMs + 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return;
    fs.mkdirSync(shotDir, { recursive: true });
    await page
      .screenshot({
        path: path.join(shotDir, `interviews-failed-${task.name.slice(0, 40)}.png`),
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
    'adds an interview from the case by pasting a transcript with an emoji',
    async () => {
      await page.goto(`${server?.baseUrl}/cases/${caseId}`);
      await page.getByRole('link', { name: 'Interviews', exact: true }).click();
      await page
        .getByRole('heading', { level: 1, name: `Interviews van casus ${caseCode}` })
        .waitFor();
      await page.getByText('Er zijn nog geen interviews vastgelegd.', { exact: false }).waitFor();

      const form = page.getByRole('region', { name: 'Interview toevoegen' });
      // Without a participant chosen: said at the field, nothing sent.
      await form.getByRole('button', { name: 'Interview toevoegen' }).click();
      await form.getByRole('alert').getByText('Kies met wie het interview is.').waitFor();

      await form.getByLabel('Met wie').selectOption({ label: 'Jongere' });
      await form.getByRole('radio', { name: 'Face-to-face' }).check();
      await form.getByRole('radio', { name: 'Plakken of typen' }).check();
      await form.getByLabel('Transcript', { exact: true }).fill(transcript);
      await shoot(page, 'add');
      await form.getByRole('button', { name: 'Interview toevoegen' }).click();

      await page
        .getByRole('status')
        .getByText('Het interview met Jongere is toegevoegd.')
        .waitFor();
      const card = page.getByRole('article', { name: 'Jongere' });
      await card.getByText('Face-to-face').waitFor();
      // The new interview has the focus.
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
        'Jongere',
      );
      const words = transcript.split(/\s+/).length;
      await card.getByText(`${words} woorden`).waitFor();
      await shoot(page, 'list');
    },
    testTimeoutMs,
  );

  it(
    'codes a phrase after the emoji, selected with the mouse, and stores its code points',
    async () => {
      // The code to apply, made in the programme's codebook first.
      codeId = (
        await api.request<{ id: string }>('POST', `/api/programmes/${programmeId}/codes`, {
          name: codeName,
          color: codeColour,
          definition: 'Iemand van school houdt contact of helpt terug naar school.',
        })
      ).id;
      await api.request('POST', `/api/programmes/${programmeId}/codes`, {
        name: 'Steun van familie',
        color: '#d4351c',
      });

      const card = page.getByRole('article', { name: 'Jongere' });
      await card.getByRole('link', { name: /^Coderen/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Interview jongere, / }).waitFor();
      sourceId = new URL(page.url()).pathname.split('/').pop() ?? '';
      const text = page.getByRole('textbox', { name: 'Tekst om te coderen' });
      await expect(text.innerText()).resolves.toBe(transcript);

      // Drag from the first letter of the phrase to its last, as a person would.
      const box = await page.evaluate((wanted) => {
        const root = document.querySelector('[aria-label="Tekst om te coderen"]');
        const node = root?.firstChild;
        if (!node?.textContent) throw new Error('no text');
        const from = node.textContent.indexOf(wanted);
        const first = document.createRange();
        first.setStart(node, from);
        first.setEnd(node, from + 1);
        const last = document.createRange();
        last.setStart(node, from + wanted.length - 1);
        last.setEnd(node, from + wanted.length);
        const a = first.getBoundingClientRect();
        const b = last.getBoundingClientRect();
        return {
          startX: a.left + 1,
          startY: a.top + a.height / 2,
          endX: b.right - 1,
          endY: b.top + b.height / 2,
        };
      }, phrase);
      await page.mouse.move(box.startX, box.startY);
      await page.mouse.down();
      await page.mouse.move(box.endX, box.endY, { steps: 8 });
      await page.mouse.up();

      const picker = page.getByRole('region', { name: 'Codes toepassen' });
      await picker.getByText(phrase, { exact: true }).waitFor();
      await phoneShot(page, 'Tekst', 'selected');
      await phoneShot(page, 'Codes toepassen', 'picker');
      // The demo's codebook has codes of its own: the search narrows it down.
      await picker.getByLabel('Zoek een code').fill('steun van school');
      await picker.getByText('1 code gevonden.').waitFor();
      await picker.getByRole('checkbox', { name: codeName }).check();
      await picker.getByRole('button', { name: 'Toepassen' }).click();
      await page
        .getByRole('status')
        .getByText(`Code ${codeName} toegepast op ‘${phrase}’.`)
        .waitFor();

      // One bar in the margin, in the code's colour, beside the phrase's line.
      const bar = page.locator('.kl-iv-bar');
      await bar.waitFor();
      await expect(bar.count()).resolves.toBe(1);
      await expect(bar.getAttribute('aria-label')).resolves.toBe(
        `${codeName}: ‘${phrase}’ (${researcherName})`,
      );
      await expect(bar.evaluate((b) => getComputedStyle(b).backgroundColor)).resolves.toBe(
        'rgb(0, 112, 60)',
      );
      const barBox = await bar.boundingBox();
      const textBox = await text.boundingBox();
      expect(barBox && textBox && barBox.x < textBox.x).toBe(true);
      expect(barBox && barBox.height > 10).toBe(true);
      await bar.hover();
      await page.locator('.kl-iv-bar__tip').getByText(codeName).waitFor();

      // The server holds exactly the phrase, in code points.
      const stored = await api.request<SourceDetail>('GET', `/api/sources/${sourceId}`);
      expect(stored.segments).toHaveLength(1);
      expect(stored.segments[0]).toMatchObject({ start: phraseStart, end: phraseEnd, codeId });
      expect(Array.from(transcript).slice(phraseStart, phraseEnd).join('')).toBe(phrase);
    },
    testTimeoutMs,
  );

  it(
    'undoes the coding with the button and redoes it with Ctrl+Shift+Z',
    async () => {
      await page.getByRole('button', { name: 'Ongedaan maken' }).click();
      await page
        .getByRole('status')
        .getByText(`Ongedaan gemaakt: code ${codeName} op ‘${phrase}’.`)
        .waitFor();
      await page.locator('.kl-iv-bar').waitFor({ state: 'detached' });
      const undone = await api.request<SourceDetail>('GET', `/api/sources/${sourceId}`);
      expect(undone.segments).toHaveLength(0);

      await page.keyboard.press('Control+Shift+Z');
      await page
        .getByRole('status')
        .getByText(`Opnieuw gedaan: code ${codeName} op ‘${phrase}’.`)
        .waitFor();
      await page.locator('.kl-iv-bar').waitFor();
      const redone = await api.request<SourceDetail>('GET', `/api/sources/${sourceId}`);
      expect(redone.segments).toHaveLength(1);
      expect(redone.segments[0]).toMatchObject({ start: phraseStart, end: phraseEnd });

      // The keyboard selects too: Shift and the arrow keys, then Enter goes on to the codes.
      const text = page.getByRole('textbox', { name: 'Tekst om te coderen' });
      await text.focus();
      await page.evaluate(() => {
        const root = document.querySelector('[aria-label="Tekst om te coderen"]');
        const node = root?.firstChild;
        if (!node?.textContent) throw new Error('no text');
        const range = document.createRange();
        range.setStart(node, node.textContent.indexOf('Mijn oma'));
        range.collapse(true);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
      });
      for (let i = 0; i < 'Mijn oma'.length; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Enter');
      const picker = page.getByRole('region', { name: 'Codes toepassen' });
      await picker.getByText('Mijn oma', { exact: true }).waitFor();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
        'iv-picker-search',
      );
      // Typing in the text changes nothing.
      await text.focus();
      await page.keyboard.type('xyz');
      await expect(text.innerText()).resolves.toBe(transcript);
      await picker.getByRole('button', { name: 'Selectie loslaten' }).click();

      // The fragment opens from its bar, with its marks and memos.
      await page.locator('.kl-iv-bar').click();
      const details = page.getByRole('region', { name: 'Gecodeerd fragment' });
      await details.getByText(`Teken ${phraseStart + 1} tot en met ${phraseEnd}`).waitFor();
      await details.getByRole('checkbox', { name: 'Belangrijk' }).check();
      await page
        .getByRole('status')
        .getByText(/^Opgeslagen: ‘mijn mentor/)
        .waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await shoot(page, 'coding');
      await phoneShot(page, 'Gecodeerd fragment', 'details');

      // Blind coding on, before the second coder starts.
      await details.getByRole('button', { name: 'Sluiten' }).click();
      const blind = page.getByRole('region', { name: 'Blind coderen' });
      await blind.getByRole('button', { name: 'Blind coderen aanzetten' }).click();
      await blind.getByText('Blind coderen staat aan.', { exact: true }).first().waitFor();
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );

  it(
    'shows a second coder only her own coding while blind, then the agreement after comparing',
    async () => {
      const email = server?.emails.expert_by_experience;
      if (!server || !browser || !email) throw new Error('no expert by experience in the demo');
      const expert = await apiSession(server.baseUrl, email, server.password);
      const longer = 'mentor bleef me appen, elke week';
      const from = Array.from(transcript.slice(0, transcript.indexOf(longer))).length;
      await expert.request('POST', `/api/sources/${sourceId}/segments`, {
        start: from,
        end: from + Array.from(longer).length,
        codeIds: [codeId],
      });

      const errors: string[] = [];
      const second = await newPage(browser, errors, { width: 1280, height: 800 });
      await second.goto(`${server.baseUrl}/login`);
      await logIn(second, { email, name: expertName, password: server.password }, null);
      await welcomeHeading(second, expertName).waitFor();
      await second.goto(`${server.baseUrl}/sources/${sourceId}`);
      await second
        .getByText(
          'Je codeert blind: je ziet alleen je eigen codering (1 fragment van anderen verborgen).',
        )
        .waitFor();
      await expect(second.locator('.kl-iv-bar').count()).resolves.toBe(1);
      await expect(second.locator('.kl-iv-bar').getAttribute('aria-label')).resolves.toContain(
        expertName,
      );
      await shoot(second, 'blind');

      await second.getByRole('button', { name: 'Vergelijken' }).click();
      const question = second.getByRole('group', { name: 'Je codering nu vergelijken?' });
      await question.getByRole('button', { name: 'Ja, vergelijken' }).click();
      await second
        .getByText('Je hebt vergeleken: je ziet nu de codering van iedereen bij deze tekst.')
        .waitFor();
      await expect(second.locator('.kl-iv-bar').count()).resolves.toBe(2);

      const table = second.getByRole('table', {
        name: `Overeenstemming tussen ${expertName} en ${researcherName}, per teken berekend`,
      });
      const row = table.getByRole('row', { name: new RegExp(codeName) });
      await row.waitFor();
      await row.getByRole('cell').nth(2).getByText(/%$/).waitFor();
      await table.getByRole('row', { name: /Alle codes samen/ }).waitFor();
      await second
        .getByRole('heading', { level: 2, name: 'Overeenstemming tussen codeurs' })
        .scrollIntoViewIfNeeded();
      await shoot(second, 'agreement');
      await phoneShot(second, 'Overeenstemming tussen codeurs', 'agreement');
      expect(errors).toEqual([]);
      await second.context().close();
    },
    testTimeoutMs,
  );
});
