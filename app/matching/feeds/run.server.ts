// Running a ClaimReview source: fetching a URL source with the safe fetcher, reading its ClaimReviews (a DataFeed
// or a page's JSON-LD), and writing them — or, for an uploaded file, writing the file's reviews.
//
// Writing is ONE transaction per run: every review is upserted by URL (upsertKnownFactChecks, the one way rows
// are written), this source's reviews that the source no longer gives are deleted (removed or withdrawn), and the
// source's last run is recorded. A review URL that another source or one of our own fact-checks already holds
// is not taken over: it is skipped and counted. Unchanged reviews are not written again.
//
// Any failure — the fetch (timeout, refused address, HTTP error, too large, …), a page that cannot be read, an
// answer that is not JSON or holds no ClaimReview — writes nothing but the source's FAILED status and a reason
// code (`lastError`, shown translated on the admin page): the reviews of earlier runs stay as they were.
import { prisma } from "~/db/client.server";
import { safeFetch, SafeFetchError, type SafeFetchOptions } from "~/fetching/safe-fetch.server";
import { DocumentRefusal, documentTask, readUntrustedDocument } from "~/fetching/untrusted-document/read.server";
import { decodeWebText } from "~/fetching/web-text";
import type { Prisma } from "~/generated/prisma/client";
import { upsertKnownFactChecks } from "~/matching/match.server";
import {
  claimReviewsFromJsonLdBlocks,
  claimReviewsFromJsonText,
  FeedReadError,
  type KnownClaimReview,
  type ReadClaimReviews,
} from "./claim-reviews";
import type { pageJsonLdBlocks } from "./page-json-ld.server";
import { announceKnownFactChecksChanged } from "~/matching/checked-before.server";

export const feedFetchLimits = {
  /** A feed of 100,000 reviews is about 60 MB in our own shape; 20 MiB holds tens of thousands. */
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 60_000,
  accept: "application/ld+json, application/json;q=0.9, text/html;q=0.8, */*;q=0.5",
} as const;

/** How long a run's last transaction may take (removing up to 100,000 reviews gone from a source). */
const writeTimeoutMs = 10 * 60 * 1000;

/** What a run counted: reviews seen, new, changed, gone, and skipped (invalid, or held by another source). */
export type FeedCounts = { found: number; added: number; updated: number; removed: number; skipped: number };

export type FeedRunOutcome = { status: "OK"; counts: FeedCounts } | { status: "FAILED"; error: string } | { status: "skipped" };

/** A run's failure, its reason code being what the admin page shows: the safe fetcher's, the reader's or a page's. */
export class FeedRunError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message ?? code);
    this.name = "FeedRunError";
  }
}

/** The reason code of any failure of a run: `http_error:404`, `timeout`, `not_json`, `unreadable_page`, … */
export function feedFailureCode(error: unknown): string {
  if (error instanceof FeedRunError) return error.code;
  if (error instanceof FeedReadError) return error.code;
  if (error instanceof SafeFetchError) return error.code === "http_error" && error.status ? `http_error:${error.status}` : error.code;
  if (error instanceof DocumentRefusal) return error.code === "busy" ? "busy" : "unreadable_page";
  return "run_failed";
}

// ---------------------------------------------------------------------------------------------------------
// Reading a URL source

const pageJsonLd = documentTask<typeof pageJsonLdBlocks>("app/matching/feeds/page-json-ld.server.ts", "pageJsonLdBlocks");

