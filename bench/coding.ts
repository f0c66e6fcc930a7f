// Rows on a database of synthetic cases WITH interviews and codings (bench/synthetic-db.ts, made
// with `npm run seed:synthetic`: 4–6 transcripts of 2,000–6,000 words and 60–100 coded segments
// per case), as the bench researcher, who is a member of every synthetic team:
//
// - coding-views-*: p50/p95 latency of the cross-case coding views, one request at a time (a
//   researcher clicking through), the queries taken in turn: the case × code matrix (default
//   columns, and filtered by institution type + perspective youth), all segments of a frequent
//   and of a rare code (page 1), and Dutch full-text search for a frequent stem, a rare word and
//   two words.
// - qdpx-exchange-*: REFI-QDA export of 100 cases (about 500 transcripts) as .qdpx, and import of
//   that file into a fresh, empty programme: documents per second, bytes, and the server's peak
//   resident memory during the import.
//
// One seeded database per kind serves both rows: 20,000 cases on PostgreSQL (the issue's size);
// PGlite runs 1,000 cases, because seeding 20,000 cases with their 100,000 transcripts into
// PGlite would take most of an hour on its own here (8 cases/s measured on a busy machine, in
// one thread: the transcripts' Dutch tsvector is computed in PGlite's wasm), and the views on
// PGlite were already far over their targets at 1,000 cases.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/connect';
import { queryRows } from '../src/server/db/raw';
import type { RequestContext } from '../src/server/db/context';
import { createProgramme } from '../src/server/features/organisations/save-programme';
import { addTeamMember, createTeam } from '../src/server/features/organisations/save-team';
import { syntheticProgrammeName } from '../scripts/seed-synthetic';
import { watchRss } from './memory';
import { makeTempDir, removeTempDir, stopProcess } from './processes';
import { commandFor, type Row } from './report';
import { formatInt, summarize } from './stats';
import { databaseFacts, loginWithCsrf, percentile, startServer, type Server } from './synthetic';
import { synthesisFacts, synthesisIds, synthesisRow, type SynthesisFacts } from './synthesis';
import {
  benchResearcher,
  hasPostgres,
  prepareSyntheticDatabase,
  type Kind,
  type Query,
  type SyntheticDatabase,
} from './synthetic-db';

export const codingViewsIds = ['coding-views-pglite', 'coding-views-postgres'] as const;
export const qdpxExchangeIds = ['qdpx-exchange-pglite', 'qdpx-exchange-postgres'] as const;
export const codingIds = [...codingViewsIds, ...qdpxExchangeIds, ...synthesisIds] as const;
export type CodingId = (typeof codingIds)[number];

const casesFor: Record<Kind, number> = { postgres: 20_000, pglite: 1_000 };
/** synthesis-pglite seeds its own database: 20,000 cases with --short-transcripts. */
const synthesisPgliteCases = 20_000;
const issueCases = 20_000;
const viewSettings = { warmupPerQuery: 3, samplesPerQuery: 100, budgetMs: 10 * 60_000 };
const targetMs = { matrix: 200, segments: 200, search: 150 } as const;
const exchangeSettings = { exportCases: 100, exportRuns: 3, importRuns: 2 };

/** Words the seed plants in a minority of the transcripts (scripts/seed-synthetic.ts). */
const searches = {
  frequent: 'gesprekken',
  rare: 'paardentherapie',
  twoWords: 'wachtlijst overplaatsing',
};

const label = (kind: Kind) => (kind === 'pglite' ? 'PGlite' : 'PostgreSQL (throwaway cluster)');

type CodingFacts = {
  programmeId: string;
  sources: number;
  segments: number;
  words: number;
  frequentCode: { id: string; name: string; segments: number };
  rareCode: { id: string; name: string; segments: number };
  institutionType: string;
  exportCaseIds: string[];
  exportSources: number;
  importProgrammeIds: string[];
  synthesis: SynthesisFacts;
};

