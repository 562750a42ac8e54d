// Sources: the evidence a reviewer collects for a claim, each archived when it is added (archive.server.ts,
// run by the `archive-source` job). A source is never erased: removing one sets deletedAt, and every
// change is in the audit log.
//
// Who may change a claim's sources: editors and admins (`update:claim:any`) on any claim, a reviewer
// (`update:claim:own`) on a claim currently assigned to them or that they review blind — never while the
// claim is settled (approved or not checkable). Who may see them: whoever may read the claim, each in
// their lane of the review (app/auth/claim-access.ts).
import { recordAudit } from "~/audit/audit.server";
import type { Actor } from "~/auth/actor";
import { userCan } from "~/auth/permissions";
import { prisma } from "~/db/client.server";
import type { Prisma, SnapshotStatus, SourceKind, SourceStance } from "~/generated/prisma/client";
import { enqueue, nudgeWorker, prepareJobs } from "~/jobs/queue.server";
import { publishChange } from "~/live/bus.server";
import { topic } from "~/live/topics";
import { type ClaimAccess, seesLaneItem } from "~/auth/claim-access";
import { type AccessibleClaim, claimAccess, claimWithAccess, laneFilter } from "~/auth/claim-access.server";
import { canMove, nextStatus } from "~/review/lifecycle";
import { isUuid } from "~/utils/input";
import { archiveSourceJob } from "./archive-job.server";
import { sourceLimits } from "./source-form";
import { Refusal } from "~/utils/refusal";

type Tx = Prisma.TransactionClient;

export type SourceRefusal = "not_found" | "forbidden" | "invalid_url" | "settled";

const sourceRefusals: Record<SourceRefusal, { status: 400 | 403 | 404 | 409; messageKey: string }> = {
  invalid_url: { status: 400, messageKey: "sources.error.invalidUrl" },
  forbidden: { status: 403, messageKey: "sources.error.forbidden" },
  not_found: { status: 404, messageKey: "sources.error.notFound" },
  settled: { status: 409, messageKey: "sources.error.settled" },
};

/** A refused source operation; `reason` names why. */
export class SourceRefused extends Refusal<SourceRefusal> {
  constructor(reason: SourceRefusal) {
    super(reason, sourceRefusals[reason]);
  }
}

export type NewSource = {
  claimId: string;
  url: string;
  title?: string | null;
  publisher?: string | null;
  kind: SourceKind;
  stance: SourceStance;
  excerpt?: string | null;
  note?: string | null;
  /** A "Checked before" link: the known fact-check this source is (app/matching/link.server.ts). */
  knownFactCheckId?: string | null;
};

/** What addSource wrote, for a caller's own checks and audit in the same transaction (a throw rolls it all back). */
export type AddedSource = { id: string; claimId: string; articleId: string; blind: boolean; access: ClaimAccess; snapshotId: string };

// ---------------------------------------------------------------------------------------------------------
// URLs

/** The URL as stored: an absolute http(s) URL without credentials, or SourceRefused("invalid_url"). */
export function parseSourceUrl(raw: string): string {
  const text = raw.trim();
  if (text === "" || text.length > sourceLimits.url) throw new SourceRefused("invalid_url");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SourceRefused("invalid_url");
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "" || url.username || url.password) {
    throw new SourceRefused("invalid_url");
  }
  return url.href;
}

const trackingParameter = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga)$/i;

/**
 * Two addresses of the same page compare equal: scheme, `www.`, default port, fragment, a trailing slash,
 * tracking parameters (utm_*, fbclid, …) and the order of the other parameters do not count.
 */