function mediaType(contentType: string | null): string {
  return contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Fetches a URL source and reads its ClaimReviews: JSON (a DataFeed…) or an HTML page's JSON-LD, by content type, else by content. */
export async function readUrlSource(url: string, options: { fetch?: SafeFetchOptions; signal?: AbortSignal; publisher?: string } = {}): Promise<ReadClaimReviews> {
  const fetched = await safeFetch(url, {
    maxBytes: feedFetchLimits.maxBytes,
    timeoutMs: feedFetchLimits.timeoutMs,
    accept: feedFetchLimits.accept,
    ...options.fetch,
    signal: options.signal ?? options.fetch?.signal,
  });
  const type = mediaType(fetched.contentType);
  const start = fetched.body.subarray(0, 1024).toString("latin1").replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart()[0];
  const html = type === "text/html" || type === "application/xhtml+xml" || (!type.includes("json") && start === "<");
  const readOptions = { defaultPublisher: options.publisher };
  if (html) {
    const blocks = await readUntrustedDocument(pageJsonLd, [decodeWebText(fetched.body, fetched.contentType, true)], { signal: options.signal });
    return claimReviewsFromJsonLdBlocks(blocks, readOptions);
  }
  if (!type.includes("json") && start !== "{" && start !== "[") throw new FeedReadError("not_json");
  return claimReviewsFromJsonText(decodeWebText(fetched.body, fetched.contentType, false), readOptions);
}

// ---------------------------------------------------------------------------------------------------------
// Writing a source's reviews

const chunk = <T,>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const sameDay = (a: Date, b: Date) => a.getTime() === b.getTime();

type Db = Prisma.TransactionClient | typeof prisma;

/** What a run will write: the new or changed reviews, this source's reviews that are gone, and the counts. */
type SourceWrites = { writes: KnownClaimReview[]; gone: string[]; counts: FeedCounts };

/** URLs among `urls` held by another source or by our own fact-checks: never taken over. */
async function heldElsewhere(db: Db, feedId: string, urls: string[]): Promise<Set<string>> {
  const held = new Set<string>();
  for (const part of chunk(urls, 5_000)) {
    const rows = await db.knownFactCheck.findMany({ where: { url: { in: part }, OR: [{ feedId: null }, { feedId: { not: feedId } }] }, select: { url: true } });
    for (const row of rows) held.add(row.url);
  }
  return held;
}

/** Compares `read` with source `feedId`'s reviews as `db` sees them: what is new or changed, what is gone. */
async function planSourceWrites(db: Db, feedId: string, read: ReadClaimReviews): Promise<SourceWrites> {
  const mine = new Map(
    (
      await db.knownFactCheck.findMany({
        where: { feedId },
        select: { url: true, claimReviewed: true, publisher: true, rating: true, datePublished: true, language: true },
      })
    ).map((row) => [row.url, row]),
  );
  const others = await heldElsewhere(
    db,
    feedId,
    read.reviews.filter((review) => !mine.has(review.url)).map((review) => review.url),
  );
  const writes: KnownClaimReview[] = [];
  let added = 0;
  let updated = 0;
  for (const review of read.reviews) {
    if (others.has(review.url)) continue;
    const before = mine.get(review.url);
    if (!before) added += 1;
    else if (
      before.claimReviewed !== review.claimReviewed ||
      before.publisher !== review.publisher ||
      before.rating !== review.rating ||
      before.language !== review.language ||
      !sameDay(before.datePublished, review.datePublished)
    )
      updated += 1;
    else continue;
    writes.push(review);
  }
  const present = new Set(read.reviews.map((review) => review.url));
  const gone = [...mine.keys()].filter((url) => !present.has(url));
  return { writes, gone, counts: { found: read.found, added, updated, removed: gone.length, skipped: read.skipped + others.size } };
}

// Imports are written one at a time, so two sources never race for one URL between the check and the write.
const lockImports = (tx: Prisma.TransactionClient) => tx.$executeRaw`SELECT pg_advisory_xact_lock(728043)`;

/** Upserts `writes` as source `feedId`'s reviews in `tx`, but for URLs another source took meanwhile; returns those. */
async function upsertSourceReviews(tx: Prisma.TransactionClient, feedId: string, writes: KnownClaimReview[]): Promise<Set<string>> {
  await lockImports(tx);
  const taken = await heldElsewhere(tx, feedId, writes.map((review) => review.url));
  await upsertKnownFactChecks(
    writes.filter((review) => !taken.has(review.url)).map((review) => ({ ...review, source: "feed" as const, feedId })),
    { tx },
  );
  return taken;
}

async function removeGone(tx: Prisma.TransactionClient, feedId: string, gone: string[]) {
  for (const urls of chunk(gone, 5_000)) await tx.knownFactCheck.deleteMany({ where: { feedId, url: { in: urls } } });
}

/** The time of a source's next scheduled run after `from`; none for a source run only on demand. */
export function nextRunAfter(from: Date, everyHours: number | null): Date | null {
  return everyHours ? new Date(from.getTime() + everyHours * 3_600_000) : null;
}

/** Reviews written per transaction by a run. */
const reviewsPerTransaction = 500;

/**
 * Writes a run's reviews (a URL run's, or an upload's for its new source) and its OK status: the new and changed
 * reviews in short transactions of 500 — the term counters they update are shared with publishing, which must not
 * wait minutes behind a large first import — then the removals and the status together. Only a database failure
 * can stop it midway: what was written is valid, and the next run completes it.
 */
export async function settleSourceRun(feedId: string, read: ReadClaimReviews, options: { everyHours: number | null }) {
  const { writes, gone, counts } = await planSourceWrites(prisma, feedId, read);
  // A URL another source took between the plan and its chunk was a new one here (ours are never taken): skipped.
  let takenMeanwhile = 0;
  for (const part of chunk(writes, reviewsPerTransaction)) {
    const taken = await prisma.$transaction((tx) => upsertSourceReviews(tx, feedId, part), { timeout: 120_000, maxWait: 30_000 });
    takenMeanwhile += taken.size;
  }
  const final = { ...counts, added: counts.added - takenMeanwhile, skipped: counts.skipped + takenMeanwhile };
  return prisma.$transaction(
    async (tx) => {
      await removeGone(tx, feedId, gone);
      const now = new Date();
      await tx.claimReviewFeed.update({
        where: { id: feedId },
        data: { lastStatus: "OK", lastCounts: final, lastError: null, lastRunAt: now, nextRunAt: nextRunAfter(now, options.everyHours) },
        select: { id: true },
      });
      return final;
    },
    { timeout: writeTimeoutMs, maxWait: 30_000 },
  );
}

/** Records a failed run: its reason, and the next scheduled try. The source's reviews are not touched. */
export async function recordFailedRun(feedId: string, code: string) {
  const feed = await prisma.claimReviewFeed.findUnique({ where: { id: feedId }, select: { everyHours: true } });
  if (!feed) return;
  const now = new Date();
  await prisma.claimReviewFeed.update({
    where: { id: feedId },
    data: { lastStatus: "FAILED", lastError: code, lastRunAt: now, nextRunAt: nextRunAfter(now, feed.everyHours) },
    select: { id: true },
  });
}

/**
 * Runs URL source `feedId` once: fetches, reads and writes it, or records why not. The `claim-review-feed` job's
 * work; tests call it directly. Throws only when the database does, when `signal` aborts, or when the document
 * readers are all busy (the job is then retried; the source stays RUNNING until then).
 */
export async function runClaimReviewSource(feedId: string, options: { fetch?: SafeFetchOptions; signal?: AbortSignal } = {}): Promise<FeedRunOutcome> {
  const feed = await prisma.claimReviewFeed.findUnique({ where: { id: feedId }, select: { kind: true, url: true, name: true, everyHours: true } });
  if (!feed || feed.kind !== "URL" || !feed.url) return { status: "skipped" };
  let read: ReadClaimReviews;
  try {
    read = await readUrlSource(feed.url, { ...options, publisher: feed.name });
  } catch (error) {
    // Stopped, or too many documents waiting in this process: not the source's fault, so the job is retried.
    if (options.signal?.aborted || (error instanceof DocumentRefusal && error.code === "busy")) throw error;
    const code = feedFailureCode(error);
    if (code === "run_failed") console.error(`[claim-review-feed] ${feed.url}:`, error);
    await recordFailedRun(feedId, code);
    return { status: "FAILED", error: code };
  }
  const counts = await settleSourceRun(feedId, read, { everyHours: feed.everyHours });
  if (counts.added + counts.updated + counts.removed > 0) await announceKnownFactChecksChanged();
  return { status: "OK", counts };
}
