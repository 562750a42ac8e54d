// `npm run factdesk -- match "TEXT"` against a real database holding a few known fact-checks: JSON on stdout with
// what people see under "Checked before?" (at or above the suggest threshold, `likelySame` marked), a number
// written another way still found, --limit and --lang auto honoured, one-line errors and exit 2 on bad input.
import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CheckedBeforeEntry } from "~/matching/match-lookup.server";
import { type KnownFactCheckInput, upsertKnownFactChecks } from "~/matching/match.server";
import { matchThresholds } from "~/matching/checked-before.server";
import { stopLiveBus } from "~/live/bus.server";
import { projectRoot } from "../support/app-server";

type Result = { code: number; stdout: string; stderr: string };

function factdesk(args: string[], input?: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [path.join(projectRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/factdesk.ts", ...args],
      { cwd: projectRoot, env: process.env, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") reject(error);
        else resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
      },
    );
    child.stdin!.end(input);
  });
}

const review = (slug: string, claimReviewed: string, language: "id" | "en", rating: string, date: string): KnownFactCheckInput => ({
  url: `https://cektetangga.example/cek/${slug}`,
  claimReviewed,
  language,
  publisher: "Cek Tetangga",
  rating,
  datePublished: new Date(`${date}T00:00:00Z`),
  source: "feed",
});

const troops = review("tentara", "Korea Utara mengirim 10.000 tentara ke Kursk untuk membantu Rusia", "id", "Salah", "2024-10-20");
const deployment = review("pengerahan", "Sekjen NATO mengonfirmasi tentara Korea Utara dikerahkan ke Kursk", "id", "Benar", "2024-10-29");
const troopsEn = review("troops", "North Korea sent 10,000 troops to Kursk to help Russia", "en", "False", "2024-10-21");
const rice = review("beras", "Beras plastik beredar di pasar tradisional Jakarta", "id", "Hoaks", "2023-03-02");

beforeAll(async () => {
  await upsertKnownFactChecks([troops, deployment, troopsEn, rice]);
});
afterAll(async () => {
  await stopLiveBus();
});

async function matches(args: string[], input?: string) {
  const result = await factdesk(["match", ...args], input);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as CheckedBeforeEntry[];
}

describe("factdesk match", () => {
  it("prints the matches people see as JSON: date as a calendar date, score to 3 decimals, likely-the-same marked", { timeout: 60_000 }, async () => {
    const { suggestAt } = await matchThresholds();
    const found = await matches([troops.claimReviewed]);
    expect(found[0]).toEqual({
      url: troops.url,
      claimReviewed: troops.claimReviewed,
      publisher: "Cek Tetangga",
      rating: "Salah",
      datePublished: "2024-10-20",
      language: "id",
      score: expect.any(Number),
      likelySame: true,
    });
    expect(found[0]!.score).toBeGreaterThan(0.9);
    for (const entry of found) {
      expect(entry.score).toBeGreaterThanOrEqual(suggestAt);
      expect(Math.round(entry.score * 1000) / 1000).toBe(entry.score);
      expect(entry.language).toBe("id");
    }
    expect(found.map((entry) => entry.url)).not.toContain(rice.url);
  });

  it("finds a check whose number is written another way, reads standard input, and honours --limit and --lang", { timeout: 60_000 }, async () => {
    const [words] = await matches(["Sepuluh ribu tentara Korea Utara dikirim ke Kursk untuk membantu Rusia", "--lang", "id"]);
    expect(words?.url).toBe(troops.url);

    const piped = await matches(["-", "--limit", "1"], "Korea Utara mengirim 10 ribu tentara ke Kursk\n");
    expect(piped.map((entry) => entry.url)).toEqual([troops.url]);

    // Detected as English: the English check, not its Indonesian twin.
    const english = await matches(["Ten thousand North Korean troops were sent to Kursk to help Russia", "--lang", "auto"]);
    expect(english[0]).toMatchObject({ url: troopsEn.url, rating: "False", language: "en", datePublished: "2024-10-21" });
    expect(english.every((entry) => entry.language === "en")).toBe(true);

    expect(await matches(["Harga cabai rawit naik tiga kali lipat di Medan menjelang Lebaran"])).toEqual([]);
  });

  it.each([
    [["match"], /^factdesk match: no text to match: give the claim in quotes, or - to read it from standard input\. Usage: .*\n$/],
    [["match", "Korea", "Utara"], /^factdesk match: expected one TEXT, got 2 words: put the claim in quotes\. Usage: .*\n$/],
    [["match", "Korea Utara", "--verbose"], /^factdesk match: unknown option --verbose\. Usage: .*\n$/],
    [["match", "Korea Utara", "--lang", "fr"], /^factdesk match: --lang must be one of id, en, auto, got "fr"\n$/],
    [["match", "Korea Utara", "--limit", "0"], /^factdesk match: --limit must be a whole number from 1 to 20, got "0"\n$/],
    [["match", "Korea Utara", "--limit", "many"], /^factdesk match: --limit must be a whole number from 1 to 20, got "many"\n$/],
    [["match", "   "], /^factdesk match: Give the claim's text to look for \(text\)\.\n$/],
    [["match", "x".repeat(2001)], /^factdesk match: The text is too long: at most 2,000 characters\..*\n$/],
    [["match", "Korea\u0007Utara"], /^factdesk match: The text contains invisible control characters/],
  ])("refuses %s with exit 2 and one line", { timeout: 60_000 }, async (args, message) => {
    const { code, stdout, stderr } = await factdesk(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });
});
