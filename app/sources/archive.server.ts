// Archiving a source: what the page said on the day, kept inside Factdesk (the `archive-source` job).
//
// One attempt = one SourceSnapshot row, created PENDING with the source (or by a retry) and settled here
// exactly once: ARCHIVED with the fetched bytes' SHA-256, HTTP status, final URL, content type, fetch
// time, the extracted text and a sanitised copy of the article's HTML; or FAILED with the reason (the
// safe fetcher's failure code, e.g. `refused_address`, `timeout`, `http_error:404`). Running the job twice
// for one snapshot fetches at most once more and never changes a settled snapshot.
//
// Fetching goes through safeFetch (SSRF-safe, size and time limits; its test-only allow-list
// FACTDESK_FETCH_ALLOW_PRIVATE applies). The sanitised HTML is for viewing inside Factdesk, in a
// sandboxed frame under a `default-src 'none'` policy (routes/snapshots.$snapshotId.raw.ts): scripts,
// styles, event handlers, forms, frames and embedded media are removed, and no URL that the browser
// would load by itself survives (images keep only inline `data:` pictures), so viewing a snapshot never
// contacts the source's site.
//
// The page is an untrusted document: its text and sanitised HTML are read in a worker with time and memory
// limits (~/fetching/untrusted-document, task `snapshotPage`), never on the thread that serves requests.
// A page that is too deep, has too many elements, is too slow or too hungry to read is FAILED with that
// reason (`too_deeply_nested`, `too_many_elements`, `too_slow`, `too_much_memory`, `unreadable`): reading
// it again would fail again, so it is not retried. Only `busy` (too many documents waiting in this
// process) is thrown, for the job to be retried later.
import { createHash } from "node:crypto";
import { prisma } from "~/db/client.server";
import { type FetchedResource, safeFetch, SafeFetchError, type SafeFetchOptions } from "~/fetching/safe-fetch.server";
import { DocumentRefusal, documentTask, readUntrustedDocument } from "~/fetching/untrusted-document/read.server";
import { decodeWebText } from "~/fetching/web-text";
import { publishChange } from "~/live/bus.server";
import { topic } from "~/live/topics";
import { escapeHtml, type SnapshotContent, type snapshotPageContent } from "./snapshot-content.server";

export { sanitizeSnapshotHtml } from "./snapshot-content.server";

export type ArchiveOutcome =
  | { status: "ARCHIVED"; snapshotId: string; sha256: string }
  | { status: "FAILED"; snapshotId: string; failureReason: string }
  /** The snapshot does not exist, or is no longer PENDING (settled by an earlier run). */
  | { status: "skipped"; snapshotId: string };

/** Content types whose text is extracted and whose HTML is kept (sanitised). */
const htmlTypes = new Set(["text/html", "application/xhtml+xml"]);

function mediaType(contentType: string | null): string | null {
  return contentType?.split(";")[0]?.trim().toLowerCase() || null;
}

function looksLikeHtml(bytes: Buffer): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(bytes.subarray(0, 1024).toString("latin1"));
}

/** A page archived as a source, read in a document worker: its text and sanitised HTML. */
const snapshotPage = documentTask<typeof snapshotPageContent>("app/sources/snapshot-content.server.ts", "snapshotPageContent");

async function contentOf(fetched: FetchedResource, signal: AbortSignal | undefined): Promise<SnapshotContent> {
  const type = mediaType(fetched.contentType);
  const html = type ? htmlTypes.has(type) : looksLikeHtml(fetched.body);
  if (html) {
    return readUntrustedDocument(snapshotPage, [decodeWebText(fetched.body, fetched.contentType, true), fetched.url], { signal });
  }
  if (type === "text/plain") {
    const text = decodeWebText(fetched.body, fetched.contentType, false);
    return { text, sanitizedHtml: `<pre>${escapeHtml(text)}</pre>` };
  }
  return { text: null, sanitizedHtml: null }; // PDFs, images, …: the bytes' hash and metadata only
}

// ---------------------------------------------------------------------------------------------------------

/** `http_error:404` for an HTTP failure, else the safe fetcher's code (`refused_address`, `timeout`, …). */
export function failureReasonOf(error: SafeFetchError): string {
  return error.code === "http_error" && error.status ? `http_error:${error.status}` : error.code;
}

/**
 * Runs one archive attempt: fetches the snapshot's source URL and settles the PENDING snapshot. The
 * `archive-source` job handler; tests call it directly. Throws only when the database does, or when
 * `signal` aborts (the snapshot then stays PENDING).
 */
