// The live-change bus on a real PostgreSQL (the test database): two buses stand for two app instances,
// each with its own listening connection; a change published by one is heard by both, exactly once.
import pg from "pg";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { serverEnv } from "~/utils/env.server";
import { createLiveBus, type LiveBus, type LiveChange, liveBus, maxPayloadBytes, publishChange, stopLiveBus, subscribe } from "./bus.server";

const databaseUrl = serverEnv().DATABASE_URL!;
const open: LiveBus[] = [];
const pools: pg.Pool[] = [];

/** An "instance": its own pool to publish on, its own listening connection. */
function instance(options: { reconnect?: { initialMs: number; maxMs: number } } = {}) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // As the app's own pool does (app/db/client.server.ts): an idle connection ended by the server (the test that
  // terminates a backend, the test database's teardown) is dropped by the pool, not an uncaught error.
  pool.on("error", () => {});
  pools.push(pool);
  const bus = createLiveBus({ databaseUrl, query: (text, values) => pool.query(text, values), ...options });
  open.push(bus);
  return bus;
}

function recorder(bus: LiveBus, topics: string[]) {
  const heard: LiveChange[] = [];
  bus.subscribe(topics, (change) => heard.push(change));
  return heard;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  await Promise.all(open.splice(0).map((bus) => bus.close()));
});
afterAll(async () => {
  await stopLiveBus();
  await Promise.all(pools.map((pool) => pool.end()));
});

describe("live bus on PostgreSQL", () => {
  it("delivers a change published by one instance to the other, and to itself exactly once", async () => {
    const a = instance();
    const b = instance();
    const heardByA = recorder(a, ["claim:1"]);
    const heardByB = recorder(b, ["claim:1", "desk"]);
    expect(await a.ready(5_000)).toBe(true);
    expect(await b.ready(5_000)).toBe(true);
    expect(a.listenerPid).not.toBe(b.listenerPid);

    // Delivery, not its speed, is asserted (timings belong in `npm run bench`): the poll only bounds the wait.
    await a.publish(["claim:1", "article:9"], "comment.add");
    await expect.poll(() => heardByB.length, { timeout: 10_000, interval: 20 }).toBe(1);
    expect(heardByB[0]).toMatchObject({ topics: ["claim:1", "article:9"], kind: "comment.add" });
    await expect.poll(() => heardByA.length, { timeout: 10_000, interval: 20 }).toBe(1);
    await pause(300);
    expect(heardByA).toHaveLength(1);
    expect(heardByB).toHaveLength(1);
  });

  it("tells a subscriber only about its own topics", async () => {
    const a = instance();
    const heard = recorder(a, ["claim:2"]);
    const everything = recorder(a, ["claim:3", "desk"]);
    await a.ready();
    await a.publish(["claim:3"], "x");
    await a.publish(["desk"], "y");
    await expect.poll(() => everything.length, { timeout: 2_000 }).toBe(2);
    await pause(200);
    expect(heard).toEqual([]);
  });

  it("splits a change with many topics into notifications under 8000 bytes", async () => {
    const a = instance();
    const b = instance();
    const topics = Array.from({ length: 400 }, (_, i) => `claim:00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    expect(JSON.stringify(topics).length).toBeGreaterThan(maxPayloadBytes);
    const heard = recorder(b, topics);
    await b.ready();
    await a.publish(topics, "bulk");
    await expect.poll(() => new Set(heard.flatMap((c) => c.topics)).size, { timeout: 2_000 }).toBe(400);
  });

  it("reconnects after losing its listening connection, tells subscribers to resync, and hears changes again", async () => {
    const a = instance();
    const b = instance({ reconnect: { initialMs: 50, maxMs: 200 } });
    const heard = recorder(b, ["claim:4"]);
    await b.ready();
    const pid = b.listenerPid;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await pools[0]!.query("SELECT pg_terminate_backend($1)", [pid]);
    await expect.poll(() => heard.some((c) => c.kind === "resync"), { timeout: 5_000 }).toBe(true);
    expect(logged).toHaveBeenCalledWith("[live] listening connection lost:", expect.stringContaining("terminating connection"));
    logged.mockRestore();
    expect(b.listenerPid).not.toBe(pid);
    await a.publish(["claim:4"], "after");
    await expect.poll(() => heard.filter((c) => c.kind === "after").length, { timeout: 2_000 }).toBe(1);
  });

  it("opens its listening connection for ready() even before anyone subscribes", async () => {
    const a = instance();
    const started = Date.now();
    expect(await a.ready(5_000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(a.listenerPid).toEqual(expect.any(Number));
  });

  it("stops delivering after unsubscribe", async () => {
    const a = instance();
    const heard: LiveChange[] = [];
    const stop = a.subscribe(["claim:5"], (change) => heard.push(change));
    await a.ready();
    stop();
    expect(a.subscriberCount).toBe(0);
    await a.publish(["claim:5"], "x");
    await pause(300);
    expect(heard).toEqual([]);
  });

  it("is what publishChange and subscribe use on a real server (not the embedded database)", async () => {
    expect(liveBus().mode).toBe("postgres");
    const other = instance();
    const heard = recorder(other, ["desk"]);
    const local: LiveChange[] = [];
    const stop = subscribe(["desk"], (change) => local.push(change));
    await Promise.all([other.ready(), liveBus().ready()]);
    await publishChange(["desk"], "module");
    await expect.poll(() => [heard.length, local.length], { timeout: 2_000 }).toEqual([1, 1]);
    stop();
    await stopLiveBus();
  });
});

describe("live bus on the embedded database", () => {
  it("keeps changes in the process and delivers each once", async () => {
    const bus = createLiveBus({ databaseUrl: null });
    expect(bus.mode).toBe("local");
    const heard = recorder(bus, ["claim:1"]);
    expect(await bus.ready()).toBe(true);
    await bus.publish(["claim:1", "claim:1"], "x");
    expect(heard).toEqual([expect.objectContaining({ topics: ["claim:1"], kind: "x" })]);
    await bus.close();
  });
});
