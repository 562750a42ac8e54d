// One Prisma client per process, over a node-postgres pool (driver adapter: no native engine).
// The client is remembered per process (~/utils/remember.server) so the server entry and the route bundle
// share it, and so dev reloads do not open a new pool each time.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { onEmbeddedDatabase, type ServerEnv, serverEnv } from "~/utils/env.server";
import { remember } from "~/utils/remember.server";
import { asDatabaseUnavailable } from "./unavailable";

type Database = { prisma: PrismaClient; pool: pg.Pool; url: string };

const current = remember("database", () => ({ database: undefined as Database | undefined }));

/** Pool size: the embedded database serves one query stream at a time, so one connection suffices. */
function poolSize(url: string) {
  const env = serverEnv();
  return env.DATABASE_POOL_SIZE ?? (onEmbeddedDatabase(env, url) ? 1 : 10);
}

/**
 * Time limits of every connection Factdesk opens (the app's pool, which the job queue shares, and the live
 * bus's listener), so a stalled or overloaded PostgreSQL fails a request in seconds instead of holding it for
 * the whole stall. `DATABASE_TIMEOUT_MS` (default 10 s) is the longest we wait for one answer
 * (`query_timeout`: a stalled network never lets the server cancel anything); the server cancels a statement
 * a little earlier (`statement_timeout`), so a slow but reachable server reports its own clean error first.
 * Getting a connection is bounded by 5 s or that limit, whichever is less.
 */
export function databaseTimeouts(url: string, env: Pick<ServerEnv, "DATABASE_TIMEOUT_MS" | "FACTDESK_EMBEDDED_DB"> = serverEnv()) {
  const limitMs = env.DATABASE_TIMEOUT_MS ?? 10_000;
  const statementMs = Math.max(50, limitMs - Math.min(1_000, Math.round(limitMs / 10)));
  // The embedded database (PGlite) runs one statement at a time in this process and has no timer to cancel
  // one with; only our own wait for the answer is bounded there.
  const embedded = env.FACTDESK_EMBEDDED_DB === url;
  return {
    connectionTimeoutMillis: Math.min(5_000, limitMs),
    query_timeout: limitMs,
    ...(embedded ? {} : { statement_timeout: statementMs, idle_in_transaction_session_timeout: limitMs * 3 }),
  };
}

function connect(url: string): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize(url),
    idleTimeoutMillis: 30_000,
    ...databaseTimeouts(url),
  });
  // An idle client that loses its connection (database restart) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", (error) => console.error("[db] idle connection lost:", error.message));
  // Interactive transactions (an import writes an article, its suggestions and the audit entry in one) get
  // room for a busy server: Prisma's defaults (2 s to get a connection, 5 s to finish) turned a large import
  // on a loaded machine into a 500. Still bounded, so a stalled database fails the request.
  const client = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: 5_000, timeout: 15_000 } });
  // Every query, and every transaction, that fails because the database is unreachable or too slow
  // throws DatabaseUnavailable (./unavailable.ts): a request answers 503 "nothing was saved".
  const extended = client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw asDatabaseUnavailable(error);
        }
      },
    },
  });
  const transaction = extended.$transaction.bind(extended) as (...args: unknown[]) => Promise<unknown>;
  const prisma = new Proxy(extended, {
    get(target, property, receiver) {
      if (property !== "$transaction") return Reflect.get(target, property, receiver);
      return (...args: unknown[]) => transaction(...args).catch((error: unknown) => Promise.reject(asDatabaseUnavailable(error)));
    },
  }) as unknown as PrismaClient;
  return { prisma, pool, url };
}

export function database(): Database {
  const url = serverEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Factdesk with `npm start` or set DATABASE_URL.");
  if (!current.database || current.database.url !== url) current.database = connect(url);
  return current.database;
}

/** The Prisma client for the configured database. */
export const prisma = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = database().prisma;
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnectDatabase() {
  const db = current.database;
  if (!db) return;
  current.database = undefined;
  await db.prisma.$disconnect();
  await db.pool.end().catch(() => {});
}
