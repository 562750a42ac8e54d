// `npm start` builds only when the sources changed since the last build (scripts/build/build-stamp.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildInputs, decideBuild, ensureBuild, hashSources, readStamp } from "../../scripts/build/build-stamp";
import { projectRoot } from "../support/app-server";

describe("deciding whether to build", () => {
  const sources = "a".repeat(64);
  it.each([
    ["forced", { force: true, outputsExist: true, stamp: sources, sources }, { build: true, reason: "forced" }],
    ["no build output", { outputsExist: false, stamp: sources, sources }, { build: true, reason: "no-build" }],
    [
      "a build without a stamp (made by an older Factdesk, or interrupted)",
      { outputsExist: true, stamp: null, sources },
      { build: true, reason: "no-stamp" },
    ],
    ["sources changed since the build", { outputsExist: true, stamp: "b".repeat(64), sources }, { build: true, reason: "sources-changed" }],
    ["nothing changed", { outputsExist: true, stamp: sources, sources }, { build: false, reason: "up-to-date" }],
  ])("%s", (_name, state, expected) => {
    expect(decideBuild(state)).toEqual(expected);
  });
});

describe("the sources' hash", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "factdesk-build-hash-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };

  it("changes with any added, edited or renamed input, and with nothing else", () => {
    write("app/root.tsx", "export default 1;");
    write("app/routes/home.ts", "export const loader = 1;");
    write("package-lock.json", "{}");
    const first = hashSources(root);
    expect(hashSources(root)).toBe(first);

    // Not inputs: tests, and files outside the inputs. Nor a file's time stamp alone (a checkout touches every file).
    write("app/routes/home.test.ts", "test");
    write("tests/e2e/x.test.ts", "test");
    write("README.md", "# readme");
    utimesSync(path.join(root, "app/root.tsx"), new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(hashSources(root)).toBe(first);

    write("app/routes/home.ts", "export const loader = 2;");
    const edited = hashSources(root);
    expect(edited).not.toBe(first);
    write("public/favicon.svg", "<svg/>");
    const added = hashSources(root);
    expect(added).not.toBe(edited);
    rmSync(path.join(root, "public/favicon.svg"));
    write("public/icon.svg", "<svg/>");
    expect(hashSources(root)).not.toBe(added);
    write("package-lock.json", '{"lockfileVersion":3}');
    expect(hashSources(root)).not.toBe(added);
  });

  it("covers what the real build reads", () => {
    for (const input of [
      "app",
      "public",
      "vite.config.ts",
      "react-router.config.ts",
      "package-lock.json",
      "tsconfig.json",
      "scripts/build",
    ]) {
      expect(buildInputs).toContain(input);
    }
    expect(hashSources(projectRoot)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("the npm scripts", () => {
  it("`npm start` builds only if the sources changed; `npm run build` (and so `npm test`) always builds", () => {
    const { scripts } = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(scripts.start).toMatch(/tsx scripts\/start\.ts --build-if-changed$/);
    expect(scripts.build).toBe("tsx scripts/build.ts");
    expect(scripts.test).toMatch(/npm run build && /);
  });
});

describe("building only when needed", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "factdesk-build-if-changed-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let builds = 0;
  const build = async () => {
    builds++;
    mkdirSync(path.join(root, "build/server"), { recursive: true });
    mkdirSync(path.join(root, "build/client"), { recursive: true });
    writeFileSync(path.join(root, "build/server/index.js"), `export const build = ${builds};`);
  };
  const source = (text: string) => {
    mkdirSync(path.join(root, "app"), { recursive: true });
    writeFileSync(path.join(root, "app/root.tsx"), text);
  };

  it("builds the first time, skips a second run with no change, and rebuilds after a source changes", async () => {
    source("export default 1;");
    expect(await ensureBuild({ root, build })).toEqual({ build: true, reason: "no-build" });
    expect(builds).toBe(1);
    expect(readStamp(root)).toBe(hashSources(root));

    expect(await ensureBuild({ root, build })).toEqual({ build: false, reason: "up-to-date" });
    expect(builds).toBe(1);

    source("export default 2;");
    expect(await ensureBuild({ root, build })).toEqual({ build: true, reason: "sources-changed" });
    expect(builds).toBe(2);
    expect(await ensureBuild({ root, build })).toEqual({ build: false, reason: "up-to-date" });

    // `npm run build` always builds.
    expect(await ensureBuild({ root, build, force: true })).toEqual({ build: true, reason: "forced" });
    expect(builds).toBe(3);

    rmSync(path.join(root, "build/server/index.js"));
    expect(await ensureBuild({ root, build })).toEqual({ build: true, reason: "no-build" });
    expect(builds).toBe(4);
  });

  it("leaves no stamp when the build fails, so the next run builds again", async () => {
    source("export default 3;");
    const failing = () => Promise.reject(new Error("syntax error"));
    await expect(ensureBuild({ root, build: failing })).rejects.toThrow("syntax error");
    expect(readStamp(root)).toBeNull();
    const before = builds;
    expect(await ensureBuild({ root, build })).toEqual({ build: true, reason: "no-stamp" });
    expect(builds).toBe(before + 1);
  });
});
