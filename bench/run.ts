// Entry point of `npm run bench`: runs the benchmark rows (all, or those named with --only), prints
// a markdown table on stdout (progress goes to stderr) and optionally writes JSON (--json <file>).
import { parseArgs } from 'node:util';
import {
  coldStartIds,
  runColdStart,
  runWebBuild,
  webBuildId,
  type ColdStartId,
} from './cold-start';
import { cleanupAll, installCleanupHandlers, liveGroups, wasInterrupted } from './processes';
import { cpuBusyPercent, watchOtherCpu } from './cpu';
import { describeMachine, machineLines, markdownTable, writeJson, type Row } from './report';
import { runThroughput, throughputIds, type ThroughputId } from './throughput';
import { loggedReadIds, runLoggedRead, type LoggedReadId } from './logged-read';
import { runSynthetic, syntheticIds, type SyntheticId } from './synthetic';
import { serverGroups } from './server-groups';
import { runTimelineRender, timelineRenderIds } from './timeline-render-row';
import { codingIds, runCoding, type CodingId } from './coding';
import { monitoringIds, runMonitoring, type MonitoringId } from './monitoring';

const allIds: readonly string[] = [
  ...throughputIds,
  ...coldStartIds,
  webBuildId,
  ...loggedReadIds,
  ...syntheticIds,
  ...timelineRenderIds,
  ...codingIds,
  ...monitoringIds,
];

const usage = `Usage: npm run bench [-- [--only <id>[,<id>…]] [--json <file>]]

Rows (ids): ${allIds.join(', ')}
  --only <id>   run only these rows (repeatable or comma-separated)
  --json <file> also write the results as JSON`;

function parseCommandLine(): { only: Set<string>; json: string | undefined } {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const only = new Set((values.only ?? []).flatMap((value) => value.split(',')).filter(Boolean));
  for (const id of only) {
    if (!allIds.includes(id)) throw new Error(`unknown row "${id}".\n\n${usage}`);
  }
  return { only: only.size ? only : new Set(allIds), json: values.json };
}

function pick<T extends string>(ids: readonly T[], wanted: ReadonlySet<string>): Set<T> {
  return new Set(ids.filter((id) => wanted.has(id)));
}

/** Runs one row group and appends to each row how much CPU other processes used meanwhile. */
async function withOtherCpu(run: () => Promise<Row[]>): Promise<Row[]> {
  // A database server the rows started (pg_ctl detaches it) counts as ours too.
  const stop = watchOtherCpu(() => new Set([...liveGroups(), ...serverGroups()]));
  const rows = await run();
  const other = stop();
  const note =
    other === null
      ? ''
      : other >= 10
        ? `; WARNING: other processes used ${other}% of the CPU meanwhile`
        : `; other processes: ${other}% CPU`;
  return rows.map((row) => ({
    ...row,
    result: row.result + note,
    data: { ...row.data, otherProcessesCpuPercent: other },
  }));
}

async function main() {
  const { only, json } = parseCommandLine();
  installCleanupHandlers();
  const startedAt = new Date().toISOString();
  const machine = await describeMachine();
  const rows: Row[] = [];

  const throughput = pick<ThroughputId>(throughputIds, only);
  if (throughput.size) {
    console.error(`Throughput (${[...throughput].join(', ')}):`);
    rows.push(...(await withOtherCpu(() => runThroughput(throughput))));
  }
  const coldStart = pick<ColdStartId>(coldStartIds, only);
  if (coldStart.size) {
    console.error(`Cold start (${[...coldStart].join(', ')}):`);
    rows.push(...(await withOtherCpu(() => runColdStart(coldStart))));
  }
  if (only.has(webBuildId)) {
    console.error('Web build:');
    rows.push(...(await withOtherCpu(runWebBuild)));
  }
  const loggedRead = pick<LoggedReadId>(loggedReadIds, only);
  if (loggedRead.size) {
    console.error(`Access-logged read (${[...loggedRead].join(', ')}):`);
    rows.push(...(await withOtherCpu(() => runLoggedRead(loggedRead))));
  }
  const synthetic = pick<SyntheticId>(syntheticIds, only);
  if (synthetic.size) {
    console.error(`Synthetic cases (${[...synthetic].join(', ')}):`);
    rows.push(...(await withOtherCpu(() => runSynthetic(synthetic))));
  }

  if (only.has('timeline-render')) {
    console.error('Timeline page in Chromium (timeline-render):');
    rows.push(...(await withOtherCpu(runTimelineRender)));
  }
  const coding = pick<CodingId>(codingIds, only);
  if (coding.size) {
    console.error(`Interviews and coding (${[...coding].join(', ')}):`);
    rows.push(...(await withOtherCpu(() => runCoding(coding))));
  }
  const monitoring = pick<MonitoringId>(monitoringIds, only);
  if (monitoring.size) {
    console.error(`Access-table monitoring (${[...monitoring].join(', ')}):`);
    rows.push(...(await withOtherCpu(() => runMonitoring(monitoring))));
  }

  const cpuBusyAfterPercent = await cpuBusyPercent();
  console.log(`${machineLines(machine, cpuBusyAfterPercent)}\n\n${markdownTable(rows)}`);
  if (json) {
    const finishedAt = new Date().toISOString();
    const file = writeJson(json, { startedAt, finishedAt, machine, cpuBusyAfterPercent, rows });
    console.error(`JSON written to ${file}`);
  }
}

main()
  .then(() => cleanupAll())
  .catch(async (error: unknown) => {
    if (wasInterrupted()) return; // the signal handler is cleaning up and will exit
    console.error('bench failed:', error instanceof Error ? error.message : error);
    await cleanupAll();
    process.exitCode = 1;
  });
