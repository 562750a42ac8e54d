// One value per process, whichever copy of a module asks: the server entry (scripts/start.ts loads the app's
// modules through tsx) and the route bundle (build/server) each evaluate their own copy of a module, Vitest
// re-evaluates modules for every test file, and dev reloads evaluate them again. A value kept in a module's
// own variable would exist once per copy; kept here, on globalThis under `Symbol.for("factdesk." + name)`,
// every copy gets the one created first.

/** The process's value named `name`, created by `create` on first use. */
export function remember<T>(name: string, create: () => T): T {
  const holder = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(`factdesk.${name}`);
  if (!(key in holder)) holder[key] = create();
  return holder[key] as T;
}
