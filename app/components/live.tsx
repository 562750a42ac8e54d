// Live pages: `useLiveRevalidation([topic.claim(id), topic.myNotifications])` (topics from ~/live/topics)
// reloads the page's data (debounced) whenever the server announces a change to one of those topics, over
// server-sent events from /events.
// All hooks on a page share one EventSource (browsers allow few connections per site over HTTP/1.1), opened
// on the union of their topics. EventSource reconnects by itself; after a reconnect the page reloads once,
// since changes made meanwhile were missed. On the server (SSR) nothing is opened.
import { useEffect, useRef, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { useRevalidator } from "react-router";
import type { LiveTopic } from "~/live/topics";

export type LiveStatus = "connecting" | "live" | "offline";

type Entry = { topics: string[]; onChange: () => void };

const debounceMs = 150;
const retryAfterFailureMs = [5_000, 15_000, 60_000];

/** One connection per page, shared by every hook on it. Browser only. */
const connection = {
  entries: new Set<Entry>(),
  statusListeners: new Set<() => void>(),
  status: "connecting" as LiveStatus,
  source: null as EventSource | null,
  key: "",
  failures: 0,
  retryTimer: undefined as ReturnType<typeof setTimeout> | undefined,
  syncQueued: false,

  setStatus(status: LiveStatus) {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener();
  },

  notify(topics: string[] | null) {
    for (const entry of this.entries) {
      if (!topics || entry.topics.some((topic) => topics.includes(topic))) entry.onChange();
    }
  },

  /** Reopens the stream when the union of wanted topics changed (batched: many hooks mount at once). */
  sync() {
    if (this.syncQueued) return;
    this.syncQueued = true;
    queueMicrotask(() => {
      this.syncQueued = false;
      const key = [...new Set([...this.entries].flatMap((entry) => entry.topics))].sort().join(",");
      if (key === this.key && (this.source || this.retryTimer)) return;
      this.close();
      this.key = key;
      this.failures = 0;
      if (key) this.open();
    });
  },

  open() {
    const source = new EventSource(`/events?${new URLSearchParams({ topics: this.key })}`);
    this.source = source;
    let dropped = false;
    this.setStatus("connecting");
    source.onopen = () => {
      this.failures = 0;
      this.setStatus("live");
      // Reconnected: whatever changed while the stream was down was not announced.
      if (dropped) this.notify(null);
      dropped = false;
    };
    source.onmessage = (event: MessageEvent<string>) => {
      try {
        const change = JSON.parse(event.data) as { topics?: unknown };
        this.notify(Array.isArray(change.topics) ? change.topics.filter((t): t is string => typeof t === "string") : null);
      } catch {
        this.notify(null);
      }
    };
    source.onerror = () => {
      dropped = true;
      if (source.readyState !== EventSource.CLOSED) {
        this.setStatus("connecting");
        return;
      }
      // The server refused the stream (signed out, restarting behind a proxy, …): EventSource gives up, we retry later.
      this.setStatus("offline");
      source.close();
      if (this.source !== source) return;
      this.source = null;
      const delay = retryAfterFailureMs[Math.min(this.failures, retryAfterFailureMs.length - 1)]!;
      this.failures += 1;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (this.key && !this.source) {
          this.open();
          this.notify(null);
        }
      }, delay);
    };
  },

  close() {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.source?.close();
    this.source = null;
  },

  add(entry: Entry) {
    this.entries.add(entry);
    this.sync();
    return () => {
      this.entries.delete(entry);
      this.sync();
    };
  },
};

/** Reloads this page's data, at most once per 150 ms burst, when one of `topics` changes on the server. */
export function useLiveRevalidation(topics: LiveTopic[]): LiveStatus {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const key = [...new Set(topics)].sort().join(",");

  useEffect(() => {
    if (!key || typeof EventSource === "undefined") return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const remove = connection.add({
      topics: key.split(","),
      onChange: () => {
        clearTimeout(timer);
        timer = setTimeout(() => void revalidate.current(), debounceMs);
      },
    });
    return () => {
      clearTimeout(timer);
      remove();
    };
  }, [key]);

  return useLiveStatus();
}

function subscribeStatus(listener: () => void) {
  connection.statusListeners.add(listener);
  return () => {
    connection.statusListeners.delete(listener);
  };
}

/** The page's live connection: connecting, live, or offline (the server answers again later). */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    subscribeStatus,
    () => connection.status,
    () => "connecting",
  );
}

/** A small badge saying whether the page updates by itself. */
export function LiveIndicator() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  return (
    <span className={`live-indicator live-indicator--${status}`} data-live-status={status} title={t(`live.${status}Help`)}>
      <span className="live-indicator__dot" aria-hidden="true" />
      {t(`live.${status}`)}
    </span>
  );
}
