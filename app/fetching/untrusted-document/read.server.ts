// Reading untrusted documents OFF the request thread: every page, file or archived source that Factdesk
// parses (linkedom + Readability, mammoth, Markdown, sanitize-html) is read in a worker thread with a time
// limit and a memory limit, at most `readerLimits.concurrency` at once per process. A document that is
// too deep, too large, too slow or too hungry is refused (DocumentRefusal) and the process goes on serving
// everyone else: the worker is terminated, its heap freed with it.
//
// One worker per document: start-up costs a few hundred milliseconds, and no document's leftovers (a
// bloated heap, a half-built tree) ever meet the next one. The worker is app/fetching/untrusted-document/
// worker.ts, loaded from the sources through tsx (worker-bootstrap.mjs registers it) — in development,
// in tests and in production alike: the
// production server is started through tsx too (scripts/start.ts) and loads app/server from the sources,
// so the sources are always where the build runs. The bundled build/server/index.js finds the worker by
// walking up from its own location to the folder that holds app/. The worker calls a function that the
// work's owner names by module path and export (documentTask), so this folder imports no domain module.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { DocumentRefusal } from "./limits";
import type { WorkerJob, WorkerReply } from "./worker";

export { DocumentRefusal, type DocumentRefusalCode, documentLimits } from "./limits";
/**
 * What a worker does with a document: call `exportName` of the app's module at `module` (a path from the
 * project root). The owner of the work declares it beside its code (`documentTask<typeof fn>(…)`), so this
 * folder names no domain module and imports none: the worker loads the module by its path.
 */
export type DocumentTask<F extends (...args: never[]) => unknown> = { module: string; exportName: string; readonly fn?: F };

export function documentTask<F extends (...args: never[]) => unknown>(module: string, exportName: string): DocumentTask<F> {
  if (!/^app\/[\w./-]+\.ts$/.test(module) || module.includes("..")) throw new Error(`A document task must name a module of app/: ${module}`);
  return { module, exportName };
}

/**
 * A task's own error with a code (an ImportError thrown in the worker, say), rebuilt on this side: classes
 * do not cross threads. The owner turns it back into its own kind by `name`.
 */
export class DocumentTaskError extends Error {
  constructor(
    readonly errorName: string,
    readonly code: string,
    readonly detail: Record<string, string | number> | undefined,
    message: string,
  ) {
    super(message);
    this.name = "DocumentTaskError";
  }
}

export const readerLimits = {
  /**
   * Wall-clock time for one document, worker start-up included. A legitimate 5 MB page takes about 2 s to
   * extract (0007) and start-up well under 1 s; 30 s leaves room for a loaded two-core machine, and caps
   * what a hostile document can take.
   */
  timeoutMs: 30_000,
  /**
   * The worker's old-generation heap. A 5 MB page's DOM, Readability's work and the sanitised copy stay
   * well under this; a document that needs more is refused instead of growing the server's memory.
   */
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 64,
  /** Documents read at once in one process: a burst of uploads costs at most this many worker heaps. */
  concurrency: 2,
  /** Documents waiting for a worker; beyond this, new ones are refused as `busy` (each holds up to 5 MB). */
  maxWaiting: 32,
} as const;

// ---------------------------------------------------------------------------------------------------------
// Where the worker is

const workerFolder = "app/fetching/untrusted-document";

/** The project root: the nearest folder above this module (source or bundle) that holds the worker. */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, workerFolder, "worker.ts"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`The document worker (${workerFolder}/worker.ts) was not found above ${fileURLToPath(import.meta.url)}.`);
    dir = parent;
  }
}

type WorkerSetup = { root: string; bootstrap: URL; tsxApi: string; tsconfig: string; entry: string };
let located: WorkerSetup | null = null;

/** The worker starts as plain JavaScript (worker-bootstrap.mjs), which registers tsx and runs worker.ts. */
function workerSetup(): WorkerSetup {
  if (located) return located;
  const root = projectRoot();
  located = {
    root,
    bootstrap: pathToFileURL(path.join(root, workerFolder, "worker-bootstrap.mjs")),
    tsxApi: pathToFileURL(createRequire(path.join(root, "package.json")).resolve("tsx/esm/api")).href,
    // The `~/` paths of the sources, whatever the process's working folder.
    tsconfig: path.join(root, "tsconfig.json"),
    entry: pathToFileURL(path.join(root, workerFolder, "worker.ts")).href,
  };
  return located;
}

