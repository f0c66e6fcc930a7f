// How fast the timeline page draws a case with many items, in a real browser: the time from
// navigation to the first frame with the lanes on screen, the render time after the data
// arrived, the longest long task (PerformanceObserver 'longtask') and a zoom step. Shared by
// the browser test (e2e/timeline.e2e.test.ts, which prints the figures) and the bench.
//
// Also here: starting the demo server (fictional users that log in without a second step),
// an API session for setting up data, and a generator of realistic timeline items.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildWebOnce, root, startTimeoutMs } from '../e2e/helpers';
import { timelineMarks } from '../src/web/features/timeline/perf-marks';

export type DemoServer = {
  child: ChildProcess;
  baseUrl: string;
  password: string;
  /** Demo logins by role: researcher → onderzoeker@demo.ketenlens.test, … */
  emails: Record<string, string>;
};

/** Starts `npm run demo` on a fresh data folder and waits until it listens with its logins. */
export async function startDemoServer(dataDir: string, port: number): Promise<DemoServer> {
  await buildWebOnce();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DEMO_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    KETENLENS_SKIP_WEB_BUILD: '1',
  };
  delete env.DATABASE_URL;
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/demo.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`demo did not start within ${startTimeoutMs / 1000} s:\n${output}`)),
      startTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const password = /met wachtwoord (\S+):/.exec(output)?.[1];
      if (!password || !/Ketenlens draait op/.test(output)) return;
      clearTimeout(timer);
      const emails: Record<string, string> = {};
      for (const match of output.matchAll(/^\s+(\S+@demo\.ketenlens\.test)\s+(\w+)\s*$/gm)) {
        if (match[1] && match[2]) emails[match[2]] = match[1];
      }
      resolve({ child, baseUrl: `http://127.0.0.1:${port}`, password, emails });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo exited (${code}) before it was ready:\n${output}`));
    });
  });
}

export type ApiSession = {
  request: <T = unknown>(method: string, urlPath: string, body?: unknown) => Promise<T>;
};

/** Logs in through the API (password only: demo users) and sends JSON with cookie and CSRF. */
export async function apiSession(
  baseUrl: string,
  email: string,
  password: string,
): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const session = (await login.json()) as { status: string; csrfToken?: string };
  if (session.status !== 'ok' || !session.csrfToken) throw new Error('login needs a second step');
  const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const csrf = session.csrfToken;
  return {
    async request<T>(method: string, urlPath: string, body?: unknown): Promise<T> {
      const response = await fetch(`${baseUrl}${urlPath}`, {
        method,
        headers: {
          cookie,
          origin: baseUrl,
          accept: 'application/json',
          ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${urlPath}: ${response.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

type FuzzyDate =
  | { precision: 'day'; date: string }
  | { precision: 'month'; year: number; month: number }
  | { precision: 'season'; year: number; season: 'winter' | 'spring' | 'summer' | 'autumn' }
  | { precision: 'year'; year: number }
  | { precision: 'age'; age: number };

/** A small deterministic random generator (mulberry32), so every run draws the same case. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const lanePlan = [
  {
    lane: 'living',
    period: 0.9,
    categories: ['parental_home', 'foster_family', 'gezinshuis', 'open_group', 'jeugdzorgplus'],
    reference: 'plek',
  },
  { lane: 'school', period: 0.85, categories: ['regular', 'special', 'none'], reference: 'school' },
  {
    lane: 'care',
    period: 0.7,
    categories: ['ambulant', 'parenting_support', 'jeugd_ggz', 'day_treatment', 'crisis'],
    reference: 'aanbieder',
  },
  { lane: 'diagnosis', period: 0.1, categories: [], reference: null },
  {
    lane: 'justice',
    period: 0.6,
    categories: ['ots', 'voogdij', 'jeugdreclassering'],
    reference: null,
  },
  { lane: 'family', period: 0.2, categories: [], reference: null },
  { lane: 'people', period: 0.3, categories: [], reference: 'persoon' },
] as const;

const titles: Record<string, string[]> = {
  living: ['Woont thuis', 'Naar pleeggezin', 'Gezinshuis', 'Leefgroep', 'Gesloten plaatsing'],
  school: ['Basisschool', 'Speciaal onderwijs', 'Thuiszitten', 'Brugklas', 'Praktijkonderwijs'],
  care: ['Opvoedondersteuning', 'Ambulante hulp', 'Jeugd-GGZ', 'Dagbehandeling', 'Crisisopname'],
  diagnosis: ['ADHD', 'Hechtingsproblematiek', 'Autisme', 'PTSS', 'Diagnose herzien'],
  justice: ['Ondertoezichtstelling', 'Voogdij', 'Jeugdreclassering', 'Zitting kinderrechter'],
  family: ['Scheiding ouders', 'Verhuizing', 'Broertje geboren', 'Overlijden opa', 'Ruzie thuis'],
  people: ['Mentor', 'Voetbaltrainer', 'Tante', 'Buurvrouw', 'Vriend'],
};

const seasonsOf = ['winter', 'spring', 'summer', 'autumn'] as const;

/**
 * Items for a case born in birthYear: all lanes, events and periods, every date precision,
 * every valence, a few periods still going on; none in the future, none ending before it starts.
 */
export function generateItems(count: number, birthYear: number, now = new Date(), seed = 42) {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const lastMonth = now.getUTCFullYear() * 12 + now.getUTCMonth() - 2;
  const firstMonth = birthYear * 12;
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i += 1) {
    const plan = lanePlan[i % lanePlan.length] ?? lanePlan[0];
    const isPeriod = next() < plan.period;
    const startMonth = firstMonth + Math.floor(next() * (lastMonth - firstMonth - 1));
    const year = Math.floor(startMonth / 12);
    const month = (startMonth % 12) + 1;
    const roll = next();
    const start: FuzzyDate =
      roll < 0.15
        ? { precision: 'day', date: `${year}-${String(month).padStart(2, '0')}-15` }
        : roll < 0.6
          ? { precision: 'month', year, month }
          : roll < 0.72
            ? { precision: 'season', year, season: pick(seasonsOf.slice(1)) }
            : roll < 0.9
              ? { precision: 'year', year }
              : { precision: 'age', age: Math.max(0, year - birthYear - 1) };
    let end: FuzzyDate | null = null;
    if (isPeriod && next() > 0.08) {
      const endMonth = Math.min(lastMonth, startMonth + 14 + Math.floor(next() * 36));
      const endYear = Math.floor(endMonth / 12);
      end =
        next() < 0.7
          ? { precision: 'month', year: endYear, month: (endMonth % 12) + 1 }
          : { precision: 'year', year: Math.min(endYear + 1, now.getUTCFullYear()) };
    }
    const valenceRoll = next();
    items.push({
      kind: isPeriod ? 'period' : 'event',
      lane: plan.lane,
      title: pick(titles[plan.lane] ?? ['Gebeurtenis']),
      description: next() < 0.3 ? 'Fictief onderdeel voor de meting.' : '',
      start,
      end,
      valence: valenceRoll < 0.3 ? 'positive' : valenceRoll < 0.65 ? 'neutral' : 'negative',
      source: pick(['youth', 'parent', 'professional'] as const),
      categoryCode: plan.categories.length > 0 ? pick(plan.categories) : null,
      reference: plan.reference ? `${plan.reference} ${String.fromCharCode(65 + (i % 8))}` : null,
      waitingDays: plan.lane === 'care' && next() < 0.5 ? Math.floor(next() * 200) : null,
      isSignal: i === 9,
    });
  }
  return items;
}

/** Adds the items to a case through the API, a few requests at a time. */
export async function seedTimeline(
  api: ApiSession,
  caseId: string,
  items: Record<string, unknown>[],
  concurrency = 4,
): Promise<void> {
  let index = 0;
  const worker = async () => {
    while (index < items.length) {
      const item = items[index];
      index += 1;
      await api.request('POST', `/api/cases/${caseId}/timeline/items`, item);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export type TimelineRenderFigures = {
  items: number;
  /** From navigation start to the timeline's data in the page. */
  dataReadyMs: number;
  /** From navigation start to the lanes in the document (before paint). */
  lanesRenderedMs: number;
  /** From navigation start to the first frame after that: the timeline on screen. */
  firstDrawMs: number;
  /** From the data to the lanes: the rendering of the timeline itself. */
  renderMs: number;
  longTasks: number;
  longestTaskMs: number;
  /** The longest task that ended after the data arrived (the timeline's own work). */
  longestTaskAfterDataMs: number;
  /** Sum over long tasks of the time above 50 ms. */
  totalBlockingMs: number;
  /** One zoom step: a click on "zoom in" until the lanes are drawn at the new scale. */
  zoomMs: number;
};

/** Records long tasks from the start of every page load in this page (call before goto). */
export async function installLongTaskObserver(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const store = window as unknown as { __klLongTasks?: { start: number; duration: number }[] };
    if (store.__klLongTasks) return;
    store.__klLongTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          store.__klLongTasks?.push({ start: entry.startTime, duration: entry.duration });
        }
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No long-task support: the figures say 0.
    }
  });
}

/**
 * Opens a timeline page (logged in already) and measures it. Waits for the first-draw mark,
 * then a quiet moment so late long tasks are counted, then one zoom step.
 */
export async function measureTimelineRender(
  page: Page,
  url: string,
): Promise<TimelineRenderFigures> {
  await installLongTaskObserver(page);
  await page.goto(url);
  await page.waitForFunction(
    (name) => performance.getEntriesByName(name, 'mark').length > 0,
    timelineMarks.firstDraw,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(750);
  // No named helper functions inside: tsx would wrap them in a __name() the page lacks.
  const raw = await page.evaluate(async (marks) => {
    const tasks =
      (window as unknown as { __klLongTasks?: { start: number; duration: number }[] })
        .__klLongTasks ?? [];
    const dataReady = performance.getEntriesByName(marks.dataReady, 'mark')[0]?.startTime ?? NaN;
    const zoomIn = document.querySelector<HTMLButtonElement>('[data-zoom="in"]');
    let zoomMs = NaN;
    const canvas = document.querySelector<HTMLElement>('.kl-tl-canvas');
    if (zoomIn && canvas && zoomIn.getAttribute('aria-disabled') !== 'true') {
      // Until the lanes have the new width (the zoom renders as a transition), then a frame.
      const before = canvas.style.getPropertyValue('--kl-tl-width');
      const started = performance.now();
      zoomIn.click();
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const width = canvas.style.getPropertyValue('--kl-tl-width');
        if (width !== before || performance.now() - started > 5000) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
      zoomMs = performance.now() - started;
    }
    return {
      items: document.querySelectorAll('.kl-tl-item').length,
      dataReady,
      lanesRendered: performance.getEntriesByName(marks.lanesRendered, 'mark')[0]?.startTime ?? NaN,
      firstDraw: performance.getEntriesByName(marks.firstDraw, 'mark')[0]?.startTime ?? NaN,
      tasks: tasks.slice(),
      zoomMs,
    };
  }, timelineMarks);
  const round = (value: number) => Math.round(value * 10) / 10;
  const longest = (list: { duration: number }[]) =>
    list.reduce((max, task) => Math.max(max, task.duration), 0);
  return {
    items: raw.items,
    dataReadyMs: round(raw.dataReady),
    lanesRenderedMs: round(raw.lanesRendered),
    firstDrawMs: round(raw.firstDraw),
    renderMs: round(raw.lanesRendered - raw.dataReady),
    longTasks: raw.tasks.length,
    longestTaskMs: round(longest(raw.tasks)),
    longestTaskAfterDataMs: round(
      longest(raw.tasks.filter((task) => task.start + task.duration >= raw.dataReady)),
    ),
    totalBlockingMs: round(
      raw.tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
    ),
    zoomMs: round(raw.zoomMs),
  };
}

/** The figures as one line for a log. */
export function formatFigures(figures: TimelineRenderFigures): string {
  return [
    `items ${figures.items}`,
    `data ${figures.dataReadyMs} ms`,
    `lanes in DOM ${figures.lanesRenderedMs} ms`,
    `first draw ${figures.firstDrawMs} ms`,
    `render ${figures.renderMs} ms`,
    `long tasks ${figures.longTasks} (longest ${figures.longestTaskMs} ms, after data ${figures.longestTaskAfterDataMs} ms, blocking ${figures.totalBlockingMs} ms)`,
    `zoom step ${figures.zoomMs} ms`,
  ].join(', ');
}
