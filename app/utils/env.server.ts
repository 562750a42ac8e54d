// Configuration, validated once at start-up. Every variable Factdesk reads is listed here (and in the README).
import { z } from "zod";

const flag = z.enum(["0", "1", "true", "false"]).transform((value) => value === "1" || value === "true");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
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
});

export type ServerEnv = z.infer<typeof EnvSchema>;

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
  const embedded = source.FACTDESK_EMBEDDED_DB !== undefined && source.FACTDESK_EMBEDDED_DB === parsed.data.DATABASE_URL;
  if (parsed.data.NODE_ENV === "production" && parsed.data.DATABASE_URL && !embedded && !parsed.data.APP_URL) {
    throw new Error(
      "Invalid configuration:\n  APP_URL: required in production with DATABASE_URL — the public address of this desk " +
        "(e.g. https://factdesk.example.org), on which invitation links and fact-check addresses are built",
    );
  }
  return parsed.data;
}

let appUrl: string | null | undefined;

/**
 * APP_URL without a trailing slash, or null when it is not configured (only possible outside a production
 * deployment: the embedded demo, development, tests). Read once per process.
 */
export function configuredAppUrl(): string | null {
  if (appUrl === undefined) appUrl = readServerEnv().APP_URL?.replace(/\/+$/, "") ?? null;
  return appUrl;
}
