// `npm run bench`: how fast does the production server answer, next to the fastest this machine can answer?
//
// Builds for production, starts the server (scripts/start.ts, in a child process) on a throwaway database,
// signs in once as the demo administrator, and drives each scenario below with autocannon over loopback:
// a warm-up that is thrown away, then a measured run. Each row reports requests/s, latency p50/p95/p99,
// errors and non-2xx answers, and its ratio to the baseline row measured in the same run: a bare
// `node:http` server (scripts/bench/baseline-server.ts, also a child process) answering a fixed 8 KB page.
// autocannon runs in this process, so load generator and servers never share an event loop.
//
// First, a pure-function section times claim suggestions in this process (scripts/bench/suggest.ts).
// Then "checked before?" matching on 100,000 invented ClaimReviews, beside a lookup by URL (scripts/bench/match.ts;
// skipped with --embedded). Last, /healthz latency while 4 MB nested pages are being imported, vs. idle (scripts/bench/untrusted-document.ts).
//
// Timings are printed, never asserted: they depend on the machine, its other load and the database, so a
// threshold would either fail at random or be too loose to mean anything. The baseline ratio is the number
// to compare across machines and over time; the raw numbers are also written as JSON to the temp folder.
//
// Options:   --connections N (-c)  concurrent connections per scenario (default 10)
//            --duration S (-d)     measured seconds per scenario (default 10; 3 with --quick)
//            --warmup S            unrecorded seconds before each scenario (default 2)
//            --quick               short runs (also BENCH_QUICK=1)
//            --skip-build          use the existing build/ instead of running `npm run build`
//            --embedded            force the embedded PGlite database
//            --only untrusted-document   only the last section (/healthz while nested pages are imported)
//            --only match          only "Checked before?" (matchClaim at 100,000 known ClaimReviews)
// Database:  BENCH_DATABASE_URL (existing, migrated), else a throwaway database on the local PostgreSQL
//            server (BENCH_PG_ADMIN_URL, default postgresql://root@127.0.0.1:5432/postgres), else PGlite.
//            See scripts/bench/database.ts.
//
// Adding a row: add an entry to `scenarios()`. It is checked (expected status) before it is measured, and
// the table and the JSON pick it up.
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareDatabase } from "./bench/database.ts";
import { runLoad, type LoadResult } from "./bench/load.ts";
import { archiveSize, fillArchive } from "./bench/articles.ts";
import { prepareBoard } from "./bench/board.ts";
import { benchImportSection } from "./bench/import.ts";
import { benchMatch } from "./bench/match.ts";
import { benchSuggestions } from "./bench/suggest.ts";
import { benchHealthUnderImportSection } from "./bench/untrusted-document.ts";
import { sampleFactCheckSlug } from "../app/demo/published.ts";
import { indent, runCommand, startServer, type ServerProcess } from "./bench/processes.ts";
import { formatTable, type Column } from "./bench/table.ts";
import { freePort } from "./free-port.ts";

const root = path.resolve(import.meta.dirname, "..");
const demoLogin = { email: "admin@example.org", password: "factdesk-demo" };
const sessionCookieName = "factdesk_session";

/** Sections that can be run alone (--only). */
const sections = ["untrusted-document", "match"] as const;
type Section = (typeof sections)[number];

type Options = { connections: number; duration: number; warmup: number; quick: boolean; skipBuild: boolean; embedded: boolean; only: Section | null };

/** What the scenarios may use: the app's origin and the signed-in session, as a `Cookie` header value. */
type Context = {
  origin: string;
  sessionCookie: string;
  editorCookie: string;
  deepCursor: string | null;
  boardArticleId: string | null;
  /** The demo's published fact-check and its current ETag. */
  factCheck: { path: string; etag: string };
};

/** What a browser sends: the public page is answered pre-compressed. */
const browserEncoding = "gzip, deflate, br";

