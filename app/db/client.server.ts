// One Prisma client per process, over a node-postgres pool (driver adapter: no native engine).
// The client lives on globalThis so the server entry and the route bundle share it, and so dev reloads
// do not open a new pool each time.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";

type Database = { prisma: PrismaClient; pool: pg.Pool; url: string };

const key = Symbol.for("factdesk.database");
type Holder = { [key]?: Database };

/** Pool size: the embedded database serves one query stream at a time, so one connection suffices. */
function poolSize(url: string) {
  const configured = Number(process.env.DATABASE_POOL_SIZE);
  if (configured > 0) return configured;
  return process.env.FACTDESK_EMBEDDED_DB === url ? 1 : 10;
}

function connect(url: string): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize(url),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that loses its connection (database restart) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", (error) => console.error("[db] idle connection lost:", error.message));
  // Interactive transactions (an import writes an article, its suggestions and the audit entry in one) get
  // room for a busy server: Prisma's defaults (2 s to get a connection, 5 s to finish) turned a large import
  // on a loaded machine into a 500. Still bounded, so a stalled database fails the request.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: 5_000, timeout: 15_000 } });
  return { prisma, pool, url };
}

export function database(): Database {
  const holder = globalThis as Holder;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Factdesk with `npm start` or set DATABASE_URL.");
  if (!holder[key] || holder[key].url !== url) holder[key] = connect(url);
  return holder[key];
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
  const holder = globalThis as Holder;
  const db = holder[key];
  if (!db) return;
  holder[key] = undefined;
  await db.prisma.$disconnect();
  await db.pool.end().catch(() => {});
}
