// Small statistics and formatting helpers shared by the benchmarks: median and range of a few
// samples, and number formatting for the markdown table.

export type Summary = { samples: number[]; median: number; min: number; max: number };

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { samples: [...samples], median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 };
}

export function formatInt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Milliseconds as seconds with two decimals, without unit. */
export function formatSecondsValue(ms: number): string {
  return (ms / 1000).toFixed(2);
}

export function formatSeconds(ms: number): string {
  return `${formatSecondsValue(ms)} s`;
}

/** autocannon latencies have 1 ms resolution: 0 means under 1 ms. */
export function formatLatency(ms: number): string {
  if (ms === 0) return '<1 ms';
  return `${Number.isInteger(ms) ? ms : ms.toFixed(1)} ms`;
}

/** "median X unit (range A–B)". */
export function medianAndRange(
  summary: Summary,
  format: (value: number) => string,
  unit: string,
): string {
  return `median ${format(summary.median)} ${unit} (range ${format(summary.min)}–${format(summary.max)})`;
}
