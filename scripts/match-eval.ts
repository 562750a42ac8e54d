// `npm run match:eval`: how well matchClaim (app/matching/match.server.ts) finds the earlier fact-check a new claim
// repeats, on the labelled set (app/matching/corpus/known.json: earlier checks; queries.json: new claims, each with
// the check it repeats or none). Creates a throwaway database `factdesk_match_eval_<pid>` on the local PostgreSQL
// (MATCH_EVAL_PG_ADMIN_URL, default postgresql://root@127.0.0.1:5432/postgres), migrates it, loads the checks, runs
// every query and drops the database. Per language it prints recall@5 and MRR (over the queries that have an
// earlier check), then per threshold: the share of no-match queries whose top result scores at or above it (a false
// suggestion), of match queries whose right answer is top and at or above it, and of match queries whose top result
// is a wrong check at or above it.
//
// Options: --show-misses   list the match queries whose right answer is not in the top 5
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

type Language = "id" | "en";
type Known = { url: string; claimReviewed: string; datePublished: string; language: Language; author: { name: string }; reviewRating: { alternateName: string } };
type Query = { text: string; language: Language; match: string | null; note: string };
type Outcome = { query: Query; rank: number | null; topUrl: string | null; topScore: number };

const root = path.resolve(import.meta.dirname, "..");
const languages: Language[] = ["id", "en"];
const thresholds = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
const adminUrl = process.env.MATCH_EVAL_PG_ADMIN_URL || "postgresql://root@127.0.0.1:5432/postgres";
const databaseName = `factdesk_match_eval_${process.pid}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

const readJson = async <T>(relative: string): Promise<T> => JSON.parse(await readFile(path.join(root, relative), "utf8")) as T;
const percent = (part: number, whole: number) => (whole === 0 ? "  -  " : `${((100 * part) / whole).toFixed(1).padStart(5)}%`);

function report(language: Language, outcomes: Outcome[]) {
  const withMatch = outcomes.filter((o) => o.query.match !== null);
  const without = outcomes.filter((o) => o.query.match === null);
  const inTop5 = withMatch.filter((o) => o.rank !== null && o.rank <= 5).length;
  const mrr = withMatch.reduce((sum, o) => sum + (o.rank === null ? 0 : 1 / o.rank), 0) / Math.max(1, withMatch.length);
  console.log(`── ${language}: ${withMatch.length} queries with an earlier check, ${without.length} without`);
  console.log(`   recall@5 ${(inTop5 / Math.max(1, withMatch.length)).toFixed(3)}   MRR ${mrr.toFixed(3)}`);
  console.log(`   threshold   no-match top ≥ t (false)   right answer top ≥ t   wrong check top ≥ t`);
  for (const t of thresholds) {
    const falseSuggest = without.filter((o) => o.topUrl !== null && o.topScore >= t).length;
    const rightTop = withMatch.filter((o) => o.rank === 1 && o.topScore >= t).length;
    const wrongTop = withMatch.filter((o) => o.rank !== 1 && o.topUrl !== null && o.topScore >= t).length;
    console.log(
      `   ${t.toFixed(2).padEnd(11)} ${percent(falseSuggest, without.length).padEnd(26)} ${percent(rightTop, withMatch.length).padEnd(22)} ${percent(wrongTop, withMatch.length)}`,
    );
  }
  const noMatchScores = without.map((o) => o.topScore).sort((a, b) => b - a);
  console.log(`   highest no-match top scores: ${noMatchScores.slice(0, 5).map((s) => s.toFixed(3)).join(", ")}`);
}

async function main() {
  const { values } = parseArgs({ options: { "show-misses": { type: "boolean" } }, strict: true });
  const known = await readJson<Known[]>("app/matching/corpus/known.json");
  const queries = await readJson<Query[]>("app/matching/corpus/queries.json");

  await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  process.env.DATABASE_URL = url.href;
  try {
    const { applyMigrations } = await import("../app/db/migrate.server.ts");
    await applyMigrations(url.href, { log: () => {} });
    const { reloadServerEnv } = await import("../app/utils/env.server.ts");
    reloadServerEnv();
    const { disconnectDatabase } = await import("../app/db/client.server.ts");
    const { matchClaim, upsertKnownFactChecks } = await import("../app/matching/match.server.ts");
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
      console.log(`Matching on the labelled set: ${known.length} known fact-checks, ${queries.length} queries\n`);
      for (const language of languages) {
        const outcomes: Outcome[] = [];
        for (const query of queries.filter((q) => q.language === language)) {
          const matches = await matchClaim(query.text, { language, limit: 10 });
          const index = query.match === null ? -1 : matches.findIndex((m) => m.url === query.match);
          outcomes.push({ query, rank: index === -1 ? null : index + 1, topUrl: matches[0]?.url ?? null, topScore: matches[0]?.score ?? 0 });
        }
        report(language, outcomes);
        if (values["show-misses"]) {
          for (const o of outcomes.filter((o) => o.query.match !== null && (o.rank === null || o.rank > 5))) {
            console.log(`   missed (rank ${o.rank ?? "-"}): ${o.query.text}  [${o.query.note}]`);
          }
        }
        console.log("");
      }
    } finally {
      await disconnectDatabase();
    }
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
