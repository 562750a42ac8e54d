// Known fact-checks (ours and other fact-checkers' ClaimReviews) and the query that finds those a new claim may
// repeat. Both sides are reduced with matchTerms (terms.ts); the stored terms carry a `simple` full-text vector
// (kept by a trigger) and a trigram index.
//
// matchClaim takes candidates in one SQL round trip: the 50 best by full-text search (any shared term) UNION the
// 50 most similar by trigrams (`terms % query`), in the claim's language only, then scores each
//   score = 0.6 · shared terms (Dice: 2·|A∩B| / (|A|+|B|) over the two distinct-term sets)
//         + 0.4 · pg_trgm similarity(terms, query terms)
// Both parts lie in [0, 1], so the score does too and thresholds mean the same on any corpus size (ts_rank_cd
// does not: it grows with the number of matching positions and has no fixed top). Shared terms carry the
// claim's facts (numbers, names, stems); trigrams forgive what the stemmer leaves apart ("tentara"/"tentaranya").
// Thresholds are measured by `npm run match:eval` (scripts/match-eval.ts).
import type { Language } from "~/claims/types";
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { matchTerms } from "~/matching/terms";

export type KnownFactCheckInput = {
  url: string;
  claimReviewed: string;
  language: Language;
  publisher: string;
  rating: string;
  datePublished: Date;
  source: "own" | "feed";
  /// The ClaimReviewFeed a "feed" review came from.
  feedId?: string | null;
  /// For "own" reviews: the published fact-check and the claim it rates.
  factCheckId?: string | null;
  claimId?: string | null;
};

export type Match = {
  id: string;
  /// "own": one of our published fact-checks; "feed": another fact-checker's.
  source: "own" | "feed";
  url: string;
  claimReviewed: string;
  publisher: string;
  rating: string;
  datePublished: Date;
  language: Language;
  score: number;
};

const candidatesPerMethod = 50;

/**
 * Adds or updates known fact-checks, one per ClaimReview URL. With `tx`, inside the caller's interactive
 * transaction (a feed's import writes its reviews and removes the missing ones together); without, in
 * transactions of 500.
 */
export async function upsertKnownFactChecks(rows: KnownFactCheckInput[], options: { tx?: Prisma.TransactionClient } = {}) {
  const client = options.tx ?? prisma;
  const writes = rows.map((row) => {
    const data = {
      claimReviewed: row.claimReviewed,
      language: row.language,
      publisher: row.publisher,
      rating: row.rating,
      datePublished: row.datePublished,
      source: row.source === "own" ? ("OWN" as const) : ("FEED" as const),
      feedId: row.feedId ?? null,
      factCheckId: row.factCheckId ?? null,
      claimId: row.claimId ?? null,
      terms: matchTerms(row.claimReviewed, row.language).join(" "),
    };
    return client.knownFactCheck.upsert({ where: { url: row.url }, create: { url: row.url, ...data }, update: data, select: { id: true } });
  });
  if (options.tx) {
    for (const write of writes) await write;
    return { upserted: rows.length };
  }
  for (let start = 0; start < writes.length; start += 500) await prisma.$transaction(writes.slice(start, start + 500));
  return { upserted: rows.length };
}

/** A tsquery matching any of `terms`, each quoted as one lexeme (numbers like "40%" or "10.3" stay whole). */
function anyTermQuery(terms: string[]) {
  return terms.map((term) => `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" | ");
}

type MatchRow = Omit<Match, "language" | "score" | "source"> & { language: string; score: number; source: "OWN" | "FEED" };

/** The known fact-checks in `language` closest to `text`, best first (see the score above). */
export async function matchClaim(
  text: string,
  options: { language: Language; limit?: number; /** never match a claim against its own published review */ excludeClaimId?: string },
): Promise<Match[]> {
  const terms = [...new Set(matchTerms(text, options.language))];
  if (terms.length === 0) return [];
  const joined = terms.join(" ");
  const limit = Math.max(1, Math.min(options.limit ?? 5, 50));
  const excluded = options.excludeClaimId ?? null;
  const rows = await prisma.$queryRaw<MatchRow[]>`
    WITH q AS (SELECT to_tsquery('simple', ${anyTermQuery(terms)}) AS query),
    by_text AS (
      SELECT k.id FROM "KnownFactCheck" k, q
      WHERE k.language = ${options.language} AND k."termsVector" @@ q.query
      ORDER BY ts_rank_cd(k."termsVector", q.query) DESC LIMIT ${candidatesPerMethod}
    ),
    by_trigram AS (
      SELECT k.id FROM "KnownFactCheck" k
      WHERE k.language = ${options.language} AND k.terms % ${joined}
      ORDER BY similarity(k.terms, ${joined}) DESC LIMIT ${candidatesPerMethod}
    )
    SELECT k.id, k.source, k.url, k."claimReviewed", k.publisher, k.rating, k."datePublished", k.language,
           (0.6 * 2.0 * shared.n / (shared.total + ${terms.length}) + 0.4 * similarity(k.terms, ${joined}))::float8 AS score
    FROM (SELECT id FROM by_text UNION SELECT id FROM by_trigram) c
    JOIN "KnownFactCheck" k ON k.id = c.id
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE w = ANY(${terms}::text[])) AS n, count(*) AS total
      FROM (SELECT DISTINCT unnest(string_to_array(k.terms, ' ')) AS w) words
    ) shared
    WHERE ${excluded}::uuid IS NULL OR k."claimId" IS DISTINCT FROM ${excluded}::uuid
    ORDER BY score DESC, k."datePublished" DESC, k.url
    LIMIT ${limit}`;
  return rows.map((row) => ({
    ...row,
    source: row.source === "OWN" ? "own" : "feed",
    language: row.language as Language,
    score: Number(row.score),
  }));
}
