// A throwaway PostgreSQL database for the scripts that measure against a real one (`npm run match:eval`, the
// bench's "Checked before?" sections): created on the local server, migrated, and dropped afterwards.
import pg from "pg";

export const defaultAdminUrl = "postgresql://root@127.0.0.1:5432/postgres";

/** Runs one statement (CREATE or DROP DATABASE) on the server's maintenance database. */
export async function adminQuery(adminUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates database `name` (dropping a leftover of that name), migrates it, runs `work` with its URL, drops it. */
export async function withThrowawayDatabase<T>(name: string, adminUrl: string, work: (databaseUrl: string) => Promise<T>): Promise<T> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const { applyMigrations } = await import("../app/db/migrate.server.ts");
    await applyMigrations(url.href, { log: () => {} });
    return await work(url.href);
  } finally {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  }
}
