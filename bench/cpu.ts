// Measures how busy the machine was, and how much CPU processes outside this benchmark used while a
// row group ran (Linux /proc), so a row measured on a shared, busy machine says so.
// "Ours" is this process plus every process seen in one of the child process groups it started;
// those are sampled every 200 ms, because orphaned grandchildren are not reaped by us.
import fs from 'node:fs';

type SystemTimes = { busy: number; total: number };

function systemTimes(): SystemTimes | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((sum, value) => sum + value, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null; // not Linux
  }
}

/** Fields after "pid (comm)" in /proc/<pid>/stat; index 0 is field 3 (state). */
function statFields(file: string): string[] | null {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // the process exited meanwhile
  }
}

/** utime + stime in clock ticks (the unit of /proc/stat). Field 14 and 15. */
const ownTicks = (fields: readonly string[]) => Number(fields[11] ?? 0) + Number(fields[12] ?? 0);

/** Share of all cores busy (all processes) over sampleMs, in percent; null off Linux. */
export async function cpuBusyPercent(sampleMs = 1_000): Promise<number | null> {
  const before = systemTimes();
  await new Promise((resolve) => setTimeout(resolve, sampleMs));
  const after = systemTimes();
  if (!before || !after || after.total <= before.total) return null;
  return Math.round((100 * (after.busy - before.busy)) / (after.total - before.total));
}

/**
 * Starts watching; the returned function stops and gives the percentage of all cores' time that
 * processes other than ours used meanwhile (null off Linux).
 */
export function watchOtherCpu(groups: () => ReadonlySet<number>): () => number | null {
  const systemBefore = systemTimes();
  const selfBefore = statFields('/proc/self/stat');
  if (!systemBefore || !selfBefore) return () => null;
  // Key: pid and start time (field 22), so a reused pid is a new process.
  const lastTicks = new Map<string, number>();
  const sample = () => {
    const wanted = groups();
    if (wanted.size === 0) return;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = statFields(`/proc/${entry}/stat`);
      if (fields && wanted.has(Number(fields[2]))) {
        lastTicks.set(`${entry}:${fields[19] ?? ''}`, ownTicks(fields));
      }
    }
  };
  const timer = setInterval(sample, 200);
  timer.unref();
  return () => {
    sample();
    clearInterval(timer);
    const systemAfter = systemTimes();
    const selfAfter = statFields('/proc/self/stat');
    if (!systemAfter || !selfAfter || systemAfter.total <= systemBefore.total) return null;
    const children = [...lastTicks.values()].reduce((sum, value) => sum + value, 0);
    const ours = ownTicks(selfAfter) - ownTicks(selfBefore) + children;
    const other = systemAfter.busy - systemBefore.busy - ours;
    return Math.max(0, Math.round((100 * other) / (systemAfter.total - systemBefore.total)));
  };
}
