// Types for the part of autocannon 9's programmatic API the benchmarks use; the package ships none
// and package.json is not ours to extend with @types/autocannon.
declare module 'autocannon' {
  /** A histogram summary as autocannon reports it (hdr-histogram-percentiles-obj). */
  type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  };

  type Result = {
    url: string;
    connections: number;
    /** Seconds the measured phase lasted. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    '2xx': number;
    /** Milliseconds, 1 ms resolution. */
    latency: Histogram;
    /** Requests completed per one-second sample. */
    requests: Histogram & { sent: number };
    throughput: Histogram;
    warmup?: Result;
  };

  type Options = {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    pipelining?: number;
    headers?: Record<string, string>;
    /** Seconds before a request counts as a timeout. */
    timeout?: number;
    warmup?: { connections?: number; duration?: number };
    renderProgressBar?: boolean;
    renderResultsTable?: boolean;
  };

  type Instance = PromiseLike<Result> & {
    stop: () => void;
    on: (event: 'error', listener: (error: Error) => void) => void;
  };

  function autocannon(options: Options): Instance;
  export default autocannon;
}
