// Resident memory of a child process group (Linux /proc), sampled while something runs: to show
// that a server handles a large upload or download without holding all of it in memory.
import fs from 'node:fs';

/** Resident set size in bytes of every process in the group, by pid (empty off Linux). */
export function groupRss(pgid: number): Map<number, number> {
  const out = new Map<number, number>();
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (group !== pgid) continue;
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      if (kb) out.set(Number(entry), Number(kb) * 1024);
    } catch {
      // The process exited meanwhile.
    }
  }
  return out;
}

export type RssPeak = {
  /** Largest single process of the group just before, and its peak meanwhile (bytes). */
  before: number;
  peak: number;
  samples: number;
};

/**
 * Samples the group's largest process every intervalMs until the returned function is called.
 * The largest process of the app's group is the Node server (tsx's own launcher is small).
 */
export function watchRss(pgid: number, intervalMs = 50): () => RssPeak | null {
  const largest = () => Math.max(0, ...groupRss(pgid).values());
  const before = largest();
  if (before === 0) return () => null;
  let peak = before;
  let samples = 1;
  const timer = setInterval(() => {
    peak = Math.max(peak, largest());
    samples += 1;
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    peak = Math.max(peak, largest());
    return { before, peak, samples: samples + 1 };
  };
}
