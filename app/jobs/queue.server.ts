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
// `startJobs()` — in tests, in the CLI — `enqueue` still works: it installs the schema and the job's queue
// on first use and queues the job for whichever process runs the workers.
//
// This folder is the mechanism only: it knows no job. Each kind of job is defined by its owner
// (`defineJob`, beside the work it does, e.g. ~/sources/archive-job.server) and enqueued through that
// definition; the process that runs workers hands `startJobs` the list of definitions
// (~/server/background-jobs.server), so jobs/ imports no domain folder.
import { setTimeout as sleep } from "node:timers/promises";
import PgBoss from "pg-boss";
import { database } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { remember } from "~/utils/remember.server";

/**
 * A kind of background job, defined by its owner. A job records its own failures (a source that cannot
 * be fetched is an outcome, not an error: such a job completes and is never retried); pg-boss retries
 * only what throws (the database was unreachable…), and a job whose process died is expired after
 * `queue.expireInSeconds` and retried. After the last retry, `giveUp` settles the job's rows.
 */
export type JobDefinition<D extends object> = {
  name: string;
  /** The queue's settings: retries and expiry. */
  queue: Omit<PgBoss.Queue, "name">;
  /** The job's work; `signal` aborts when the workers stop (the job then fails and is retried later). */
  run: (data: D, signal: AbortSignal) => Promise<unknown>;
  /** What the job's failure for good leaves behind: called when `run` throws on the last attempt. */
  giveUp?: (data: D) => Promise<unknown>;
  /** Looks after work whose job may have been lost; run when the workers start and every five minutes. */
  sweep?: () => Promise<unknown>;
};

/** Defines a kind of job (its owner declares it beside its work); enqueue it with `enqueue(job, data)`. */
export function defineJob<D extends object>(definition: JobDefinition<D>): JobDefinition<D> {
  return definition;
}

/** A job of any data, as the workers hold them. */
type AnyJob = JobDefinition<never>;

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
  /** Wakes the sleeping worker of each queue, by job name. */
  wake: Map<string, () => void>;
};

type Jobs = {
  url: string;
  boss: PgBoss;
  /** Resolves once the pgboss schema exists. */
  ready: Promise<PgBoss>;
  /** Each job's queue, by name: resolves once it is created. */
  queues: Map<string, Promise<void>>;
  runner: Runner | null;
};

/** This process's instance, shared by every copy of this module (remember). */
const held = remember("jobs", () => ({ jobs: undefined as Jobs | undefined }));

function createJobs(url: string, supervise: boolean): Jobs {
  // No pool of pg-boss's own (`db`), no cron scheduler; maintenance (expiring jobs of dead processes,
  // archiving and deleting old jobs) only where workers run.
  const boss = new PgBoss({ db: poolAdapter(), supervise, schedule: false, migrate: true });
  boss.on("error", (error: Error) => console.error("[jobs]", error.message));
  const ready = boss.start();
  // A failed start is reported to whoever awaits `ready`; do not leave it unhandled meanwhile.
  ready.catch(() => {});
  return { url, boss, ready, queues: new Map(), runner: null };
}

function currentUrl(): string {
  // database() throws the usual explanation when DATABASE_URL is missing.
  return database().url;
}

/** The instance for the configured database, its schema installed; created on first use. */
async function jobs(): Promise<Jobs> {
  const url = currentUrl();
  let current = held.jobs;
  if (!current || current.url !== url) {
    current = createJobs(url, false);
    held.jobs = current;
  }
  try {
    await current.ready;
  } catch (error) {
    if (held.jobs === current) held.jobs = undefined; // try again next time
    throw error;
  }
  return current;
}

/** `job`'s queue in `instance`, created on first use. */
async function queueOf(instance: Jobs, job: AnyJob): Promise<void> {
  let created = instance.queues.get(job.name);
  if (!created) {
    created = instance.boss.createQueue(job.name, { ...job.queue, name: job.name });
    instance.queues.set(job.name, created);
    created.catch(() => instance.queues.delete(job.name)); // try again next time
  }
  await created;
}

