// `factdesk suggest` as a child process: JSON on stdout for the sample article, one-line errors and exit 2 on bad input.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsxCli = "node_modules/tsx/dist/cli.mjs";
const fixture = "tests/fixtures/tribunnews-kursk-2024-10-28.txt";

type Result = { code: number; stdout: string; stderr: string };
type Printed = { start: number; end: number; text: string; score: number; reasons: string[] };

function factdesk(args: string[], input?: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [tsxCli, "scripts/factdesk.ts", ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") reject(error);
      else resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin!.end(input);
    else child.stdin!.end();
  });
}

describe("factdesk suggest", () => {
  it("prints the suggestions for the sample article as JSON, covering the five claims", async () => {
    const { code, stdout, stderr } = await factdesk(["suggest", fixture]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const suggestions = JSON.parse(stdout) as Printed[];
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(new URL(`../../${fixture}`, import.meta.url), "utf8");
    for (const suggestion of suggestions) {
      expect(Object.keys(suggestion)).toEqual(expect.arrayContaining(["start", "end", "text", "score", "reasons"]));
      expect(text.slice(suggestion.start, suggestion.end)).toBe(suggestion.text);
    }
    const covers = (words: string[]) => suggestions.some((s) => words.every((word) => s.text.includes(word)));
    expect(covers(["10.000 tentara", "dilaporkan tiba di Kursk"])).toBe(true);
    expect(covers(["dikonfirmasi", "Mark Rutte", "Senin (28/10/2024)"])).toBe(true);
    expect(covers(["Kremlin", "menepis laporan", "berita palsu"])).toBe(true);
    expect(covers(["ditandatanganinya", "Kim Jong Un pada bulan Juni"])).toBe(true);
    expect(covers(["Direktorat Intelijen Pertahanan Ukraina", "Telegram"])).toBe(true);
    expect(stdout).toMatch(/^\[\n {2}\{\n/); // pretty-printed
  });

  it("reads standard input, honours --lang and --min-score", async () => {
    const input = "Polisi menangkap 12 tersangka pada Senin (28/10/2024).\nSaya pikir harga beras akan turun 5 persen.";
    const all = JSON.parse((await factdesk(["suggest", "-", "--lang", "id", "--min-score", "0"], input)).stdout) as Printed[];
    const strict = JSON.parse((await factdesk(["suggest", "--min-score", "0.6"], input)).stdout) as Printed[];
    expect(all.some((s) => s.text.startsWith("Saya pikir"))).toBe(true);
    expect(strict.length).toBeGreaterThan(0);
    expect(strict.every((s) => s.score >= 0.6 && !s.text.startsWith("Saya pikir"))).toBe(true);
  });

  it.each([
    [["suggest", "tests/fixtures/no-such-article.txt"], undefined, /^factdesk suggest: cannot read tests\/fixtures\/no-such-article\.txt: no such file\n$/],
    [["suggest", "-"], " \n\t\n", /^factdesk suggest: the input text is empty \(standard input\)\n$/],
    [["suggest", fixture, "--lang", "fr"], undefined, /^factdesk suggest: --lang must be one of id, en, auto, got "fr"\n$/],
    [["suggest", fixture, "--min-score", "high"], undefined, /^factdesk suggest: --min-score must be a number from 0 to 1, got "high"\n$/],
    [["suggest", fixture, "--verbose"], undefined, /^factdesk suggest: unknown option --verbose\. Usage: .*\n$/],
    [["frobnicate"], undefined, /^factdesk: unknown command "frobnicate" \(commands: suggest, import, match\)\.\n$/],
  ])("rejects bad input: %j", async (args, input, message) => {
    const { code, stdout, stderr } = await factdesk(args, input);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });
});