type Scenario = {
  name: string;
  /** Which server answers: the Factdesk production server or the bare node:http baseline. */
  target: "app" | "baseline";
  path: string;
  /** Default GET. Requests other than GET/HEAD need an `Origin` header: `{ Origin: context.origin }`. */
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  /** Default: the --connections / --duration options. */
  connections?: number;
  duration?: number;
  /** Checked once before measuring; default 200. */
  expectStatus?: number;
};

/** The rows of the report, in the order they run. Ratios refer to the nearest `baseline` row above. */
function scenarios(context: Context): Scenario[] {
  return [
    { name: "baseline: node:http, fixed page", target: "baseline", path: "/" },
    { name: "GET /login (anonymous)", target: "app", path: "/login" },
    { name: "GET /dashboard (signed in)", target: "app", path: "/dashboard", headers: { Cookie: context.sessionCookie } },
    ...(context.deepCursor
      ? ([
          { name: `GET /articles (${archiveSize / 1000}k articles, page 1)`, target: "app", path: "/articles", headers: { Cookie: context.editorCookie } },
          { name: "GET /articles (deep keyset page)", target: "app", path: `/articles?after=${context.deepCursor}`, headers: { Cookie: context.editorCookie } },
          { name: "GET /articles?q=banjir (title search)", target: "app", path: "/articles?q=banjir", headers: { Cookie: context.editorCookie } },
        ] satisfies Scenario[])
      : []),
    ...(context.boardArticleId
      ? ([
          {
            // Exactly the request a browser makes when it opens the board from another desk page: the board's own
            // loader only (the root and desk loaders keep their data on client navigation).
            name: "board loader (300 claims, 20 reviewers), 20 conn.",
            target: "app",
            path: `/articles/${context.boardArticleId}/board.data?_routes=${encodeURIComponent("routes/articles.$articleId.board")}`,
            headers: { Cookie: context.editorCookie },
            connections: 20,
          },
          {
            name: "board data, all loaders (a reload), 20 conn.",
            target: "app",
            path: `/articles/${context.boardArticleId}/board.data`,
            headers: { Cookie: context.editorCookie },
            connections: 20,
          },
          {
            name: "board page, rendered, 20 conn.",
            target: "app",
            path: `/articles/${context.boardArticleId}/board`,
            headers: { Cookie: context.editorCookie },
            connections: 20,
          },
        ] satisfies Scenario[])
      : []),
    // Readers in a spike: the published page (target: 10% of the baseline's req/s or more, p99 under 50 ms),
    // beside a baseline measured at the same 50 connections.
    { name: "baseline: node:http, fixed page, 50 conn.", target: "baseline", path: "/", connections: 50 },
    {
      name: "GET public fact-check (anonymous, br), 50 conn.",
      target: "app",
      path: context.factCheck.path,
      headers: { "Accept-Encoding": browserEncoding },
      connections: 50,
    },
    {
      name: "GET public fact-check, If-None-Match → 304, 50 conn.",
      target: "app",
      path: context.factCheck.path,
      headers: { "Accept-Encoding": browserEncoding, "If-None-Match": context.factCheck.etag },
      connections: 50,
      expectStatus: 304,
    },
  ];
}

type Row = { scenario: Scenario; url: string; connections: number; duration: number; result: LoadResult };

// ---------------------------------------------------------------------------------------------------------

const cleanups: Array<() => Promise<void>> = [];
let cleaning: Promise<void> | undefined;
let interrupted = false;

/** Registers an undo step; they run last-registered first. */
function onCleanup(task: () => Promise<void>) {
  if (cleaning) void task().catch(reportCleanupError);
  else cleanups.push(task);
}

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (let task = cleanups.pop(); task; task = cleanups.pop()) await task().catch(reportCleanupError);
  })();
  return cleaning;
}

