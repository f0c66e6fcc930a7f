// Rows `synthesis-*`: the cross-case synthesis on a database of synthetic cases with interviews,
// codings and the programme's synthesis (scripts/seed-synthesis.ts: a theme per top-level code,
// six threads, twelve recommendations), as the bench researcher, who is a member of every
// synthetic team, over HTTP, one request at a time:
//
// - the thread evidence panel of the thread with the most linked codes: its three requests
//   (evidence: counts, splits and indicators; supporting segments, page 1; chosen quotes), each
//   timed alone, and the panel as the browser loads it (the three at once, until the last
//   answers);
// - the threads × stakeholder groups matrix;
// - the thematic report of five threads: its data (JSON), PDF and DOCX, a few runs each.
//
// Targets (issue 7): p95 of the evidence panel and of the matrix under 200 ms on PostgreSQL and
// under 1 s on PGlite, at 20,000 cases; the report has no target, its time is reported.
//
// PostgreSQL runs on the coding rows' database (20,000 cases with transcripts of 2,000–6,000
// words). PGlite runs on its own database of 20,000 cases seeded with --short-transcripts
// (300–700 words a transcript, the same interviews and codings): the evidence reads the kept
// counts and the segments' short texts, not whole transcripts, and seeding 20,000 cases with full
// transcripts into PGlite would take well over an hour here.
import { formatInt, summarize } from './stats';
import { commandFor, type Row } from './report';
import { databaseFacts, percentile, startServer } from './synthetic';
import { stopProcess } from './processes';
import type { Kind, Query, SyntheticDatabase } from './synthetic-db';

export const synthesisIds = ['synthesis-pglite', 'synthesis-postgres'] as const;
export type SynthesisId = (typeof synthesisIds)[number];

const settings = { warmup: 3, samples: 60, reportRuns: 3, budgetMs: 8 * 60_000 };
const targetMs: Record<Kind, number> = { postgres: 200, pglite: 1_000 };
const reportThreads = 5;

export type SynthesisFacts = {
  programmeId: string;
  /** The thread with the most linked codes (then the lowest number). */
  panelThread: { id: string; number: number; title: string; codes: number };
  /** The first active threads by number, for the report. */
  reportThreadIds: string[];
  threads: number;
  recommendations: number;
  codedCases: number;
  caseCodeRows: number;
};

/** The synthesis facts of the seeded synthetic programme. */
export async function synthesisFacts(query: Query, programmeId: string): Promise<SynthesisFacts> {
  const threads = await query(
    `select t.id, t.number, t.title, count(tc.code_id)::int as codes
     from synthesis_threads t left join synthesis_thread_codes tc on tc.thread_id = t.id
     where t.programme_id = $1 and t.status = 'active'
     group by t.id order by t.number`,
    [programmeId],
  );
  const widest = [...threads].sort(
    (a, b) => Number(b.codes) - Number(a.codes) || Number(a.number) - Number(b.number),
  )[0];
  if (!widest || threads.length < reportThreads)
    throw new Error(
      `the synthetic programme has ${threads.length} active threads; the synthesis rows need ${reportThreads}`,
    );
  const [counts] = await query(
    `select (select count(*)::int from recommendations where programme_id = $1) as recommendations,
            (select count(*)::int from qda_coded_cases x join cases c on c.id = x.case_id
              where c.programme_id = $1) as coded_cases,
            (select count(*)::int from qda_case_codes a join cases c on c.id = a.case_id
              where c.programme_id = $1) as case_code_rows`,
    [programmeId],
  );
  return {
    programmeId,
    panelThread: {
      id: String(widest.id),
      number: Number(widest.number),
      title: String(widest.title),
      codes: Number(widest.codes),
    },
    reportThreadIds: threads.slice(0, reportThreads).map((t) => String(t.id)),
    threads: threads.length,
    recommendations: Number(counts?.recommendations),
    codedCases: Number(counts?.coded_cases),
    caseCodeRows: Number(counts?.case_code_rows),
  };
}

type Timed = { name: string; group: 'panel' | 'matrix'; run: () => Promise<number> };

