// Background jobs, queued in the app's own PostgreSQL database with pg-boss (schema `pgboss`, created
// and migrated by pg-boss itself). No extra server: the web process runs the workers.
//
// Every query pg-boss makes goes through an adapter over the app's pool (`database().pool`) instead of a
// pool of its own (docs/decisions/0010): on the embedded database that pool has ONE connection, the
// only safe way to talk to PGlite (0004); on a real server it saves a second pool to size and close.
// `enqueue(…, { tx })` inserts the job through a Prisma interactive transaction, so a job and the rows
// it works on commit (or roll back) together.
//
// Workers are our own small polling loops over pg-boss's fetch/complete/fail rather than `boss.work()`:
// pg-boss 10's `offWork()` returns before its polling loop has ended and completes jobs without awaiting
// the query, so a stop followed by closing the pool could still run a query on the closed pool. Our
// loops are awaited by `stopJobs()`, which aborts a running job (it fails and is retried after the next
// start), and returns only when no job is running and no query is pending.
//
// One instance per process, remembered (the server entry and the route bundle share it). Before
// `startJobs()` — in tests, in the CLI — `enqueue` still works: it installs the schema on first use and
// queues the job for whichever process runs the workers.
import { setTimeout as sleep } from "node:timers/promises";
import PgBoss from "pg-boss";
import { database } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { remember } from "~/utils/remember.server";
import { archiveSnapshot, giveUpSnapshot, stalePendingSnapshotIds } from "~/sources/archive.server";

/** Each job's name and its data. */
export type JobData = {
  "archive-source": { snapshotId: string };
};
export type JobName = keyof JobData;
/** A job's work; `signal` aborts when the workers stop (the job then fails and is retried later). */
type Handler<N extends JobName> = (data: JobData[N], signal: AbortSignal) => Promise<unknown>;

/** The workers this process runs after `startJobs()`. */
const workers: { [N in JobName]: Handler<N> } = {
  "archive-source": ({ snapshotId }, signal) => archiveSnapshot(snapshotId, { signal }),
};

/**
 * What a job's failure for good leaves behind: called when a handler throws on the job's last attempt
 * (its retries used up). An archive attempt is then FAILED (`archive_failed`), never left PENDING.
 */
const givingUp: { [N in JobName]: (data: JobData[N]) => Promise<unknown> } = {
  "archive-source": ({ snapshotId }) => giveUpSnapshot(snapshotId, "archive_failed"),
};

/**
 * Queue settings. A handler records its own failures (a source that cannot be fetched, or a page that
 * cannot be read safely, is an outcome, not an error: such a job completes and is never retried);
 * pg-boss retries only what throws (the database was unreachable…), and a job whose process died is
 * expired after `expireInSeconds` and retried. After the last retry, `givingUp` settles the job's rows.
 */
const queueOptions: { [N in JobName]: PgBoss.Queue } = {
  "archive-source": { name: "archive-source", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
};

/** PENDING snapshots older than this are queued again when the workers start (and every sweep). */
export const staleSnapshotMs = 10 * 60 * 1000;
const sweepEveryMs = 5 * 60 * 1000;
const defaultPollingMs = 1_500;

// ---------------------------------------------------------------------------------------------------------
// Database adapters

type Row = Record<string, unknown>;

/** pg-boss's queries through the app's pool (one connection on the embedded database). */
function poolAdapter(): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = await database().pool.query<Row>(text, values as unknown[] | undefined);
      return { rows: result.rows };
    },
  };
}

/** node-postgres sends `undefined` as NULL and objects as JSON; Prisma's raw queries need that done. */
function rawParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return JSON.stringify(value);
  }
  return value;
}

