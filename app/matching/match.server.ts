// Known fact-checks (ours and other fact-checkers' ClaimReviews) and the query that finds those a new claim may
// repeat. Both sides are reduced with matchTerms (terms.ts); the stored terms carry a trigram index and are kept as
// postings: one KnownFactCheckTerm row per (language, term, review), with each term's document frequency in
// KnownFactCheckTermCount. Triggers keep them (migration 20261130171919), whoever writes KnownFactCheck.
//
// matchClaim takes candidates in one SQL round trip (candidatesQuery), in the claim's language only:
//   - each distinct term of the claim is looked up in KnownFactCheckTermCount (its df, one index probe);
//   - the terms found in at most max(200, 3 % of the archive) reviews weigh idf = ln(1 + N / df) each (N: the
//     table's size, PostgreSQL's estimate from 20,000 rows on, else counted); candidates are the 50 reviews with
//     the highest summed weight of shared rare terms, read from the postings by index-only scans: the cost is
//     bounded by the rare terms' postings, never by how many reviews share "2022" or "warga";
//   - when no term of the claim is that rare, the reviews having its rarest term (at most 5,000 postings read) that
//     also have its second rarest, 50 of them;
//   - on an archive under 20,000 reviews, also the 50 most similar by trigrams (`terms % query`): cheap there, and
//     they catch a word the stemmer left apart with no term shared. On a large archive their GIN scan reads long
//     lists for a whole claim, so they are skipped (they changed nothing on `npm run match:eval`).
// Then the candidates (at most 100) are scored in plain code (score.ts), with each one's pg_trgm similarity to the
// claim's terms computed in the same query:
//   score = (0.6 · shared terms (Dice over the two distinct-term sets) + 0.4 · trigram similarity)
//           · (1 − 0.7 if each side has a number the other lacks) · (1 − 0.5 if each side has a name the other lacks)
// The candidate weights only choose which reviews are scored; the score counts every term, common ones too, and lies
// in [0, 1], so thresholds mean the same on any corpus size. Shared terms carry the claim's facts (numbers, names,
// stems); trigrams forgive what the stemmer leaves apart ("tentara"/"tentaranya"); the two clashes keep near
// duplicates (a check of "1.000 tentara" for a claim of "10.000 tentara"; Jawa Barat for Jawa Tengah) below "likely
// the same". Scores and thresholds are measured by `npm run match:eval` (scripts/match-eval.ts), speed by
// `npm run bench -- --only match` (docs/decisions/0019, "Speed").
import type { Language } from "~/claims/types";
import { prisma } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { KnownReview } from "~/matching/known-review";
import { matchFacts, matchScore } from "~/matching/score";
import { matchTerms } from "~/matching/terms";

export type KnownFactCheckInput = KnownReview & {
  source: "own" | "feed";
  /// The ClaimReviewFeed a "feed" review came from.
  feedId?: string | null;
  /// For "own" reviews: the published fact-check and the claim it rates.
  factCheckId?: string | null;
  claimId?: string | null;
};

export type Match = KnownReview & {
  id: string;
  /// "own": one of our published fact-checks; "feed": another fact-checker's.
  source: "own" | "feed";
  score: number;
};

/** How many candidates the postings give (the trigrams add up to as many more on a small archive). */
const candidates = 50;
/** A term found in more than max(rareRows, rareShare · N) reviews finds no candidates (it still counts in the score). */
const rareShare = 0.03;
const rareRows = 200;
/** When no term of the claim is that rare: at most this many postings of its rarest term are read. */
const commonPostings = 5_000;
/** Below this many known fact-checks the 50 most similar by trigrams are candidates too (cheap there); from this
 * many on, the table's size is PostgreSQL's estimate (pg_class.reltuples) rather than a count. */
const trigramsBelow = 20_000;

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

type CandidateRow = Omit<Match, "language" | "score" | "source"> & { language: string; source: "OWN" | "FEED"; trigram: number };

/**
 * Up to 50 known fact-checks in `language` sharing the claim's rarer terms (by summed idf over the postings), plus on
 * a small archive up to 50 similar in trigrams, each with its trigram similarity to the claim's terms. One query.
 */
export async function matchCandidates(terms: string[], options: { language: Language; excludeClaimId?: string }) {
  return prisma.$queryRaw<CandidateRow[]>(candidatesQuery(terms, options));
}

/** matchCandidates' SQL (also for EXPLAIN while measuring). */
export function candidatesQuery(terms: string[], options: { language: Language; excludeClaimId?: string }) {
  const joined = terms.join(" ");
  const excluded = options.excludeClaimId ?? null;
  return Prisma.sql`
    WITH size AS (
      SELECT CASE WHEN c.reltuples >= ${trigramsBelow} THEN c.reltuples::float8
                  ELSE (SELECT count(*) FROM "KnownFactCheck")::float8 END AS total
      FROM pg_class c WHERE c.oid = '"KnownFactCheck"'::regclass
    ),
    cap AS (SELECT total, greatest(${rareRows}, ceil(total * ${rareShare}))::int AS rare FROM size),
    df AS (
      SELECT q.term, coalesce((SELECT c.reviews FROM "KnownFactCheckTermCount" c
                               WHERE c.language = ${options.language} AND c.term = q.term), 0) AS rows
      FROM unnest(${terms}::text[]) AS q(term)
    ),
    rare AS (
      SELECT df.term, ln(1 + cap.total / df.rows) AS weight FROM df, cap WHERE df.rows BETWEEN 1 AND cap.rare
    ),
    by_terms AS (
      SELECT p."knownFactCheckId" AS id FROM rare
      JOIN "KnownFactCheckTerm" p ON p.language = ${options.language} AND p.term = rare.term
      GROUP BY p."knownFactCheckId" ORDER BY sum(rare.weight) DESC, p."knownFactCheckId" LIMIT ${candidates}
    ),
    commonest AS (
      SELECT df.term, row_number() OVER (ORDER BY df.rows, df.term) AS rank FROM df
      WHERE df.rows > 0 AND NOT EXISTS (SELECT 1 FROM rare)
    ),
    by_common AS (
      SELECT first.id FROM (
        SELECT p."knownFactCheckId" AS id FROM commonest c
        JOIN "KnownFactCheckTerm" p ON p.language = ${options.language} AND p.term = c.term
        WHERE c.rank = 1 LIMIT ${commonPostings}
      ) first
      WHERE NOT EXISTS (
        SELECT 1 FROM commonest c WHERE c.rank = 2 AND NOT EXISTS (
          SELECT 1 FROM "KnownFactCheckTerm" p
          WHERE p.language = ${options.language} AND p.term = c.term AND p."knownFactCheckId" = first.id))
      LIMIT ${candidates}
    ),
    by_trigram AS (
      SELECT k.id FROM "KnownFactCheck" k
      WHERE (SELECT total FROM size) < ${trigramsBelow} AND k.language = ${options.language} AND k.terms % ${joined}
      ORDER BY similarity(k.terms, ${joined}) DESC LIMIT ${candidates}
    )
    SELECT k.id, k.source, k.url, k."claimReviewed", k.publisher, k.rating, k."datePublished", k.language,
           similarity(k.terms, ${joined})::float8 AS trigram
    FROM (SELECT id FROM by_terms UNION SELECT id FROM by_common UNION SELECT id FROM by_trigram) c
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
