// A value each process keeps for a few seconds and forgets as soon as the live bus announces a change to
// one of its topics (at once for this process's own changes). A failed load is not kept.
import { onChange } from "./bus.server";

export type LiveCachedValue<T> = { get(): Promise<T>; forget(): void };

export function liveCachedValue<T>(load: () => Promise<T>, options: { maxAgeMs: number; topics: string[] }): LiveCachedValue<T> {
  let cached: { at: number; value: Promise<T> } | undefined;
  let watching = false;
  const forget = () => {
    cached = undefined;
  };
  return {
    get() {
      if (!watching) {
        watching = true;
        onChange(options.topics, forget);
      }
      const now = Date.now();
      if (!cached || now - cached.at > options.maxAgeMs) {
        const value = load();
        cached = { at: now, value };
        value.catch(() => {
          if (cached?.value === value) cached = undefined;
        });
      }
      return cached.value;
    },
    forget,
  };
}
