// ClaimReview sources as admins keep them (/admin/claim-reviews): add a URL source (a DataFeed or a page with
// ClaimReview JSON-LD, fetched on a schedule or on demand), upload a JSON or CSV file (read at once: the file is
// not kept, its reviews are), change a schedule, run now, delete (its reviews go with it). Every change is
// audited in its own transaction.
import { recordAudit } from "~/audit/audit.server";
import { type Actor, assertPermitted } from "~/auth/actor";
import { prisma } from "~/db/client.server";
import { nudgeWorker, prepareJobs } from "~/jobs/queue.server";
import { Refusal } from "~/utils/refusal";
import { claimReviewsFromFile, FeedReadError, type ReadClaimReviews, uploadedFormat } from "./claim-reviews";
import { claimReviewFeedJob, claimRun } from "./feed-job.server";
import { type FeedCounts, nextRunAfter, settleSourceRun } from "./run.server";
import { sourceFormLimits as sourceLimits } from "./source-form";
import { announceKnownFactChecksChanged } from "~/matching/checked-before.server";

const permission = "update:settings:any" as const;


export type SourceRefusalReason =
  | "not_found"
  | "already_running"
  | "not_a_url_source"
  | "file_empty"
  | "file_format"
  | "file_too_large"
  | FeedReadError["code"];

export class ClaimReviewSourceRefused extends Refusal<SourceRefusalReason> {
  constructor(reason: SourceRefusalReason, values?: Record<string, string | number>) {
    const status = reason === "not_found" ? 404 : reason === "already_running" || reason === "not_a_url_source" ? 409 : 422;
    super(reason, { status, messageKey: `claimReviewFeeds.refused.${reason}`, ...(values ? { values } : {}) });
  }
}

const sourceFields = {
  id: true,
  name: true,
  kind: true,
  url: true,
  fileName: true,
  everyHours: true,
  nextRunAt: true,
  lastRunAt: true,
  lastStatus: true,
  lastCounts: true,
  lastError: true,
  createdAt: true,
  _count: { select: { reviews: true } },
} as const;

export async function listClaimReviewSources(actor: Actor) {
  assertPermitted(actor, permission);
  const rows = await prisma.claimReviewFeed.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: sourceFields });
  return rows.map(({ _count, lastCounts, ...row }) => ({ ...row, reviews: _count.reviews, lastCounts: (lastCounts ?? null) as FeedCounts | null }));
}

async function existing(id: string) {
  const feed = await prisma.claimReviewFeed.findUnique({ where: { id }, select: { id: true, name: true, kind: true, url: true, fileName: true, everyHours: true } });
  if (!feed) throw new ClaimReviewSourceRefused("not_found");
  return feed;
}

