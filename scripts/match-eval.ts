// `npm run match:eval`: how well "Checked before?" finds the earlier fact-check a new claim repeats, on the labelled
// set: app/matching/corpus/known.json (earlier checks) and two halves of new claims, each with the check it repeats
// or none: queries.json (the tuning half: the score and the default thresholds were tuned on it) and heldout.json
// (written before any tuning and never tuned on: its figures are the honest ones). Creates a throwaway database
// `factdesk_match_eval_<pid>` on the local PostgreSQL (MATCH_EVAL_PG_ADMIN_URL, default
// postgresql://root@127.0.0.1:5432/postgres), migrates it, loads the checks, runs every claim through checkedBefore
// (app/matching/checked-before.server.ts) and drops the database.
//
// Per half and language it prints recall@1, recall@5 and MRR over the claims that repeat a check, then at the two
// default thresholds (checked-before.server.ts `defaults`, compared by matchStrength like the app):
//   recall        the right check is in the top 5 and shown at this level (score at or above the threshold)
//   right on top  the right check is first and at or above the threshold
//   wrong on top  a claim that repeats a check has a wrong check first, at or above the threshold
//   false         a claim with no earlier check has a check at or above the threshold (its best match)
// and the same four for every threshold from 0.10 to 0.90 in steps of 0.05, to read defaults off.
// Last, near duplicates among the earlier checks themselves (tuning data too): each known check is matched against
// the others, and the share whose best other check reaches each threshold is a false "same claim" rate on pairs
// like "1.000 tentara" / "10.000 tentara" or "Jawa Barat" / "Jawa Tengah".
//
// Options: --show-misses   list the repeats whose right check is not in the top 5, and the false "likely the same"
//          --half tuning|heldout   only one half
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { type MatchThresholds, matchStrength } from "../app/matching/thresholds.ts";
import { defaultAdminUrl, withThrowawayDatabase } from "./throwaway-database.ts";

type Language = "id" | "en";
type Known = { url: string; claimReviewed: string; datePublished: string; language: Language; author: { name: string }; reviewRating: { alternateName: string } };
type Query = { text: string; language: Language; match: string | null; note: string };
type Ranked = { url: string; score: number };
type Outcome = { query: Query; ranked: Ranked[]; rank: number | null };

const root = path.resolve(import.meta.dirname, "..");
const languages: Language[] = ["id", "en"];
const halves = { tuning: "app/matching/corpus/queries.json", heldout: "app/matching/corpus/heldout.json" } as const;
const sweep = Array.from({ length: 17 }, (_, i) => Math.round((0.1 + 0.05 * i) * 100) / 100);
const adminUrl = process.env.MATCH_EVAL_PG_ADMIN_URL || defaultAdminUrl;
const databaseName = `factdesk_match_eval_${process.pid}`;

const readJson = async <T>(relative: string): Promise<T> => JSON.parse(await readFile(path.join(root, relative), "utf8")) as T;
const share = (part: number, whole: number) => (whole === 0 ? "  -  " : `${((100 * part) / whole).toFixed(1).padStart(5)}%`);
const ratio = (part: number, whole: number) => (whole === 0 ? "-" : (part / whole).toFixed(3));

/** The four rates at one threshold; `level` picks which of the two thresholds it is compared with. */
function atThreshold(outcomes: Outcome[], thresholds: MatchThresholds, level: "suggested" | "likelySame") {
  const reaches = (score: number) => {
    const strength = matchStrength(score, thresholds);
    return level === "suggested" ? strength !== "hidden" : strength === "likelySame";
  };
  const repeats = outcomes.filter((o) => o.query.match !== null);
  const without = outcomes.filter((o) => o.query.match === null);
  return {
    recall: repeats.filter((o) => o.rank !== null && o.rank <= 5 && reaches(o.ranked[o.rank - 1]!.score)).length,
    rightTop: repeats.filter((o) => o.rank === 1 && reaches(o.ranked[0]!.score)).length,
    wrongTop: repeats.filter((o) => o.rank !== 1 && o.ranked.length > 0 && reaches(o.ranked[0]!.score)).length,
    falseMatch: without.filter((o) => o.ranked.length > 0 && reaches(o.ranked[0]!.score)).length,
    repeats: repeats.length,
    without: without.length,
  };
}

function line(label: string, r: ReturnType<typeof atThreshold>) {
  return `   ${label.padEnd(22)} ${share(r.recall, r.repeats).padEnd(9)} ${share(r.rightTop, r.repeats).padEnd(13)} ${share(r.wrongTop, r.repeats).padEnd(13)} ${share(r.falseMatch, r.without)}`;
}

