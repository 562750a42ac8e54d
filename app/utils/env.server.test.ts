import { describe, expect, it } from "vitest";
import { readServerEnv } from "./env.server";

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
