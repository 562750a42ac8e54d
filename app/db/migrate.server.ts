// Applies and generates database migrations with Prisma's own migration engine compiled to
// WebAssembly (`@prisma/schema-engine-wasm`).
//
// Why not the Prisma CLI: `prisma migrate deploy|dev|diff` need Prisma's native schema engine, which the
// CLI downloads from Prisma's CDN at run time. That download fails here and on air-gapped newsroom
// servers. The WebAssembly build is the same engine, installed from npm, and reaches PostgreSQL through
// `@prisma/adapter-pg`. It records `_prisma_migrations` exactly as `prisma migrate deploy` does, so the
// CLI stays a drop-in alternative wherever it works.
//
// Limit: anything that introspects a live database (shadow databases, `createMigration`, diff from a
// URL) fails in this build ("Column type 'char' could not be deserialized"). New migrations are
// therefore generated from schema text to schema text (scripts/db-migration-new.ts).
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { remember } from "~/utils/remember.server";

/** The project root: the nearest directory above this file with a package.json. */
export const projectRoot = findProjectRoot();
export const defaultMigrationsDir = path.join(projectRoot, "prisma", "migrations");

const noFilters = { externalTables: [], externalEnums: [] };

/**
 * Applies, in name order, every migration in `prisma/migrations` that the database has not recorded
 * yet, like `prisma migrate deploy`. Returns the names of the migrations it applied (none: up to date).
 */
export async function applyMigrations(
  databaseUrl: string,
  options: { migrationsDir?: string; log?: (line: string) => void } = {},
): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  const pg = new PrismaPg({ connectionString: databaseUrl });
  // The engine needs only the provider from the schema; the migrations carry everything else.
  const datamodel = 'datasource db {\n  provider = "postgresql"\n}\n';
  return withEngine(datamodel, async () => wholeScripts(await pg.connect()), options.log, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return { applied: appliedMigrationNames };
  });
}

/**
 * The migrations in `prisma/migrations` that the database has not recorded as finished, in the order they
 * would be applied — without starting the migration engine, so an up-to-date database is checked in
 * milliseconds. A failed migration (recorded, not finished, not rolled back) counts as pending: applying
 * then reports it, as `prisma migrate deploy` does.
 */
export async function pendingMigrations(databaseUrl: string, options: { migrationsDir?: string } = {}): Promise<string[]> {
  const { migrationDirectories } = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  // Start-up asks this first: a stalled or unreachable database fails start-up with an error instead of hanging it.
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000, query_timeout: 30_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists`);
    const applied = rows[0]?.exists
      ? new Set(
          (
            await client.query<{ name: string }>(
              `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
            )
          ).rows.map((row) => row.name),
        )
      : new Set<string>();
    return migrationDirectories.map((directory) => directory.path).filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

/** The SQL that turns a database described by schema text `from` (null: an empty one) into `to`. */
export async function diffSchemas(from: string | null, to: string): Promise<string> {
  const files = (content: string) => [{ path: "schema.prisma", content }];
  return withEngine(to, async () => offlineAdapter, undefined, async (engine) => {
    const { stdout } = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: files(from) },
      to: { tag: "schemaDatamodel", files: files(to) },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return stdout ?? "";
  });
}

/** Reads the migrations directory into the shape the engine expects, as the Prisma CLI does. */
async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const lockfile = "migration_lock.toml";
  return {
    baseDir,
    lockfile: { path: lockfile, content: await readFile(path.join(baseDir, lockfile), "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(baseDir, name, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

/**
 * `@prisma/adapter-pg` runs a migration by splitting it on every ";", which breaks dollar-quoted
 * function bodies (e.g. the audit log's trigger). PostgreSQL takes the whole script as one
 * simple-protocol query, as `prisma migrate deploy` sends it.
 */
function wholeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const driver = (adapter as SqlDriverAdapter & { underlyingDriver(): { query(sql: string): Promise<unknown> } }).underlyingDriver();
  adapter.executeScript = async (script: string) => {
    await driver.query(script);
  };
  return adapter;
}

/**
 * Runs `fn` with a fresh engine for `datamodel`; afterwards frees the engine and closes every
 * connection it opened (the engine never disposes its adapters itself).
 */
async function withEngine<T>(
  datamodel: string,
  connect: () => Promise<SqlDriverAdapter>,
  log: ((line: string) => void) | undefined,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const wasm = await loadWasm();
  const opened: SqlDriverAdapter[] = [];
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      const adapter = await connect();
      opened.push(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      throw new Error("Shadow databases are not supported by this migration runner");
    },
  });
  const onLog = (json: string) => log?.(formatLogLine(json));
  let engine: SchemaEngine | undefined;
  wasm.busy++;
  try {
    wasm.panic.message = "";
    engine = await wasm.SchemaEngine.new({ datamodels: [["schema.prisma", datamodel]] }, onLog, factory);
    return await fn(engine);
  } catch (error) {
    throw engineError(error, wasm.panic.message, factory.errorRegistry);
  } finally {
    engine?.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
    // The engine races queries against timers (e.g. 10 s for the migration lock) and never clears
    // them; left alone they keep the process alive after the work is done.
    if (--wasm.busy === 0) for (const timer of wasm.timers) clearTimeout(timer);
  }
}

