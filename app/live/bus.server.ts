// Live changes: domain code announces what changed after its transaction commits; open pages
// (server-sent events, /events) refresh their data, and caches (cache.server.ts) forget what it touched.
// What changed is named by topics, always built with `topic` (topics.ts, which lists them).
//
// Two transports, chosen by the database the process runs on:
// - **PostgreSQL** (DATABASE_URL is not the embedded database): `publishChange` sends
//   `SELECT pg_notify('factdesk_live', json)` over the app's pool, and one dedicated connection per process
//   LISTENs on `factdesk_live` and re-emits every notification to this process's subscribers. Every
//   instance sharing the database hears every change, the publishing one included, exactly once (it is
//   not also emitted locally). The listening connection opens with the first subscriber, and reopens with
//   backoff when it drops; after a reconnect subscribers get a `resync` change for every topic, since
//   changes made while it was down were missed.
// - **Embedded PGlite** (docs/decisions/0004): one process, and LISTEN/NOTIFY across its connections is not
//   reliable, so changes stay in an in-process emitter.
//
// Changes carry no content, only which topics changed and a kind ("comment.add", "assignment", …): pages
// reload their data through their loaders, which check permissions as always. docs/decisions/0015.
import { EventEmitter } from "node:events";
import pg from "pg";
import { database, databaseTimeouts } from "~/db/client.server";
import { onEmbeddedDatabase, serverEnv } from "~/utils/env.server";
import { remember } from "~/utils/remember.server";
import { concerns, everyTopic, type LiveTopic } from "./topics";

/** `origin` names the process that published the change (so it can tell its own changes coming back). */
export type LiveChange = { topics: string[]; kind: string; at: string; origin?: string };

// Shared by every copy of this module in the process (the server entry loads one, the route bundle another):
// the process's name as an origin, and the caches' forget callbacks.
const shared = remember("live.shared", () => ({
  origin: `${process.pid}-${Math.random().toString(36).slice(2, 10)}`,
  forgetters: new Set<LiveListener>(),
}));

/** This process, as the origin of the changes it publishes. */
export const processOrigin = shared.origin;
export type LiveListener = (change: LiveChange) => void;

/** The PostgreSQL channel every instance listens on. */
export const liveChannel = "factdesk_live";
/** NOTIFY payloads must stay under 8000 bytes; longer topic lists are sent in several notifications. */
export const maxPayloadBytes = 8000;

export type LiveBusOptions = {
  /** PostgreSQL to LISTEN/NOTIFY on, or null to keep changes in this process (the embedded database). */
  databaseUrl: string | null;
  /** Sends one statement for `publish` (default: the app's pool). */
  query?: (text: string, values: unknown[]) => Promise<unknown>;
  /** Backoff between attempts to reopen the listening connection. */
  reconnect?: { initialMs: number; maxMs: number };
  /** How often the listening connection is checked with a `SELECT 1` (a silently dead TCP connection). */
  pingMs?: number;
};

type Wire = { t: string[]; k: string; a: string; o?: string };

function encode(change: LiveChange): string[] {
  const payload = JSON.stringify({ t: change.topics, k: change.kind, a: change.at, o: change.origin } satisfies Wire);
  if (Buffer.byteLength(payload) <= maxPayloadBytes || change.topics.length <= 1) return [payload];
  const half = Math.ceil(change.topics.length / 2);
  return [...encode({ ...change, topics: change.topics.slice(0, half) }), ...encode({ ...change, topics: change.topics.slice(half) })];
}

function decode(payload: string | undefined): LiveChange | null {
  try {
    const wire = JSON.parse(payload ?? "") as Partial<Wire>;
    if (!Array.isArray(wire.t) || !wire.t.every((t) => typeof t === "string") || typeof wire.k !== "string") return null;
    return {
      topics: wire.t,
      kind: wire.k,
      at: typeof wire.a === "string" ? wire.a : new Date().toISOString(),
      ...(typeof wire.o === "string" ? { origin: wire.o } : {}),
    };
  } catch {
    return null;
  }
}