export async function archiveSnapshot(
  snapshotId: string,
  options: { fetch?: SafeFetchOptions; signal?: AbortSignal } = {},
): Promise<ArchiveOutcome> {
  const snapshot = await prisma.sourceSnapshot.findUnique({
    where: { id: snapshotId },
    select: { status: true, source: { select: { url: true, claimId: true, claim: { select: { articleId: true } } } } },
  });
  if (!snapshot || snapshot.status !== "PENDING") return { status: "skipped", snapshotId };
  const { url, claimId } = snapshot.source;
  const topics = [topic.claim(claimId), topic.article(snapshot.source.claim.articleId)];

  let fetched: FetchedResource;
  try {
    fetched = await safeFetch(url, { ...options.fetch, signal: options.signal ?? options.fetch?.signal });
  } catch (error) {
    // Stopped (the process is shutting down): not the source's fault, so the snapshot stays PENDING and
    // the job is retried.
    if (options.signal?.aborted) throw error;
    const failureReason = error instanceof SafeFetchError ? failureReasonOf(error) : "connection_failed";
    if (!(error instanceof SafeFetchError)) console.error(`[archive] ${url}:`, error);
    const { count } = await prisma.sourceSnapshot.updateMany({
      where: { id: snapshotId, status: "PENDING" },
      data: {
        status: "FAILED",
        failureReason,
        httpStatus: error instanceof SafeFetchError ? (error.status ?? null) : null,
        finalUrl: error instanceof SafeFetchError ? error.url : null,
        fetchedAt: new Date(),
      },
    });
    if (count === 0) return { status: "skipped", snapshotId };
    await publishChange(topics, "source.archive_failed");
    return { status: "FAILED", snapshotId, failureReason };
  }

  // The hash is of the body as safeFetch returns it: the exact entity bytes the server sent, after
  // undoing any Content-Encoding (gzip, deflate, br) — the same bytes whatever compression the
  // transfer used — and before any charset decoding or extraction.
  const sha256 = createHash("sha256").update(fetched.body).digest("hex");
  let content: SnapshotContent;
  try {
    content = await contentOf(fetched, options.signal);
  } catch (error) {
    // Too many documents waiting in this process: the job is retried later.
    if (!(error instanceof DocumentRefusal) || !error.permanent) throw error;
    // The page itself cannot be read safely: reading it again would end the same way.
    const failureReason = error.code;
    const { count } = await prisma.sourceSnapshot.updateMany({
      where: { id: snapshotId, status: "PENDING" },
      data: {
        status: "FAILED",
        failureReason,
        httpStatus: fetched.status,
        finalUrl: fetched.url,
        contentType: fetched.contentType,
        sha256,
        fetchedAt: fetched.fetchedAt,
      },
    });
    if (count === 0) return { status: "skipped", snapshotId };
    await publishChange(topics, "source.archive_failed");
    return { status: "FAILED", snapshotId, failureReason };
  }
  const { text, sanitizedHtml } = content;
  const { count } = await prisma.sourceSnapshot.updateMany({
    where: { id: snapshotId, status: "PENDING" },
    data: {
      status: "ARCHIVED",
      httpStatus: fetched.status,
      finalUrl: fetched.url,
      contentType: fetched.contentType,
      sha256,
      text,
      sanitizedHtml,
      fetchedAt: fetched.fetchedAt,
      failureReason: null,
    },
  });
  if (count === 0) return { status: "skipped", snapshotId };
  await publishChange(topics, "source.archived");
  return { status: "ARCHIVED", snapshotId, sha256 };
}

/**
 * Settles a PENDING snapshot as FAILED with `failureReason` when its job has failed for good (its retries
 * used up, e.g. the database kept failing). Returns false when it was no longer PENDING.
 */
export async function giveUpSnapshot(snapshotId: string, failureReason: string): Promise<boolean> {
  const { count } = await prisma.sourceSnapshot.updateMany({
    where: { id: snapshotId, status: "PENDING" },
    data: { status: "FAILED", failureReason, fetchedAt: new Date() },
  });
  if (count === 0) return false;
  const snapshot = await prisma.sourceSnapshot.findUnique({
    where: { id: snapshotId },
    select: { source: { select: { claimId: true, claim: { select: { articleId: true } } } } },
  });
  if (snapshot) await publishChange([topic.claim(snapshot.source.claimId), topic.article(snapshot.source.claim.articleId)], "source.archive_failed");
  return true;
}

/** PENDING snapshots of live sources created more than `olderThanMs` ago (their job may be lost). */
export async function stalePendingSnapshotIds(olderThanMs: number): Promise<string[]> {
  const rows = await prisma.sourceSnapshot.findMany({
    where: { status: "PENDING", createdAt: { lt: new Date(Date.now() - olderThanMs) }, source: { deletedAt: null } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  return rows.map((row) => row.id);
}
