// Article import throughput: how many URL imports per second `draftFromUrl` manages end to end — safe
// fetch over loopback (address checks, pinned connection, size-limited body), charset decoding,
// linkedom + Readability extraction, normalisation and language detection — with no database.
//
// A local node:http server on 127.0.0.1 serves the realistic Indonesian news page
// (tests/fixtures/pages/tribunnews-kursk.html, gzip-compressed like a real site) and only that server's
// exact host:port is put on safeFetch's allow-list. After a short warm-up that is thrown away, it
// measures N sequential imports, then M imports with C in flight at once, and reports imports/s and
// p50/p95/max latency per phase. Timings are printed by the caller, never asserted here.
//
// Used by scripts/bench.ts: `const result = await benchImport({ sequential: 50, concurrent: 200, concurrency: 8 })`.
// Also runnable on its own: `npx tsx scripts/bench/import.ts [sequential] [concurrent] [concurrency]`.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Column, formatTable } from "./table.ts";
import { gzipSync } from "node:zlib";
import { draftFromUrl } from "../../app/articles/import/url.server.ts";

export type ImportBenchOptions = {
  /** Imports one after another (default 50). */
  sequential?: number;
  /** Imports in the concurrent phase (default 200). */
  concurrent?: number;
  /** Imports in flight at once in the concurrent phase (default 8). */
  concurrency?: number;
  /** Unrecorded imports before measuring (default 10). */
  warmup?: number;
  /** HTML page to serve (default the Tribunnews fixture page). */
  pagePath?: string;
};

export type ImportPhaseResult = {
  imports: number;
  concurrency: number;
  failures: number;
  seconds: number;
  importsPerSecond: number;
  /** Milliseconds per import. */
  latency: { mean: number; p50: number; p95: number; max: number };
};

export type ImportBenchResult = {
  page: string;
  /** Size of the page as served (gzip) and after decompression. */
  pageBytes: { wire: number; html: number };
  paragraphs: number;
  sequential: ImportPhaseResult;
  concurrent: ImportPhaseResult;
};

const root = path.resolve(import.meta.dirname, "../..");
const defaultPage = path.join(root, "tests/fixtures/pages/tribunnews-kursk.html");

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

async function runPhase(url: string, allowed: string[], imports: number, concurrency: number): Promise<ImportPhaseResult> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < imports) {
      next += 1;
      const t0 = performance.now();
      try {
        await draftFromUrl(url, { allowedPrivateHosts: allowed });
        latencies.push(performance.now() - t0);
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, imports)) }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.toSorted((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    imports,
    concurrency,
    failures,
    seconds: round(seconds),
    importsPerSecond: round(latencies.length / seconds),
    latency: {
      mean: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)),
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      max: round(sorted.at(-1) ?? 0),
    },
  };
}

/** Starts a local server with the fixture page, measures draftFromUrl, stops the server. */
export async function benchImport(options: ImportBenchOptions = {}): Promise<ImportBenchResult> {
  const { sequential = 50, concurrent = 200, concurrency = 8, warmup = 10, pagePath = defaultPage } = options;
  const html = await readFile(pagePath);
  const gzipped = gzipSync(html);
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Encoding": "gzip",
      "Content-Length": gzipped.length,
    });
    response.end(gzipped);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/berita/kursk`;
    const allowed = [`127.0.0.1:${port}`];
    const check = await draftFromUrl(url, { allowedPrivateHosts: allowed }); // fails loudly if the page does not import
    if (warmup > 0) await runPhase(url, allowed, warmup, 1);
    const sequentialResult = await runPhase(url, allowed, sequential, 1);
    const concurrentResult = await runPhase(url, allowed, concurrent, concurrency);
    return {
      page: path.relative(root, pagePath),
      pageBytes: { wire: gzipped.length, html: html.length },
      paragraphs: check.body.split("\n\n").length,
      sequential: sequentialResult,
      concurrent: concurrentResult,
    };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [sequential, concurrent, concurrency] = process.argv.slice(2).map(Number);
  const result = await benchImport({
    sequential: sequential || undefined,
    concurrent: concurrent || undefined,
    concurrency: concurrency || undefined,
  });
  console.log(JSON.stringify(result, null, 2));
}

/** Runs the import benchmark and prints its table through `log` (a section of `npm run bench`). */
export async function benchImportSection(log: (line: string) => void = console.log, options: ImportBenchOptions = {}) {
  const result = await benchImport(options);
  log(`URL import throughput (draftFromUrl: safe fetch + extraction of ${result.page}, ${result.paragraphs} paragraphs, ${result.pageBytes.wire} bytes gzipped):`);
  const columns: Column<ImportPhaseResult & { name: string }>[] = [
    { header: "phase", value: (row) => row.name },
    { header: "imports", align: "right", value: (row) => String(row.imports) },
    { header: "imports/s", align: "right", value: (row) => row.importsPerSecond.toFixed(1) },
    { header: "p50 ms", align: "right", value: (row) => row.latency.p50.toFixed(1) },
    { header: "p95 ms", align: "right", value: (row) => row.latency.p95.toFixed(1) },
    { header: "failures", align: "right", value: (row) => String(row.failures) },
  ];
  log(formatTable(columns, [
    { name: "one at a time", ...result.sequential },
    { name: `${result.concurrent.concurrency} at once`, ...result.concurrent },
  ]));
  return result;
}
