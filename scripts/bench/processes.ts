// Child processes for the benchmark: a command run to completion (the build) and long-running servers
// that announce their port on stdout. Every child is tracked so that none outlives the bench process,
// whether it ends normally, on an error or on Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

const running = new Set<ChildProcess>();

// On POSIX each child leads its own process group, so a signal reaches what it spawned in turn (npm runs
// the build through a shell). The flip side: Ctrl-C in the terminal reaches only this process, whose
// handler stops the children (scripts/bench.ts).
const ownGroups = process.platform !== "win32";

function signal(child: ChildProcess, name: NodeJS.Signals) {
  try {
    if (ownGroups && child.pid) process.kill(-child.pid, name);
    else child.kill(name);
  } catch {
    // Already gone.
  }
}

// Last resort (for example after process.exit() with a server still up): `exit` handlers are synchronous,
// so no waiting for a graceful stop here.
process.on("exit", () => {
  for (const child of running) signal(child, "SIGKILL");
});

type SpawnSpec = { command: string; args: string[]; cwd: string; env?: NodeJS.ProcessEnv };

function track(spec: SpawnSpec, keepLines: number) {
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: ownGroups,
    shell: process.platform === "win32",
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      running.delete(child);
      resolve();
    });
    // Failed to start (command not found): "exit" may never come.
    child.once("error", () => {
      running.delete(child);
      resolve();
    });
  });
  const lines: string[] = [];
  const onLine = (line: string) => {
    lines.push(line);
    if (lines.length > keepLines) lines.shift();
  };
  const stdoutListeners = new Set<(line: string) => void>();
  createInterface({ input: child.stdout! }).on("line", (line) => {
    onLine(line);
    for (const listener of stdoutListeners) listener(line);
  });
  createInterface({ input: child.stderr! }).on("line", onLine);
  return { child, exited, lines, stdoutListeners, hasExited: () => child.exitCode !== null || child.signalCode !== null };
}

function describeExit(child: ChildProcess) {
  return child.signalCode ? `was killed by ${child.signalCode}` : `exited with code ${child.exitCode}`;
}

/** Runs a command to completion; throws with the end of its output when it fails. */
export async function runCommand(spec: SpawnSpec): Promise<void> {
  const tracked = track(spec, 60);
  let spawnError: Error | undefined;
  tracked.child.once("error", (error) => (spawnError = error));
  await tracked.exited;
  if (spawnError) throw new Error(`Could not run \`${[spec.command, ...spec.args].join(" ")}\`: ${spawnError.message}`);
  if (tracked.child.exitCode !== 0) {
    throw new Error(`\`${[spec.command, ...spec.args].join(" ")}\` ${describeExit(tracked.child)}:\n${indent(tracked.lines)}`);
  }
}

export type ServerProcess = {
  name: string;
  port: number;
  pid: number | undefined;
  /** The last lines the server wrote (stdout and stderr together). */
  output(): string[];
  /** SIGTERM, then SIGKILL if the server has not exited after `graceMs`. Safe to call more than once. */
  stop(graceMs?: number): Promise<void>;
};

/**
 * Starts a server and resolves once a line of its stdout matches `ready`, whose first capture group is the
 * port. Rejects, after stopping the child, if the child exits or stays silent for `timeoutMs`.
 */
export async function startServer(spec: SpawnSpec & { name: string; ready: RegExp; timeoutMs: number }): Promise<ServerProcess> {
  const tracked = track(spec, 80);
  const { child } = tracked;

  const stop = async (graceMs = 10_000) => {
    if (tracked.hasExited() || !running.has(child)) return;
    signal(child, "SIGTERM");
    const timer = setTimeout(() => signal(child, "SIGKILL"), graceMs);
    await tracked.exited;
    clearTimeout(timer);
  };

  const port = await new Promise<number>((resolve, reject) => {
    const fail = (reason: string) => {
      cleanupListeners();
      reject(new Error(`${spec.name} ${reason}. Its last output:\n${indent(tracked.lines)}`));
    };
    const timer = setTimeout(() => fail(`did not report ready within ${spec.timeoutMs / 1000} s`), spec.timeoutMs);
    const onExit = () => fail(describeExit(child) + " before it was ready");
    const onError = (error: Error) => fail(`could not be started (${error.message})`);
    const onLine = (line: string) => {
      const match = spec.ready.exec(line);
      if (!match) return;
      cleanupListeners();
      resolve(Number(match[1]));
    };
    function cleanupListeners() {
      clearTimeout(timer);
      child.off("exit", onExit);
      child.off("error", onError);
      tracked.stdoutListeners.delete(onLine);
    }
    child.on("exit", onExit);
    child.on("error", onError);
    tracked.stdoutListeners.add(onLine);
  }).catch(async (error: unknown) => {
    await stop(2_000);
    throw error;
  });

  return { name: spec.name, port, pid: child.pid, output: () => [...tracked.lines], stop };
}

export function indent(lines: string[]) {
  return lines.length ? lines.map((line) => `    ${line}`).join("\n") : "    (no output)";
}
