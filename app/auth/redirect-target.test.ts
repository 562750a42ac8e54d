import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect-target";

describe("redirect targets from the user stay on this site", () => {
  it.each([
    ["a tab between the slashes (browsers drop it: //evil.example)", "/\t/evil.example"],
    ["a newline between the slashes", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a leading newline", "\n//evil.example"],
    ["a NUL byte", "/\u0000/evil.example"],
    ["a backslash after the slash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a protocol-relative address", "//evil.example"],
    ["a protocol-relative address with a path", "//evil.example/x"],
    ["three slashes", "///evil.example"],
    ["a dot segment that collapses to //", "/.//evil.example"],
    ["a dot-dot segment that collapses to //", "/x/..//evil.example"],
    ["an absolute https address", "https://evil.example"],
    ["an absolute address without slashes", "https:evil.example"],
    ["a javascript: address", "javascript:alert(1)"],
    ["a data: address", "data:text/html,<script>alert(1)</script>"],
    ["a relative path without a slash", "evil.example"],
    ["leading spaces", "  //evil.example"],
    ["a non-breaking space before //", "\u00a0//evil.example"],
    ["an empty string", ""],
    ["an absurdly long path", `/${"a".repeat(5000)}`],
  ])("refuses %s", (_name, target) => {
    expect(safeRedirect(target, "/dashboard")).toBe("/dashboard");
  });

  it.each([
    ["a plain path", "/account", "/account"],
    ["a path with a query", "/account?tab=sessions", "/account?tab=sessions"],
    ["a path with a hash", "/claims/1#sources", "/claims/1#sources"],
    ["a percent-encoded tab stays encoded (a path on this site)", "/%09/evil.example", "/%09/evil.example"],
    ["encoded slashes stay encoded", "/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["dot segments are resolved", "/articles/../account", "/account"],
    ["spaces in the query are encoded", "/articles?q=a b", "/articles?q=a%20b"],
  ])("keeps %s", (_name, target, expected) => {
    expect(safeRedirect(target, "/dashboard")).toBe(expected);
  });

  it("falls back for a missing or non-text target", () => {
    expect(safeRedirect(null)).toBe("/dashboard");
    expect(safeRedirect(undefined, "/login")).toBe("/login");
    expect(safeRedirect(new File(["x"], "x.txt"), "/login")).toBe("/login");
  });
});
