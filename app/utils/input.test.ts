import { describe, expect, it } from "vitest";
import { countField, hasControlCharacters, int4Max, isUuid, versionField } from "./input";

describe("what clients may send", () => {
  it("refuses NUL and invisible control characters, but keeps the white space of pasted text", () => {
    for (const bad of ["a\u0000b", "\u0001", "warna \u001b[31m", "del\u007f", "\u0008"]) expect(hasControlCharacters(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ["Menurut BPS,\tharga naik.", "baris\r\nbaru", "soft\u000bbreak from a slide", "page\u000cfeed", "Ünïcode — “kutipan” 10.000"]) {
      expect(hasControlCharacters(good), JSON.stringify(good)).toBe(false);
    }
  });

  it("takes versions and positions only within PostgreSQL's integer", () => {
    expect(versionField.safeParse(String(int4Max)).success).toBe(true);
    expect(versionField.safeParse("2147483648").success).toBe(false);
    expect(versionField.safeParse("0").success).toBe(false);
    expect(countField.safeParse("0").success).toBe(true);
    expect(countField.safeParse("-1").success).toBe(false);
    expect(countField.safeParse("1e3").success).toBe(true);
    expect(countField.safeParse("1.5").success).toBe(false);
  });

  it("knows a UUID from a string that only looks like one", () => {
    expect(isUuid("0b0c3a1e-6a0f-4c39-9d55-2f1f1c0e9a11")).toBe(true);
    expect(isUuid("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")).toBe(false);
    expect(isUuid("0b0c3a1e-6a0f-4c39-9d55-2f1f1c0e9a11\u0000")).toBe(false);
    expect(isUuid(42)).toBe(false);
  });
});
