// Starts Factdesk: `npm start` (production build) or `npm run dev` (Vite, with hot reload).
// Without DATABASE_URL it runs on an embedded PostgreSQL kept in DATA_DIR, migrated and seeded with the
// demo newsroom on first start; with DATABASE_URL it uses that database as it is.
//
// Each slow step prints a short line first (a newcomer never waits on a silent console), so the app's
// modules are loaded step by step (dynamic imports), not all before the first line. `--build-if-changed`
// (what `npm start` passes) first rebuilds the app if its sources changed since the last build.
import cluster from "node:cluster";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";
import type { EmbeddedDatabase } from "~/db/embedded.server";
import { adoptEmbeddedDatabase, serverEnv } from "~/utils/env.server";

const dev = process.argv.includes("--dev");
const env = readEnvOrExit();

/** The configuration, or one clear message and exit code 1 (no stack trace for a missing setting). */
function readEnvOrExit() {
  try {
    return serverEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
const root = path.resolve(import.meta.dirname, "..");

/** Seconds since this process started (loading the code included). */
const seconds = () => process.uptime().toFixed(1);

/** One short line per start-up step, so a slow step is never a silent one. */
function progress(step: string) {
  console.log(step);
}

async function main() {
  // Several processes share the port when WEB_CONCURRENCY > 1 (PostgreSQL only: the embedded database
  // lives inside one process). The primary checks and seeds the database, then forks the workers;
  // LISTEN/NOTIFY keeps their pages live across processes as it does across instances.
  const workers = !dev && env.DATABASE_URL ? env.WEB_CONCURRENCY : 1;
  const isWorker = cluster.isWorker;
  if (!isWorker && !dev && process.argv.includes("--build-if-changed")) await buildIfChanged();
  if (workers > 1 && cluster.isPrimary) return runPrimary(workers);

  // The app's code loads while the database starts (no module reads the database's address on import).
  const appCode = Promise.all([import("~/server/http.server"), dev ? null : loadServerBuild()]);
  appCode.catch(() => {}); // its failure is reported where it is awaited, below

  let embedded: EmbeddedDatabase | null = null;
  if (!env.DATABASE_URL) {
    progress(`Starting the embedded database (${env.DATA_DIR})…`);
    const { startEmbeddedDatabase } = await import("~/db/embedded.server");
    embedded = await startEmbeddedDatabase({ dataDir: path.resolve(root, env.DATA_DIR), port: env.EMBEDDED_DB_PORT });
    adoptEmbeddedDatabase(embedded.url);
    const { applyMigrations, pendingMigrations } = await import("~/db/migrate.server");
    const pending = await pendingMigrations(embedded.url);
    progress(`Applying migrations… ${pending.length} pending`);
    if (pending.length > 0) await applyMigrations(embedded.url);
  } else if (!isWorker) {
    await assertMigrated();
  }

  const seed = env.SEED_DEMO ?? Boolean(embedded);
  if (!isWorker && seed) await seedIfEmpty();

  if (!isWorker) progress(dev ? "Starting Vite…" : "Loading the app…");
  const [{ createHttpApp }, serverBuild] = await appCode;
  const app = dev
    ? createHttpApp({ vite: await createViteDevServer(), appOrigin: env.APP_URL, trustProxy: env.TRUST_PROXY })
    : createHttpApp({
        build: { server: serverBuild!, clientDir: path.join(root, "build/client") },
        appOrigin: env.APP_URL,
        trustProxy: env.TRUST_PROXY,
      });

  const server = app.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    if (isWorker) {
      process.send?.({ listening: port });
      return;
    }
    console.log(`Factdesk is running on http://localhost:${port} (ready in ${seconds()} s)`);
    if (!seed && embedded === null) console.log("Open /setup to create the first administrator if this database has no users yet.");
  });

  // Background jobs (source archiving; the list is ~/server/background-jobs.server) on the same database,
  // through the app's pool (docs/decisions/0010). They start while the server already answers: pages never
  // wait for them, and a job queued meanwhile waits in its table until the workers run.
  const jobs = import("~/jobs/queue.server");
  const jobsStarted = import("~/server/background-jobs.server")
    .then(({ startBackgroundJobs }) => startBackgroundJobs())
    .catch((error: unknown) => console.error("Background jobs did not start:", error));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}, shutting down.`);
    server.closeAllConnections();
    server.close();
    await jobsStarted;
    await (await jobs).stopJobs();
    const { disconnectDatabase } = await import("~/db/client.server");
    await disconnectDatabase();
    await embedded?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

/** `npm start`: rebuild only when the build's sources changed (scripts/build/build-stamp.ts). */
async function buildIfChanged() {
  const { ensureBuild } = await import("./build/build-stamp");
  const { reactRouterBuild } = await import("./build/react-router-build");
  const started = performance.now();
  const decision = await ensureBuild({
    root,
    build: async (reason) => {
      progress(`Building the app (${reason === "sources-changed" ? "the sources changed since the last build" : "no current build"})…`);
      await reactRouterBuild(root);
    },
  });
  progress(decision.build ? `Built in ${((performance.now() - started) / 1000).toFixed(1)} s.` : "Checking the build… up to date");
}

/** The demo newsroom, on a database without users (the seed's modules are loaded only then). */
async function seedIfEmpty() {
  const { database } = await import("~/db/client.server");
  const { rows } = await database().pool.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM "User") AS empty`);
  if (!rows[0]?.empty) return false;
  const { demoAccounts, demoPassword, seedDemoNewsroom } = await import("~/demo/seed.server");
  if (!(await seedDemoNewsroom({ onSeeding: () => progress("Seeding the demo newsroom…") }))) return false;
  console.log(`\nDemo newsroom created. Sign in with any of these accounts (password: ${demoPassword}):`);
  for (const account of demoAccounts) console.log(`  ${account.role.padEnd(8)} ${account.email}`);
  console.log("");
  return true;
}

