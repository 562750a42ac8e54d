// The one cache for values read far more often than they change (the newsroom's settings, the desk's
// figures, an article's board, a public fact-check page). Each process keeps an entry until the live bus
// announces a change to one of its topics — at once for this process's own changes, by NOTIFY for other
// instances', everything after a resync — and for `ttlMs` at most in any case. docs/decisions/0015.
//
// An entry is a load under way or its value: everyone asking meanwhile waits for the same load, a change
// announced during it drops it (that request gets what was loaded, nothing is remembered), and a failed
// load is not kept.
import { onChange } from "./bus.server";
import { concerns, everyTopic, type LiveTopic } from "./topics";

export type LiveCacheOptions<K, V> = {
  /**
   * Reads the value. `previous` is the entry's last value when it expired (not when a change dropped it),
   * for loads that can tell cheaply that it still holds.
   */
  load: (key: K, previous: V | undefined) => Promise<V>;
  /** The topics whose change makes the entry stale (families like `topic.anyArticle` allowed). */
  topicsOf: (key: K) => LiveTopic[];
  /** How long an entry is served at most, from when its load finished. */
  ttlMs: number;
  /** The entry's name, for keys that are not strings (default: the key as a string). */
  keyOf?: (key: K) => string;
  /** Entries kept at most; the least recently loaded goes first (default 500). */
  maxEntries?: number;
};

export type LiveCache<K, V> = {
  /** The value: remembered, or loaded once however many ask at the same time. */
  get(key: K): Promise<V>;
  /** The remembered value if it is loaded and fresh, for callers that answer without waiting. */
  peek(key: K): V | undefined;
  /** Starts hearing changes before the first `get` (it starts with the first `get` otherwise). */
  watch(): void;
};

type Entry<V> = { value: Promise<V>; loaded: { value: V; at: number } | null; topics: LiveTopic[] };

/** A keyed cache refreshed by the live bus; `liveCache<void, V>` keeps one value (`get()`). */
export function liveCache<K, V>(options: LiveCacheOptions<K, V>): LiveCache<K, V> {
  const entries = new Map<string, Entry<V>>();
  const keyOf = options.keyOf ?? String;
  const maxEntries = options.maxEntries ?? 500;
  let watching = false;

  const fresh = (entry: Entry<V>) => entry.loaded !== null && Date.now() - entry.loaded.at < options.ttlMs;

  function forgetChanged(changed: string[]) {
    if (changed.includes(everyTopic)) return entries.clear();
    const named = new Set(changed);
    const stale = (watched: string) => named.has(watched) || (watched.endsWith(":*") && changed.some((topic) => concerns(watched, topic)));
    for (const [name, entry] of entries) if (entry.topics.some(stale)) entries.delete(name);
  }

  function watch() {
    if (watching) return;
    watching = true;
    onChange((change) => forgetChanged(change.topics));
  }

  return {
    get(key) {
      watch();
      const name = keyOf(key);
      const known = entries.get(name);
      if (known && (!known.loaded || fresh(known))) return known.value;
      const entry: Entry<V> = { value: options.load(key, known?.loaded?.value), loaded: null, topics: options.topicsOf(key) };
      entries.delete(name);
      entries.set(name, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      entry.value.then(
        (value) => {
          entry.loaded = { value, at: Date.now() };
        },
        () => {
          if (entries.get(name) === entry) entries.delete(name);
        },
      );
      return entry.value;
    },
    peek(key) {
      const entry = entries.get(keyOf(key));
      return entry && fresh(entry) ? entry.loaded!.value : undefined;
    },
    watch,
  };
}
