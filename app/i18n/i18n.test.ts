// Both catalogs must hold the same keys, every key the code uses must exist, and no Indonesian string
// may be a copy of the English one (a sign of a forgotten translation).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogs, languageFromAcceptLanguage, translator } from "./i18n";

function flatten(tree: object, prefix = ""): Record<string, string> {
  return Object.entries(tree).reduce<Record<string, string>>((flat, [key, value]) => {
    if (typeof value === "string") flat[prefix + key] = value;
    else Object.assign(flat, flatten(value as object, `${prefix}${key}.`));
    return flat;
  }, {});
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "generated" ? [] : sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".test.ts") ? [file] : [];
  });
}

const en = flatten(catalogs.en);
const id = flatten(catalogs.id);
/** Keys whose plural forms are looked up by their base name (i18next adds _one/_other). */
const baseKeys = (keys: string[]) => new Set(keys.map((key) => key.replace(/_(zero|one|two|few|many|other)$/, "")));

describe("message catalogs", () => {
  it("hold the same keys in English and Bahasa Indonesia", () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
  });

  it("translate every string (only names are the same in both)", () => {
    const same = Object.keys(en).filter((key) => en[key] === id[key]);
    expect(same).toEqual(["app.name", "language.id", "layout.menu"]);
  });

  it("use the same interpolation variables in both languages", () => {
    const vars = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) expect(vars(id[key]!), key).toEqual(vars(en[key]!));
  });

  it("contain every key the code asks for", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/\bt\(\s*["'`]([a-zA-Z0-9_.]+)["'`]/g)) used.add(match[1]!);
      // Validation messages and notices are catalog keys written as string literals.
      for (const match of source.matchAll(/(?<!action:\s*)["'](form|login|people|account|invite|error)\.([a-zA-Z0-9_]+)["']/g)) used.add(`${match[1]}.${match[2]}`);
    }
    expect(used.size).toBeGreaterThan(40);
    const known = baseKeys(Object.keys(en));
    expect([...used].filter((key) => !known.has(key) && !(key in en))).toEqual([]);
  });

  it("interpolate and pluralise in each language", () => {
    expect(translator("en")("account.signedOutOthers", { count: 1 })).toBe("Signed out of 1 other session.");
    expect(translator("en")("account.signedOutOthers", { count: 3 })).toBe("Signed out of 3 other sessions.");
    expect(translator("id")("dashboard.welcome", { name: "Ayu" })).toBe("Selamat datang, Ayu");
  });
});

describe("language from Accept-Language", () => {
  it.each([
    ["id-ID,id;q=0.9,en-US;q=0.8", "id"],
    ["en-GB,en;q=0.9", "en"],
    ["en-US;q=0.5, id-ID", "id"],
    ["fr-FR,de;q=0.8", "en"],
    ["", "en"],
  ])("%s → %s", (header, expected) => {
    expect(languageFromAcceptLanguage(header || null, "en")).toBe(expected);
  });

  it("falls back to the newsroom's default language", () => {
    expect(languageFromAcceptLanguage("ja-JP", "id")).toBe("id");
  });
});