async function runPrimary(count: number) {
  await assertMigrated();
  if (env.SEED_DEMO) await seedIfEmpty();
  const { disconnectDatabase } = await import("~/db/client.server");
  await disconnectDatabase();
  let reported = false;
  for (let i = 0; i < count; i++) {
    const worker = cluster.fork();
    worker.on("message", (message: { listening?: number }) => {
      if (message.listening && !reported) {
        reported = true;
        console.log(`Factdesk is running on http://localhost:${message.listening} (${count} processes, ready in ${seconds()} s)`);
      }
    });
  }
  cluster.on("exit", (worker, code) => {
    if (!stopping) console.error(`Worker ${worker.process.pid} exited with code ${code}.`);
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    const done = () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0);
    cluster.on("exit", done);
    done();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/** With an external database, refuse to start on an unmigrated schema and say what to do. */
async function assertMigrated() {
  const { database } = await import("~/db/client.server");
  const { rows } = await database().pool.query<{ exists: boolean }>(`SELECT to_regclass('public."User"') IS NOT NULL AS exists`);
  if (!rows[0]?.exists) {
    console.error("The database at DATABASE_URL has no Factdesk tables. Run `npm run db:migrate` first.");
    process.exit(1);
  }
}

async function loadServerBuild(): Promise<ServerBuild> {
  const file = path.join(root, "build/server/index.js");
  try {
    return (await import(pathToFileURL(file).href)) as ServerBuild;
  } catch (error) {
    console.error(`Could not load ${file}: run \`npm run build\` first.`);
    throw error;
  }
}

async function createViteDevServer() {
  const vite = await import("vite");
  return vite.createServer({ server: { middlewareMode: true }, appType: "custom" });
}

main().catch(async (error) => {
  const { EmbeddedDatabaseInUse } = await import("~/db/embedded.server");
  console.error(error instanceof EmbeddedDatabaseInUse ? error.message : error);
  process.exit(1);
});