/** Adds a URL source and queues its first run at once. */
export async function addUrlSource(actor: Actor, input: { name: string; url: string; everyHours: number | null }) {
  assertPermitted(actor, permission);
  await prepareJobs(claimReviewFeedJob);
  const id = await prisma.$transaction(async (tx) => {
    const feed = await tx.claimReviewFeed.create({
      data: { name: input.name, kind: "URL", url: input.url, everyHours: input.everyHours, createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "claim_review_source.add", entityType: "ClaimReviewFeed", entityId: feed.id, after: input });
    await claimRun(feed.id, tx);
    return feed.id;
  });
  nudgeWorker(claimReviewFeedJob);
  return { id };
}

/** Reads an uploaded file; refuses it (422, with the reason) when it cannot be read. */
export function readUploadedFile(file: { name: string; type: string; bytes: Uint8Array }, publisher: string): ReadClaimReviews {
  if (file.bytes.byteLength === 0) throw new ClaimReviewSourceRefused("file_empty");
  if (file.bytes.byteLength > sourceLimits.maxFileBytes) throw new ClaimReviewSourceRefused("file_too_large", { limitMb: sourceLimits.maxFileBytes / (1024 * 1024) });
  const text = new TextDecoder("utf-8").decode(file.bytes);
  const format = uploadedFormat({ name: file.name, type: file.type, text });
  if (!format) throw new ClaimReviewSourceRefused("file_format");
  try {
    return claimReviewsFromFile(format, text, { defaultPublisher: publisher });
  } catch (error) {
    if (error instanceof FeedReadError) throw new ClaimReviewSourceRefused(error.code);
    throw error;
  }
}

/**
 * Adds a FILE source from an uploaded file. The source comes first (RUNNING, with its audit entry), then its reviews
 * in the short transactions a URL run writes in (settleSourceRun), so a large upload never holds the term counters
 * that publishing shares; if writing fails, the source is deleted with whatever it wrote.
 */
export async function importFileSource(actor: Actor, input: { name: string; file: { name: string; type: string; bytes: Uint8Array } }) {
  assertPermitted(actor, permission);
  const read = readUploadedFile(input.file, input.name);
  const fileName = input.file.name.slice(0, 255) || "upload";
  const feed = await prisma.$transaction(async (tx) => {
    const created = await tx.claimReviewFeed.create({
      data: { name: input.name, kind: "FILE", fileName, lastStatus: "RUNNING", createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "claim_review_source.upload",
      entityType: "ClaimReviewFeed",
      entityId: created.id,
      after: { name: input.name, fileName, found: read.found },
    });
    return created;
  });
  let counts: FeedCounts;
  try {
    counts = await settleSourceRun(feed.id, read, { everyHours: null });
  } catch (error) {
    await prisma.claimReviewFeed.delete({ where: { id: feed.id }, select: { id: true } }).catch(() => {});
    throw error;
  }
  await announceKnownFactChecksChanged();
  return { id: feed.id, counts };
}

/** Sets how often a URL source is fetched (null: only on demand); its next run follows from its last. */
export async function updateSourceSchedule(actor: Actor, id: string, everyHours: number | null) {
  assertPermitted(actor, permission);
  const before = await existing(id);
  if (before.kind !== "URL") throw new ClaimReviewSourceRefused("not_a_url_source");
  await prisma.$transaction(async (tx) => {
    const feed = await tx.claimReviewFeed.findUnique({ where: { id }, select: { lastRunAt: true } });
    const nextRunAt = everyHours === null ? null : (nextRunAfter(feed?.lastRunAt ?? new Date(), everyHours) ?? null);
    await tx.claimReviewFeed.update({ where: { id }, data: { everyHours, nextRunAt }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "claim_review_source.schedule",
      entityType: "ClaimReviewFeed",
      entityId: id,
      before: { everyHours: before.everyHours },
      after: { everyHours },
    });
  });
}

/** Queues a run of a URL source now; refused while one is on its way. */
export async function runSourceNow(actor: Actor, id: string) {
  assertPermitted(actor, permission);
  const feed = await existing(id);
  if (feed.kind !== "URL") throw new ClaimReviewSourceRefused("not_a_url_source");
  await prepareJobs(claimReviewFeedJob);
  await prisma.$transaction(async (tx) => {
    if (!(await claimRun(id, tx))) throw new ClaimReviewSourceRefused("already_running");
    await recordAudit(tx, { actorId: actor.id, action: "claim_review_source.run", entityType: "ClaimReviewFeed", entityId: id });
  });
  nudgeWorker(claimReviewFeedJob);
}

/** Deletes a source; its reviews go with it (cascade) and stop matching. */
export async function deleteSource(actor: Actor, id: string) {
  assertPermitted(actor, permission);
  const feed = await existing(id);
  await prisma.$transaction(async (tx) => {
    const reviews = await tx.knownFactCheck.count({ where: { feedId: id } });
    await tx.claimReviewFeed.delete({ where: { id }, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, action: "claim_review_source.delete", entityType: "ClaimReviewFeed", entityId: id, before: { ...feed, reviews } });
  });
  await announceKnownFactChecksChanged();
}
