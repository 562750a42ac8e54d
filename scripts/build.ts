// `npm run build`: the production build (react-router build), stamped with the hash of its sources.
// `--if-changed` (what `npm start` uses): skip the build when build/ was made from the sources as they are
// now (scripts/build/build-stamp.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { type BuildDecision, ensureBuild } from "./build/build-stamp";

const root = path.resolve(import.meta.dirname, "..");
const ifChanged = process.argv.includes("--if-changed");

const why: Record<BuildDecision["reason"], string> = {
  forced: "",
  "no-build": "there is no build yet",
  "no-stamp": "the build's sources are unknown",
  "sources-changed": "the sources changed since the last build",
  "up-to-date": "",
};

function reactRouterBuild() {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/@react-router/dev/bin.js"), "build"], {
      cwd: root,
      stdio: "inherit",
    });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`The build failed (${signal ?? `exit code ${code}`}).`)),
    );
  });
}

const started = performance.now();
try {
  const decision = await ensureBuild({
    root,
    force: !ifChanged,
    build: async (reason) => {
      if (reason !== "forced") console.log(`Building the app: ${why[reason]}…`);
      await reactRouterBuild();
    },
  });
  if (!decision.build) console.log("The build is up to date with the sources (skipping the build).");
  else console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
