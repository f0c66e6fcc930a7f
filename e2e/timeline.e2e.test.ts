// Browser test of a case's timeline, on the demo server (fictional users, no second login
// step): a researcher opens the timeline from the case, adds an event by clicking in a lane,
// adds a period through the form (and is told when the end lies before the start), edits it,
// comments on it and reads its history, meets the conflict view when someone else saved the
// item meanwhile, switches to the neutral view and the age axis, and reaches the items with
// the keyboard. A second case with 300 items is opened to measure the first draw and the
// longest long task: the figures are printed, only functional things are asserted.
// Skipped, with a message, when no Chromium is installed.
//
// Screenshots at 390×844 and 1280×900 go to /tmp/shots/timeline-*.png (E2E_SHOTS=<dir> for
// another folder).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  formatFigures,
  generateItems,
  measureTimelineRender,
  seedTimeline,
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
type TimelineItem = { id: string; title: string; version: number; description: string };

suite('the timeline of a case in the browser', () => {
  let dataDir = '';
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let api: ApiSession;
  let kase: CaseRef;
  let bigCase: CaseRef;
  const pageErrors: string[] = [];

  const timelineUrl = (c: CaseRef) => `${server?.baseUrl}/cases/${c.id}/timeline`;
  const dialog = () => page.getByRole('dialog');
  const status = () => page.locator('.kl-status-line[role="status"]').first();
  const item = (name: RegExp) => page.locator('.kl-tl-viewport').getByRole('button', { name });

  /**
   * Saves the page at phone and desktop size as <shotDir>/timeline-<name>-<w>x<h>.png: the
   * whole page, or only the screen when a dialog is open (it covers the screen, not the page).
   */
  async function shoot(name: string, target: Page = page) {
    const hasDialog = (await target.getByRole('dialog').count()) > 0;
    fs.mkdirSync(shotDir, { recursive: true });
    const original = target.viewportSize();
    for (const [width, height] of [
      [390, 844],
      [1280, 900],
    ] as const) {
      await target.setViewportSize({ width, height });
      // Items out of view are not rendered (content-visibility): bring the lanes into view
      // first, as a reader scrolling there would.
      const lanes = target.locator('.kl-tl-viewport');
      if (!hasDialog && (await lanes.count()) > 0) await lanes.scrollIntoViewIfNeeded();
      await target.waitForTimeout(300);
      await target.screenshot({
        path: path.join(shotDir, `timeline-${name}-${width}x${height}.png`),
        fullPage: !hasDialog,
      });
    }
    if (original) await target.setViewportSize(original);
  }

  async function timelineItems(c: CaseRef) {
    const timeline = await api.request<{ items: TimelineItem[] }>(
      'GET',
      `/api/cases/${c.id}/timeline`,
    );
    return timeline.items;
  }

  async function openCase(birthYear: number): Promise<CaseRef> {
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
      birthYear,
      gender: null,
    });
    const detail = await api.request<{ code: string }>('GET', `/api/cases/${created.id}`);
    return { id: created.id, code: detail.code };
  }

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startDemoServer(dataDir, await freePort());
    const email = server.emails.researcher;
    if (!email) throw new Error('the demo has no researcher');
    api = await apiSession(server.baseUrl, email, server.password);

    kase = await openCase(2011);
    for (const [kind, label] of [
      ['youth', 'jongere'],
      ['parent', 'moeder'],
    ] as const) {
      await api.request('POST', `/api/cases/${kase.id}/participants`, {
        kind,
        label,
        hasAuthority: kind === 'parent',
      });
    }
    // Two items to start from: a diagnosis remembered only by age, a school period going on.
    await seedTimeline(api, kase.id, [
      {
        kind: 'event',
        lane: 'diagnosis',
        title: 'ADHD',
        start: { precision: 'age', age: 7 },
        source: 'parent',
        valence: 'neutral',
      },
      {
        kind: 'period',
        lane: 'school',
        title: 'Basisschool',
        reference: 'school A',
        categoryCode: 'regular',
        start: { precision: 'year', year: 2015 },
        end: null,
        source: 'youth',
        valence: 'positive',
      },
    ]);

    bigCase = await openCase(2008);
    await seedTimeline(api, bigCase.id, generateItems(300, 2008));

    browser = await launchBrowser();
    page = await newPage(browser, pageErrors, { width: 1280, height: 900 });
    await page.goto(`${server.baseUrl}/login`);
    await logIn(page, { email, name: researcherName, password: server.password }, null);
    await welcomeHeading(page, researcherName).waitFor();
  }, startTimeoutMs + 240_000);

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return;
    fs.mkdirSync(shotDir, { recursive: true });
    await page
      .screenshot({ path: path.join(shotDir, `timeline-failed-${task.name}.png`), fullPage: true })
      .catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server.child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it(
    'opens the timeline from the case and adds an event by clicking in a lane',
    async () => {
      await page.goto(`${server?.baseUrl}/cases/${kase.id}`);
      // The case page's way in (it may offer more than one link to the timeline).
      await page.locator(`a[href="/cases/${kase.id}/timeline"]`).first().click();
      await page
        .getByRole('heading', { level: 1, name: `Tijdlijn van casus ${kase.code}` })
        .waitFor();
      await item(/^ADHD, gebeurtenis, op 7-jarige leeftijd/).waitFor();

      // Click in the School lane just after the 2019 tick: a new event in January 2019.
      const tick = page.locator('.kl-tl-tick--major', { hasText: /^2019$/ });
      const tickBox = await tick.boundingBox();
      const track = page.locator('[data-lane="school"]');
      const trackBox = await track.boundingBox();
      if (!tickBox || !trackBox) throw new Error('no axis or lane to click');
      await page.mouse.click(tickBox.x + 3, trackBox.y + trackBox.height - 6);

      await dialog().getByRole('heading', { name: 'Nieuw onderdeel' }).waitFor();
      await expect(dialog().getByLabel('Rij', { exact: true }).inputValue()).resolves.toBe(
        'school',
      );
      const when = dialog().getByRole('group', { name: 'Wanneer' });
      await expect(when.getByLabel('Hoe precies weet je het?').inputValue()).resolves.toBe('month');
      await expect(when.getByLabel('Maand').inputValue()).resolves.toBe('1');
      await expect(when.getByLabel('Jaar').inputValue()).resolves.toBe('2019');
      await dialog().getByLabel('Titel').fill('Naar een andere basisschool');
      await dialog().getByRole('radio', { name: 'Positief' }).check();
      await shoot('new-event');
      await dialog().getByRole('button', { name: 'Toevoegen aan de tijdlijn' }).click();

      await status().getByText('‘Naar een andere basisschool’ staat op de tijdlijn.').waitFor();
      await expect(dialog().count()).resolves.toBe(0);
      await item(/^Naar een andere basisschool, gebeurtenis, januari 2019, positief$/).waitFor();
    },
    testTimeoutMs,
  );

  it(
    'adds a period through the form, and says at the field when the end lies before the start',
    async () => {
      await page.getByRole('button', { name: 'Onderdeel toevoegen' }).click();
      await dialog().getByRole('heading', { name: 'Nieuw onderdeel' }).waitFor();
      await dialog()
        .getByRole('radio', { name: /^Periode/ })
        .check();
      await dialog().getByLabel('Rij', { exact: true }).selectOption({ label: 'Wonen' });
      await dialog().getByLabel('Titel').fill('Naar pleeggezin');
      const start = dialog().getByRole('group', { name: 'Begin' });
      await start.getByLabel('Maand').selectOption({ label: 'maart' });
      await start.getByLabel('Jaar').fill('2016');
      const end = dialog().getByRole('group', { name: 'Einde' });
      await end.getByLabel('Maand').selectOption({ label: 'juni' });
      await end.getByLabel('Jaar').fill('2015');
      await dialog()
        .getByLabel(/^Soort \(/)
        .selectOption({ label: 'Pleeggezin (telt als uithuisplaatsing)' });
      await dialog()
        .getByLabel(/^Plek, school of persoon/)
        .fill('pleeggezin B');
      await dialog().getByRole('radio', { name: 'Negatief' }).check();
      await dialog().getByLabel('Perspectief').selectOption({ label: 'Jongere' });
      await dialog()
        .getByLabel(/^Wie vertelde het\?/)
        .selectOption({ label: 'jongere (Jongere)' });
      await dialog().getByRole('button', { name: 'Toevoegen aan de tijdlijn' }).click();

      await end.getByText('Het einde ligt vóór het begin.').waitFor();
      await dialog().getByRole('alert').getByText('Het einde ligt vóór het begin.').waitFor();
      await shoot('field-error');
      await end.getByLabel('Jaar').fill('2019');
      await dialog().getByRole('button', { name: 'Toevoegen aan de tijdlijn' }).click();

      await status().getByText('‘Naar pleeggezin’ staat op de tijdlijn.').waitFor();
      await item(
        /^Naar pleeggezin \(pleeggezin B\), periode van maart 2016 tot juni 2019, negatief$/,
      ).waitFor();
      const indicators = page.getByRole('region', { name: 'Kengetallen' });
      await indicators
        .locator('.kl-tl-indicator', { hasText: 'Uithuisplaatsingen' })
        .getByText('1', { exact: true })
        .waitFor();
      await shoot('timeline');
    },
    testTimeoutMs,
  );

  it(
    'edits an item, adds a comment from another perspective and shows the history',
    async () => {
      await item(/^Naar pleeggezin/).click();
      await dialog().getByRole('heading', { name: 'Onderdeel: Naar pleeggezin' }).waitFor();
      await dialog()
        .getByLabel(/^Toelichting/)
        .fill('Plaatsing na melding van school.');
      await dialog().getByRole('radio', { name: 'Neutraal' }).check();
      await dialog().getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await status().getByText('‘Naar pleeggezin’ is opgeslagen.').waitFor();
      await item(/^Naar pleeggezin .*, neutraal$/).waitFor();

      await item(/^Naar pleeggezin/).click();
      const comments = dialog().getByRole('region', { name: 'Reacties per perspectief' });
      await dialog().getByLabel('Vanuit welk perspectief?').selectOption({ label: 'Ouder' });
      await dialog()
        .getByLabel(/^Wie zegt het\?/)
        .selectOption({ label: 'moeder (Ouder of verzorger)' });
      await dialog()
        .getByLabel('Reactie', { exact: true })
        .fill('Voor ons was het ook een opluchting.');
      await dialog().getByRole('button', { name: 'Reactie plaatsen' }).click();
      await dialog().getByText('Je reactie is geplaatst.').waitFor();
      await comments
        .getByRole('region', { name: 'Ouder' })
        .getByText('Voor ons was het ook een opluchting.')
        .waitFor();

      await dialog().getByText('Geschiedenis van dit onderdeel').click();
      await dialog()
        .getByText(
          new RegExp(`^Versie 2: gewijzigd door ${researcherName.replace(/[()]/g, '\\$&')}`),
        )
        .waitFor();
      await dialog().getByText('Positief of negatief?: Negatief → Neutraal').waitFor();
      await shoot('editor');
      await page.keyboard.press('Escape');
      await expect(dialog().count()).resolves.toBe(0);
    },
    testTimeoutMs,
  );

  it(
    'shows both versions when someone else saved the item meanwhile, and saves the choice',
    async () => {
      await item(/^Naar pleeggezin/).click();
      await dialog().getByLabel('Titel').fill('Naar pleeggezin B');

      // Meanwhile, someone else changes the description of the same item.
      const before = (await timelineItems(kase)).find((i) => i.title === 'Naar pleeggezin');
      if (!before) throw new Error('item not found');
      const { id, version, ...rest } = before as TimelineItem & Record<string, unknown>;
      await api.request('PUT', `/api/cases/${kase.id}/timeline/items/${id}`, {
        kind: rest.kind,
        lane: rest.lane,
        title: before.title,
        description: 'Volgens het dossier na een crisismelding.',
        start: rest.start,
        end: rest.end,
        valence: rest.valence,
        source: rest.source,
        sourceParticipantId: rest.sourceParticipantId,
        categoryCode: rest.categoryCode,
        reference: rest.reference,
        waitingDays: rest.waitingDays,
        isSignal: rest.isSignal,
        revisesItemId: rest.revisesItemId,
        version,
      });

      await dialog().getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      await dialog()
        .getByRole('heading', { name: 'Iemand anders heeft dit onderdeel intussen gewijzigd' })
        .waitFor();
      const differences = dialog().getByRole('list', { name: '2 verschillen' });
      const description = differences.getByRole('group', { name: 'Toelichting' });
      await description
        .getByRole('radio', { name: 'Huidige versie: Volgens het dossier na een crisismelding.' })
        .waitFor();
      await shoot('conflict');
      await description.getByRole('radio', { name: /^Huidige versie/ }).check();
      await dialog().getByRole('button', { name: 'Opslaan met deze keuzes' }).click();
      await status().getByText('‘Naar pleeggezin B’ is opgeslagen.').waitFor();

      const after = (await timelineItems(kase)).find((i) => i.id === id);
      expect(after).toMatchObject({
        title: 'Naar pleeggezin B',
        description: 'Volgens het dossier na een crisismelding.',
        version: version + 2,
      });
    },
    testTimeoutMs,
  );

  it(
    'switches to the neutral view and the age axis, and shows the list',
    async () => {
      await page.getByRole('checkbox', { name: /^Neutrale weergave/ }).check();
      await page.waitForURL(/neutral=1/);
      await item(
        /^Naar pleeggezin B \(pleeggezin B\), periode van maart 2016 tot juni 2019, 1 reactie$/,
      ).waitFor();
      await item(/^Naar een andere basisschool, gebeurtenis, januari 2019$/).waitFor();
      await page.getByText(/Neutrale weergave staat aan/).waitFor();
      await expect(page.locator('.kl-tl-viewport .kl-tl-sign').count()).resolves.toBe(0);

      await page.getByRole('radio', { name: 'Leeftijd' }).check();
      await page.waitForURL(/axis=age/);
      await page.locator('.kl-tl-tick--major', { hasText: /^5 jr$/ }).waitFor();
      await page.getByText(/De leeftijd is geschat/).waitFor();
      await shoot('neutral-age');

      await page.getByRole('button', { name: 'Lijst' }).click();
      const table = page.getByRole('table', { name: 'Alle onderdelen in de tijd (4)' });
      await table.waitFor();
      const row = table.getByRole('row', { name: /Naar pleeggezin B/ });
      await row.getByText('maart 2016 – juni 2019').waitFor();
      await row.getByText('Voor ons was het ook een opluchting.').waitFor();
      await shoot('list');
      await page.getByRole('button', { name: 'Tijdlijn', exact: true }).click();
      await page.getByRole('checkbox', { name: /^Neutrale weergave/ }).uncheck();
      await page.getByRole('radio', { name: 'Jaartallen' }).check();
    },
    testTimeoutMs,
  );

  it(
    'reaches every item with the keyboard, with a visible focus',
    async () => {
      await page.getByRole('button', { name: 'Iets toevoegen aan Wonen' }).focus();
      await page.keyboard.press('Tab');
      const focused = () =>
        page.evaluate(() => ({
          name: document.activeElement?.getAttribute('aria-label') ?? '',
          outline: getComputedStyle(document.activeElement as Element).outlineStyle,
        }));
      await expect(focused()).resolves.toMatchObject({
        name: expect.stringMatching(/^Naar pleeggezin B/),
      });
      expect((await focused()).outline).not.toBe('none');

      // Down to the nearest item in the next lane, left within that lane, down past the empty
      // care lane to the diagnoses.
      await page.keyboard.press('ArrowDown');
      await expect(focused()).resolves.toMatchObject({
        name: expect.stringMatching(/^Naar een andere basisschool/),
      });
      await page.keyboard.press('ArrowLeft');
      await expect(focused()).resolves.toMatchObject({
        name: expect.stringMatching(/^Basisschool/),
      });
      await page.keyboard.press('ArrowDown');
      await expect(focused()).resolves.toMatchObject({ name: expect.stringMatching(/^ADHD/) });

      // One tab stop for all items: Tab leaves the timeline for the next lane's add button.
      await page.keyboard.press('Tab');
      await expect(
        page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''),
      ).resolves.toContain('Iets toevoegen aan Justitie & bescherming');
      await page.keyboard.press('Shift+Tab');
      await expect(focused()).resolves.toMatchObject({ name: expect.stringMatching(/^ADHD/) });

      await page.keyboard.press('Enter');
      await dialog().getByRole('heading', { name: 'Onderdeel: ADHD' }).waitFor();
      await page.keyboard.press('Escape');
      await expect(dialog().count()).resolves.toBe(0);
      await expect(focused()).resolves.toMatchObject({ name: expect.stringMatching(/^ADHD/) });
      await shoot('keyboard');
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );

  it(
    'draws a case with 300 items (figures printed, not asserted)',
    async () => {
      if (!browser) throw new Error('no browser');
      const figures = await measureTimelineRender(page, timelineUrl(bigCase));
      console.log(`[timeline 300 items, 1280×900] ${formatFigures(figures)}`);
      expect(figures.items).toBe(300);
      await shoot('300-items');

      const phone = await newPage(browser, pageErrors, { width: 390, height: 844 });
      await phone.goto(`${server?.baseUrl}/login`);
      const email = server?.emails.researcher ?? '';
      await logIn(phone, { email, name: researcherName, password: server?.password ?? '' }, null);
      await welcomeHeading(phone, researcherName).waitFor();
      const onPhone = await measureTimelineRender(phone, timelineUrl(bigCase));
      console.log(`[timeline 300 items, 390×844] ${formatFigures(onPhone)}`);
      expect(onPhone.items).toBe(300);
      await phone.close();

      await page.getByRole('button', { name: 'Lijst' }).click();
      await page.getByRole('table', { name: 'Alle onderdelen in de tijd (300)' }).waitFor();
      await expect(
        page
          .getByRole('table', { name: 'Alle onderdelen in de tijd (300)' })
          .getByRole('row')
          .count(),
      ).resolves.toBe(301);
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );
});