/** One process's view of the live changes: publish, subscribe, and (on PostgreSQL) the listening connection. */
export class LiveBus {
  readonly emitter = new EventEmitter();
  readonly mode: "postgres" | "local";
  private client: pg.Client | null = null;
  private backendPid: number | null = null;
  private connecting = false;
  private closed = false;
  private attempts = 0;
  private everConnected = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private waiters = new Set<() => void>();

  constructor(private readonly options: LiveBusOptions) {
    this.emitter.setMaxListeners(0);
    this.mode = options.databaseUrl ? "postgres" : "local";
  }

  /** Announces a change to everyone watching any of `topics`. Call after the change is committed. */
  async publish(topics: string[], kind: string): Promise<void> {
    const unique = [...new Set(topics)].filter(Boolean);
    if (!unique.length || this.closed) return;
    const change: LiveChange = { topics: unique, kind: kind.slice(0, 100), at: new Date().toISOString(), origin: processOrigin };
    // This process's caches forget at once what its own change touched (other processes hear it by NOTIFY).
    for (const forget of localForgetters) forget(change);
    if (this.mode === "local") {
      this.emitter.emit("change", change);
      return;
    }
    const query = this.options.query ?? ((text: string, values: unknown[]) => database().pool.query(text, values));
    // The change is committed already: failing to announce it must not fail the request that made it.
    try {
      for (const payload of encode(change)) await query("SELECT pg_notify($1, $2)", [liveChannel, payload]);
    } catch (error) {
      console.error("[live] could not publish a change:", (error as Error).message);
    }
  }

  /**
   * Calls `listener` for each change that concerns one of `topics` (topics.ts: `concerns`; a resync concerns
   * everyone, and `*` hears every change); returns the unsubscribe function.
   */
  subscribe(topics: string[], listener: LiveListener): () => void {
    const named = new Set(topics);
    const families = topics.filter((watched) => watched === everyTopic || watched.endsWith(":*"));
    const forward = (change: LiveChange) => {
      const concerned = change.topics.some(
        (changed) => changed === everyTopic || named.has(changed) || families.some((watched) => concerns(watched, changed)),
      );
      if (concerned) listener(change);
    };
    this.emitter.on("change", forward);
    if (this.mode === "postgres") this.startListening();
    return () => {
      this.emitter.off("change", forward);
    };
  }

  get subscriberCount() {
    return this.emitter.listenerCount("change");
  }

  /** The listening connection's backend process id (PostgreSQL mode, while connected). */
  get listenerPid() {
    return this.backendPid;
  }