export async function synthesisRow(
  db: SyntheticDatabase,
  facts: SynthesisFacts,
  cookie: string,
  sizeNote: string,
): Promise<Row> {
  const id: SynthesisId = `synthesis-${db.kind}`;
  const base = `/api/programmes/${facts.programmeId}`;
  const thread = `${base}/synthesis/threads/${facts.panelThread.id}`;
  const app = await startServer('app', 'src/server/main.ts', db.appEnv, '/api/health');
  const samples = new Map<string, number[]>();
  const report: Record<string, number[]> = { data: [], pdf: [], docx: [] };
  const reportBytes: Record<string, number> = {};
  const answered: Record<string, number> = {};
  let stoppedEarly = false;
  try {
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${app.port}${path}`, { headers: { cookie } });
      const body = Buffer.from(await response.arrayBuffer());
      if (!response.ok)
        throw new Error(`GET ${path}: ${response.status} ${body.toString('utf8').slice(0, 300)}`);
      return body;
    };
    const timed = async (path: string) => {
      const started = performance.now();
      await get(path);
      return performance.now() - started;
    };
    const panelPaths = [`${thread}/evidence`, `${thread}/segments?limit=20`, `${thread}/quotes`];
    const queries: Timed[] = [
      { name: 'evidence', group: 'panel', run: () => timed(panelPaths[0]!) },
      { name: 'segments, page 1', group: 'panel', run: () => timed(panelPaths[1]!) },
      { name: 'quotes', group: 'panel', run: () => timed(panelPaths[2]!) },
      {
        name: 'panel (the three at once)',
        group: 'panel',
        run: async () => {
          const started = performance.now();
          await Promise.all(panelPaths.map((p) => get(p)));
          return performance.now() - started;
        },
      },
      {
        name: 'threads × stakeholder groups matrix',
        group: 'matrix',
        run: () => timed(`${base}/recommendations/matrix`),
      },
    ];
    for (const q of queries) samples.set(q.name, []);
    // What the panel shows: the thread's cases and the segments behind it.
    const evidence = JSON.parse((await get(panelPaths[0]!)).toString('utf8')) as {
      total: { cases: number; of: number };
      segments: number;
    };
    answered.cases = evidence.total.cases;
    answered.of = evidence.total.of;
    answered.segments = evidence.segments;
    console.error(`  ${db.kind} synthesis: ${queries.length} requests…`);
    for (let i = 0; i < settings.warmup; i++) for (const q of queries) await q.run();
    const started = performance.now();
    for (let i = 0; i < settings.samples; i++) {
      for (const q of queries) samples.get(q.name)!.push(await q.run());
      if (performance.now() - started > settings.budgetMs) {
        stoppedEarly = true;
        console.error(`  ${db.kind} synthesis: time budget reached after ${i + 1} rounds`);
        break;
      }
      if ((i + 1) % 20 === 0) console.error(`    ${i + 1} rounds…`);
    }
    const threads = facts.reportThreadIds.join(',');
    for (let run = 1; run <= settings.reportRuns; run++) {
      console.error(`  ${db.kind} thematic report run ${run}: ${reportThreads} threads…`);
      for (const [format, path] of [
        ['data', `${base}/synthesis/report?threads=${threads}`],
        ['pdf', `${base}/synthesis/report.pdf?threads=${threads}`],
        ['docx', `${base}/synthesis/report.docx?threads=${threads}`],
      ] as const) {
        const t0 = performance.now();
        const body = await get(path);
        report[format]!.push(performance.now() - t0);
        reportBytes[format] = body.length;
      }
    }
  } finally {
    await stopProcess(app.process);
  }
  const target = targetMs[db.kind];
  const data: Record<
    string,
    { p50: number; p95: number; max: number; samples: number; targetMs: number; pass: boolean }
  > = {};
  const parts = [...samples.entries()].map(([name, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    const pass = p95 < target;
    data[name] = {
      p50,
      p95,
      max: sorted.at(-1) ?? Number.NaN,
      samples: sorted.length,
      targetMs: target,
      pass,
    };
    return `${name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms — ${pass ? 'PASS' : 'FAIL'} (p95 < ${formatInt(target)} ms)`;
  });
  const reportParts = Object.entries(report).map(([format, values]) => {
    const s = summarize(values);
    return `${format.toUpperCase()} median ${(s.median / 1000).toFixed(2)} s (max ${(s.max / 1000).toFixed(2)} s${format === 'data' ? '' : `, ${formatInt(reportBytes[format] ?? 0)} bytes`})`;
  });
  const rounds = Math.min(...[...samples.values()].map((s) => s.length));
  const dbFacts = databaseFacts(db);
  return {
    id,
    name:
      `cross-case synthesis as a researcher in all teams, ${db.kind === 'pglite' ? 'PGlite' : 'PostgreSQL (throwaway cluster)'}, ${sizeNote}; ` +
      `${formatInt(facts.codedCases)} coded cases (${formatInt(facts.caseCodeRows)} case × code counts), ${facts.threads} active threads, ${facts.recommendations} recommendations; ` +
      `panel of thread ${facts.panelThread.number} (${facts.panelThread.codes} linked codes: ${formatInt(answered.cases ?? 0)} of ${formatInt(answered.of ?? 0)} cases, ${formatInt(answered.segments ?? 0)} segments); ` +
      `${dbFacts.text}; one request at a time, ${rounds} per request after ${settings.warmup} warm-up, in turn` +
      (stoppedEarly ? ` (stopped at the ${settings.budgetMs / 60_000}-minute budget)` : '') +
      `; thematic report of ${reportThreads} threads, ${settings.reportRuns} runs per format`,
    result:
      `${parts.join('; ')}; ${Object.values(data).filter((d) => d.pass).length} of ${parts.length} PASS; ` +
      `report of ${reportThreads} threads: ${reportParts.join(', ')} (no target)`,
    command: commandFor(id),
    data: {
      requests: data,
      report: Object.fromEntries(
        Object.entries(report).map(([format, values]) => [
          format,
          { ms: values, bytes: reportBytes[format] ?? 0 },
        ]),
      ),
      panel: { ...facts.panelThread, ...answered },
      facts: {
        ...facts,
        reportThreadIds: facts.reportThreadIds.length,
        panelThread: facts.panelThread.id,
      },
      ...dbFacts.data,
      settings,
      rounds,
    },
  };
}