export function normaliseSourceUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim().toLowerCase();
  }
  const host = url.hostname.replace(/^www\./, "");
  const port = url.port ? `:${url.port}` : "";
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const params = [...url.searchParams].filter(([name]) => !trackingParameter.test(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params)}` : "";
  return `${host}${port}${path}${query}`;
}

// ---------------------------------------------------------------------------------------------------------
// Permissions

// Who may read and change a claim's sources is the one claim-access rule (app/auth/claim-access.ts):
// a blind second reviewer adds sources to their own lane, a settled claim's sources stay as they are.

type EditableClaim = AccessibleClaim & { access: ClaimAccess; assigned: boolean };

/**
 * The claim, if `actor` may change its sources; else SourceRefused "not_found" (no such claim), "forbidden"
 * (they may not) or "settled" (the claim is approved or not checkable: its evidence stays as it was decided
 * on). Archiving a source again (`retry`) changes no evidence, so it is allowed on a settled claim to whoever
 * could change its sources before.
 */
async function editableClaim(db: Tx | typeof prisma, actor: Actor, claimId: string, options: { evenSettled?: boolean } = {}): Promise<EditableClaim> {
  const found = await claimWithAccess(actor, claimId, db);
  if (!found) throw new SourceRefused("not_found");
  const { claim, access } = found;
  if (!access) throw new SourceRefused("forbidden");
  const couldEdit = userCan(actor, "update:claim:any") || (userCan(actor, "update:claim:own") && access.role !== "desk");
  if (access.settled && couldEdit && !options.evenSettled) throw new SourceRefused("settled");
  if (!access.mayEditSources && !(access.settled && couldEdit)) throw new SourceRefused("forbidden");
  return { ...claim, access, assigned: claim.assigneeId === actor.id };
}

/** Whether `viewer` may see the source (its claim, and its lane of the review: app/auth/claim-access.ts). */
async function canReadSource(viewer: Actor, source: { claimId: string; blind: boolean; addedById: string }): Promise<boolean> {
  const found = await claimAccess(viewer, source.claimId);
  return found !== null && seesLaneItem(viewer, found.access, { blind: source.blind, authorId: source.addedById });
}

/**
 * Checks that `actor` may change the claim's sources at all, else throws SourceRefused ("not_found" or
 * "forbidden"); adding and removing also refuse a settled claim ("settled").
 */
export async function assertMayEditSources(actor: Actor, claimId: string): Promise<void> {
  await editableClaim(prisma, actor, claimId, { evenSettled: true });
}

// ---------------------------------------------------------------------------------------------------------
// Changes

/** What a source cites: its address, title, publisher, kind, and whether it supports or refutes the claim. */
export const sourceCitationFields = { url: true, title: true, publisher: true, kind: true, stance: true } as const;

const sourceAuditFields = {
  id: true,
  claimId: true,
  ...sourceCitationFields,
  excerpt: true,
  note: true,
  blind: true,
  addedById: true,
  deletedAt: true,
} as const;

function optional(value: string | null | undefined, max: number): string | null {
  const text = value?.trim() ?? "";
  return text === "" ? null : text.slice(0, max);
}

/** Creates a PENDING snapshot and its archive job in the caller's transaction. */
async function queueArchive(tx: Tx, sourceId: string) {
  const snapshot = await tx.sourceSnapshot.create({ data: { sourceId }, select: { id: true } });
  await enqueue(archiveSourceJob, { snapshotId: snapshot.id }, { tx });
  return snapshot.id;
}

/**
 * Adds a source to a claim and queues its archiving: the source, a PENDING snapshot, the job and the
 * audit event commit together. A URL already on the claim is accepted (listSources flags it). The
 * assigned reviewer's first source starts the research (ASSIGNED → IN_RESEARCH, review/lifecycle.ts).
 */
export async function addSource(
  actor: Actor,
  input: NewSource,
  options: { inTransaction?: (tx: Tx, added: AddedSource) => Promise<void> } = {},
): Promise<{ sourceId: string; snapshotId: string }> {
  const url = parseSourceUrl(input.url);
  await prepareJobs(archiveSourceJob); // pg-boss's schema and queue, before the transaction that inserts into it
  const result = await prisma.$transaction(async (tx) => {
    const claim = await editableClaim(tx, actor, input.claimId);
    const source = await tx.source.create({
      data: {
        claimId: claim.id,
        url,
        title: optional(input.title, sourceLimits.title),
        publisher: optional(input.publisher, sourceLimits.publisher),
        kind: input.kind,
        stance: input.stance,
        excerpt: optional(input.excerpt, sourceLimits.excerpt),
        note: optional(input.note, sourceLimits.note),
        addedById: actor.id,
        blind: claim.access.writesBlind,
        knownFactCheckId: input.knownFactCheckId ?? null,
      },
      select: sourceAuditFields,
    });
    const snapshotId = await queueArchive(tx, source.id);
    await recordAudit(tx, { actorId: actor.id, action: "source.add", entityType: "Source", entityId: source.id, after: { ...source, snapshotId } });
    await options.inTransaction?.(tx, { id: source.id, claimId: claim.id, articleId: claim.articleId, blind: source.blind, access: claim.access, snapshotId });
    const startsResearch = claim.assigned && canMove(claim.status, "startResearch");
    if (startsResearch) {
      const status = nextStatus(claim.status, "startResearch");
      await tx.claim.update({ where: { id: claim.id }, data: { status, version: { increment: 1 } } });
      await recordAudit(tx, { actorId: actor.id, action: "claim.start_research", entityType: "Claim", entityId: claim.id, before: { status: claim.status }, after: { status } });
    }
    return { sourceId: source.id, snapshotId, articleId: claim.articleId, startsResearch };
  });
  nudgeWorker(archiveSourceJob);
  const statusTopics = result.startsResearch ? [topic.desk, topic.queue(actor.id)] : [];
  await publishChange([topic.claim(input.claimId), topic.article(result.articleId), ...statusTopics], "source.add");
  return { sourceId: result.sourceId, snapshotId: result.snapshotId };
}

async function liveSource(tx: Tx, sourceId: string) {
  if (!isUuid(sourceId)) throw new SourceRefused("not_found");
  const source = await tx.source.findFirst({ where: { id: sourceId, deletedAt: null }, select: sourceAuditFields });
  if (!source) throw new SourceRefused("not_found");
  return source;
}

/**
 * Archives the source again: a new PENDING snapshot and job (earlier attempts stay as they were). When
 * an attempt is still pending, returns that one instead of queueing another.
 */
export async function retryArchive(actor: Actor, sourceId: string, options: { claimId?: string } = {}): Promise<{ snapshotId: string; claimId: string }> {
  await prepareJobs(archiveSourceJob);
  const result = await prisma.$transaction(async (tx) => {
    const source = await liveSource(tx, sourceId);
    if (options.claimId && options.claimId !== source.claimId) throw new SourceRefused("not_found");
    const claim = await editableClaim(tx, actor, source.claimId, { evenSettled: true });
    if (!seesLaneItem(actor, claim.access, { blind: source.blind, authorId: source.addedById })) throw new SourceRefused("not_found");
    const latest = await tx.sourceSnapshot.findFirst({
      where: { sourceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, status: true },
    });
    const found = { claimId: claim.id, articleId: claim.articleId };
    if (latest?.status === "PENDING") return { ...found, snapshotId: latest.id, queued: false };
    const snapshotId = await queueArchive(tx, sourceId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "source.archive_retry",
      entityType: "Source",
      entityId: sourceId,
      before: latest ? { snapshotId: latest.id, status: latest.status } : undefined,
      after: { claimId: source.claimId, snapshotId, ...(source.blind ? { blind: true } : {}) },
    });
    return { ...found, snapshotId, queued: true };
  });
  if (result.queued) {
    nudgeWorker(archiveSourceJob);
    await publishChange([topic.claim(result.claimId), topic.article(result.articleId)], "source.archive_retry");
  }
  return { snapshotId: result.snapshotId, claimId: result.claimId };
}

/** Removes a source from the claim: the row stays (deletedAt), with its snapshots and audit trail. */
export async function removeSource(actor: Actor, sourceId: string, options: { claimId?: string } = {}): Promise<{ claimId: string }> {
  const result = await prisma.$transaction(async (tx) => {
    const before = await liveSource(tx, sourceId);
    if (options.claimId && options.claimId !== before.claimId) throw new SourceRefused("not_found");
    const claim = await editableClaim(tx, actor, before.claimId);
    if (!seesLaneItem(actor, claim.access, { blind: before.blind, authorId: before.addedById })) throw new SourceRefused("not_found");
    const { count } = await tx.source.updateMany({ where: { id: sourceId, deletedAt: null }, data: { deletedAt: new Date() } });
    if (count !== 1) throw new SourceRefused("not_found");
    await recordAudit(tx, { actorId: actor.id, action: "source.remove", entityType: "Source", entityId: sourceId, before });
    return { claimId: before.claimId, articleId: claim.articleId };
  });
  await publishChange([topic.claim(result.claimId), topic.article(result.articleId)], "source.remove");
  return { claimId: result.claimId };
}

// ---------------------------------------------------------------------------------------------------------
// Reading

export type SnapshotSummary = {
  id: string;
  status: SnapshotStatus;
  failureReason: string | null;
  sha256: string | null;
  httpStatus: number | null;
  fetchedAt: Date | null;
  createdAt: Date;
};

export type SourceListItem = {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  kind: SourceKind;
  stance: SourceStance;
  excerpt: string | null;
  note: string | null;
  createdAt: Date;
  addedBy: { id: string; name: string };
  /** Another source on this claim has the same address (normaliseSourceUrl). */
  duplicateUrl: boolean;
  /** The latest archive attempt. */
  snapshot: SnapshotSummary | null;
};

/**
 * The claim's sources (not removed) that the viewer sees, oldest first, each with its latest archive
 * attempt: until the claim is settled, a blind reviewer only their own, everyone else all but the blind
 * reviewers'. Callers got `access` from app/auth/claim-access.server.ts.
 */
export async function listSources(viewer: Actor, access: ClaimAccess, claimId: string): Promise<SourceListItem[]> {
  if (!isUuid(claimId)) return [];
  const rows = await prisma.source.findMany({
    where: { claimId, deletedAt: null, ...laneFilter(viewer, access, "addedById") },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      ...sourceCitationFields,
      excerpt: true,
      note: true,
      createdAt: true,
      addedBy: { select: { id: true, name: true } },
      snapshots: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { id: true, status: true, failureReason: true, sha256: true, httpStatus: true, fetchedAt: true, createdAt: true },
      },
    },
  });
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = normaliseSourceUrl(row.url);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return rows.map(({ snapshots, ...source }) => ({
    ...source,
    duplicateUrl: (seen.get(normaliseSourceUrl(source.url)) ?? 0) > 1,
    snapshot: snapshots[0] ?? null,
  }));
}

export type SnapshotView = {
  id: string;
  status: SnapshotStatus;
  httpStatus: number | null;
  finalUrl: string | null;
  contentType: string | null;
  sha256: string | null;
  text: string | null;
  hasHtml: boolean;
  failureReason: string | null;
  fetchedAt: Date | null;
  createdAt: Date;
  source: { id: string; url: string; title: string | null; publisher: string | null; claimId: string; claimWording: string; removed: boolean };
};

const snapshotSelect = {
  id: true,
  status: true,
  httpStatus: true,
  finalUrl: true,
  contentType: true,
  sha256: true,
  text: true,
  failureReason: true,
  fetchedAt: true,
  createdAt: true,
  source: {
    select: { id: true, url: true, title: true, publisher: true, claimId: true, deletedAt: true, claim: { select: { wording: true, deletedAt: true } } },
  },
} as const;

/** Whether the snapshot exists and `viewer` may read its claim. */
async function mayReadSnapshot(viewer: Actor, snapshotId: string): Promise<boolean> {
  if (!isUuid(snapshotId)) return false;
  const row = await prisma.sourceSnapshot.findUnique({ where: { id: snapshotId }, select: { source: { select: { claimId: true, blind: true, addedById: true } } } });
  return row !== null && (await canReadSource(viewer, row.source));
}

/** One archive attempt with its metadata and text, or null when it does not exist or the viewer may not read its claim. */
export async function getSnapshot(viewer: Actor, snapshotId: string): Promise<SnapshotView | null> {
  if (!(await mayReadSnapshot(viewer, snapshotId))) return null;
  const row = await prisma.sourceSnapshot.findUnique({ where: { id: snapshotId }, select: snapshotSelect });
  if (!row) return null;
  // Whether there is a page to show, without loading it.
  const hasHtml = (await prisma.sourceSnapshot.count({ where: { id: snapshotId, sanitizedHtml: { not: null } } })) > 0;
  const { source, ...snapshot } = row;
  return {
    ...snapshot,
    hasHtml,
    source: {
      id: source.id,
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      claimId: source.claimId,
      claimWording: source.claim.wording,
      removed: source.deletedAt !== null,
    },
  };
}

/** The snapshot's sanitised HTML (for the sandboxed frame), or null. */
export async function getSnapshotHtml(viewer: Actor, snapshotId: string): Promise<string | null> {
  if (!(await mayReadSnapshot(viewer, snapshotId))) return null;
  const row = await prisma.sourceSnapshot.findUnique({ where: { id: snapshotId }, select: { sanitizedHtml: true } });
  return row?.sanitizedHtml ?? null;
}
