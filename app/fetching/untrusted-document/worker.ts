// The entry of a document worker (node:worker_threads): runs the one task in `workerData` and posts its
// result, or its failure as plain data (classes do not survive postMessage), then ends. Started by
// read.server.ts with time and memory limits; loaded through tsx, like the server itself (scripts/start.ts).
import { parentPort, workerData } from "node:worker_threads";
import { ImportError } from "~/articles/text";
import { DocumentRefusal } from "./limits";
import { type DocumentTask, runDocumentTask } from "./tasks.server";

export type WorkerFailure =
  | { kind: "refusal"; code: DocumentRefusal["code"]; detail: Record<string, number>; message: string }
  | { kind: "import"; code: ImportError["code"]; detail?: Record<string, string | number>; message: string }
  | { kind: "error"; message: string };

export type WorkerReply = { ok: true; value: unknown } | { ok: false; failure: WorkerFailure };

function failureOf(error: unknown): WorkerFailure {
  if (error instanceof DocumentRefusal) return { kind: "refusal", code: error.code, detail: error.detail, message: error.message };
  if (error instanceof ImportError) {
    return error.detail === undefined
      ? { kind: "import", code: error.code, message: error.message }
      : { kind: "import", code: error.code, detail: error.detail, message: error.message };
  }
  // A recursive walk that overflowed the stack: the document's shape, not a fault of ours.
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return { kind: "refusal", code: "unreadable", detail: {}, message: error.message };
  }
  return { kind: "error", message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

const { task, input } = workerData as { task: DocumentTask; input: never };
let reply: WorkerReply;
try {
  reply = { ok: true, value: await runDocumentTask(task, input) };
} catch (error) {
  reply = { ok: false, failure: failureOf(error) };
}
parentPort!.postMessage(reply);
