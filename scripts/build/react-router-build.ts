// Runs `react-router build` in `root`, its output on this console; rejects when it fails.
import { spawn } from "node:child_process";
import path from "node:path";

export function reactRouterBuild(root: string) {
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