// ---------------------------------------------------------------------------------------------------------
// At most `concurrency` workers

let running = 0;
const waiting: Array<() => void> = [];

async function acquire(): Promise<void> {
  if (running < readerLimits.concurrency) {
    running += 1;
    return;
  }
  if (waiting.length >= readerLimits.maxWaiting) throw new DocumentRefusal("busy", {}, "too many documents waiting to be read");
  await new Promise<void>((resolve) => waiting.push(resolve));
}

/** Documents being read and waiting in this process (for monitoring and tests). */
export function documentReaderLoad(): { reading: number; waiting: number } {
  return { reading: running, waiting: waiting.length };
}

function release() {
  const next = waiting.shift();
  if (next) next(); // the slot passes on
  else running -= 1;
}

// ---------------------------------------------------------------------------------------------------------

function errorOf(reply: Extract<WorkerReply, { ok: false }>): Error {
  const { failure } = reply;
  if (failure.kind === "refusal") return new DocumentRefusal(failure.code, failure.detail, failure.message);
  if (failure.kind === "coded") return new DocumentTaskError(failure.name, failure.code, failure.detail, failure.message);
  return new Error(`Reading a document failed: ${failure.message}`);
}

type ReadOptions = {
  /** Ends the worker at once and rejects with the signal's reason (the server is stopping). */
  signal?: AbortSignal;
  /** Tighter limits than `readerLimits` (tests). */
  timeoutMs?: number;
  memoryMb?: number;
};

function runInWorker(task: DocumentTask<(...args: never[]) => unknown>, args: unknown[], options: ReadOptions): Promise<unknown> {
  const { signal } = options;
  const timeoutMs = Math.min(options.timeoutMs ?? readerLimits.timeoutMs, readerLimits.timeoutMs);
  const memoryMb = Math.min(options.memoryMb ?? readerLimits.maxOldGenerationSizeMb, readerLimits.maxOldGenerationSizeMb);
  const setup = workerSetup();
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    let settled = false;
    const worker = new Worker(setup.bootstrap, {
      workerData: {
        tsxApi: setup.tsxApi,
        tsconfig: setup.tsconfig,
        entry: setup.entry,
        moduleUrl: pathToFileURL(path.join(setup.root, task.module)).href,
        exportName: task.exportName,
        args,
      } satisfies WorkerJob & Record<string, unknown>,
      // None of the parent's flags (its loaders, inspector port, heap size) apply to a document worker.
      execArgv: [],
      resourceLimits: {
        maxOldGenerationSizeMb: memoryMb,
        maxYoungGenerationSizeMb: Math.min(readerLimits.maxYoungGenerationSizeMb, memoryMb),
      },
    });
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      // Settled once the thread is gone, so that its slot (and its heap) is free when the next one starts.
      void worker
        .terminate()
        .catch(() => {})
        .finally(outcome);
    };
    const timer = setTimeout(() => settle(() => reject(new DocumentRefusal("too_slow", { seconds: timeoutMs / 1000 }))), timeoutMs);
    const onAbort = () => settle(() => reject(signal!.reason));
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.once("message", (reply: WorkerReply) => settle(() => (reply.ok ? resolve(reply.value) : reject(errorOf(reply)))));
    worker.once("error", (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new DocumentRefusal("too_much_memory", { memoryMb })
            : error instanceof RangeError && /call stack/i.test(error.message)
              ? new DocumentRefusal("unreadable", {}, error.message)
              : new Error(`The document worker failed: ${error.message}`, { cause: error }),
        ),
      ),
    );
    worker.once("exit", (code) => settle(() => reject(new DocumentRefusal("unreadable", {}, `the document worker exited (code ${code})`))));
  });
}

/**
 * Reads an untrusted document in a worker: calls the task's function with `args` there and resolves with its
 * result, or rejects with a DocumentTaskError (the task's own coded error: not an article, an unreadable
 * Word file, …), a DocumentRefusal (too deep, too many elements, too slow, too much memory, crashed, busy),
 * or an Error for a fault of ours.
 */
export async function readUntrustedDocument<F extends (...args: never[]) => unknown>(
  task: DocumentTask<F>,
  args: Parameters<F>,
  options: ReadOptions = {},
): Promise<Awaited<ReturnType<F>>> {
  await acquire();
  try {
    return (await runInWorker(task, args, options)) as Awaited<ReturnType<F>>;
  } finally {
    release();
  }
}
