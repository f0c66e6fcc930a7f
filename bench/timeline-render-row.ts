// Row group: the timeline page with 300 items in Debian's Chromium (headless). Starts `npm run
// demo` on a fresh folder, adds a case with 300 generated items through the API, logs the demo
// researcher in and opens the page several times at desktop and phone size. Reports the medians
// of the time to first draw, the render time after the data arrived, the longest long task of
// the timeline's own work, the total blocking time and one zoom step. The measuring itself is
// shared with the browser test (bench/timeline-render.ts).
import fs from 'node:fs';
import {
  freePort,
  hasChromium,
  executablePath,
  launchBrowser,
  logIn,
  newPage,
  stopServer,
  tempDataDir,
  welcomeHeading,
} from '../e2e/helpers';
import { commandFor, type Row } from './report';
import { summarize, type Summary } from './stats';
import {
  apiSession,
  generateItems,
  measureTimelineRender,
  seedTimeline,
  startDemoServer,
  type TimelineRenderFigures,
} from './timeline-render';

export const timelineRenderIds = ['timeline-render'] as const;
export type TimelineRenderId = (typeof timelineRenderIds)[number];

const settings = { items: 300, warmupRuns: 1, runs: 5 };
const viewports = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const researcherName = 'Olaf Onderzoek (fictief)';

type Figure = Exclude<keyof TimelineRenderFigures, 'items'>;
const reported: { key: Figure; label: string }[] = [
  { key: 'firstDrawMs', label: 'first draw' },
  { key: 'renderMs', label: 'render after data' },
  { key: 'longestTaskAfterDataMs', label: 'longest long task after data' },
  { key: 'totalBlockingMs', label: 'total blocking' },
  { key: 'zoomMs', label: 'zoom step' },
];

export async function runTimelineRender(): Promise<Row[]> {
  const id: TimelineRenderId = 'timeline-render';
  if (!hasChromium)
    return [
      {
        id,
        name: id,
        result: `skipped: no Chromium at ${executablePath} (apt-get install chromium)`,
        command: commandFor(id),
        data: { skipped: true },
      },
    ];
  const dataDir = tempDataDir();
  const server = await startDemoServer(dataDir, await freePort());
  const browser = await launchBrowser();
  try {
    const email = server.emails.researcher;
    if (!email) throw new Error('the demo has no researcher');
    const api = await apiSession(server.baseUrl, email, server.password);
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
      birthYear: 2008,
      gender: null,
    });
    console.error(`  adding ${settings.items} timeline items…`);
    await seedTimeline(api, created.id, generateItems(settings.items, 2008));
    const url = `${server.baseUrl}/cases/${created.id}/timeline`;

    const parts: string[] = [];
    const data: Row['data'] = {};
    for (const viewport of viewports) {
      const errors: string[] = [];
      const page = await newPage(browser, errors, viewport);
      await page.goto(`${server.baseUrl}/login`);
      await logIn(page, { email, name: researcherName, password: server.password }, null);
      await welcomeHeading(page, researcherName).waitFor();
      const samples: TimelineRenderFigures[] = [];
      for (let run = 1; run <= settings.warmupRuns + settings.runs; run++) {
        console.error(`  ${viewport.name} ${viewport.width}×${viewport.height}: run ${run}…`);
        const figures = await measureTimelineRender(page, url);
        if (figures.items !== settings.items)
          throw new Error(`the page drew ${figures.items} items, expected ${settings.items}`);
        if (run > settings.warmupRuns) samples.push(figures);
      }
      await page.context().close();
      if (errors.length) throw new Error(`script errors on the page: ${errors.join('; ')}`);
      const summaries = Object.fromEntries(
        reported.map(({ key }) => [key, summarize(samples.map((s) => s[key]))]),
      ) as Record<Figure, Summary>;
      parts.push(
        `${viewport.name} ${viewport.width}×${viewport.height}: ` +
          reported
            .map(
              ({ key, label }) =>
                `${label} ${ms(summaries[key].median)} (${ms(summaries[key].min)}–${ms(summaries[key].max)})`,
            )
            .join(', '),
      );
      data[viewport.name] = Object.fromEntries(
        reported.map(({ key }) => [
          key,
          { median: summaries[key].median, min: summaries[key].min, max: summaries[key].max },
        ]),
      );
      data[`${viewport.name}_samples`] = samples.map((s) => ({ ...s }));
    }
    return [
      {
        id,
        name:
          `timeline page of a case with ${settings.items} items in headless Chromium (${chromiumLabel()}), ` +
          `npm run demo on PGlite; medians (ranges) of ${settings.runs} page loads after ${settings.warmupRuns} warm-up, ` +
          `from navigation start; long tasks by PerformanceObserver`,
        result: parts.join('; '),
        command: commandFor(id),
        data: { ...data, settings },
      },
    ];
  } finally {
    await browser.close();
    await stopServer(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');

function chromiumLabel(): string {
  return executablePath.split('/').pop() ?? 'chromium';
}
