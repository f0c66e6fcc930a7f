// Rows on access-table monitoring, on a synthetic database (bench/synthetic-db.ts: 200 cases
// without interviews, plus what `npm run seed:synthetic` makes once per database: one access
// table per region with three years of registrations, about 120 per region per quarter, scaled
// per region). As the bench researcher, made a member of the table of the region with the most
// registrations (researchers read every region's report; the register only as a member):
//
// - monitoring-*: the quarterly report of the largest region for the last complete quarter,
//   generated as the screen's figures (JSON), PDF, DOCX and XLSX (target from the issue: under
//   2 s on PostgreSQL for generation, taken as the PDF and the DOCX, each p95); and the register
//   list p50/p95: page 1, page 1 filtered on "no fitting offer" in the quarter, and page 40.
//   One request at a time over HTTP against the app, as someone clicking through.
import type { Database } from '../src/server/db/connect';
import { stopProcess } from './processes';
import { commandFor, type JsonValue, type Row } from './report';
import { formatInt } from './stats';
import { databaseFacts, loginWithCsrf, percentile, startServer } from './synthetic';
import {
  benchResearcher,
  hasPostgres,
  prepareSyntheticDatabase,
  type Kind,
  type Query,
} from './synthetic-db';

export const monitoringIds = ['monitoring-pglite', 'monitoring-postgres'] as const;
export type MonitoringId = (typeof monitoringIds)[number];

const cases = 200;
const settings = {
  reportWarmup: 2,
  reportSamples: 15,
  listWarmup: 3,
  listSamples: 100,
  budgetMs: 8 * 60_000,
};
const reportTargetMs = 2000;

const label = (kind: Kind) => (kind === 'pglite' ? 'PGlite' : 'PostgreSQL (throwaway cluster)');

type MonitoringFacts = {
  regionCode: string;
  regionName: string;
  registrations: number;
  inQuarter: number;
  quarter: string;
  quarterFrom: string;
  quarterTo: string;
  allRegistrations: number;
  regions: number;
};