/** Installs pg-boss's schema and `job`'s queue if needed. Call before a transaction that enqueues a job. */
export async function prepareJobs(job: AnyJob): Promise<void> {
  await queueOf(await jobs(), job);
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
export async function enqueue<D extends object>(job: JobDefinition<D>, data: D, options: EnqueueOptions = {}): Promise<string> {
  const instance = await jobs();
  await queueOf(instance, job);
  const { name } = job;
  const { boss } = instance;
  const sendOptions: PgBoss.SendOptions = {};
  if (options.tx) sendOptions.db = transactionAdapter(options.tx);
  if (options.startAfterSeconds) sendOptions.startAfter = options.startAfterSeconds;
  const id = await boss.send(name, data, sendOptions);
  if (!id) throw new Error(`pg-boss did not queue the ${name} job`);
  return id;
}

/** Asks this process's worker for `job` to look for jobs now (after the transaction that queued one commits). */
export function nudgeWorker(job: AnyJob): void {
  held.jobs?.runner?.wake.get(job.name)?.();
}

// ---------------------------------------------------------------------------------------------------------
// Workers

async function workLoop<D extends object>(boss: PgBoss, definition: JobDefinition<D>, runner: Runner, pollingMs: number) {
  const { name } = definition;
  const signal = runner.stop.signal;
  while (!signal.aborted) {
    // pg-boss answers [] when the query fails (database unreachable): the worker just polls again later.
    const batch = await boss.fetch<D>(name, { batchSize: 1, includeMetadata: true }).catch(() => []);
    for (const job of batch) {
      try {
        await definition.run(job.data, signal);
        await boss.complete(name, job.id);
      } catch (error) {
        // Aborted by stopJobs: not an error of the job's, and pg-boss retries it.
        const message = signal.aborted ? "stopped before it finished" : (error as Error).message;
        if (!signal.aborted) console.error(`[jobs] ${name} ${job.id} failed:`, message);
        // The last attempt: pg-boss will not retry it, so its rows must not wait for it.
        if (!signal.aborted && job.retryCount >= job.retryLimit && definition.giveUp) {
          await definition.giveUp(job.data).catch((giveUpError: Error) => {
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
 * What pg-boss holds for `job`'s jobs (current and archived rows), by the value of their data's `field`:
 * whether one will still run (created, retry, active) and whether one failed for good.
 */
export async function jobStates<D extends object>(
  job: JobDefinition<D>,
  field: keyof D & string,
  values: string[],
): Promise<Map<string, { live: boolean; failed: boolean }>> {
  await jobs(); // the pgboss schema exists
  const { rows } = await database().pool.query<{ value: string; live: boolean; failed: boolean }>(
    `SELECT data->>$2::text AS value,
            bool_or(state IN ('created', 'retry', 'active')) AS live,
            bool_or(state = 'failed') AS failed
       FROM (SELECT data, state FROM pgboss.job WHERE name = $3 AND data->>$2::text = ANY($1::text[])
             UNION ALL
             SELECT data, state FROM pgboss.archive WHERE name = $3 AND data->>$2::text = ANY($1::text[])) AS jobs
      GROUP BY 1`,
    [values, field, job.name],
  );
  return new Map(rows.map((row) => [row.value, { live: row.live, failed: row.failed }]));
}

/** Runs every job's sweep, one after another. */
async function sweep(definitions: AnyJob[]): Promise<void> {
  for (const job of definitions) await job.sweep?.();
}

export type StartJobsOptions = {
  /** How often an idle worker asks for jobs. Default 1.5 s. */
  pollingIntervalSeconds?: number;
};

/**
 * Starts pg-boss and this process's workers for `definitions` on the configured database (installing or
 * migrating the `pgboss` schema and their queues), then runs their sweeps. Idempotent.
 */
export async function startJobs(definitions: AnyJob[], options: StartJobsOptions = {}): Promise<void> {
  const url = currentUrl();
  const existing = held.jobs;
  if (existing?.runner && existing.url === url) return;
  if (existing) await stopInstance(existing);

  const current = createJobs(url, true);
  held.jobs = current;
  const boss = await current.ready;
  const pollingMs = Math.max(500, (options.pollingIntervalSeconds ?? defaultPollingMs / 1000) * 1000);
  for (const job of definitions) await queueOf(current, job);
  const runner: Runner = {
    stop: new AbortController(),
    loops: [],
    wake: new Map(),
    sweeper: setInterval(() => void sweep(definitions).catch((error: Error) => console.error("[jobs] sweep:", error.message)), sweepEveryMs),
  };
  runner.sweeper.unref();
  current.runner = runner;
  for (const job of definitions) runner.loops.push(workLoop(boss, job, runner, pollingMs));
  await sweep(definitions);
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
  const current = held.jobs;
  if (!current) return;
  held.jobs = undefined;
  await stopInstance(current);
}
