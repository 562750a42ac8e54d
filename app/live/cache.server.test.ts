// The one live cache, on the test database's live bus: what it keeps, for how long, and what a change drops —
// this process's own changes at once, another instance's by NOTIFY, everything on a resync.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { liveBus, liveChannel, liveReady, publishChange, stopLiveBus } from "./bus.server";
import { liveCache } from "./cache.server";
import { everyTopic, topic } from "./topics";
import { serverEnv } from "~/utils/env.server";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A cache of "<key>#<n>", n counting the loads of that key; `previous` as the load was given it. */
function counting(options: { ttlMs?: number; topicsOf?: (key: string) => ReturnType<typeof topic.article>[]; fail?: (key: string) => boolean } = {}) {
  const loads = new Map<string, number>();
  const previous: (string | undefined)[] = [];
  const cache = liveCache<string, string>({
    load: async (key, before) => {
      const n = (loads.get(key) ?? 0) + 1;
      loads.set(key, n);
      previous.push(before);
      await pause(10);
      if (options.fail?.(key)) throw new Error(`no ${key}`);
      return `${key}#${n}`;
    },
    topicsOf: options.topicsOf ?? ((key) => [topic.article(key)]),
    ttlMs: options.ttlMs ?? 60_000,
  });
  return { cache, loads, previous };
}

afterAll(async () => {
  await stopLiveBus();
});

describe("the live cache", () => {
  it("loads a key once however many ask at the same time, and serves it until it expires", async () => {
    const { cache, loads, previous } = counting({ ttlMs: 100 });
    expect(cache.peek("a")).toBeUndefined();
    expect(await Promise.all([cache.get("a"), cache.get("a"), cache.get("b")])).toEqual(["a#1", "a#1", "b#1"]);
    expect(cache.peek("a")).toBe("a#1");
    expect(await cache.get("a")).toBe("a#1");
    await pause(150);
    expect(cache.peek("a")).toBeUndefined();
    expect(await cache.get("a")).toBe("a#2");
    expect(loads.get("a")).toBe(2);
    // An expired entry's value is handed to its next load.
    expect(previous).toEqual([undefined, undefined, "a#1"]);
  });

  it("drops at once the entries whose topics this process announces a change to, and only those", async () => {
    const { cache, previous } = counting();
    await Promise.all([cache.get("a"), cache.get("b")]);
    await publishChange([topic.article("a"), topic.claim("b")], "test");
    expect(cache.peek("a")).toBeUndefined();
    expect(cache.peek("b")).toBe("b#1");
    expect(await cache.get("a")).toBe("a#2");
    // A dropped entry's value is not handed on: it is stale.
    expect(previous.at(-1)).toBeUndefined();
  });

  it("drops an entry watching a family of topics on a change to any of them", async () => {
    const { cache } = counting({ topicsOf: () => [topic.anyArticle] });
    await cache.get("desk");
    await publishChange([topic.claim("x")], "test");
    expect(cache.peek("desk")).toBe("desk#1");
    await publishChange([topic.article("x")], "test");
    expect(cache.peek("desk")).toBeUndefined();
  });

  it("answers a load that a change overtook, and remembers nothing of it", async () => {
    const { cache } = counting();
    const loading = cache.get("a");
    await publishChange([topic.article("a")], "test");
    expect(await loading).toBe("a#1");
    expect(cache.peek("a")).toBeUndefined();
    expect(await cache.get("a")).toBe("a#2");
  });

  it("does not keep a failed load", async () => {
    let failing = true;
    const { cache } = counting({ fail: () => failing });
    await expect(cache.get("a")).rejects.toThrow("no a");
    failing = false;
    expect(await cache.get("a")).toBe("a#2");
  });

  it("drops an entry on another instance's change, and everything on a resync", async () => {
    const { cache } = counting();
    await Promise.all([cache.get("a"), cache.get("b"), cache.get("c")]);
    expect(await liveReady(5_000)).toBe(true);
    // Another instance's change, as it arrives on the wire (a bus in this process would name this process).
    const other = new pg.Client({ connectionString: serverEnv().DATABASE_URL! });
    await other.connect();
    const payload = { t: [topic.article("a")], k: "elsewhere", a: new Date().toISOString(), o: "another-instance" };
    await other.query("SELECT pg_notify($1, $2)", [liveChannel, JSON.stringify(payload)]);
    await other.end();
    await expect.poll(() => cache.peek("a"), { timeout: 2_000, interval: 20 }).toBeUndefined();
    expect(cache.peek("b")).toBe("b#1");

    liveBus().emitter.emit("change", { topics: [everyTopic], kind: "resync", at: new Date().toISOString() });
    expect([cache.peek("b"), cache.peek("c")]).toEqual([undefined, undefined]);
  });
});
