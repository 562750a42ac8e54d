// Known fact-checks (ours and other fact-checkers' ClaimReviews) and the query that finds those a new claim may
// repeat. Both sides are reduced with matchTerms (terms.ts); the stored terms carry a `simple` full-text vector
// (kept by a trigger) and a trigram index.
//
// matchClaim takes candidates in one SQL round trip: the 50 best by full-text search (any shared term) UNION the
// 50 most similar by trigrams (`terms % query`), in the claim's language only, with each one's pg_trgm similarity to
// the claim's terms; then scores those (at most 100) in plain code (score.ts):
//   score = (0.6 · shared terms (Dice over the two distinct-term sets) + 0.4 · trigram similarity)
//           · (1 − 0.7 if each side has a number the other lacks) · (1 − 0.5 if each side has a name the other lacks)
// The score lies in [0, 1], so thresholds mean the same on any corpus size (ts_rank_cd does not: it grows with the
// number of matching positions and has no fixed top). Shared terms carry the claim's facts (numbers, names, stems);
// trigrams forgive what the stemmer leaves apart ("tentara"/"tentaranya"); the two clashes keep near duplicates
// (a check of "1.000 tentara" for a claim of "10.000 tentara"; Jawa Barat for Jawa Tengah) below "likely the same".
// Scores and thresholds are measured by `npm run match:eval` (scripts/match-eval.ts; docs/decisions/0019).
import type { Language } from "~/claims/types";
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { matchFacts, matchScore } from "~/matching/score";
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
 * Adds or updates known fact-checks, one per ClaimReview URL. With `tx`, the rows are written in the caller's
 * transaction (publishing writes our own reviews with the fact-check; a feed's import writes its reviews and
 * removes the missing ones together); otherwise in batches of 500.
 */
export async function upsertKnownFactChecks(rows: KnownFactCheckInput[], options: { tx?: Prisma.TransactionClient } = {}) {
  const { tx } = options;
  const upsert = (db: Prisma.TransactionClient | typeof prisma, row: KnownFactCheckInput) => {
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
    return db.knownFactCheck.upsert({ where: { url: row.url }, create: { url: row.url, ...data }, update: data, select: { id: true } });
  };
  if (tx) {
    for (const row of rows) await upsert(tx, row);
    return { upserted: rows.length };
  }
  const writes = rows.map((row) => upsert(prisma, row));
  for (let start = 0; start < writes.length; start += 500) await prisma.$transaction(writes.slice(start, start + 500));
  return { upserted: rows.length };
}

/** A tsquery matching any of `terms`, each quoted as one lexeme (numbers like "40%" or "10.3" stay whole). */
function anyTermQuery(terms: string[]) {
  return terms.map((term) => `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" | ");
}

type CandidateRow = Omit<Match, "language" | "score" | "source"> & { language: string; source: "OWN" | "FEED"; trigram: number };

/** Up to 100 known fact-checks in `language` sharing a term with, or similar in trigrams to, the claim's terms. */
export async function matchCandidates(terms: string[], options: { language: Language; excludeClaimId?: string }) {
  const joined = terms.join(" ");
  const excluded = options.excludeClaimId ?? null;
  return prisma.$queryRaw<CandidateRow[]>`
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
           similarity(k.terms, ${joined})::float8 AS trigram
    FROM (SELECT id FROM by_text UNION SELECT id FROM by_trigram) c
    JOIN "KnownFactCheck" k ON k.id = c.id
    WHERE ${excluded}::uuid IS NULL OR k."claimId" IS DISTINCT FROM ${excluded}::uuid`;
}

/** The known fact-checks in `language` closest to `text`, best first (see the score above). */
export async function matchClaim(
  text: string,
  options: { language: Language; limit?: number; /** never match a claim against its own published review */ excludeClaimId?: string },
): Promise<Match[]> {
  const claim = matchFacts(text, options.language);
  if (claim.terms.size === 0) return [];
  const limit = Math.max(1, Math.min(options.limit ?? 5, 50));
  const rows = await matchCandidates([...claim.terms], options);
  return rows
    .map(({ trigram, ...row }) => ({
      ...row,
      source: row.source === "OWN" ? ("own" as const) : ("feed" as const),
      language: row.language as Language,
      score: matchScore(claim, matchFacts(row.claimReviewed, row.language as Language), Number(trigram)),
    }))
    .sort((a, b) => b.score - a.score || b.datePublished.getTime() - a.datePublished.getTime() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .slice(0, limit);
}
