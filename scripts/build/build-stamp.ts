// Whether the production build in build/ was made from the sources as they are now. A build writes a stamp
// (build/.sources.sha256) holding one SHA-256 over every input of the build — the app's sources, public/,
// the build configuration, package.json and package-lock.json — taken before it started; `npm start`
// rebuilds only when the sources' hash differs from the stamp, or the build's output is missing.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What the build reads, relative to the project root: folders are read entirely (tests excepted). */
export const buildInputs = [
  "app",
  "public",
  "scripts/build",
  "react-router.config.ts",
  "vite.config.ts",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
] as const;

/** What a finished build leaves behind, relative to the project root. */
export const buildOutputs = ["build/server/index.js", "build/client"] as const;

export const stampFile = "build/.sources.sha256";

const isTest = (file: string) => /\.test\.[cm]?[jt]sx?$/.test(file);

/** The input files, relative to `root` with `/` separators, sorted; a missing input is simply absent. */
function inputFiles(root: string, inputs: readonly string[]): string[] {
  const files = inputs.flatMap((input) => {
    const full = path.join(root, input);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) return [];
    if (!stat.isDirectory()) return [input];
    return readdirSync(full, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && !isTest(entry.name))
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  });
  return [...new Set(files)].sort();
}

/** One hash over the names and contents of every input file: any added, removed, renamed or edited file changes it. */
export function hashSources(root: string, inputs: readonly string[] = buildInputs): string {
  const hash = createHash("sha256");
  for (const file of inputFiles(root, inputs)) {
    hash.update(file).update("\0");
    hash
      .update(
        createHash("sha256")
          .update(readFileSync(path.join(root, file)))
          .digest(),
      )
      .update("\0");
  }
  return hash.digest("hex");
}

export type BuildDecision =
  { build: true; reason: "forced" | "no-build" | "no-stamp" | "sources-changed" } | { build: false; reason: "up-to-date" };

/** Pure: build unless the previous build is complete and was made from sources with this hash. */
export function decideBuild(state: { force?: boolean; outputsExist: boolean; stamp: string | null; sources: string }): BuildDecision {
  if (state.force) return { build: true, reason: "forced" };
  if (!state.outputsExist) return { build: true, reason: "no-build" };
  if (!state.stamp) return { build: true, reason: "no-stamp" };
  if (state.stamp !== state.sources) return { build: true, reason: "sources-changed" };
  return { build: false, reason: "up-to-date" };
}

export function readStamp(root: string): string | null {
  try {
    return readFileSync(path.join(root, stampFile), "utf8").trim() || null;
  } catch {
    return null;
  }
}

export type EnsureBuildOptions = {
  root: string;
  /** Runs the build (told why); rejects when it fails. */
  build: (reason: BuildDecision["reason"]) => Promise<void>;
  force?: boolean;
  inputs?: readonly string[];
  outputs?: readonly string[];
};

/** Builds when `decideBuild` says so, and stamps the result; a failed build leaves no stamp. */
export async function ensureBuild(options: EnsureBuildOptions): Promise<BuildDecision> {
  const { root } = options;
  const sources = hashSources(root, options.inputs);
  const outputsExist = (options.outputs ?? buildOutputs).every((output) => existsSync(path.join(root, output)));
  const decision = decideBuild({ force: options.force, outputsExist, stamp: readStamp(root), sources });
  if (!decision.build) return decision;
  rmSync(path.join(root, stampFile), { force: true });
  await options.build(decision.reason);
  // The hash taken before the build: a file edited while it ran makes the next start build again.
  writeFileSync(path.join(root, stampFile), `${sources}\n`);
  return decision;
}