function reportCleanupError(error: unknown) {
  console.error(`Cleanup step failed: ${error instanceof Error ? error.message : String(error)}`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal} received: stopping the servers and cleaning up…`);
    void cleanup().finally(() => process.exit(130));
  });
}

function log(line: string) {
  console.log(line);
}

function readOptions(): Options {
  const usage = `Usage: npm run bench -- [--quick] [--connections N] [--duration S] [--warmup S] [--skip-build] [--embedded] [--only ${sections.join("|")}]`;
  const parse = () =>
    parseArgs({
      options: {
        connections: { type: "string", short: "c" },
        duration: { type: "string", short: "d" },
        warmup: { type: "string" },
        quick: { type: "boolean" },
        "skip-build": { type: "boolean" },
        embedded: { type: "boolean" },
        only: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse().values;
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (values.only !== undefined && !(sections as readonly string[]).includes(values.only)) throw new Error(`--only must be one of ${sections.join(", ")}, got "${values.only}".\n${usage}`);
  const quick = Boolean(values.quick) || ["1", "true"].includes(process.env.BENCH_QUICK ?? "");
  const number = (name: string, raw: string | undefined, fallback: number, min: number) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number ≥ ${min}, got "${raw}".`);
    return value;
  };
  return {
    connections: Math.round(number("connections", values.connections, 10, 1)),
    duration: number("duration", values.duration, quick ? 3 : 10, 1),
    warmup: number("warmup", values.warmup, 2, 0),
    quick,
    skipBuild: Boolean(values["skip-build"]),
    embedded: Boolean(values.embedded),
    only: (values.only as Section | undefined) ?? null,
  };
}

async function main() {
  const options = readOptions();
  const cpus = os.cpus();
  log(`Factdesk benchmark — Node ${process.version}, ${cpus[0]?.model.trim() ?? "unknown CPU"} × ${cpus.length}, ${os.platform()} ${os.release()}`);
  log(`Each scenario: ${options.warmup} s warm-up (not recorded), then ${options.duration} s with ${options.connections} connections.\n`);
  if (!options.only) {
    await benchSuggestions(log);
    log("");
    await benchImportSection(log, options.quick ? { sequential: 20, concurrent: 40 } : {});
    log("");
  }
  if (!options.only || options.only === "match") {
    if (options.embedded) log("Checked before? skipped: it needs a PostgreSQL server for its throwaway database.");
    else await benchMatch(log);
    log("");
    if (options.only === "match") return;
  }

  if (!options.skipBuild) {
    const buildStarted = Date.now();
    log("Building for production (npm run build)…");
    await runCommand({ command: process.platform === "win32" ? "npm.cmd" : "npm", args: ["run", "build"], cwd: root });
    log(`Built in ${((Date.now() - buildStarted) / 1000).toFixed(1)} s.`);
  }

  const database = await prepareDatabase({ forceEmbedded: options.embedded, log });
  onCleanup(() => database.dispose()); // registered first, so it runs after the server has stopped
  log(`Database: ${database.description}`);

  const tsx = (script: string) => ({ command: process.execPath, args: ["--import", "tsx", script], cwd: root });
  const baseline = await startServer({
    ...tsx("scripts/bench/baseline-server.ts"),
    name: "The baseline server",
    env: { ...process.env, PORT: "0" },
    ready: /^Baseline listening on port (\d+)/,
    timeoutMs: 30_000,
  });
  onCleanup(() => baseline.stop());

  const appEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1" };
  // As deployed on PostgreSQL: one server process per core (WEB_CONCURRENCY), unless the caller set it.
  if (database.env.DATABASE_URL && !process.env.WEB_CONCURRENCY) appEnv.WEB_CONCURRENCY = String(os.cpus().length);
  log(`Server processes: ${appEnv.WEB_CONCURRENCY ?? "1"} (WEB_CONCURRENCY).`);
  for (const [name, value] of Object.entries(database.env)) {
    if (value === undefined) delete appEnv[name];
    else appEnv[name] = value;
  }
  // On PostgreSQL the server is a production deployment, which needs its public address (APP_URL): pick the
  // port first so the address can name it.
  if (appEnv.DATABASE_URL && !appEnv.APP_URL) {
    const port = await freePort();
    appEnv.PORT = String(port);
    appEnv.APP_URL = `http://127.0.0.1:${port}`;
  }
  const started = Date.now();
  const app = await startServer({
    ...tsx("scripts/start.ts"),
    name: "The Factdesk server",
    env: appEnv,
    ready: /Factdesk is running on https?:\/\/[^\s:]+:(\d+)/,
    timeoutMs: 180_000,
  });
  onCleanup(() => app.stop());
  log(`Servers up: baseline on port ${baseline.port}, Factdesk on port ${app.port} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s).\n`);

  const origins = { app: `http://127.0.0.1:${app.port}`, baseline: `http://127.0.0.1:${baseline.port}` };
  const healthUnderImport = (editorCookie: string) =>
    benchHealthUnderImportSection(log, {
      origin: origins.app,
      editorCookie,
      processes: Number(appEnv.WEB_CONCURRENCY ?? 1),
      samples: options.quick ? 20 : 40,
    });
  if (options.only === "untrusted-document") {
    await healthUnderImport(await signIn(origins.app, { email: "editor@example.org", password: demoLogin.password }));
    return;
  }
  const databaseUrl = database.env.DATABASE_URL;
  let deepCursor: string | null = null;
  let boardArticleId: string | null = null;
  if (databaseUrl) {
    boardArticleId = (await prepareBoard(databaseUrl)).articleId;
    log("Prepared a board with 300 claims shared among 20 reviewers (target: p95 under 100 ms at 20 connections).");
    const filling = Date.now();
    deepCursor = (await fillArchive(databaseUrl)).deepCursor;
    log(`Filled the archive with ${archiveSize.toLocaleString("en")} articles in ${((Date.now() - filling) / 1000).toFixed(1)} s.`);
  } else {
    log("Article-list rows skipped: the embedded database is private to the app process.");
  }
  const context: Context = {
    origin: origins.app,
    sessionCookie: await signIn(origins.app, demoLogin),
    editorCookie: await signIn(origins.app, { email: "editor@example.org", password: demoLogin.password }),
    deepCursor,
    boardArticleId,
    factCheck: await publishedFactCheck(origins.app),
  };

  const list = scenarios(context);
  for (const scenario of list) await preflight(`${origins[scenario.target]}${scenario.path}`, scenario);

  const rows: Row[] = [];
  for (const scenario of list) {
    const url = `${origins[scenario.target]}${scenario.path}`;
    const connections = scenario.connections ?? options.connections;
    const duration = scenario.duration ?? options.duration;
    log(`Measuring ${scenario.name}…`);
    const { method, body, headers } = scenario;
    const result = await runLoad({ url, method, body, headers, connections, duration, warmup: options.warmup });
    rows.push({ scenario, url, connections, duration, result });
  }

  log("");
  await report(rows, options, database.description, app);
  log("");
  await healthUnderImport(context.editorCookie);
}

