// Time limits on the database: a statement that runs too long, a server that does not answer and a server
// that is not there all end as DatabaseUnavailable (a 503 "nothing was saved" in a request), in time.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { databaseTimeouts, disconnectDatabase, prisma } from "~/db/client.server";
import { createLiveBus, type LiveChange } from "~/live/bus.server";
import { isDatabaseUnavailableError } from "~/db/unavailable";
import { readServerEnv, reloadServerEnv } from "~/utils/env.server";
import { type StallingProxy, startStallingProxy } from "../support/stalling-proxy";

const original = { url: process.env.DATABASE_URL!, timeout: process.env.DATABASE_TIMEOUT_MS };

beforeEach(async () => {
  await disconnectDatabase();
  process.env.DATABASE_TIMEOUT_MS = "600";
  reloadServerEnv();
});

afterEach(async () => {
  await disconnectDatabase();
  process.env.DATABASE_URL = original.url;
  if (original.timeout === undefined) delete process.env.DATABASE_TIMEOUT_MS;
  else process.env.DATABASE_TIMEOUT_MS = original.timeout;
  reloadServerEnv();
});

async function failure(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the database work to fail");
}

describe("database time limits", () => {
  it("derives every limit from DATABASE_TIMEOUT_MS, and leaves the server-side ones out on the embedded database", () => {
    expect(databaseTimeouts("postgresql://x/db", readServerEnv({}))).toEqual({
      connectionTimeoutMillis: 5_000,
      query_timeout: 10_000,
      statement_timeout: 9_000,
      idle_in_transaction_session_timeout: 30_000,
    });
    expect(databaseTimeouts("postgresql://x/db", readServerEnv({ DATABASE_TIMEOUT_MS: "2000" }))).toMatchObject({ query_timeout: 2_000, statement_timeout: 1_800, connectionTimeoutMillis: 2_000 });
    expect(databaseTimeouts("postgresql://x/db", readServerEnv({ DATABASE_TIMEOUT_MS: "2000", FACTDESK_EMBEDDED_DB: "postgresql://x/db" }))).toEqual({ connectionTimeoutMillis: 2_000, query_timeout: 2_000 });
  });

  it("cancels a statement that runs past the limit (statement_timeout), as DatabaseUnavailable with status 503", async () => {
    const error = await failure(() => prisma.$queryRaw`SELECT pg_sleep(3)`);
    expect(isDatabaseUnavailableError(error)).toBe(true);
    expect((error as { init: { status: number } }).init.status).toBe(503);
    // The pool is fine afterwards.
    expect(await prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it("ends a transaction whose statement runs past the limit the same way, and keeps none of its writes", async () => {
    const error = await failure(() =>
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`CREATE TABLE doomed_by_timeout (id int)`;
        await tx.$queryRaw`SELECT pg_sleep(3)`;
      }),
    );
    expect(isDatabaseUnavailableError(error)).toBe(true);
    expect(await prisma.$queryRaw`SELECT to_regclass('doomed_by_timeout') IS NULL AS gone`).toEqual([{ gone: true }]);
  });

  describe("a stalled network", () => {
    let proxy: StallingProxy;
    afterAll(async () => {
      proxy?.resume();
      await proxy?.close();
    });

    it("fails a query on a stalled connection (query_timeout) and a new connection (connection timeout), then recovers", async () => {
      proxy = await startStallingProxy(original.url);
      process.env.DATABASE_URL = proxy.url;
      reloadServerEnv();
      expect(await prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      proxy.stall();
      const safety = setTimeout(() => proxy.resume(), 30_000);
      const stalled = await failure(() => prisma.user.count());
      const fresh = await failure(() => Promise.all([prisma.user.count(), prisma.user.count(), prisma.user.count()]));
      clearTimeout(safety);
      proxy.resume();
      expect(isDatabaseUnavailableError(stalled)).toBe(true);
      expect(isDatabaseUnavailableError(fresh)).toBe(true);
      expect(await prisma.user.count()).toBeGreaterThanOrEqual(0);
    });
  });

  describe("the live bus's listening connection on a stalled network", () => {
    let proxy: StallingProxy | undefined;
    afterAll(async () => {
      proxy?.resume();
      await proxy?.close();
    });

    it("gives up its check (query_timeout) instead of hanging, and reconnects with a resync once the database is back", async () => {
      proxy = await startStallingProxy(original.url);
      // Changes are published on the direct connection; only the listening connection goes through the proxy.
      const bus = createLiveBus({ databaseUrl: proxy.url, query: (text, values) => prisma.$executeRawUnsafe(text, ...values), reconnect: { initialMs: 50, maxMs: 200 }, pingMs: 100 });
      try {
        const heard: LiveChange[] = [];
        bus.subscribe(["claim:1"], (change) => heard.push(change));
        expect(await bus.ready(5_000)).toBe(true);
        expect(bus.listenerPid).not.toBeNull();

        proxy.stall();
        const safety = setTimeout(() => proxy?.resume(), 30_000);
        // Its `SELECT 1` check never gets an answer: without a time limit it would wait for ever, the bus believing
        // itself connected while hearing nothing.
        await expect.poll(() => bus.listenerPid, { timeout: 15_000, interval: 50 }).toBeNull();
        clearTimeout(safety);
        proxy.resume();

        await expect.poll(() => heard.some((change) => change.kind === "resync"), { timeout: 15_000, interval: 50 }).toBe(true);
        expect(bus.listenerPid).not.toBeNull();
      } finally {
        await bus.close();
      }
    });
  });

  it("reports a server that is not there (connection refused) as DatabaseUnavailable", async () => {
    const url = new URL(original.url);
    url.port = "9"; // discard: nothing listens there
    process.env.DATABASE_URL = url.toString();
    reloadServerEnv();
    expect(isDatabaseUnavailableError(await failure(() => prisma.user.count()))).toBe(true);
  });

  it("leaves errors that are the query's own fault alone (division by zero is not an outage)", async () => {
    process.env.DATABASE_URL = original.url;
    reloadServerEnv();
    const error = await failure(() => prisma.$executeRaw`SELECT 1/0`);
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });
});
