import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readServerEnv, reloadServerEnv, serverEnv } from "./env.server";

const database = "postgresql://factdesk@db.example.org:5432/factdesk";

describe("APP_URL, the one public address", () => {
  it("is required in production on a real database, with a message that names it", () => {
    expect(() => readServerEnv({ NODE_ENV: "production", DATABASE_URL: database })).toThrow(/Invalid configuration:\n {2}APP_URL: required in production/);
  });

  it("counts an empty APP_URL as unset", () => {
    expect(() => readServerEnv({ NODE_ENV: "production", DATABASE_URL: database, APP_URL: "" })).toThrow(/APP_URL: required/);
  });

  it("is accepted when set", () => {
    expect(readServerEnv({ NODE_ENV: "production", DATABASE_URL: database, APP_URL: "https://factdesk.example.org" }).APP_URL).toBe(
      "https://factdesk.example.org",
    );
  });

  it("is not needed by the embedded demo (no DATABASE_URL, or the embedded database's own), nor in development", () => {
    expect(readServerEnv({ NODE_ENV: "production" }).APP_URL).toBeUndefined();
    const embedded = "postgresql://postgres@127.0.0.1:41234/postgres";
    expect(readServerEnv({ NODE_ENV: "production", DATABASE_URL: embedded, FACTDESK_EMBEDDED_DB: embedded }).APP_URL).toBeUndefined();
    expect(readServerEnv({ NODE_ENV: "development", DATABASE_URL: database }).APP_URL).toBeUndefined();
  });
});

describe("the environment, read in one place", () => {
  it("is read from the process environment by this module only (app/generated aside)", async () => {
    const appDir = path.resolve(import.meta.dirname, "..");
    const self = path.join(appDir, "utils/env.server.ts");
    const readers: string[] = [];
    for (const entry of await readdir(appDir, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name);
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || file === self) continue;
      if (file.startsWith(path.join(appDir, "generated") + path.sep)) continue;
      if (/\bprocess\.env\b/.test(await readFile(file, "utf8"))) readers.push(path.relative(appDir, file));
    }
    expect(readers).toEqual([]);
  });

  it("is parsed once and kept until reloadServerEnv()", () => {
    const first = serverEnv();
    expect(serverEnv()).toBe(first);
    const reloaded = reloadServerEnv();
    expect(reloaded).not.toBe(first);
    expect(serverEnv()).toBe(reloaded);
    expect(reloaded).toEqual(first);
  });
});
