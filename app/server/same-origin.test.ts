import { describe, expect, it } from "vitest";
import { isAllowedOrigin } from "./same-origin";

const host = "desk.example.org";

describe("same-origin guard", () => {
  it.each([
    ["GET from anywhere", { method: "GET", origin: "https://evil.example", host }, true],
    ["HEAD without origin", { method: "HEAD", origin: undefined, host }, true],
    ["POST from our own page", { method: "POST", origin: "https://desk.example.org", host }, true],
    ["POST from our own page, host with port", { method: "POST", origin: "http://localhost:3000", host: "localhost:3000" }, true],
    ["POST from another site", { method: "POST", origin: "https://evil.example", host }, false],
    ["POST from a look-alike subdomain", { method: "POST", origin: "https://desk.example.org.evil.example", host }, false],
    ["POST from another port", { method: "POST", origin: "http://localhost:4000", host: "localhost:3000" }, false],
    ["POST without Origin", { method: "POST", origin: undefined, host }, false],
    ["POST with Origin null (sandboxed frame)", { method: "POST", origin: "null", host }, false],
    ["DELETE with a garbage Origin", { method: "DELETE", origin: "not a url", host }, false],
    ["POST from the configured public URL behind a proxy", { method: "POST", origin: "https://cekfakta.example.id", host: "10.0.0.5:3000", appOrigin: "https://cekfakta.example.id/" }, true],
  ])("%s", (_name, request, allowed) => {
    expect(isAllowedOrigin(request)).toBe(allowed);
  });
});
