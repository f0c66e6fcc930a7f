// Benchmark rows and their output: the markdown table printed on stdout, the machine description,
// and the optional JSON file (--json).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuBusyPercent } from './cpu';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type Row = {
  id: string;
  name: string;
  /** Human-readable figures with units, as shown in the table. */
  result: string;
  /** The exact command that reproduces this row alone. */
  command: string;
  /** The raw figures behind `result`, for the JSON output. */
  data: { [key: string]: JsonValue };
};

export const commandFor = (id: string) => `npm run bench -- --only ${id}`;

export type Machine = {
  nproc: number;
  cpuModel: string;
  memory: string;
  node: string;
  platform: string;
  loadAverage: number[];
  /** Share of all cores busy during a 1 s sample just before the run (null off Linux). */
  cpuBusyBeforePercent: number | null;
};

export async function describeMachine(): Promise<Machine> {
  let memory: string;
  try {
    memory = execFileSync('free', ['-h'], { encoding: 'utf8', timeout: 5_000 }).trim();
  } catch {
    memory = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total (free -h unavailable)`;
  }
  return {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memory,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
    cpuBusyBeforePercent: await cpuBusyPercent(),
  };
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| id | Benchmark | Result | Reproduce |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.id} | ${escapeCell(row.name)} | ${escapeCell(row.result)} | \`${row.command}\` |`,
    ),
  ];
  return lines.join('\n');
}

export function machineLines(machine: Machine, cpuBusyAfterPercent: number | null): string {
  const totalMemory = machine.memory.split('\n')[1]?.trim().split(/\s+/)[1];
  const busy = (value: number | null) => (value === null ? 'unknown' : `${value}%`);
  const lines = [
    `Machine: ${machine.nproc} cores (${machine.cpuModel}), ${totalMemory ?? '?'} RAM, ` +
      `Node ${machine.node}, ${machine.platform}.`,
    `Other load: CPU busy ${busy(machine.cpuBusyBeforePercent)} just before the run and ` +
      `${busy(cpuBusyAfterPercent)} just after it (1 s samples, all cores); ` +
      `load average at start ${machine.loadAverage.join(' ')}.`,
    'Noise between runs on this kind of VM is about ±20%; compare ratios measured in the same run.',
  ];
  const worst = Math.max(machine.cpuBusyBeforePercent ?? 0, cpuBusyAfterPercent ?? 0);
  if (worst >= 15) {
    lines.push(
      `WARNING: other processes kept the CPU ${worst}% busy around this run; figures are likely ` +
        'too slow. Re-run on a quiet machine.',
    );
  }
  return lines.join('\n');
}

export function writeJson(
  file: string,
  report: {
    startedAt: string;
    finishedAt: string;
    machine: Machine;
    cpuBusyAfterPercent: number | null;
    rows: readonly Row[];
  },
) {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${JSON.stringify(report, null, 2)}\n`);
  return target;
}
