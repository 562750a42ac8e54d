// Resource routes (a loader or action and no component: feeds, exports, /healthz, /events, …) have nothing
// to run in the browser, but React Router still makes each one an entry of the client build, so Rollup
// reports "Generated an empty chunk" for every one of them on every build. That is expected; an empty
// chunk for any other module is not, and is still reported.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Rollup } from "vite";

/** Rollup's chunk name for a route file: its name without the extension, `$` (and other unsafe characters) as `_`. */
export function routeChunkName(file: string) {
  return path
    .basename(file)
    .replace(/\.[cm]?[jt]sx?$/, "")
    .replace(/[^\w.-]/g, "_");
}

/** The chunk names of the route modules in `routesDir` that have no default export (no component). */
export function resourceRouteChunks(routesDir: string): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(routesDir)) {
    if (!/\.[cm]?[jt]sx?$/.test(file) || /\.test\.[jt]sx?$/.test(file)) continue;
    const source = readFileSync(path.join(routesDir, file), "utf8");
    if (!/^export default\b/m.test(source) && !/^export\s*{[^}]*\bas default\b/m.test(source)) names.add(routeChunkName(file));
  }
  return names;
}

/** True for Rollup's empty-chunk warning about a resource route's client entry, and only for it. */
export function isResourceRouteEmptyChunk(warning: Rollup.RollupLog, resourceChunks: ReadonlySet<string>) {
  if (warning.code !== "EMPTY_BUNDLE") return false;
  const names = warning.names ?? [];
  return names.length > 0 && names.every((name) => resourceChunks.has(name));
}
