// The build says nothing a newcomer must learn to ignore: every future flag the installed React Router
// announces is decided in react-router.config.ts, and Rollup's empty-chunk warning is dropped for the client
// entries of resource routes only (scripts/build/resource-route-chunks.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadConfigFromFile, type Rollup } from "vite";
import { describe, expect, it } from "vitest";
import reactRouterConfig from "../../react-router.config";
import { isResourceRouteEmptyChunk, resourceRouteChunks, routeChunkName } from "../../scripts/build/resource-route-chunks";
import { projectRoot } from "../support/app-server";

/** The flags @react-router/dev prints a "Future Flag Warning" for when they are left undefined. */
function announcedFutureFlags() {
  const source = readFileSync(path.join(projectRoot, "node_modules/@react-router/dev/dist/vite.js"), "utf8");
  const body = /function logFutureFlagWarnings\(future\) \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? "";
  return [...body.matchAll(/future\.(\w+) === void 0/g)].map((match) => match[1]!);
}

describe("the build's output", () => {
  it("decides every future flag React Router announces, so the build prints no future-flag warnings", () => {
    const flags = announcedFutureFlags();
    expect(flags.length).toBeGreaterThanOrEqual(5);
    const future = (reactRouterConfig.future ?? {}) as Record<string, unknown>;
    const undecided = flags.filter((flag) => typeof future[flag] !== "boolean");
    expect(undecided).toEqual([]);
  });

  it("drops the empty-chunk warning for resource routes and keeps every other warning", async () => {
    const resources = resourceRouteChunks(path.join(projectRoot, "app/routes"));
    expect(resources).toContain("healthz");
    expect(resources).toContain("fact-checks.feed.atom");
    expect(resources).toContain(routeChunkName("articles.$articleId.fact-check.csv.ts"));
    expect(routeChunkName("articles.$articleId.fact-check.csv.ts")).toBe("articles._articleId.fact-check.csv");
    expect(resources).not.toContain("dashboard");
    expect(resources).not.toContain("login");

    const loaded = await loadConfigFromFile(
      { command: "build", mode: "production" },
      path.join(projectRoot, "vite.config.ts"),
      projectRoot,
      "silent",
    );
    const onwarn = loaded?.config.build?.rollupOptions?.onwarn;
    expect(onwarn).toBeTypeOf("function");
    const shown: string[] = [];
    const warn: Rollup.LoggingFunction = (log) => {
      const warning = typeof log === "function" ? log() : log;
      shown.push(typeof warning === "string" ? warning : warning.message);
    };
    const emptyChunk = (name: string): Rollup.RollupLog => ({
      code: "EMPTY_BUNDLE",
      message: `Generated an empty chunk: "${name}".`,
      names: [name],
    });
    onwarn!(emptyChunk("healthz"), warn);
    onwarn!(emptyChunk("articles._articleId.fact-check.json"), warn);
    expect(shown).toEqual([]);
    // A page (it has a component) that came out empty, or any other warning, is still shown.
    onwarn!(emptyChunk("dashboard"), warn);
    onwarn!({ code: "CIRCULAR_DEPENDENCY", message: "Circular dependency: a -> b -> a", names: ["healthz"] }, warn);
    expect(shown).toEqual(['Generated an empty chunk: "dashboard".', "Circular dependency: a -> b -> a"]);
    expect(isResourceRouteEmptyChunk({ code: "EMPTY_BUNDLE", message: "", names: [] }, resources)).toBe(false);
  });
});