  /**
   * Resolves true once this process hears every instance's changes (at once in local mode; on PostgreSQL
   * when the listening connection is up, opening it if need be), false after `timeoutMs`.
   */
  ready(timeoutMs = 5_000): Promise<boolean> {
    if (this.mode === "local" || this.client) return Promise.resolve(true);
    if (this.closed) return Promise.resolve(false);
    this.startListening();
    return new Promise((resolve) => {
      const done = (value: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(onReady);
        resolve(value);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.waiters.add(onReady);
    });
  }

  async close() {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.emitter.removeAllListeners();
    const client = this.client;
    this.client = null;
    this.backendPid = null;
    await client?.end().catch(() => {});
  }

  private startListening() {
    if (this.client || this.connecting || this.closed || this.retryTimer) return;
    void this.connect();
  }

  private async connect() {
    this.connecting = true;
    const client = new pg.Client({
      connectionString: this.options.databaseUrl!,
      application_name: "factdesk-live",
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      // The same limits as the app's pool (a LISTEN and the pings are quick; a stall must not hang them).
      ...databaseTimeouts(this.options.databaseUrl!),
    });
    let dropped = false;
    const drop = (error?: Error) => {
      if (dropped) return;
      dropped = true;
      if (this.client === client) {
        this.client = null;
        this.backendPid = null;
      }
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.pingTimer = null;
      void client.end().catch(() => {});
      if (this.closed) return;
      if (error) console.error("[live] listening connection lost:", error.message);
      this.scheduleReconnect();
    };
    client.on("error", drop);
    client.on("end", () => drop());
    client.on("notification", (message) => {
      if (message.channel !== liveChannel) return;
      const change = decode(message.payload);
      if (change) this.emitter.emit("change", change);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${liveChannel}`);
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      if (this.closed || dropped) {
        drop();
        return;
      }
      this.client = client;
      this.backendPid = rows[0]?.pid ?? null;
      this.attempts = 0;
      this.pingTimer = setInterval(() => {
        client.query("SELECT 1").catch((error: Error) => drop(error));
      }, this.options.pingMs ?? 30_000);
      this.pingTimer.unref();
      for (const waiter of [...this.waiters]) waiter();
      // Changes made while the connection was down never arrived: tell every page to reload.
      if (this.everConnected) this.emitter.emit("change", { topics: [everyTopic], kind: "resync", at: new Date().toISOString() } satisfies LiveChange);
      this.everConnected = true;
    } catch (error) {
      drop(error as Error);
    } finally {
      this.connecting = false;
    }
  }

  private scheduleReconnect() {
    if (this.retryTimer || this.closed) return;
    const { initialMs, maxMs } = this.options.reconnect ?? { initialMs: 250, maxMs: 30_000 };
    const delay = Math.min(maxMs, initialMs * 2 ** this.attempts) * (0.75 + Math.random() * 0.5);
    this.attempts += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      // Nobody listening any more: reconnect with the next subscriber instead.
      if (this.subscriberCount > 0) this.startListening();
    }, delay);
    this.retryTimer.unref();
  }
}

export function createLiveBus(options: LiveBusOptions): LiveBus {
  return new LiveBus(options);
}

// One bus per process (remembered, so the server entry, the route bundle and dev reloads share it), for the
// database the process runs on.
const current = remember("live", () => ({ live: undefined as { bus: LiveBus; url: string | undefined } | undefined }));

export function liveBus(): LiveBus {
  const env = serverEnv();
  const url = env.DATABASE_URL;
  if (!current.live || current.live.url !== url) {
    void current.live?.bus.close();
    // The embedded database serves one process: PostgreSQL's NOTIFY is used only on a real server.
    current.live = { bus: createLiveBus({ databaseUrl: url && !onEmbeddedDatabase(env) ? url : null }), url };
  }
  return current.live.bus;
}

/** The emitter this process's subscribers listen on. */
export function liveEmitter(): EventEmitter {
  return liveBus().emitter;
}

/** Every cache's forget callback in this process, whichever copy of this module registered it. */
const localForgetters = shared.forgetters;

/**
 * For caches (cache.server.ts), which sort out the topics themselves: `forget` runs synchronously for each
 * change this process publishes, and for every change heard from other processes and every resync.
 * Returns the function that stops it.
 */
export function onChange(forget: LiveListener): () => void {
  localForgetters.add(forget);
  // This process's own changes were forgotten when published; their echo must not drop fresher entries.
  const unsubscribe = subscribe([everyTopic], (change) => {
    if (change.origin !== processOrigin) forget(change);
  });
  return () => {
    localForgetters.delete(forget);
    unsubscribe();
  };
}

/** Announces a change to everyone watching any of `topics`, on every instance. Call after the change is committed. */
export function publishChange(topics: LiveTopic[], kind: string): Promise<void> {
  return liveBus().publish(topics, kind);
}

/** Calls `listener` for every change naming one of `topics`; returns the function that stops it. */
export function subscribe(topics: string[], listener: LiveListener): () => void {
  return liveBus().subscribe(topics, listener);
}

/** True once this process hears other instances' changes (immediately on the embedded database). */
export function liveReady(timeoutMs?: number): Promise<boolean> {
  return liveBus().ready(timeoutMs);
}

/** Closes the listening connection (tests, shutdown). */
export async function stopLiveBus() {
  const stopping = current.live;
  current.live = undefined;
  await stopping?.bus.close();
}
