// Starts Factdesk: `npm start` (production build) or `npm run dev` (Vite, with hot reload).
// Without DATABASE_URL it runs on an embedded PostgreSQL kept in DATA_DIR, migrated and seeded with the
// demo newsroom on first start; with DATABASE_URL it uses that database as it is.
import cluster from "node:cluster";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";
import { database, disconnectDatabase } from "~/db/client.server";
import { EmbeddedDatabaseInUse, startEmbeddedDatabase } from "~/db/embedded.server";
import { applyMigrations } from "~/db/migrate.server";
import { demoAccounts, demoPassword, seedDemoNewsroom } from "~/demo/seed.server";
import { startJobs, stopJobs } from "~/jobs/queue.server";
import { createHttpApp } from "~/server/http.server";
import { readServerEnv } from "~/utils/env.server";

const dev = process.argv.includes("--dev");
const env = readServerEnv();
const root = path.resolve(import.meta.dirname, "..");

async function main() {
  // Several processes share the port when WEB_CONCURRENCY > 1 (PostgreSQL only: the embedded database
  // lives inside one process). The primary checks and seeds the database, then forks the workers;
  // LISTEN/NOTIFY keeps their pages live across processes as it does across instances.
  const workers = !dev && env.DATABASE_URL ? env.WEB_CONCURRENCY : 1;
  if (workers > 1 && cluster.isPrimary) return runPrimary(workers);
  const isWorker = cluster.isWorker;

  const embedded = env.DATABASE_URL
    ? null
    : await startEmbeddedDatabase({ dataDir: path.resolve(root, env.DATA_DIR), port: env.EMBEDDED_DB_PORT });
  if (embedded) {
    process.env.DATABASE_URL = embedded.url;
    process.env.FACTDESK_EMBEDDED_DB = embedded.url;
    const { applied } = await applyMigrations(embedded.url);
    console.log(`Embedded PostgreSQL in ${embedded.dataDir}${applied.length ? ` (applied ${applied.length} migration(s))` : ""}`);
  } else if (!isWorker) {
    await assertMigrated();
  }

  const seed = env.SEED_DEMO ?? Boolean(embedded);
  if (!isWorker && seed && (await seedDemoNewsroom())) {
    console.log(`\nDemo newsroom created. Sign in with any of these accounts (password: ${demoPassword}):`);
    for (const account of demoAccounts) console.log(`  ${account.role.padEnd(8)} ${account.email}`);
    console.log("");
  }

  // Background jobs (source archiving) on the same database, through the app's pool (docs/decisions/0010).
  await startJobs();

  const app = dev ? createHttpApp({ vite: await createViteDevServer(), appOrigin: env.APP_URL, trustProxy: env.TRUST_PROXY }) : createHttpApp({
    build: { server: await loadServerBuild(), clientDir: path.join(root, "build/client") },
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
    console.log(`Factdesk is running on http://localhost:${port}`);
    if (!seed && embedded === null) console.log("Open /setup to create the first administrator if this database has no users yet.");
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}, shutting down.`);
    server.closeAllConnections();
    server.close();
    await stopJobs();
    await disconnectDatabase();
    await embedded?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

async function runPrimary(count: number) {
  await assertMigrated();
  if (env.SEED_DEMO && (await seedDemoNewsroom())) console.log(`Demo newsroom created (password: ${demoPassword}).`);
  await disconnectDatabase();
  let reported = false;
  for (let i = 0; i < count; i++) {
    const worker = cluster.fork();
    worker.on("message", (message: { listening?: number }) => {
      if (message.listening && !reported) {
        reported = true;
        console.log(`Factdesk is running on http://localhost:${message.listening} (${count} processes)`);
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

main().catch((error) => {
  console.error(error instanceof EmbeddedDatabaseInUse ? error.message : error);
  process.exit(1);
});
