// Claims on an article: created from a span (a suggestion or a selection), edited with optimistic
// concurrency (every save names the version it was based on), split, merged and deleted — deletion
// keeps the row and its audit trail. Each change names the article it is made on: a claim of another
// article is refused (ClaimNotOnArticle), and so is a settled one (ClaimSettled, decision 0014).
import { recordAudit } from "~/audit/audit.server";
import { type Actor, assertPermitted } from "~/auth/actor";
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { isSettled } from "~/auth/claim-access";
import { claimFieldsChangedBy, type ClaimFieldValues, type EditableClaimField, formValues, mergeClaimEdit } from "./merge";
import { coveringSpan, type Span, splitSpan, trimSpan, wordingFromQuote } from "./spans";
import { Refusal } from "~/utils/refusal";

type Tx = Prisma.TransactionClient;

/** What a claim says and where it stands: its quote, its wording and who said it when and where, its status. */
export const claimStatementFields = {
  quote: true,
  wording: true,
  claimant: true,
  claimantKind: true,
  claimDate: true,
  appearance: true,
  status: true,
} as const;

export const claimFields = { id: true, start: true, end: true, ...claimStatementFields, version: true, updatedAt: true } as const;

/** Who made the claim: a person or an organisation (ClaimReview's Claim author); null when not said. */
export const claimantKinds = ["Person", "Organization"] as const;
export type ClaimantKind = (typeof claimantKinds)[number];

/** An edit of a claim's wording and metadata; an absent claimantKind leaves it as it is. */
export type ClaimEdit = { wording: string; claimant: string | null; claimantKind?: ClaimantKind | null; claimDate: Date | null; appearance: string | null };

/** What someone else changed since the person loaded the claim: the fields they are also changing, and who. */
export type ConflictDetail = { fields: string[]; by: { id: string; name: string } | null };

/**
 * A claim that changed since the editor loaded it, in a way that overlaps what they are saving: the save
 * is refused. `detail` names the fields and the person who changed them last, when known.
 */
export class ClaimConflict extends Refusal<"conflict"> {
  constructor(
    readonly claimId: string,
    readonly detail: ConflictDetail | null = null,
  ) {
    super("conflict", { status: 409, messageKey: "workspace.conflict", message: "claim changed since it was loaded" });
  }
}