// The engine connects as soon as it starts, even for `diff`, and asks the server for its version;
// diffing schema text sends nothing else. This stand-in answers that one probe (as PostgreSQL 15, what
// Factdesk runs on) so generating a migration needs no database. Any other query fails loudly.
const offlineAdapter: SqlDriverAdapter = {
  provider: "postgres",
  adapterName: "factdesk-offline",
  async queryRaw(query) {
    if (!/\bversion\(\)/.test(query.sql)) throw new Error(`diffSchemas has no database but the engine sent: ${query.sql}`);
    return {
      columnNames: ["exists", "version", "numeric_version"],
      columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
      rows: [[true, "PostgreSQL 15.0", 150000]],
    };
  },
  async executeRaw(query) {
    throw new Error(`diffSchemas has no database but the engine sent: ${query.sql}`);
  },
  async executeScript() {
    throw new Error("diffSchemas has no database but the engine tried to run a script");
  },
  async startTransaction() {
    throw new Error("diffSchemas has no database but the engine opened a transaction");
  },
  getConnectionInfo: () => ({ supportsRelationJoins: true }),
  async dispose() {},
};

type Wasm = {
  SchemaEngine: typeof glue.SchemaEngine;
  /** Timers the engine started that have not fired yet. */
  timers: Set<NodeJS.Timeout>;
  /** Engine calls in flight (timers are cleared only when none is). */
  busy: number;
  /** The engine reports Rust panics here before it aborts. */
  panic: { message: string };
};

// Compiled and instantiated once per process: remembered, so that a re-evaluated copy of this module
// (Vitest isolates test files) reuses the one instance the shared glue module is bound to.
function loadWasm(): Promise<Wasm> {
  return remember("schemaEngineWasm", async () => {
    const wasm: Wasm = { SchemaEngine: glue.SchemaEngine, timers: new Set(), busy: 0, panic: { message: "" } };
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => void (wasm.panic.message = message) };

    // Node 20 cannot import the package's entry (it imports a `.wasm` file), so instantiate the
    // WebAssembly ourselves and hand it to the JS glue, exactly as that entry would.
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const imports: Record<string, unknown> = { ...glue };
    const setTimeoutImport = Object.keys(glue).find((name) => name.startsWith("__wbg_setTimeout_"));
    if (setTimeoutImport) {
      imports[setTimeoutImport] = (callback: () => void, ms: number) => {
        const timer = setTimeout(() => {
          wasm.timers.delete(timer);
          callback();
        }, ms >>> 0);
        wasm.timers.add(timer);
        return timer;
      };
    }
    const module = await WebAssembly.compile(bytes);
    const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return wasm;
  });
}

/** Engine log lines are JSON ({ level, fields: { message, ... } }); keep the level and message. */
function formatLogLine(json: string): string {
  try {
    const { level, fields } = JSON.parse(json) as { level?: string; fields?: { message?: string } };
    return `${level ?? "INFO"} ${fields?.message ?? json.trim()}`;
  } catch {
    return json.trim();
  }
}

/** Turns what the engine throws into an Error with a useful message. */
function engineError(
  error: unknown,
  panicMessage: string,
  registry: { consumeError(id: number): { error: unknown } | undefined },
): Error {
  if (panicMessage) return new Error(`Schema engine panicked: ${panicMessage}`, { cause: error });
  const message = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
  // Errors thrown by our JS adapters come back as "External error id#N"; the registry holds the original.
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const original = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
  if (original instanceof Error) return original;
  return error instanceof Error ? error : new Error(message, { cause: error });
}

function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