/** Signs in once (the login form is rate limited) and returns the session cookie as `name=value`. */
async function signIn(origin: string, account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(account).toString(),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!.trim())
    .find((pair) => pair.startsWith(`${sessionCookieName}=`) && pair.length > sessionCookieName.length + 1);
  if (response.status < 300 || response.status >= 400 || !cookie) {
    const body = (await response.text()).replace(/\s+/g, " ").slice(0, 300);
    throw new Error(
      `Signing in as ${account.email} failed: HTTP ${response.status}, ${cookie ? "" : "no session cookie, "}` +
        `expected a redirect with a ${sessionCookieName} cookie. Is the demo newsroom seeded in this database?\n    ${body}`,
    );
  }
  return cookie;
}

/** The demo's published fact-check (the seed publishes the sample article) and its ETag. */
async function publishedFactCheck(origin: string) {
  const path = `/fact-checks/${sampleFactCheckSlug}`;
  const response = await fetch(`${origin}${path}`, { headers: { "Accept-Encoding": browserEncoding } });
  await response.arrayBuffer();
  const etag = response.headers.get("ETag");
  if (response.status !== 200 || !etag) throw new Error(`The demo fact-check at ${path} answered HTTP ${response.status}${etag ? "" : " without an ETag"}. Is the demo newsroom seeded?`);
  return { path, etag };
}