/** The facts the coding rows need, and empty programmes to import into (researcher in a team). */
async function codingFacts(database: Database, query: Query): Promise<CodingFacts> {
  const [programme] = await query('select id from programmes where name = $1', [
    syntheticProgrammeName,
  ]);
  const programmeId = String(programme?.id);
  const [totals] = await query(
    `select (select count(*)::int from qda_sources where programme_id = $1) as sources,
            (select count(*)::int from qda_segments where programme_id = $1) as segments,
            (select coalesce(sum(array_length(regexp_split_to_array(body, '\\s+'), 1)), 0)::bigint
               from (select body from qda_sources where programme_id = $1 limit 500) s) as sample_words`,
    [programmeId],
  );
  const codes = await query(
    `select c.id, c.name, count(s.id)::int as n from qda_codes c
     join qda_segments s on s.code_id = c.id and s.deleted_at is null
     where c.programme_id = $1 group by c.id, c.name order by n desc, c.name`,
    [programmeId],
  );
  const frequent = codes[0];
  const rare = codes.at(-1);
  if (!frequent || !rare) throw new Error('the synthetic programme has no codings');
  const [type] = await query(
    `select institution_type, count(*)::int as n from cases where programme_id = $1
     group by 1 order by 2 desc, 1 limit 1`,
    [programmeId],
  );
  // 100 cases spread over the programme (every n-th by code), as a researcher would pick them.
  const picked = await query(
    `select id from (select id, row_number() over (order by code) as r from cases where programme_id = $1) x
     where r % greatest(1, (select count(*) from cases where programme_id = $1) / $2) = 0
     order by r limit $2`,
    [programmeId, exchangeSettings.exportCases],
  );
  const exportCaseIds = picked.map((r) => String(r.id));
  const [exported] = await query(
    'select count(*)::int as n from qda_sources where case_id = any($1::uuid[])',
    [exportCaseIds],
  );
  // Fresh programmes to import into, through the app's own commands (as the seed does).
  const [researcher] = await query('select id from users where email = $1', [
    benchResearcher.email,
  ]);
  const [municipality] = await query('select code from municipalities order by code limit 1');
  const now = new Date();
  const ctx: RequestContext = {
    db: database.db,
    actor: null,
    requestId: 'bench-coding',
    now: () => now,
  };
  const importProgrammeIds: string[] = [];
  for (let run = 1; run <= exchangeSettings.importRuns; run++) {
    const id = await createProgramme(ctx, {
      name: `Bench: import ${run} (fictief)`,
      periodStart: '2023-01-01',
      periodEnd: null,
      learningGoals: 'Lege programma voor de importbenchmark.',
      stakeholderGroups: [{ code: 'professionals', label: 'Professionals' }],
      smallCellThreshold: 5,
    });
    const teamId = await createTeam(ctx, {
      name: `Bench-importteam ${run} (fictief)`,
      programmeId: id,
      municipalityCode: String(municipality?.code),
      plannedSessions: 0,
    });
    await addTeamMember(ctx, teamId, {
      userId: String(researcher?.id),
      roleLabel: 'action_learner',
    });
    importProgrammeIds.push(id);
  }
  const sources = Number(totals?.sources);
  const [sampleSources] = await queryRows<{ n: number }>(
    database.db,
    sql`select least(count(*), 500)::int as n from qda_sources where programme_id = ${programmeId}`,
  );
  return {
    programmeId,
    sources,
    segments: Number(totals?.segments),
    // Words: estimated from the first 500 transcripts (counting all would take minutes).
    words: Math.round(
      (Number(totals?.sample_words) / Math.max(1, Number(sampleSources?.n))) * sources,
    ),
    frequentCode: {
      id: String(frequent.id),
      name: String(frequent.name),
      segments: Number(frequent.n),
    },
    rareCode: { id: String(rare.id), name: String(rare.name), segments: Number(rare.n) },
    institutionType: String(type?.institution_type),
    exportCaseIds,
    exportSources: Number(exported?.n),
    importProgrammeIds,
    synthesis: await synthesisFacts(query, programmeId),
  };
}

type Kinded = SyntheticDatabase & { extra: CodingFacts | undefined };

function facts(db: Kinded): CodingFacts {
  if (!db.extra) throw new Error('coding facts missing');
  return db.extra;
}

function sizeNote(db: SyntheticDatabase): string {
  return db.cases === issueCases
    ? `${formatInt(db.cases)} cases (the issue's size)`
    : `${formatInt(db.cases)} cases, NOT the issue's ${formatInt(issueCases)}` +
        (db.kind === 'pglite'
          ? `: seeding ${formatInt(issueCases)} cases with interviews into PGlite would take most of an hour here (8 cases/s)`
          : '');
}

