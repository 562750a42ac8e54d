// Our own published checks as known fact-checks (KnownFactCheck, source OWN): each rated claim of the current
// version of every published fact-check, as its ClaimReview gives it — the URL, wording and rating label our
// markup publishes (claimReviewsOf, in the page's language), the newsroom as publisher, the version's day.
// Written inside the publishing transaction (recordFactCheckChange), so the matching corpus follows what
// readers see: a correction replaces the rows (claims no longer in the version lose theirs), a withdrawal
// removes them all, a republication brings them back. Existing databases are brought in line once at
// start-up (backfillOwnFactChecks, idempotent). Decision 0021.
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { getNewsroom, type Newsroom, newsroomIn } from "~/newsroom/settings.server";
import { type KnownFactCheckInput, upsertKnownFactChecks } from "~/matching/match.server";
import type { PublishedContent } from "./content";
import { ClaimReviewInputError, type JsonLdNode } from "./claim-review-markup";
import { claimReviewsOf, type ReviewedFactCheck } from "./published-claim-reviews.server";
import { publicBaseUrl } from "./public-url.server";
import { configuredAppUrl } from "~/utils/env.server";
import { calendarDayOf } from "~/newsroom/clock";

type Tx = Prisma.TransactionClient;

/**
 * The origin our ClaimReview URLs are built on outside a request: the newsroom's public address, else APP_URL
 * (required in production); only in a demo or development without either, http://localhost (decision 0021).
 */
function ownBaseUrl(newsroom: Newsroom) {
  return publicBaseUrl(newsroom, configuredAppUrl() ?? "http://localhost");
}

/** The calendar day (UTC midnight, like every date-only value) of `at` in the newsroom's time zone. */
function calendarDay(at: Date, timeZone: string): Date {
  return new Date(`${calendarDayOf(at, timeZone)}T00:00:00.000Z`);
}

/**
 * The version's ClaimReviews; when the markup builder refuses the version (a claim's wording over the
 * ClaimReview limit, say), each claim's on its own, leaving out only those it refuses — publishing never
 * fails for the matching corpus.
 */
function reviewsOf(factCheck: ReviewedFactCheck, content: PublishedContent, newsroom: Newsroom, baseUrl: string): JsonLdNode[] {
  try {
    return claimReviewsOf(factCheck, content, newsroom, baseUrl);
  } catch (error) {
    if (!(error instanceof ClaimReviewInputError)) throw error;
    return content.claims.flatMap((claim) => {
      try {
        return claimReviewsOf(factCheck, { ...content, claims: [claim] }, newsroom, baseUrl);
      } catch (refused) {
        if (!(refused instanceof ClaimReviewInputError)) throw refused;
        return [];
      }
    });
  }
}

/** The known fact-checks a published version stands for: one per rated claim. */
export function ownKnownFactChecks(
  factCheck: ReviewedFactCheck & { id: string },
  version: { content: PublishedContent; publishedAt: Date },
  newsroom: Newsroom,
  baseUrl: string,
): KnownFactCheckInput[] {
  const claimByAnchor = new Map(version.content.claims.map((claim) => [claim.anchor, claim.claimId]));
  const datePublished = calendarDay(version.publishedAt, newsroom.timeZone);
  return reviewsOf(factCheck, version.content, newsroom, baseUrl).map((review) => {
    const url = String(review.url);
    const anchor = url.slice(url.lastIndexOf("#") + 1);
    const rating = review.reviewRating as { alternateName: string };
    return {
      url,
      claimReviewed: String(review.claimReviewed),
      language: review.inLanguage === "id" ? "id" : "en",
      publisher: newsroom.name,
      rating: rating.alternateName,
      datePublished,
      source: "own",
      factCheckId: factCheck.id,
      claimId: claimByAnchor.get(anchor) ?? null,
    };
  });
}

/**
 * Brings the fact-check's own known fact-checks in line with what readers see now, in `tx`: the current
 * version's rated claims while it is published, nothing once it is withdrawn. Returns how many rows it keeps.
 */
export async function syncOwnFactChecks(tx: Tx, factCheckId: string, newsroom?: Newsroom): Promise<number> {
  const factCheck = await tx.factCheck.findUnique({
    where: { id: factCheckId },
    select: {
      id: true,
      slug: true,
      language: true,
      headline: true,
      status: true,
      currentVersion: true,
      firstPublishedAt: true,
      lastPublishedAt: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { content: true, publishedAt: true } },
    },
  });
  const version = factCheck?.versions[0];
  if (!factCheck || factCheck.status !== "PUBLISHED" || !version) {
    await tx.knownFactCheck.deleteMany({ where: { factCheckId } });
    return 0;
  }
  const settings = newsroom ?? (await newsroomIn(tx));
  const rows = ownKnownFactChecks(factCheck, { content: version.content as unknown as PublishedContent, publishedAt: version.publishedAt }, settings, ownBaseUrl(settings));
  await tx.knownFactCheck.deleteMany({ where: { factCheckId, url: { notIn: rows.map((row) => row.url) } } });
  await upsertKnownFactChecks(rows, { tx });
  return rows.length;
}

/**
 * Once at start-up: every fact-check's own rows as syncOwnFactChecks would write them (a database from before
 * this feature gets them; one whose public address changed gets the new URLs). Idempotent.
 */
export async function backfillOwnFactChecks(): Promise<{ factChecks: number; rows: number }> {
  const newsroom = await getNewsroom();
  const factChecks = await prisma.factCheck.findMany({ select: { id: true }, orderBy: { firstPublishedAt: "asc" } });
  let rows = 0;
  for (const { id } of factChecks) rows += await prisma.$transaction((tx) => syncOwnFactChecks(tx, id, newsroom));
  // Rows of fact-checks that no longer exist (none should: fact-checks are never deleted).
  await prisma.knownFactCheck.deleteMany({ where: { source: "OWN", factCheckId: { notIn: factChecks.map((row) => row.id) } } });
  return { factChecks: factChecks.length, rows };
}