function report(half: string, language: Language, outcomes: Outcome[], defaults: MatchThresholds) {
  const repeats = outcomes.filter((o) => o.query.match !== null);
  const without = outcomes.filter((o) => o.query.match === null);
  const at1 = repeats.filter((o) => o.rank === 1).length;
  const at5 = repeats.filter((o) => o.rank !== null && o.rank <= 5).length;
  const mrr = repeats.reduce((sum, o) => sum + (o.rank === null ? 0 : 1 / o.rank), 0);
  console.log(`── ${half} · ${language}: ${repeats.length} claims repeating an earlier check, ${without.length} without`);
  console.log(`   recall@1 ${ratio(at1, repeats.length)}   recall@5 ${ratio(at5, repeats.length)}   MRR ${ratio(mrr, repeats.length)}`);
  console.log(`   ${"".padEnd(22)} ${"recall".padEnd(9)} ${"right on top".padEnd(13)} ${"wrong on top".padEnd(13)} false`);
  console.log(line(`suggest ≥ ${defaults.suggestAt.toFixed(2)}`, atThreshold(outcomes, defaults, "suggested")));
  console.log(line(`likely same ≥ ${defaults.likelySameAt.toFixed(2)}`, atThreshold(outcomes, defaults, "likelySame")));
  console.log(`   sweep (score ≥ t)`);
  for (const t of sweep) console.log(line(`t = ${t.toFixed(2)}`, atThreshold(outcomes, { suggestAt: t, likelySameAt: t }, "likelySame")));
  const noMatchScores = without.map((o) => o.ranked[0]?.score ?? 0).sort((a, b) => b - a);
  console.log(`   highest no-match top scores: ${noMatchScores.slice(0, 5).map((s) => s.toFixed(3)).join(", ")}`);
}

async function main() {
  const { values } = parseArgs({ options: { "show-misses": { type: "boolean" }, half: { type: "string" } }, strict: true });
  const known = await readJson<Known[]>("app/matching/corpus/known.json");
  const chosen = (Object.keys(halves) as (keyof typeof halves)[]).filter((half) => values.half === undefined || values.half === half);
  if (chosen.length === 0) throw new Error(`--half must be one of: ${Object.keys(halves).join(", ")}`);

  await withThrowawayDatabase(databaseName, adminUrl, async (databaseUrl) => {
    process.env.DATABASE_URL = databaseUrl;
    const { reloadServerEnv } = await import("../app/utils/env.server.ts");
    reloadServerEnv();
    const { disconnectDatabase } = await import("../app/db/client.server.ts");
    const { upsertKnownFactChecks } = await import("../app/matching/match.server.ts");
    const { checkedBefore, defaults } = await import("../app/matching/checked-before.server.ts");
    try {
      await upsertKnownFactChecks(
        known.map((check) => ({
          url: check.url,
          claimReviewed: check.claimReviewed,
          language: check.language,
          publisher: check.author.name,
          rating: check.reviewRating.alternateName,
          datePublished: new Date(`${check.datePublished}T00:00:00Z`),
          source: "feed" as const,
        })),
      );
      console.log(`Matching on the labelled set: ${known.length} known fact-checks.`);
      console.log(`Default thresholds assumed (checked-before.server.ts): suggest ${defaults.suggestAt}, likely the same ${defaults.likelySameAt}\n`);
      // Everything checkedBefore returns (suggest at 0); the levels are then compared with matchStrength.
      const all: MatchThresholds = { suggestAt: 0, likelySameAt: defaults.likelySameAt };
      for (const half of chosen) {
        const queries = await readJson<Query[]>(halves[half]);
        for (const language of languages) {
          const outcomes: Outcome[] = [];
          for (const query of queries.filter((q) => q.language === language)) {
            const matches = await checkedBefore(query.text, { language, limit: 10, thresholds: all });
            const ranked = matches.map((m) => ({ url: m.url, score: m.score }));
            const index = query.match === null ? -1 : ranked.findIndex((m) => m.url === query.match);
            outcomes.push({ query, ranked, rank: index === -1 ? null : index + 1 });
          }
          report(half, language, outcomes, defaults);
          if (values["show-misses"]) {
            for (const o of outcomes.filter((o) => o.query.match !== null && (o.rank === null || o.rank > 5))) {
              console.log(`   missed (rank ${o.rank ?? "-"}): ${o.query.text}  [${o.query.note}]`);
            }
            for (const o of outcomes.filter((o) => o.query.match === null && o.ranked.length > 0 && o.ranked[0]!.score >= defaults.likelySameAt)) {
              console.log(`   false likely-same (${o.ranked[0]!.score.toFixed(3)}): ${o.query.text} → ${o.ranked[0]!.url}`);
            }
          }
          console.log("");
        }
      }
      if (values.half === undefined || values.half === "tuning") {
        console.log(`── near duplicates among the known checks: the best other check at or above t`);
        console.log(`   ${"".padEnd(10)} ${languages.map((l) => l.padEnd(8)).join(" ")}`);
        const best: Record<Language, number[]> = { id: [], en: [] };
        for (const check of known) {
          const matches = await checkedBefore(check.claimReviewed, { language: check.language, limit: 2, thresholds: all });
          best[check.language].push(matches.find((m) => m.url !== check.url)?.score ?? 0);
        }
        for (const t of [...new Set([...sweep, defaults.suggestAt, defaults.likelySameAt])].sort()) {
          const cells = languages.map((l) => share(best[l].filter((score) => matchStrength(score, { suggestAt: t, likelySameAt: t }) === "likelySame").length, best[l].length).padEnd(8));
          console.log(`   t = ${t.toFixed(2)}   ${cells.join(" ")}`);
        }
        if (values["show-misses"]) {
          for (const [i, check] of known.entries()) {
            const score = best[check.language][known.filter((k, j) => j < i && k.language === check.language).length]!;
            if (score >= defaults.likelySameAt) console.log(`   near duplicate likely-same (${score.toFixed(3)}): ${check.claimReviewed}`);
          }
        }
      }
    } finally {
      await disconnectDatabase();
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