type ViewQuery = { name: string; group: keyof typeof targetMs; url: string };

async function viewsRow(db: Kinded, cookie: string): Promise<Row> {
  const id = `coding-views-${db.kind}` as const;
  const f = facts(db);
  const base = `/api/programmes/${f.programmeId}`;
  const queries: ViewQuery[] = [
    { name: 'matrix (default columns)', group: 'matrix', url: `${base}/matrix` },
    {
      name: `matrix institutionType=${f.institutionType} + perspective=youth`,
      group: 'matrix',
      url: `${base}/matrix?institutionType=${encodeURIComponent(f.institutionType)}&perspective=youth`,
    },
    {
      name: `segments of frequent code "${f.frequentCode.name}" (${formatInt(f.frequentCode.segments)})`,
      group: 'segments',
      url: `${base}/codes/${f.frequentCode.id}/segments?page=1`,
    },
    {
      name: `segments of rare code "${f.rareCode.name}" (${formatInt(f.rareCode.segments)})`,
      group: 'segments',
      url: `${base}/codes/${f.rareCode.id}/segments?page=1`,
    },
    {
      name: `search q=${searches.frequent} (frequent stem)`,
      group: 'search',
      url: `${base}/search?q=${encodeURIComponent(searches.frequent)}`,
    },
    {
      name: `search q=${searches.rare} (rare word)`,
      group: 'search',
      url: `${base}/search?q=${encodeURIComponent(searches.rare)}`,
    },
    {
      name: `search q=${searches.twoWords} (two words)`,
      group: 'search',
      url: `${base}/search?q=${encodeURIComponent(searches.twoWords)}`,
    },
  ];
  const samples = new Map<string, number[]>(queries.map((q) => [q.name, []]));
  const totals = new Map<string, number>();
  const app = await startServer('app', 'src/server/main.ts', db.appEnv, '/api/health');
  let stoppedEarly = false;
  try {
    const get = async (query: ViewQuery) => {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${app.port}${query.url}`, {
        headers: { cookie },
      });
      const text = await response.text();
      const ms = performance.now() - started;
      if (!response.ok)
        throw new Error(`GET ${query.url}: ${response.status} ${text.slice(0, 300)}`);
      const body = JSON.parse(text) as { total?: number };
      return { ms, total: body.total ?? 0 };
    };
    console.error(`  ${db.kind} coding views: ${queries.length} queries…`);
    for (let i = 0; i < viewSettings.warmupPerQuery; i++)
      for (const query of queries) totals.set(query.name, (await get(query)).total);
    const started = performance.now();
    for (let i = 0; i < viewSettings.samplesPerQuery; i++) {
      for (const query of queries) samples.get(query.name)?.push((await get(query)).ms);
      if (performance.now() - started > viewSettings.budgetMs) {
        stoppedEarly = true;
        console.error(`  ${db.kind} coding views: time budget reached after ${i + 1} rounds`);
        break;
      }
      if ((i + 1) % 20 === 0) console.error(`    ${i + 1} rounds…`);
    }
  } finally {
    await stopProcess(app.process);
  }
  const data: Record<
    string,
    {
      p50: number;
      p95: number;
      max: number;
      total: number;
      samples: number;
      targetMs: number;
      pass: boolean;
    }
  > = {};
  const parts = queries.map((query) => {
    const sorted = [...(samples.get(query.name) ?? [])].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    const target = targetMs[query.group];
    const pass = p95 < target;
    data[query.name] = {
      p50,
      p95,
      max: sorted.at(-1) ?? Number.NaN,
      total: totals.get(query.name) ?? 0,
      samples: sorted.length,
      targetMs: target,
      pass,
    };
    return `${query.name} (${formatInt(totals.get(query.name) ?? 0)} hits): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms — ${pass ? 'PASS' : 'FAIL'} (p95 < ${target} ms)`;
  });
  const rounds = Math.min(...[...samples.values()].map((s) => s.length));
  const dbFacts = databaseFacts(db);
  return {
    id,
    name:
      `coding views as a researcher in all teams, ${label(db.kind)}, ${sizeNote(db)}; ` +
      `${formatInt(f.sources)} transcripts (about ${formatInt(f.words / 1e6)} million words), ${formatInt(f.segments)} coded segments; ` +
      `${dbFacts.text}; one request at a time, ${rounds} per query after ${viewSettings.warmupPerQuery} warm-up, queries in turn` +
      (stoppedEarly ? ` (stopped at the ${viewSettings.budgetMs / 60_000}-minute budget)` : ''),
    result:
      `${parts.join('; ')}; ` +
      `${Object.values(data).filter((d) => d.pass).length} of ${queries.length} PASS` +
      (db.kind === 'pglite' ? ' (the targets are set for PostgreSQL)' : ''),
    command: commandFor(id),
    data: {
      queries: data,
      ...dbFacts.data,
      coding: { ...f, exportCaseIds: f.exportCaseIds.length, synthesis: f.synthesis.programmeId },
      settings: viewSettings,
      rounds,
    },
  };
}

async function exchangeRow(db: Kinded, cookie: string, csrfToken: string): Promise<Row> {
  const id = `qdpx-exchange-${db.kind}` as const;
  const f = facts(db);
  const dir = makeTempDir('ketenlens-bench-qdpx-');
  const file = path.join(dir, 'export.qdpx');
  const exportRuns: { ms: number; bytes: number }[] = [];
  const importRuns: {
    ms: number;
    sources: number;
    segments: number;
    serverDocsPerSecond: number;
    rssBefore: number | null;
    rssPeak: number | null;
  }[] = [];
  let app: Server | undefined;
  try {
    app = await startServer('app', 'src/server/main.ts', db.appEnv, '/api/health');
    const url = `http://127.0.0.1:${app.port}/api/programmes/${f.programmeId}/export.qdpx?caseIds=${f.exportCaseIds.join(',')}`;
    for (let run = 1; run <= exchangeSettings.exportRuns; run++) {
      console.error(`  ${db.kind} qdpx export ${run}: ${f.exportCaseIds.length} cases…`);
      const started = performance.now();
      const response = await fetch(url, { headers: { cookie } });
      if (!response.ok || !response.body)
        throw new Error(`export: ${response.status} ${await response.text()}`);
      const out = fs.createWriteStream(file);
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
        if (!out.write(chunk))
          await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      exportRuns.push({ ms: performance.now() - started, bytes: fs.statSync(file).size });
    }
    const upload = fs.readFileSync(file);
    for (const [k, programmeId] of f.importProgrammeIds.entries()) {
      console.error(
        `  ${db.kind} qdpx import ${k + 1}: ${formatInt(upload.length)} bytes into an empty programme…`,
      );
      const stopWatching = watchRss(app.process.pid);
      const started = performance.now();
      const response = await fetch(
        `http://127.0.0.1:${app.port}/api/programmes/${programmeId}/import`,
        {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/zip' },
          body: upload,
        },
      );
      const text = await response.text();
      const ms = performance.now() - started;
      const rss = stopWatching();
      if (response.status !== 201)
        throw new Error(`import: ${response.status} ${text.slice(0, 500)}`);
      const report = JSON.parse(text) as {
        sources: number;
        segments: number;
        documentsPerSecond: number;
      };
      importRuns.push({
        ms,
        sources: report.sources,
        segments: report.segments,
        serverDocsPerSecond: report.documentsPerSecond,
        rssBefore: rss?.before ?? null,
        rssPeak: rss?.peak ?? null,
      });
    }
  } finally {
    if (app) await stopProcess(app.process);
    removeTempDir(dir);
  }
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const exportMs = summarize(exportRuns.map((r) => r.ms));
  const exportBytes = exportRuns[0]?.bytes ?? 0;
  const exportDocs = f.exportSources;
  const importDocs = summarize(importRuns.map((r) => r.sources / (r.ms / 1000)));
  const serverDocs = summarize(importRuns.map((r) => r.serverDocsPerSecond));
  const peaks = importRuns.flatMap((r) => (r.rssPeak === null ? [] : [r]));
  const memory =
    peaks.length === 0
      ? 'server memory: not measured (no /proc)'
      : `server process RSS before → peak during the import: ${peaks.map((r) => `${mib(r.rssBefore ?? 0)} → ${mib(r.rssPeak ?? 0)}`).join(', ')} (file ${mib(exportBytes)})`;
  const dbFacts = databaseFacts(db);
  return {
    id,
    name:
      `REFI-QDA exchange as a researcher, ${label(db.kind)}, ${sizeNote(db)}; ${dbFacts.text}; ` +
      `export: GET /api/programmes/:id/export.qdpx?caseIds= (${f.exportCaseIds.length} cases, ${formatInt(exportDocs)} transcripts) streamed to a file, ${exchangeSettings.exportRuns} runs; ` +
      `import: POST /api/programmes/:id/import of that file into a new empty programme (researcher in its team), ${exchangeSettings.importRuns} runs, each into its own programme; peak resident memory of the server process sampled every 50 ms`,
    result:
      `export ${formatInt(exportDocs / (exportMs.median / 1000))} docs/s (median ${(exportMs.median / 1000).toFixed(2)} s, range ${(exportMs.min / 1000).toFixed(2)}–${(exportMs.max / 1000).toFixed(2)} s; ${mib(exportBytes)}); ` +
      `import ${formatInt(importDocs.median)} docs/s wall clock (${importRuns.map((r) => `${(r.ms / 1000).toFixed(2)} s for ${formatInt(r.sources)} sources + ${formatInt(r.segments)} segments`).join('; ')}), ` +
      `server's documentsPerSecond ${serverDocs.median.toFixed(1)} (runs ${importRuns.map((r) => r.serverDocsPerSecond.toFixed(1)).join(', ')}); ${memory}`,
    command: commandFor(id),
    data: {
      exportDocs,
      exportBytes,
      exportRuns,
      importRuns,
      ...dbFacts.data,
      settings: exchangeSettings,
    },
  };
}

function skipped(id: CodingId, why: string): Row {
  return {
    id,
    name: id,
    result: `skipped: ${why}`,
    command: commandFor(id),
    data: { skipped: true },
  };
}

async function login(db: SyntheticDatabase) {
  const app = await startServer('app', 'src/server/main.ts', db.appEnv, '/api/health');
  try {
    return await loginWithCsrf(app, db.totpSecret);
  } finally {
    await stopProcess(app.process);
  }
}

export async function runCoding(wanted: ReadonlySet<CodingId>): Promise<Row[]> {
  const rows: Row[] = [];
  for (const kind of ['pglite', 'postgres'] as const) {
    const views = wanted.has(`coding-views-${kind}`);
    const exchange = wanted.has(`qdpx-exchange-${kind}`);
    const synthesis = wanted.has(`synthesis-${kind}`);
    if (!views && !exchange && !synthesis) continue;
    if (kind === 'postgres' && !hasPostgres()) {
      const why = 'PostgreSQL is not installed (apt-get install postgresql)';
      if (views) rows.push(skipped('coding-views-postgres', why));
      if (exchange) rows.push(skipped('qdpx-exchange-postgres', why));
      if (synthesis) rows.push(skipped('synthesis-postgres', why));
      continue;
    }
    // PostgreSQL: one 20,000-case database for every row. PGlite: the coding rows on 1,000 full
    // cases, the synthesis row on its own 20,000 cases with short transcripts (see synthesis.ts).
    const shared = kind === 'postgres' || views || exchange;
    if (shared) {
      const db = await prepareSyntheticDatabase(kind, casesFor[kind], {
        interviews: true,
        extra: codingFacts,
      });
      try {
        const session = await login(db);
        if (views) rows.push(await viewsRow(db, session.cookie));
        if (exchange) rows.push(await exchangeRow(db, session.cookie, session.csrfToken));
        if (synthesis && kind === 'postgres')
          rows.push(await synthesisRow(db, facts(db).synthesis, session.cookie, sizeNote(db)));
      } finally {
        await db.cleanup();
      }
    }
    if (synthesis && kind === 'pglite') {
      const db = await prepareSyntheticDatabase(kind, synthesisPgliteCases, {
        interviews: true,
        shortTranscripts: true,
        extra: async (_database, query) => {
          const [programme] = await query('select id from programmes where name = $1', [
            syntheticProgrammeName,
          ]);
          return synthesisFacts(query, String(programme?.id));
        },
      });
      try {
        const session = await login(db);
        if (!db.extra) throw new Error('synthesis facts missing');
        rows.push(
          await synthesisRow(
            db,
            db.extra,
            session.cookie,
            `${sizeNote(db)}, seeded with --short-transcripts (300–700 words a transcript)`,
          ),
        );
      } finally {
        await db.cleanup();
      }
    }
  }
  return rows;
}
