// Browser test of the versioned instruments: the first administrator opens the dossier
// checklist from the main menu, starts a draft, changes a question and adds one, saves,
// publishes it as version 2 (version 1 stays as it was), downloads version 2 as JSON, and
// imports a file with a duplicate key, which is refused with the place in the file in words.
// Skipped, with a message, when no Chromium is installed.
//
// E2E_SCREENSHOTS=<dir> also saves the editor (an item open, a new one added), the
// instrument's page and the refused import at 390×844 and 1280×900 into <dir>.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InstrumentDocument } from '../src/shared/contract/instruments';
import {
  api,
  freePort,
  hasChromium,
  launchBrowser,
  newPage,
  screenshots,
  setUpFirstAdmin,
  startServer,
  startTimeoutMs,
  stopServer,
  tempDataDir,
  testTimeoutMs,
  warnWithoutChromium,
  type RunningServer,
} from './helpers';

warnWithoutChromium();

const admin = {
  email: 'ineke.instrument@example.org',
  name: 'Ineke Beheer',
  password: 'versies die nooit meer veranderen',
};
const screenshotDir = process.env.E2E_SCREENSHOTS;
const sizes = [
  [390, 844],
  [1280, 900],
] as const;

const suite = hasChromium ? describe : describe.skip;

suite('the versioned instruments in the browser', () => {
  let dataDir = '';
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  // From the top of the page: a full-page shot of a scrolled page draws the (fixed, off-screen)
  // skip link into the picture.
  const shoot = async (name: string) => {
    if (!screenshotDir) return;
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshots(page, screenshotDir, name, sizes);
  };
  // The editor is long: a screen's worth at a time, scrolled to what matters, shows it as seen
  // (with the save bar stuck to the bottom of the screen).
  const shootAt = async (name: string, target: Locator) => {
    if (!screenshotDir) return;
    fs.mkdirSync(screenshotDir, { recursive: true });
    const original = page.viewportSize();
    for (const [width, height] of sizes) {
      await page.setViewportSize({ width, height });
      await target.evaluate((el) => {
        el.scrollIntoView({ block: 'start', behavior: 'instant' });
        window.scrollBy({ top: -16, behavior: 'instant' });
      });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}x${height}.png`) });
    }
    if (original) await page.setViewportSize(original);
  };

  /** The elements that stick out to the right of the screen (none, or the page scrolls sideways). */
  const tooWide = () =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .filter((el) => !el.closest('.kl-visually-hidden, .kl-table-scroll'))
        .slice(0, 5)
        .map((el) => {
          const box = el.getBoundingClientRect();
          return `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(box.left)}-${Math.round(box.right)} "${(el.textContent ?? '').slice(0, 30)}"`;
        });
    });

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await startServer(dataDir, await freePort());
    browser = await launchBrowser();
    page = await newPage(browser, pageErrors, { width: 1280, height: 900 });
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
    'publishes an edited draft as version 2, exports it, and refuses a bad import in words',
    async () => {
      if (!server) throw new Error('server did not start');
      await setUpFirstAdmin(page, server.setupUrl, admin);

      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Instrumenten' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Instrumenten' }).waitFor();
      const list = page.getByRole('table', { name: 'Alle instrumenten' });
      await expect(list.getByRole('row').nth(1).innerText()).resolves.toMatch(
        /Domeinenset verklarende analyse\s+Versie 1/,
      );
      await shoot('instruments-list');
      await list.getByRole('link', { name: 'Dossierchecklist Ketenbreed leren' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Dossierchecklist Ketenbreed leren' })
        .waitFor();
      await page.getByText(/Een gepubliceerde versie verandert nooit meer/).waitFor();

      // Start a draft: a copy of version 1, opened in the editor.
      await page.getByRole('button', { name: 'Nieuw concept starten' }).click();
      await page
        .getByRole('heading', {
          level: 1,
          name: 'Concept versie 2 van Dossierchecklist Ketenbreed leren',
        })
        .waitFor();

      // Change the first question's text.
      await page.getByRole('button', { name: /^Bewerken vraag 1\.1:/ }).click();
      const first = page.getByRole('group', { name: /^Vraag 1\.1:/ });
      await first
        .getByLabel('Vraag', { exact: true })
        .fill('Staat de hulpvraag van het gezin in het dossier?');
      await expect(first.getByLabel('Sleutel').inputValue()).resolves.toBe('hulpvraag_in_dossier');

      // Add a question at the end of the first section, with the keyboard.
      await page.getByRole('button', { name: /^Vraag toevoegen onderdeel 1:/ }).focus();
      await page.keyboard.press('Enter');
      const added = page.getByRole('group', { name: /^Vraag 1\.6:/ });
      await expect(
        added.getByLabel('Vraag', { exact: true }).evaluate((el) => el === document.activeElement),
      ).resolves.toBe(true);
      await page.keyboard.type('Is de hulpvraag met de jongere zelf besproken?');
      await expect(added.getByLabel('Sleutel').inputValue()).resolves.toBe(
        'is_de_hulpvraag_met_de_jongere_zelf_besp',
      );
      await added.getByLabel('Sleutel').fill('hulpvraag_met_jongere_besproken');
      await added.getByLabel('Soort antwoord').selectOption({ label: 'Keuzelijst' });
      await added.getByLabel('Tekst van keuze 1').fill('Ja, met de jongere alleen');
      await added.getByLabel('Tekst van keuze 2').fill('Ja, samen met de ouders');
      await added.getByRole('button', { name: 'Keuze toevoegen' }).click();
      await added.getByLabel('Tekst van keuze 3').fill('Nee');
      await expect(added.getByLabel('Code van keuze 3').inputValue()).resolves.toBe('nee');
      // Nothing is wider than a phone's screen, with an item and its choices open.
      await page.setViewportSize({ width: 390, height: 844 });
      await expect(tooWide()).resolves.toEqual([]);
      await page.setViewportSize({ width: 1280, height: 900 });
      await shootAt('instruments-editor', page.getByRole('group', { name: /^Onderdeel 1:/ }));
      await shootAt('instruments-editor-added', added);
      await shootAt(
        'instruments-editor-folded',
        page.getByRole('group', { name: /^Onderdeel 2:/ }),
      );

      await page.getByRole('button', { name: 'Concept opslaan' }).click();
      await page.getByText(/^Het concept is opgeslagen/).waitFor();

      // Publish, after the confirmation that says it never changes afterwards.
      await page.getByRole('button', { name: 'Versie 2 publiceren' }).click();
      const confirm = page.getByRole('group', { name: 'Versie 2 publiceren?' });
      await expect(confirm.innerText()).resolves.toContain('niet meer worden gewijzigd');
      await confirm.getByRole('button', { name: 'Ja, publiceer versie 2' }).click();
      await page.getByText('Versie 2 is gepubliceerd. Ze verandert nu niet meer.').waitFor();
      const versions = page.getByRole('table', {
        name: 'Alle versies van Dossierchecklist Ketenbreed leren',
      });
      await expect(versions.getByRole('row').nth(1).innerText()).resolves.toMatch(
        /Versie 2[\s\S]*Gepubliceerd[\s\S]*door Ineke Beheer/,
      );
      await expect(versions.getByRole('row').nth(2).innerText()).resolves.toMatch(
        /Versie 1[\s\S]*Gepubliceerd[\s\S]*door Ketenlens \(standaardversie\)/,
      );

      // Version 1 is still as it was.
      const instrumentId = new URL(page.url()).pathname.split('/')[2];
      const detail = await api<{ id: string }>(page, 'GET', `/api/instruments/${instrumentId}`);
      const v1 = await api<{ content: InstrumentDocument['content'] }>(
        page,
        'GET',
        `/api/instruments/${detail.id}/versions/1`,
      );
      expect(v1.content.sections[0]?.items[0]?.question).toBe(
        'Staat de hulpvraag van de jongere en de ouders in het dossier?',
      );

      // Export version 2 as a download.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        versions.getByRole('link', { name: 'JSON downloaden Versie 2' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('dossier-checklist-v2.json');
      const exported = JSON.parse(
        fs.readFileSync((await download.path()) as string, 'utf8'),
      ) as InstrumentDocument;
      expect(exported).toMatchObject({
        format: 'ketenlens-instrument',
        formatVersion: 1,
        code: 'dossier-checklist',
        kind: 'dossier_checklist',
        number: 2,
      });
      const section = exported.content.sections[0]!;
      expect(section.items[0]?.question).toBe('Staat de hulpvraag van het gezin in het dossier?');
      expect(section.items.at(-1)).toMatchObject({
        key: 'hulpvraag_met_jongere_besproken',
        answer: {
          type: 'choice',
          options: [
            { code: 'ja_met_de_jongere_alleen' },
            { code: 'ja_samen_met_de_ouders' },
            { code: 'nee' },
          ],
        },
      });

      // Import a file in which two questions share a key: refused, the place said in words.
      const broken = structuredClone(exported);
      broken.content.sections[0]!.items[1]!.key = broken.content.sections[0]!.items[0]!.key;
      const form = page.getByRole('form', { name: 'JSON-bestand importeren als nieuw concept' });
      await form.getByLabel('JSON-bestand').setInputFiles({
        name: 'dossier-checklist-v2.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(broken)),
      });
      await form.getByRole('button', { name: 'Importeren als concept' }).click();
      const alert = form.getByRole('alert');
      await alert.waitFor();
      const refusal = await alert.innerText();
      expect(refusal).toContain('Het bestand is niet geïmporteerd.');
      expect(refusal).toContain(
        'onderdeel 1 ‘Hulpvraag en verklarende analyse’ › vraag 2 ‘Waar ging de hulpvraag vooral over?’ › sleutel',
      );
      expect(refusal).toContain('content.sections.0.items.1.key');
      await expect(form.getByLabel('JSON-bestand').getAttribute('aria-invalid')).resolves.toBe(
        'true',
      );
      await alert.scrollIntoViewIfNeeded();
      await shoot('instruments-page');
      await page.setViewportSize({ width: 390, height: 844 });
      await expect(tooWide()).resolves.toEqual([]);
      await page.setViewportSize({ width: 1280, height: 900 });

      // Nothing was stored: there is no draft.
      const after = await api<{ draftNumber: number | null; latestPublishedNumber: number }>(
        page,
        'GET',
        `/api/instruments/${detail.id}`,
      );
      expect(after).toMatchObject({ draftNumber: null, latestPublishedNumber: 2 });
      expect(pageErrors).toEqual([]);
    },
    testTimeoutMs,
  );

  it(
    'shows the published version read-only, with its questions and answer types',
    async () => {
      await page.getByRole('link', { name: 'Bekijken Versie 2' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Dossierchecklist Ketenbreed leren — versie 2' })
        .waitFor();
      await page.getByText(/Deze versie is gepubliceerd en verandert nooit meer/).waitFor();
      const question = page.getByRole('heading', {
        level: 3,
        name: '1.6 Is de hulpvraag met de jongere zelf besproken?',
      });
      await question.waitFor();
      const item = page.locator('li', { has: question });
      await expect(item.innerText()).resolves.toMatch(/Keuzelijst \(3 keuzes, één antwoord\)/);
      if (screenshotDir) await screenshots(page, screenshotDir, 'instruments-version', sizes);
      expect(pageErrors).toEqual([]);
      expect(path.basename(page.url())).toBe('2');
    },
    testTimeoutMs,
  );
});
