// Proves that prisma/migrations builds exactly the database that prisma/schema.prisma describes:
// one fresh database gets the migrations, another gets the SQL the engine derives from the schema
// alone, and their catalogs must match. Needs a PostgreSQL server (TEST_POSTGRES_URL, a role that may
// create databases); it creates two `factdesk_mig_*` databases and drops them afterwards.
//
// Only structure is compared: migrations may append data statements (e.g. permission rows).
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, databaseUrl as urlFor, dropDatabase, withClient } from "../../tests/support/postgres";
import { applyMigrations, defaultMigrationsDir, diffSchemas, pendingMigrations, projectRoot } from "./migrate.server.ts";

const suffix = `${process.pid}_${Date.now()}`;
const migratedDb = `factdesk_mig_${suffix}_migrated`;
const expectedDb = `factdesk_mig_${suffix}_expected`;

const schemaText = () => readFile(path.join(projectRoot, "prisma", "schema.prisma"), "utf8");

// Each query yields one line per object, so a failing comparison shows exactly what differs.
// Everything is sorted by name: column order legitimately differs (ALTER TABLE … ADD COLUMN appends),
// and so does enum value order (Prisma adds enum values with ALTER TYPE … ADD VALUE, which appends).
const catalogQueries: Record<string, string> = {
  tables: `
    SELECT c.relname AS line
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`,
  columns: `
    SELECT format('%s.%s %s%s%s%s%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
             CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END,
             CASE WHEN d.adbin IS NOT NULL AND a.attgenerated::text = '' THEN ' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid) ELSE '' END,
             CASE WHEN a.attgenerated::text <> '' THEN ' GENERATED ' || pg_get_expr(d.adbin, d.adrelid) ELSE '' END,
             CASE WHEN a.attidentity::text <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END) AS line
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relname <> '_prisma_migrations'
      AND a.attnum > 0 AND NOT a.attisdropped`,
  // Primary, unique, foreign-key (with ON DELETE / ON UPDATE actions), check and exclusion constraints.
  constraints: `
    SELECT format('%s %s %s', c.relname, con.conname, pg_get_constraintdef(con.oid)) AS line
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'`,
  indexes: `
    SELECT indexdef AS line FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  enums: `
    SELECT format('%s (%s)', t.typname, string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumlabel)) AS line
    FROM pg_type t
    JOIN pg_namespace n ON n.oid = t.typnamespace
    JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE n.nspname = 'public'
    GROUP BY t.typname`,
  sequences: `
    SELECT format('%s %s start %s increment %s', sequencename, data_type, start_value, increment_by) AS line
    FROM pg_sequences WHERE schemaname = 'public'`,
  views: `
    SELECT format('%s %s', c.relname, pg_get_viewdef(c.oid)) AS line
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm')`,
  triggers: `
    SELECT pg_get_triggerdef(t.oid) AS line
    FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND NOT t.tgisinternal AND t.tgname NOT LIKE 'factdesk\\_%'`,
  // Functions written for the schema, not those that belong to an extension. Guards that schema.prisma
  // cannot express (named factdesk_*, e.g. the audit log's append-only trigger) are hand-written in the
  // migrations and tested on their own (app/audit/audit.test.ts).
  functions: `
    SELECT pg_get_functiondef(p.oid) AS line
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.proname NOT LIKE 'factdesk\\_%'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
  extensions: `SELECT extname AS line FROM pg_extension WHERE extname <> 'plpgsql'`,
};

async function catalog(url: string): Promise<Record<string, string[]>> {
  return withClient(url, async (client) => {
    const dump: Record<string, string[]> = {};
    for (const [kind, sql] of Object.entries(catalogQueries)) {
      const { rows } = await client.query<{ line: string }>(sql);
      dump[kind] = rows.map((row) => row.line).sort();
    }
    return dump;
  });
}

describe("database migrations", () => {
  let migrationNames: string[] = [];
  let applied: string[] = [];
  let pendingBefore: string[] = [];

  beforeAll(async () => {
    const entries = await readdir(defaultMigrationsDir, { withFileTypes: true }).catch(() => []);
    migrationNames = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    await createDatabase(migratedDb);
    await createDatabase(expectedDb);
    pendingBefore = await pendingMigrations(urlFor(migratedDb));
    ({ applied } = await applyMigrations(urlFor(migratedDb)));
    const sql = await diffSchemas(null, await schemaText());
    await withClient(urlFor(expectedDb), (client) => client.query(sql));
  }, 60_000);

  afterAll(async () => {
    await dropDatabase(migratedDb);
    await dropDatabase(expectedDb);
  }, 60_000);

  it("applies every migration to a fresh database, in order", () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(applied).toEqual(migrationNames);
  });

  it("builds exactly the schema that schema.prisma describes", async () => {
    const [migrated, expected] = await Promise.all([catalog(urlFor(migratedDb)), catalog(urlFor(expectedDb))]);
    expect(expected.tables?.length).toBeGreaterThan(0);
    expect(migrated, "catalog built by prisma/migrations (+) vs. by schema.prisma (-)").toEqual(expected);
  });

  it("has a migration for every schema change (schema.snapshot.prisma equals schema.prisma)", async () => {
    const snapshot = await readFile(path.join(defaultMigrationsDir, "schema.snapshot.prisma"), "utf8").catch(() => null);
    expect(snapshot, "schema.prisma changed without a migration: run `npm run db:migration:new -- <name>`").toBe(
      await schemaText(),
    );
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(urlFor(migratedDb))).toEqual({ applied: [] });
  });

  it("counts the pending migrations without the engine: all on a fresh database, none once applied", async () => {
    expect(pendingBefore).toEqual(migrationNames);
    expect(await pendingMigrations(urlFor(migratedDb))).toEqual([]);
  });
});
