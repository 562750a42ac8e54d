// The Node versions package.json promises (and the README names) are ones every installed package supports:
// each package's `engines.node` in package-lock.json admits all of them, so `npm ci` prints no EBADENGINE
// warning there — except for the few packages listed below, each with the reason it stays and proof that
// the reason holds. The README's "Node versions" section names each of them.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/app-server";

// semver is in node_modules through @react-router/dev (not a dependency of ours): typed here for what we use.
const semver = createRequire(import.meta.url)("semver") as {
  subset(sub: string, dom: string): boolean;
  validRange(range: string): string | null;
};

type LockPackage = { version?: string; engines?: { node?: string } | string[]; dependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync(path.join(projectRoot, "package-lock.json"), "utf8")) as { packages: Record<string, LockPackage> };
const manifest = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { engines: { node: string } };
const readme = readFileSync(path.join(projectRoot, "README.md"), "utf8");

/** Packages whose declared Node range is narrower than ours, and why they stay. */
const knownExceptions: Record<string, { range: string; why: string; holds: () => void }> = {
  "node_modules/sanitize-html": {
    range: ">=22.12.0",
    why:
      "2.17.6 and later carry the fixes for GHSA-c9rx-x947-fp3h, GHSA-x3q4-9hxx-gx8m and GHSA-cv27-6wvh-8x7j (every version since declares " +
      "Node 22.12); the last version declaring no limit, 2.17.5, lacks them. What it runs on Node is its dependencies (htmlparser2 12 and " +
      "its family declare Node 20.19), and the sanitising tests run on Node 20.",
    holds: () => {
      const own = lock.packages["node_modules/sanitize-html"]!;
      for (const name of Object.keys(own.dependencies ?? {})) {
        const entry = lock.packages[`node_modules/sanitize-html/node_modules/${name}`] ?? lock.packages[`node_modules/${name}`];
        expect(entry, name).toBeDefined();
        const range = nodeRange(entry!);
        if (range) expect(semver.subset(manifest.engines.node, range), `${name} ${range}`).toBe(true);
      }
    },
  },
  "node_modules/@prisma/streams-local": {
    range: ">=22.0.0",
    why:
      "A dependency of @prisma/dev, which the prisma CLI (7.10.x, matching @prisma/client) requires for `prisma dev`; Factdesk runs only " +
      "`prisma generate` (scripts/prisma-generate.mjs) and never loads it.",
    holds: () => {
      expect(lock.packages["node_modules/@prisma/dev"]?.dependencies).toHaveProperty("@prisma/streams-local");
      expect(lock.packages["node_modules/prisma"]?.dependencies).toHaveProperty("@prisma/dev");
      const generate = readFileSync(path.join(projectRoot, "scripts/prisma-generate.mjs"), "utf8");
      expect(generate).toContain('"generate"');
    },
  },
};

function nodeRange(entry: LockPackage): string | null {
  return entry.engines && !Array.isArray(entry.engines) ? (entry.engines.node ?? null) : null;
}

describe("Node versions", () => {
  it("package.json's engines is a valid range, and the README promises the same versions", () => {
    expect(semver.validRange(manifest.engines.node)).not.toBeNull();
    expect(manifest.engines.node).toBe("^20.19 || ^22.12 || >=24");
    expect(readme).toContain("Node.js 20.19 or later 20.x, 22.12 or later 22.x, or 24+");
  });

  it("are supported by every installed package, apart from the listed exceptions", () => {
    const narrower = Object.entries(lock.packages)
      .filter(([key]) => key !== "")
      .flatMap(([key, entry]) => {
        const range = nodeRange(entry);
        return range && !semver.subset(manifest.engines.node, range) ? [`${key}@${entry.version} (node ${range})`] : [];
      });
    const expected = Object.entries(knownExceptions).map(
      ([key, exception]) => `${key}@${lock.packages[key]?.version} (node ${exception.range})`,
    );
    expect(narrower.sort()).toEqual(expected.sort());
  });

  it.each(Object.entries(knownExceptions))("%s: the reason it stays still holds, and the README says so", (key, exception) => {
    expect(exception.why.length).toBeGreaterThan(0);
    exception.holds();
    expect(readme).toContain(`\`${key.replace("node_modules/", "")}\``);
  });
});
