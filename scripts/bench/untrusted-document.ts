// Does one hostile upload stall the server? Latency of GET /healthz (one database query, no rendering)
// while 4 MB pages of nested <div>s are being imported through POST /articles/new, next to the same
// requests on an idle server (issue 10, finding 2: such a page once blocked its process for minutes).
//
// One import loop per server process keeps an import running at all times (the cluster spreads
// connections over the processes, so each process is, most of the time, reading one such page), while
// /healthz is asked one request after another. Printed: p50/p95/max of each, their ratio to idle, and how
// many imports were refused as too deeply nested. Timings are printed, never asserted.
import { type Column, formatTable } from "./table.ts";

export type HealthUnderImportOptions = {
  origin: string;
  /** A signed-in editor's session, as `name=value`. */
  editorCookie: string;
  /** Server processes (WEB_CONCURRENCY): one import loop each. */
  processes: number;
  /** /healthz requests per phase (default 40). */
  samples?: number;
};

type Latency = { p50: number; p95: number; max: number };
export type HealthUnderImportResult = { idle: Latency; importing: Latency; imports: number; refused: number; importMs: Latency };

/** A page of `bytes` whose body is one chain of nested <div>s around a paragraph. */
function nestedPage(bytes: number): string {
  const levels = Math.floor((bytes - 400) / 11);
  return `<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body>${"<div>".repeat(levels)}<p>Teks.</p>${"</div>".repeat(levels)}</body></html>`;
}

function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  return { p50: at(50), p95: at(95), max: sorted.at(-1) ?? 0 };
}

async function healthSamples(origin: string, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const response = await fetch(`${origin}/healthz`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`/healthz answered ${response.status}`);
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function benchHealthUnderImport(options: HealthUnderImportOptions): Promise<HealthUnderImportResult> {
  const samples = options.samples ?? 40;
  const page = nestedPage(4 * 1024 * 1024);
  await healthSamples(options.origin, 5); // warm-up
  const idle = await healthSamples(options.origin, samples);

  let stop = false;
  let refused = 0;
  const importTimes: number[] = [];
  const importOnce = async () => {
    const form = new FormData();
    form.set("intent", "file");
    form.set("file", new File([page], "bersarang.html", { type: "text/html" }));
    const started = performance.now();
    const response = await fetch(`${options.origin}/articles/new`, {
      method: "POST",
      body: form,
      headers: { Cookie: options.editorCookie, Origin: options.origin, "Accept-Language": "en" },
      redirect: "manual",
    });
    const html = await response.text();
    importTimes.push(performance.now() - started);
    if (response.status === 422 && html.includes('data-error-code="too_deeply_nested"')) refused += 1;
  };
  let first!: () => void;
  const firstSent = new Promise<void>((resolve) => (first = resolve));
  const loops = Array.from({ length: Math.max(1, options.processes) }, async () => {
    first();
    while (!stop) await importOnce();
  });
  await firstSent;
  const importing = await healthSamples(options.origin, samples);
  stop = true;
  await Promise.all(loops);
  return { idle: latency(idle), importing: latency(importing), imports: importTimes.length, refused, importMs: latency(importTimes) };
}

export async function benchHealthUnderImportSection(log: (line: string) => void, options: HealthUnderImportOptions) {
  const result = await benchHealthUnderImport(options);
  log(`GET /healthz while 4 MB nested pages are imported (${options.processes} import loop(s), one per server process), vs. idle:`);
  type Row = { name: string; latency: Latency; ratio: string };
  const columns: Column<Row>[] = [
    { header: "phase", align: "left", value: (row) => row.name },
    { header: "p50 ms", align: "right", value: (row) => row.latency.p50.toFixed(1) },
    { header: "p95 ms", align: "right", value: (row) => row.latency.p95.toFixed(1) },
    { header: "max ms", align: "right", value: (row) => row.latency.max.toFixed(1) },
    { header: "p95 / idle", align: "right", value: (row) => row.ratio },
  ];
  log(
    formatTable(columns, [
      { name: "/healthz, idle", latency: result.idle, ratio: "1.0" },
      { name: "/healthz, importing", latency: result.importing, ratio: (result.importing.p95 / Math.max(0.001, result.idle.p95)).toFixed(1) },
      { name: `the imports (${result.refused}/${result.imports} refused as too deep)`, latency: result.importMs, ratio: "" },
    ]),
  );
  return result;
}
