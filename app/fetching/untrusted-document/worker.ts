// The entry of a document worker (node:worker_threads): calls the one function named in `workerData` (an
// export of one of the app's own modules, given by its path from the project root) and posts its result,
// or its failure as plain data (classes do not survive postMessage), then ends. Started by read.server.ts
// with time and memory limits; loaded through tsx, like the server itself (scripts/start.ts).
import { parentPort, workerData } from "node:worker_threads";
import { Refusal } from "~/utils/refusal";
import { DocumentRefusal } from "./limits";

export type WorkerFailure =
  | { kind: "refusal"; code: DocumentRefusal["code"]; detail: Record<string, number>; message: string }
  /** A refusal of the owner's own kind (an ImportError, say), its reason as `code`: read.server rebuilds it as a DocumentTaskError. */
  | { kind: "coded"; name: string; code: string; detail?: Record<string, string | number>; message: string }
  | { kind: "error"; message: string };

export type WorkerReply = { ok: true; value: unknown } | { ok: false; failure: WorkerFailure };

export type WorkerJob = { moduleUrl: string; exportName: string; args: unknown[] };

function failureOf(error: unknown): WorkerFailure {
  if (error instanceof DocumentRefusal) return { kind: "refusal", code: error.code, detail: error.detail, message: error.message };
  // A recursive walk that overflowed the stack: the document's shape, not a fault of ours.
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return { kind: "refusal", code: "unreadable", detail: {}, message: error.message };
  }
  if (error instanceof Refusal) {
    const { reason: code, detail } = error as Refusal & { detail?: Record<string, string | number> };
    return detail === undefined ? { kind: "coded", name: error.name, code, message: error.message } : { kind: "coded", name: error.name, code, detail, message: error.message };
  }
  return { kind: "error", message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

const { moduleUrl, exportName, args } = workerData as WorkerJob;
let reply: WorkerReply;
try {
  const run = (await import(moduleUrl))[exportName] as (...args: unknown[]) => unknown;
  if (typeof run !== "function") throw new Error(`${moduleUrl} exports no function ${exportName}`);
  reply = { ok: true, value: await run(...args) };
} catch (error) {
  reply = { ok: false, failure: failureOf(error) };
}
parentPort!.postMessage(reply);
