// Starts the production build of Factdesk in a child process, the way `npm start` does, and stops it.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../scripts/free-port";

export const projectRoot = path.resolve(import.meta.dirname, "../..");

export type RunningApp = { baseUrl: string; port: number; process: ChildProcess; output: () => string; stop: () => Promise<void> };

export async function startApp(env: Record<string, string | undefined>, options: { timeoutMs?: number } = {}): Promise<RunningApp> {
  if (!existsSync(path.join(projectRoot, "build/server/index.js"))) {
    throw new Error("No production build: run `npm run build` (npm test does it first).");
  }
  // The server runs in UTC whatever the machine's zone, and the browsers elsewhere (browser.ts): the
  // desk must show the newsroom's dates either way.
  // On its own PostgreSQL the app is a production deployment, which needs its public address (APP_URL): the
  // port is picked first so the address can name it. The embedded demo needs no configuration (PORT 0, and
  // links on the address it is served from). A test that passes APP_URL (even undefined) decides itself.
  const ownDatabase = typeof env.DATABASE_URL === "string";
  const address: Record<string, string> = {};
  if (ownDatabase && !("APP_URL" in env)) {
    const port = env.PORT && env.PORT !== "0" ? Number(env.PORT) : await freePort();
    Object.assign(address, { PORT: String(port), APP_URL: `http://localhost:${port}` });
  }
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", TZ: "UTC", ...env, ...address };
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [path.join(projectRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    cwd: projectRoot,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`App did not start within ${options.timeoutMs ?? 60_000} ms:\n${output}`)), options.timeoutMs ?? 60_000);
    const onData = () => {
      const match = /running on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`App exited with code ${code} before it started:\n${output}`));
    });
  });

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill("SIGTERM");
    });

  return { baseUrl: `http://localhost:${port}`, port, process: child, output: () => output, stop };
}