/** One request before measuring: a scenario that answers the wrong status would benchmark an error page. */
async function preflight(url: string, scenario: Scenario) {
  const expected = scenario.expectStatus ?? 200;
  const response = await fetch(url, { method: scenario.method, body: scenario.body, headers: scenario.headers, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== expected) {
    const location = response.headers.get("Location");
    throw new Error(
      `${scenario.name}: expected HTTP ${expected} from ${url} before measuring, got ${response.status}` +
        (location ? ` (redirect to ${location})` : "") +
        ".",
    );
  }
}

async function report(rows: Row[], options: Options, databaseDescription: string, app: ServerProcess) {
  // Each row is compared with the nearest baseline measured before it (same run, same connection count).
  const bases = new Map<Row, LoadResult | undefined>();
  let latestBase: LoadResult | undefined;
  for (const row of rows) {
    if (row.scenario.target === "baseline") latestBase = row.result;
    bases.set(row, latestBase);
  }
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : "n/a");
  const columns: Column<Row>[] = [
    { header: "scenario", align: "left", value: (row) => row.scenario.name },
    { header: "req/s", value: (row) => Math.round(row.result.requestsPerSecond).toLocaleString("en-US") },
    { header: "p50 ms", value: (row) => ms(row.result.latency.p50) },
    { header: "p95 ms", value: (row) => ms(row.result.latency.p95) },
    { header: "p99 ms", value: (row) => ms(row.result.latency.p99) },
    { header: "bytes/resp", value: (row) => Math.round(row.result.meanBytes).toLocaleString("en-US") },
    { header: "errors", value: (row) => String(row.result.errors) },
    { header: "non-2xx", value: (row) => String(row.result.non2xx) },
    {
      header: "req/s vs base",
      value: (row) => {
        const base = bases.get(row);
        return base ? `${((100 * row.result.requestsPerSecond) / base.requestsPerSecond).toFixed(1)}%` : "n/a";
      },
    },
    {
      header: "p99 vs base",
      value: (row) => {
        const base = bases.get(row);
        return base ? `${(row.result.latency.p99 / base.latency.p99).toFixed(1)}×` : "n/a";
      },
    },
  ];
  log(formatTable(columns, rows));
  log(`\nDatabase: ${databaseDescription}`);
  log("Latency percentiles are nearest-rank over every response of the measured run; bytes/resp includes headers.");

  // A 304 row answers non-2xx by design; any other status there is trouble.
  const troubled = rows.filter((row) => {
    const expected = String(row.scenario.expectStatus ?? 200);
    const unexpected = Object.entries(row.result.statusCodes ?? {}).some(([status, count]) => status !== expected && Number(count) > 0);
    return row.result.errors > 0 || unexpected;
  });
  if (troubled.length) {
    log(`\nWarning: ${troubled.map((row) => row.scenario.name).join(", ")} had errors or non-2xx answers (status codes below); its numbers are suspect.`);
    for (const row of troubled) log(`  ${row.scenario.name}: ${JSON.stringify(row.result.statusCodes)}`);
    log(`Last lines from the Factdesk server:\n${indent(app.output().slice(-20))}`);
  }

  const file = path.join(os.tmpdir(), `factdesk-bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  const json = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: { model: os.cpus()[0]?.model.trim(), count: os.cpus().length },
    platform: `${os.platform()} ${os.release()}`,
    database: databaseDescription,
    options,
    rows: rows.map((row) => {
      const base = bases.get(row);
      return {
      name: row.scenario.name,
      target: row.scenario.target,
      path: row.scenario.path,
      connections: row.connections,
      duration: row.duration,
      ...row.result,
      vsBaseline: base
        ? { requestsPerSecond: row.result.requestsPerSecond / base.requestsPerSecond, p99: row.result.latency.p99 / base.latency.p99 }
        : null,
      };
    }),
  };
  await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
  log(`Results as JSON: ${file}`);
}

try {
  await main();
  await cleanup();
  process.exit(0);
} catch (error) {
  if (!interrupted) {
    console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    await cleanup();
    process.exit(1);
  }
}
