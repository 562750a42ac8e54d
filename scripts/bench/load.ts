// Drives one URL with autocannon and summarises the run.
//
// autocannon ships no type declarations, so the small part of its API used here is typed below.
// Latency percentiles are computed from every response time recorded through autocannon's `response`
// event rather than read from its result: the result exposes p50/p90/p97.5/p99 (no p95) from an HDR
// histogram that keeps whole milliseconds, which flattens a sub-millisecond baseline to 0 or 1 ms.
import { createRequire } from "node:module";

type Percentiles = { mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p97_5: number; p99: number };

/** The fields of autocannon's result object this script reads (lib/aggregateResult.js). */
export type AutocannonResult = {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  requests: Percentiles & { total: number; sent: number };
  latency: Percentiles & { totalCount: number };
};

type AutocannonOptions = {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  duration: number;
  /** Seconds before a request counts as timed out. */
  timeout?: number;
};

/** What `autocannon(options)` returns without a callback: an event emitter that is also a promise. */
type AutocannonInstance = PromiseLike<AutocannonResult> & {
  on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, milliseconds: number) => void): AutocannonInstance;
  on(event: "reqError", listener: (error: Error) => void): AutocannonInstance;
  stop(): void;
};

const autocannon = createRequire(import.meta.url)("autocannon") as (options: AutocannonOptions) => AutocannonInstance;

export type LoadOptions = {
  url: string;
  method?: string | undefined;
  body?: string | undefined;
  headers?: Record<string, string> | undefined;
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of load before the measured run; its results are discarded. */
  warmup: number;
};

export type LoadResult = {
  requestsPerSecond: number;
  /** Milliseconds. */
  latency: { mean: number; p50: number; p95: number; p99: number; max: number };
  responses: number;
  /** Mean response size on the wire, headers included (bytes). */
  meanBytes: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** autocannon's own p99 (whole milliseconds), kept in the JSON output as a cross-check. */
  autocannonP99: number;
};

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const base: Omit<AutocannonOptions, "duration"> = {
    url: options.url,
    method: options.method ?? "GET",
    headers: options.headers ?? {},
    connections: options.connections,
    timeout: 10,
  };
  if (options.body !== undefined) base.body = options.body;
  if (options.warmup > 0) await autocannon({ ...base, duration: options.warmup });

  const times: number[] = [];
  let bytes = 0;
  const run = autocannon({ ...base, duration: options.duration });
  run.on("response", (_client, _status, size, milliseconds) => {
    times.push(milliseconds);
    bytes += size;
  });
  const result = await run;

  const sorted = Float64Array.from(times).sort();
  return {
    requestsPerSecond: result.requests.mean,
    latency: {
      mean: sorted.length ? times.reduce((sum, t) => sum + t, 0) / sorted.length : Number.NaN,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    },
    responses: sorted.length,
    meanBytes: sorted.length ? bytes / sorted.length : 0,
    errors: result.errors,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    autocannonP99: result.latency.p99,
  };
}

/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
