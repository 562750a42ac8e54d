// Configuration, validated once at start-up. Every variable Factdesk's app reads is listed here (and in the
// README); the rest of app/ reads them through serverEnv(), never through process.env (env.server.test.ts).
import { z } from "zod";
import { remember } from "./remember.server";

const flag = z.enum(["0", "1", "true", "false"]).transform((value) => value === "1" || value === "true");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
  /** Connections in the app's pool (default 10; 1 on the embedded database). */
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().optional(),
  /** Longest a request waits for one answer from the database (app/db/client.server.ts). */
  DATABASE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  DATA_DIR: z.string().default(".data/pglite"),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  SEED_DEMO: flag.optional(),
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  TRUST_PROXY: flag.default(false),
  /** Server processes sharing the port (PostgreSQL only; the embedded database needs exactly one). */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * Internal, never set by hand: the address of the embedded database (PGlite) this process started, which
   * DATABASE_URL then names too (adoptEmbeddedDatabase). It serves one process, one statement at a time.
   */
  FACTDESK_EMBEDDED_DB: z.string().optional(),
  /**
   * Tests only, never in production: comma-separated exact `host:port` entries the safe fetcher may reach
   * although they are private addresses (app/fetching/safe-fetch.server.ts).
   */
  FACTDESK_FETCH_ALLOW_PRIVATE: z.string().optional(),
});

export type ServerEnv = z.infer<typeof EnvSchema>;

/** The configuration in `source` (empty values count as unset), or an error naming every invalid setting. */
export function readServerEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, value]) => value !== "")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  // A real deployment (production, on its own PostgreSQL) has one public address: every absolute link — an
  // invitation, a fact-check's address, a feed — is built on it, never on the Host header a client sends.
  // The embedded demo (no DATABASE_URL; start.ts then points DATABASE_URL at the embedded database) needs
  // no configuration and builds its links on the address it is served from.
  const env = parsed.data;
  if (env.NODE_ENV === "production" && env.DATABASE_URL && !onEmbeddedDatabase(env) && !env.APP_URL) {
    throw new Error(
      "Invalid configuration:\n  APP_URL: required in production with DATABASE_URL — the public address of this desk " +
        "(e.g. https://factdesk.example.org), on which invitation links and fact-check addresses are built",
    );
  }
  return env;
}

const current = remember("serverEnv", () => ({ env: null as ServerEnv | null }));

/**
 * This process's configuration: process.env, parsed on first use and kept (one parse per process, whichever
 * copy of this module asks). Whoever changes process.env afterwards calls reloadServerEnv().
 */
export function serverEnv(): ServerEnv {
  return (current.env ??= readServerEnv());
}

/**
 * Parses process.env again: for the start-up scripts, which set up part of the environment themselves
 * (adoptEmbeddedDatabase), and for tests that change a setting for a while.
 */
export function reloadServerEnv(): ServerEnv {
  current.env = readServerEnv();
  return current.env;
}

/** Points this process (DATABASE_URL, FACTDESK_EMBEDDED_DB) at the embedded database it just started. */
export function adoptEmbeddedDatabase(url: string): ServerEnv {
  process.env.DATABASE_URL = url;
  process.env.FACTDESK_EMBEDDED_DB = url;
  return reloadServerEnv();
}

/** True when the configured database is the embedded one this process started (or `url` is). */
export function onEmbeddedDatabase(env: ServerEnv, url: string | undefined = env.DATABASE_URL): boolean {
  return env.FACTDESK_EMBEDDED_DB !== undefined && env.FACTDESK_EMBEDDED_DB === url;
}

/** A production deployment: cookies are sent over HTTPS only. */
export function inProduction(): boolean {
  return serverEnv().NODE_ENV === "production";
}

/**
 * APP_URL without a trailing slash, or null when it is not configured (only possible outside a production
 * deployment: the embedded demo, development, tests).
 */
export function configuredAppUrl(): string | null {
  return serverEnv().APP_URL?.replace(/\/+$/, "") ?? null;
}
