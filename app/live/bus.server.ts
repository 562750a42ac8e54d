// Live changes: domain code announces what changed after its transaction commits; open pages
// (server-sent events, /events) refresh their data. Topics: `article:<id>`, `claim:<id>`, `queue:<userId>`,
// `notifications:<userId>`, `desk`.
//
// This in-process version serves one instance; the PostgreSQL LISTEN/NOTIFY transport extends it so
// that every app instance sharing the database hears every change.
import { EventEmitter } from "node:events";

export type LiveChange = { topics: string[]; kind: string; at: string };

const key = Symbol.for("factdesk.live");
type Holder = { [key]?: EventEmitter };

export function liveEmitter(): EventEmitter {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    holder[key] = new EventEmitter();
    holder[key].setMaxListeners(0);
  }
  return holder[key];
}

/** Announces a change to everyone watching any of `topics`. Call after the change is committed. */
export async function publishChange(topics: string[], kind: string): Promise<void> {
  const change: LiveChange = { topics, kind, at: new Date().toISOString() };
  liveEmitter().emit("change", change);
}
