// The database the benchmarked server runs on, in order of preference:
//   1. BENCH_DATABASE_URL: an existing, already migrated PostgreSQL database (demo accounts seeded if it
//      has no users yet);
//   2. a throwaway database `factdesk_bench_<pid>` on the local PostgreSQL server, if one answers at
//      BENCH_PG_ADMIN_URL (default postgresql://root@127.0.0.1:5432/postgres), migrated then dropped;
//   3. the embedded PGlite database in a temporary DATA_DIR, deleted afterwards.
// Real PostgreSQL is what production runs on; PGlite is single-threaded WebAssembly behind one connection,
// so its numbers say more about PGlite than about Factdesk.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export type BenchDatabase = {
  kind: "external" | "local" | "embedded";
  /** For the report; credentials removed. */
  description: string;
  /** Variables for the server process (undefined: remove the variable). */
  env: Record<string, string | undefined>;
  /** Deletes what was created for the run (nothing for an external database). Call after the server stopped. */
  dispose(): Promise<void>;
};

const defaultAdminUrl = "postgresql://root@127.0.0.1:5432/postgres";

export async function prepareDatabase(options: { forceEmbedded: boolean; log: (line: string) => void }): Promise<BenchDatabase> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external && !options.forceEmbedded) {
    return {
      kind: "external",
      description: `PostgreSQL from BENCH_DATABASE_URL (${redact(external)})`,
      env: { DATABASE_URL: external, SEED_DEMO: "1" },
      dispose: async () => {},
    };
  }
  if (!options.forceEmbedded) {
    const local = await createLocalDatabase(process.env.BENCH_PG_ADMIN_URL || defaultAdminUrl, options.log);
    if (local) return local;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "factdesk-bench-"));
  return {
    kind: "embedded",
    description: `embedded PGlite (single-threaded WebAssembly) in ${dataDir}`,
    env: { DATABASE_URL: undefined, DATA_DIR: dataDir, SEED_DEMO: "1" },
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** A fresh, migrated database on the local server, or null (with the reason logged) when there is none. */
async function createLocalDatabase(adminUrl: string, log: (line: string) => void): Promise<BenchDatabase | null> {
  const name = `factdesk_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    log(`No local PostgreSQL database (${redact(adminUrl)}: ${message(error)}); falling back to the embedded database.`);
    return null;
  } finally {
    await admin.end().catch(() => {});
  }

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database: BenchDatabase = {
    kind: "local",
    description: `local PostgreSQL, throwaway database ${name} (${redact(url.href)})`,
    env: { DATABASE_URL: url.href, SEED_DEMO: "1" },
    dispose: () => dropDatabase(adminUrl, name),
  };
  try {
    const { applyMigrations } = await import("../../app/db/migrate.server.ts");
    const { applied } = await applyMigrations(url.href, { log: () => {} });
    log(`Created ${name} and applied ${applied.length} migration(s).`);
  } catch (error) {
    await database.dispose();
    throw new Error(`Migrating ${name} failed: ${message(error)}`);
  }
  return database;
}

async function dropDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    // FORCE (PostgreSQL 13+) ends connections a killed server may have left behind.
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end().catch(() => {});
  }
}

function redact(url: string) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.href;
  } catch {
    return "(unparsable URL)";
  }
}

function message(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}
