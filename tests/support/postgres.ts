// The test PostgreSQL server: tests create and drop their own databases on it.
import pg from "pg";

export const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

/** The URL of database `name` on the test server. */
export function databaseUrl(name: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(name: string) {
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A fresh, empty database (or a copy of `template`). */
export async function createDatabase(name: string, options: { template?: string } = {}) {
  await dropDatabase(name);
  const template = options.template ? ` TEMPLATE "${options.template}"` : "";
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"${template}`));
  return databaseUrl(name);
}

export async function assertServerReachable() {
  try {
    await withClient(adminUrl, (client) => client.query("SELECT 1"));
  } catch (error) {
    throw new Error(
      `Tests need a PostgreSQL server at ${adminUrl} (set TEST_POSTGRES_URL). ` +
        `On Debian: pg_ctlcluster --skip-systemctl-redirect 15 main start. Cause: ${(error as Error).message}`,
    );
  }
}