/** The last complete quarter before today, as 'YYYY-Qn' with its first and last day. */
function lastCompleteQuarter(today: Date): { quarter: string; from: string; to: string } {
  const year = today.getUTCFullYear();
  const current = Math.floor(today.getUTCMonth() / 3) + 1;
  const [y, q] = current === 1 ? [year - 1, 4] : [year, current - 1];
  const from = `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10);
  return { quarter: `${y}-Q${q}`, from, to: end };
}

async function monitoringFacts(_database: Database, query: Query): Promise<MonitoringFacts> {
  const { quarter, from, to } = lastCompleteQuarter(new Date());
  const [largest] = await query(
    `select a.region_code, r.name, count(*)::int as n,
        count(*) filter (where a.discussed_on between $1::date and $2::date)::int as q
      from access_registrations a join regions r on r.code = a.region_code
      where a.deleted_at is null
      group by a.region_code, r.name order by count(*) desc, a.region_code limit 1`,
    [from, to],
  );
  if (!largest) throw new Error('the synthetic database has no access-table registrations');
  const [all] = await query(
    'select count(*)::int as n, count(distinct region_code)::int as regions from access_registrations',
  );
  const [researcher] = await query('select id from users where email = $1', [
    benchResearcher.email,
  ]);
  await query(
    `insert into access_table_members (table_id, user_id)
      select t.id, $2 from access_tables t where t.region_code = $1`,
    [largest.region_code, researcher?.id],
  );
  return {
    regionCode: String(largest.region_code),
    regionName: String(largest.name),
    registrations: Number(largest.n),
    inQuarter: Number(largest.q),
    quarter,
    quarterFrom: from,
    quarterTo: to,
    allRegistrations: Number(all?.n),
    regions: Number(all?.regions),
  };
}

type Probe = { name: string; url: string; kind: 'report' | 'list'; target: number | null };

async function monitoringRow(kind: Kind): Promise<Row> {
  const id = `monitoring-${kind}` as const;
  const db = await prepareSyntheticDatabase(kind, cases, {
    interviews: false,
    extra: monitoringFacts,
  });
  try {
    const f = db.extra!;
    const region = `/api/access-regions/${f.regionCode}`;
    const probes: Probe[] = [
      {
        name: 'report (figures, JSON)',
        url: `${region}/report?quarter=${f.quarter}`,
        kind: 'report',
        target: null,
      },
      {
        name: 'report PDF',
        url: `${region}/report.pdf?quarter=${f.quarter}`,
        kind: 'report',
        target: reportTargetMs,
      },
      {
        name: 'report DOCX',
        url: `${region}/report.docx?quarter=${f.quarter}`,
        kind: 'report',
        target: reportTargetMs,
      },
      {
        name: 'report XLSX',
        url: `${region}/report.xlsx?quarter=${f.quarter}`,
        kind: 'report',
        target: null,
      },
      {
        name: 'register page 1',
        url: `${region}/registrations?page=1`,
        kind: 'list',
        target: null,
      },
      {
        name: 'register "no fitting offer" in the quarter',
        url: `${region}/registrations?page=1&outcome=no_fitting_offer&from=${f.quarterFrom}&to=${f.quarterTo}`,
        kind: 'list',
        target: null,
      },
      {
        name: 'register page 40',
        url: `${region}/registrations?page=40`,
        kind: 'list',
        target: null,
      },
    ];
    const app = await startServer('app', 'src/server/main.ts', db.appEnv, '/api/health');
    const samples = new Map<string, number[]>(probes.map((p) => [p.name, []]));
    const bytes = new Map<string, number>();
    let stoppedEarly = false;
    try {
      const { cookie } = await loginWithCsrf(app, db.totpSecret);
      const get = async (probe: Probe) => {
        const started = performance.now();
        const response = await fetch(`http://127.0.0.1:${app.port}${probe.url}`, {
          headers: { cookie },
        });
        const body = Buffer.from(await response.arrayBuffer());
        const ms = performance.now() - started;
        if (!response.ok)
          throw new Error(`GET ${probe.url}: ${response.status} ${body.toString().slice(0, 300)}`);
        bytes.set(probe.name, body.length);
        return ms;
      };
      console.error(`  ${kind} monitoring: ${probes.length} requests in turn…`);
      const started = performance.now();
      for (const probe of probes) {
        const warmup = probe.kind === 'report' ? settings.reportWarmup : settings.listWarmup;
        for (let i = 0; i < warmup; i++) await get(probe);
      }
      const rounds = Math.max(settings.reportSamples, settings.listSamples);
      for (let i = 0; i < rounds; i++) {
        for (const probe of probes) {
          const wanted = probe.kind === 'report' ? settings.reportSamples : settings.listSamples;
          if (i < wanted) samples.get(probe.name)?.push(await get(probe));
        }
        if (performance.now() - started > settings.budgetMs) {
          stoppedEarly = true;
          break;
        }
      }
    } finally {
      await stopProcess(app.process);
    }
    const data: Record<string, JsonValue> = {};
    const parts = probes.map((probe) => {
      const sorted = [...(samples.get(probe.name) ?? [])].sort((a, b) => a - b);
      const p50 = percentile(sorted, 50);
      const p95 = percentile(sorted, 95);
      const pass = probe.target === null ? null : p95 < probe.target;
      data[probe.name] = {
        p50,
        p95,
        max: sorted.at(-1) ?? Number.NaN,
        samples: sorted.length,
        bytes: bytes.get(probe.name) ?? 0,
        targetMs: probe.target,
        pass,
      };
      const verdict =
        pass === null ? '' : ` — ${pass ? 'PASS' : 'FAIL'} (p95 < ${probe.target} ms)`;
      return `${probe.name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms${verdict}`;
    });
    const facts = databaseFacts(db);
    return {
      id,
      name:
        `access-table monitoring, ${label(kind)}: region ${f.regionCode} (${f.regionName}) with ` +
        `${formatInt(f.registrations)} registrations over three years, ${formatInt(f.inQuarter)} in ${f.quarter}; ` +
        `${formatInt(f.allRegistrations)} registrations in ${f.regions} regions; ${facts.text}; ` +
        `one request at a time, reports ${settings.reportSamples}× and lists ${settings.listSamples}× after warm-up` +
        (stoppedEarly ? ` (stopped at the ${settings.budgetMs / 60_000}-minute budget)` : ''),
      result:
        parts.join('; ') + (kind === 'pglite' ? ' (the 2 s target is set for PostgreSQL)' : ''),
      command: commandFor(id),
      data: { probes: data, facts: f, ...facts.data, settings },
    };
  } finally {
    await db.cleanup();
  }
}

export async function runMonitoring(wanted: ReadonlySet<MonitoringId>): Promise<Row[]> {
  const rows: Row[] = [];
  for (const kind of ['pglite', 'postgres'] as const) {
    const id = `monitoring-${kind}` as const;
    if (!wanted.has(id)) continue;
    if (kind === 'postgres' && !hasPostgres()) {
      rows.push({
        id,
        name: id,
        result: 'skipped: PostgreSQL is not installed (apt-get install postgresql)',
        command: commandFor(id),
        data: { skipped: true },
      });
      continue;
    }
    rows.push(await monitoringRow(kind));
  }
  return rows;
}