/** pg-boss's queries inside a Prisma interactive transaction: the job commits with the caller's rows. */
function transactionAdapter(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const rows = await tx.$queryRawUnsafe<Row[]>(text, ...values.map(rawParameter));
      return { rows };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// The instance

type Runner = {
  stop: AbortController;
  loops: Promise<void>[];
  sweeper: ReturnType<typeof setInterval>;
  /** Wakes the sleeping worker of each queue. */
  wake: Map<JobName, () => void>;
};

type Jobs = {
  url: string;
  boss: PgBoss;
  /** Resolves once the pgboss schema exists and every queue is created. */
  ready: Promise<PgBoss>;
  runner: Runner | null;
};

const current = remember("jobs", () => ({ jobs: undefined as Jobs | undefined }));

function createJobs(url: string, supervise: boolean): Jobs {
  // No pool of pg-boss's own (`db`), no cron scheduler; maintenance (expiring jobs of dead processes,
  // archiving and deleting old jobs) only where workers run.
  const boss = new PgBoss({ db: poolAdapter(), supervise, schedule: false, migrate: true });
  boss.on("error", (error: Error) => console.error("[jobs]", error.message));
  const ready = (async () => {
    await boss.start();
    for (const options of Object.values(queueOptions)) await boss.createQueue(options.name, options);
    return boss;
  })();
  // A failed start is reported to whoever awaits `ready`; do not leave it unhandled meanwhile.
  ready.catch(() => {});
  return { url, boss, ready, runner: null };
}

function currentUrl(): string {
  // database() throws the usual explanation when DATABASE_URL is missing.
  return database().url;
}

/** The instance for the configured database, its schema installed; created on first use. */
async function jobs(): Promise<Jobs> {
  const url = currentUrl();
  let instance = current.jobs;
  if (!instance || instance.url !== url) {
    instance = createJobs(url, false);
    current.jobs = instance;
  }
  try {
    await instance.ready;
  } catch (error) {
    if (current.jobs === instance) current.jobs = undefined; // try again next time
    throw error;
  }
  return instance;
}

/** Installs pg-boss's schema and queues if needed. Call before a transaction that enqueues a job. */
export async function prepareJobs(): Promise<void> {
  await jobs();
}

// ---------------------------------------------------------------------------------------------------------
// Enqueueing

export type EnqueueOptions = {
  /** Insert the job inside this Prisma interactive transaction (call `prepareJobs()` before opening it). */
  tx?: Prisma.TransactionClient;
  /** Seconds to wait before the job may run. */
  startAfterSeconds?: number;
};

/** Queues a job; returns its id. Without `tx` the job is committed at once. */
export async function enqueue<N extends JobName>(name: N, data: JobData[N], options: EnqueueOptions = {}): Promise<string> {
  const { boss } = await jobs();
  const sendOptions: PgBoss.SendOptions = {};
  if (options.tx) sendOptions.db = transactionAdapter(options.tx);
  if (options.startAfterSeconds) sendOptions.startAfter = options.startAfterSeconds;
  const id = await boss.send(name, data, sendOptions);
  if (!id) throw new Error(`pg-boss did not queue the ${name} job`);
  return id;
}

/** Asks this process's worker for `name` to look for jobs now (after the transaction that queued one commits). */
export function nudgeWorker(name: JobName): void {
  current.jobs?.runner?.wake.get(name)?.();
}

// ---------------------------------------------------------------------------------------------------------
// Workers

async function workLoop<N extends JobName>(boss: PgBoss, name: N, handler: Handler<N>, runner: Runner, pollingMs: number) {
  const signal = runner.stop.signal;
  while (!signal.aborted) {
    // pg-boss answers [] when the query fails (database unreachable): the worker just polls again later.
    const batch = await boss.fetch<JobData[N]>(name, { batchSize: 1, includeMetadata: true }).catch(() => []);
    for (const job of batch) {
      try {
        await handler(job.data, signal);
        await boss.complete(name, job.id);
      } catch (error) {
        // Aborted by stopJobs: not an error of the job's, and pg-boss retries it.
        const message = signal.aborted ? "stopped before it finished" : (error as Error).message;
        if (!signal.aborted) console.error(`[jobs] ${name} ${job.id} failed:`, message);
        // The last attempt: pg-boss will not retry it, so its rows must not wait for it.
        if (!signal.aborted && job.retryCount >= job.retryLimit) {
          await givingUp[name](job.data).catch((giveUpError: Error) => {
            console.error(`[jobs] could not settle ${name} ${job.id} after its last attempt:`, giveUpError.message);
          });
        }
        await boss.fail(name, job.id, { message }).catch((failError: Error) => {
          console.error(`[jobs] could not record the failure of ${job.id}:`, failError.message);
        });
      }
    }
    if (batch.length > 0 || signal.aborted) continue;
    // Sleep until the next poll, a nudge, or stop.
    const wakeUp = new AbortController();
    runner.wake.set(name, () => wakeUp.abort());
    await sleep(pollingMs, undefined, { signal: AbortSignal.any([signal, wakeUp.signal]) }).catch(() => {});
    runner.wake.delete(name);
  }
}

/**
 * What pg-boss holds for each snapshot's archive jobs (current and archived rows): whether one will still
 * run (created, retry, active) and whether one failed for good.
 */
async function archiveJobStates(snapshotIds: string[]): Promise<Map<string, { live: boolean; failed: boolean }>> {
  await jobs(); // the pgboss schema exists
  const { rows } = await database().pool.query<{ snapshot_id: string; live: boolean; failed: boolean }>(
    `SELECT data->>'snapshotId' AS snapshot_id,
            bool_or(state IN ('created', 'retry', 'active')) AS live,
            bool_or(state = 'failed') AS failed
       FROM (SELECT data, state FROM pgboss.job WHERE name = 'archive-source' AND data->>'snapshotId' = ANY($1::text[])
             UNION ALL
             SELECT data, state FROM pgboss.archive WHERE name = 'archive-source' AND data->>'snapshotId' = ANY($1::text[])) AS jobs
      GROUP BY 1`,
    [snapshotIds],
  );
  return new Map(rows.map((row) => [row.snapshot_id, { live: row.live, failed: row.failed }]));
}

/**
 * Looks after the snapshots left PENDING for longer than `olderThanMs`: one whose job is still queued or
 * running is left alone; one whose job failed for good (retries used up, e.g. its process died every
 * time) is FAILED (`archive_failed`) and never queued again; one with no job at all (lost with a crashed
 * database, or never committed to pg-boss) is queued again. Returns how many were queued.
 */
export async function sweepPendingSnapshots(olderThanMs = staleSnapshotMs): Promise<number> {
  const ids = await stalePendingSnapshotIds(olderThanMs);
  if (ids.length === 0) return 0;
  const states = await archiveJobStates(ids);
  let queued = 0;
  let givenUp = 0;
  for (const snapshotId of ids) {
    const state = states.get(snapshotId);
    if (state?.live) continue;
    if (state?.failed) {
      if (await giveUpSnapshot(snapshotId, "archive_failed")) givenUp += 1;
      continue;
    }
    await enqueue("archive-source", { snapshotId });
    queued += 1;
  }
  if (queued) console.log(`[jobs] queued ${queued} pending source snapshot(s) again`);
  if (givenUp) console.log(`[jobs] ${givenUp} pending source snapshot(s) failed for good: marked FAILED`);
  return queued;
}

export type StartJobsOptions = {
  /** How often an idle worker asks for jobs. Default 1.5 s. */
  pollingIntervalSeconds?: number;
};

/**
 * Starts pg-boss and this process's workers on the configured database (installing or migrating the
 * `pgboss` schema), then queues stale PENDING snapshots again. Idempotent.
 */
export async function startJobs(options: StartJobsOptions = {}): Promise<void> {
  const url = currentUrl();
  const existing = current.jobs;
  if (existing?.runner && existing.url === url) return;
  if (existing) await stopInstance(existing);

  const instance = createJobs(url, true);
  current.jobs = instance;
  const boss = await instance.ready;
  const pollingMs = Math.max(500, (options.pollingIntervalSeconds ?? defaultPollingMs / 1000) * 1000);
  const runner: Runner = {
    stop: new AbortController(),
    loops: [],
    wake: new Map(),
    sweeper: setInterval(() => void sweepPendingSnapshots().catch((error: Error) => console.error("[jobs] sweep:", error.message)), sweepEveryMs),
  };
  runner.sweeper.unref();
  instance.runner = runner;
  for (const name of Object.keys(workers) as JobName[]) {
    runner.loops.push(workLoop(boss, name, workers[name], runner, pollingMs));
  }
  await sweepPendingSnapshots();
}

async function stopInstance(instance: Jobs) {
  const runner = instance.runner;
  instance.runner = null;
  if (runner) {
    clearInterval(runner.sweeper);
    runner.stop.abort();
    await Promise.allSettled(runner.loops); // a running job is aborted, and its failure recorded, first
  }
  await instance.ready.catch(() => {});
  // No pool of its own to close; this clears pg-boss's maintenance timer.
  await instance.boss.stop({ graceful: false, close: false }).catch(() => {});
}

/** Stops the workers (waiting for a running job to finish) and pg-boss. Safe to call when not started. */
export async function stopJobs(): Promise<void> {
  const stopping = current.jobs;
  if (!stopping) return;
  current.jobs = undefined;
  await stopInstance(stopping);
}