/** Locks the claim's row for the rest of the transaction, so what is read next stays current until the write. */
export async function lockClaim(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${id}::uuid FOR UPDATE`;
}

/** The person who last made a change to the claim that `changed` says touched one of `fields`, from its audit log. */
export async function lastChangedBy(
  tx: Tx,
  claimId: string,
  fields: readonly string[],
  changed: (event: { action: string; before: unknown; after: unknown }) => readonly string[],
) {
  const events = await tx.auditEvent.findMany({
    where: { entityType: "Claim", entityId: claimId },
    orderBy: { id: "desc" },
    take: 100,
    select: { action: true, before: true, after: true, actor: { select: { id: true, name: true } } },
  });
  return events.find((event) => changed(event).some((field) => fields.includes(field)))?.actor ?? null;
}

/** No such article, or a span (created, split or merged) that is empty or outside the claim or the text. */
export class ClaimSpanInvalid extends Refusal<"spanInvalid"> {
  constructor(message: string) {
    super("spanInvalid", { status: 400, messageKey: "workspace.spanInvalid", message });
  }
}

/** The claim is not one of the article's (or does not exist): the workspace answers 404 and changes nothing. */
export class ClaimNotOnArticle extends Refusal<"notOnArticle"> {
  constructor(readonly claimId: string) {
    super("notOnArticle", { status: 404, messageKey: "error.404", message: "no such claim on this article" });
  }
}

/**
 * The claim is settled (approved or not checkable): its wording, span and existence no longer change on
 * the desk — an editor reopens it for review first (docs/decisions/0014-settled-claims.md).
 */
export class ClaimSettled extends Refusal<"settled"> {
  constructor(readonly claimId: string) {
    super("settled", { status: 409, messageKey: "workspace.settled", message: "claim is settled" });
  }
}

/**
 * Locks the claim and reads it, refusing what the workspace must not change: a claim of another article
 * (or none: ClaimNotOnArticle), a deleted one (ClaimConflict: it changed since the page was loaded) and a
 * settled one (ClaimSettled).
 */
async function changeableClaim(tx: Tx, articleId: string, id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new ClaimNotOnArticle(id);
  await lockClaim(tx, id);
  const claim = await tx.claim.findUnique({ where: { id }, select: { ...claimFields, articleId: true, deletedAt: true } });
  if (!claim || claim.articleId !== articleId) throw new ClaimNotOnArticle(id);
  if (claim.deletedAt) throw new ClaimConflict(id);
  if (isSettled(claim.status)) throw new ClaimSettled(id);
  const { deletedAt: _deleted, ...rest } = claim;
  return rest;
}

async function articleBody(tx: Tx, articleId: string) {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { body: true } });
  if (!article) throw new ClaimSpanInvalid("no such article");
  return article.body;
}

function claimData(body: string, span: Span) {
  const quote = body.slice(span.start, span.end);
  return { start: span.start, end: span.end, quote, wording: wordingFromQuote(quote) };
}

async function insertClaim(tx: Tx, actorId: string, articleId: string, body: string, raw: Span, extra: Partial<ClaimEdit> = {}) {
  const span = trimSpan(body, raw);
  if (!span) throw new ClaimSpanInvalid("empty or out-of-range span");
  const claim = await tx.claim.create({
    data: { articleId, createdById: actorId, ...claimData(body, span), ...extra },
    select: claimFields,
  });
  await recordAudit(tx, { actorId, action: "claim.create", entityType: "Claim", entityId: claim.id, after: claim });
  return claim;
}

/** A claim from any span of the article text (e.g. a selection); whitespace at the edges is trimmed. */
export async function createClaim(actor: Actor, articleId: string, span: Span) {
  assertPermitted(actor, "update:claim:any");
  return prisma.$transaction(async (tx) => insertClaim(tx, actor.id, articleId, await articleBody(tx, articleId), span));
}

/** Accepts suggestions (by id, or all open ones at or above a score) as claims; returns how many. */
export async function acceptSuggestions(actor: Actor, articleId: string, which: { ids: string[] } | { minScore: number }) {
  assertPermitted(actor, "update:claim:any");
  return prisma.$transaction(async (tx) => {
    const body = await articleBody(tx, articleId);
    const open = await tx.claimSuggestion.findMany({
      where: {
        articleId,
        acceptedAt: null,
        dismissedAt: null,
        ...("ids" in which ? { id: { in: which.ids } } : { score: { gte: which.minScore } }),
      },
      orderBy: { start: "asc" },
      select: { id: true, start: true, end: true },
    });
    for (const suggestion of open) {
      await insertClaim(tx, actor.id, articleId, body, suggestion);
    }
    await tx.claimSuggestion.updateMany({ where: { id: { in: open.map((s) => s.id) } }, data: { acceptedAt: new Date() } });
    return open.length;
  });
}

export async function dismissSuggestions(actor: Actor, articleId: string, ids: string[]) {
  assertPermitted(actor, "update:claim:any");
  const { count } = await prisma.claimSuggestion.updateMany({
    where: { articleId, id: { in: ids }, acceptedAt: null, dismissedAt: null },
    data: { dismissedAt: new Date() },
  });
  if (count) {
    await prisma.auditEvent.create({
      data: { actorId: actor.id, action: "suggestion.dismiss", entityType: "Article", entityId: articleId, after: { suggestions: ids } },
    });
  }
  return count;
}

/** Applies an update only if the claim is still at `version`; otherwise throws ClaimConflict. */
async function guardedUpdate(tx: Tx, id: string, version: number, data: Prisma.ClaimUncheckedUpdateManyInput) {
  const { count } = await tx.claim.updateMany({
    where: { id, version, deletedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new ClaimConflict(id);
}

/**
 * Saves an edit of a claim loaded at `version`. `loaded` is what the editor's form showed when they began
 * (field by field); without it, the claim as it was at `version` counts as loaded only if it is still at
 * that version. Only the fields the editor changed are written; a field someone else changed meanwhile
 * (to something else) refuses the whole save with ClaimConflict naming the fields and who changed them.
 * Returns the claim as it is after the save (unchanged, and its version not bumped, when nothing changed).
 */
export async function updateClaim(actor: Actor, articleId: string, id: string, version: number, edit: ClaimEdit, loaded?: Partial<ClaimFieldValues>) {
  assertPermitted(actor, "update:claim:any");
  return prisma.$transaction(async (tx) => {
    const { articleId: _article, ...before } = await changeableClaim(tx, articleId, id);
    const current = formValues(before);
    const base = { ...(before.version === version ? current : {}), ...loaded };
    const submitted: Partial<ClaimFieldValues> = formValues({ ...edit, claimantKind: edit.claimantKind ?? null });
    if (edit.claimantKind === undefined) delete submitted.claimantKind;
    const { apply, conflicts } = mergeClaimEdit(base, submitted, current);
    if (conflicts.length) throw new ClaimConflict(id, { fields: conflicts, by: await lastChangedBy(tx, id, conflicts, claimFieldsChangedBy) });
    if (!apply.length) return before;
    const data: Prisma.ClaimUncheckedUpdateInput = {};
    const write: Record<EditableClaimField, () => void> = {
      wording: () => (data.wording = edit.wording),
      claimant: () => (data.claimant = edit.claimant),
      claimantKind: () => (data.claimantKind = edit.claimantKind ?? null),
      claimDate: () => (data.claimDate = edit.claimDate),
      appearance: () => (data.appearance = edit.appearance),
    };
    for (const field of apply) write[field]();
    const after = await tx.claim.update({ where: { id }, data: { ...data, version: { increment: 1 } }, select: claimFields });
    await recordAudit(tx, { actorId: actor.id, action: "claim.update", entityType: "Claim", entityId: id, before, after });
    return after;
  });
}

/** Splits a claim at an offset: it keeps the first half, a new claim gets the second. */
export async function splitClaim(actor: Actor, articleId: string, id: string, version: number, at: number) {
  assertPermitted(actor, "update:claim:any");
  return prisma.$transaction(async (tx) => {
    const claim = await changeableClaim(tx, articleId, id);
    const body = await articleBody(tx, claim.articleId);
    const halves = splitSpan(body, claim, at);
    if (!halves) throw new ClaimSpanInvalid("split point outside the claim");
    const [first, second] = halves;
    const firstData = claimData(body, first);
    await guardedUpdate(tx, id, version, firstData);
    const created = await insertClaim(tx, actor.id, claim.articleId, body, second, { claimant: claim.claimant, claimDate: claim.claimDate, appearance: claim.appearance });
    await recordAudit(tx, { actorId: actor.id, action: "claim.split", entityType: "Claim", entityId: id, before: claim, after: { first: firstData, second: created } });
    return [id, created.id] as const;
  });
}

/** Two or more claims to merge, but one of them named twice (merging a claim with itself). */
export class MergeSameClaim extends Refusal<"mergeSame"> {
  constructor(message: string) {
    super("mergeSame", { status: 400, messageKey: "workspace.mergeSame", message });
  }
}

/** Merges claims of the article into the earliest one, whose span grows to cover them all; the others are retired. */
export async function mergeClaims(actor: Actor, articleId: string, claims: { id: string; version: number }[]) {
  assertPermitted(actor, "update:claim:any");
  if (new Set(claims.map((c) => c.id.toLowerCase())).size !== claims.length) throw new MergeSameClaim("a claim cannot be merged with itself");
  if (claims.length < 2) throw new ClaimSpanInvalid("merging needs at least two claims");
  return prisma.$transaction(async (tx) => {
    // In id order, so two merges of overlapping claims lock them in the same order.
    const locked = [];
    for (const { id } of [...claims].sort((a, b) => (a.id < b.id ? -1 : 1))) locked.push(await changeableClaim(tx, articleId, id));
    const rows = locked.sort((a, b) => a.start - b.start);
    const body = await articleBody(tx, articleId);
    const [target, ...rest] = rows;
    const versionOf = (claimId: string) => claims.find((c) => c.id === claimId)!.version;
    const merged = claimData(body, coveringSpan(rows));
    await guardedUpdate(tx, target!.id, versionOf(target!.id), {
      ...merged,
      wording: rows.map((r) => r.wording).join(" "),
      claimant: rows.find((r) => r.claimant)?.claimant ?? null,
    });
    for (const other of rest) {
      await guardedUpdate(tx, other.id, versionOf(other.id), { deletedAt: new Date(), mergedIntoId: target!.id });
    }
    await recordAudit(tx, { actorId: actor.id, action: "claim.merge", entityType: "Claim", entityId: target!.id, before: rows, after: merged });
    return target!.id;
  });
}

/** Deleting retires the claim (kept, with who and when, in the audit log), never erases it. */
export async function deleteClaim(actor: Actor, articleId: string, id: string, version: number) {
  assertPermitted(actor, "update:claim:any");
  return prisma.$transaction(async (tx) => {
    const { articleId: _article, ...before } = await changeableClaim(tx, articleId, id);
    await guardedUpdate(tx, id, version, { deletedAt: new Date() });
    await recordAudit(tx, { actorId: actor.id, action: "claim.delete", entityType: "Claim", entityId: id, before });
  });
}

export function currentClaim(id: string) {
  return prisma.claim.findFirst({ where: { id, deletedAt: null }, select: claimFields });
}
