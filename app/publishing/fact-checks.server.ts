// Publishing an article's fact-check, correcting it and unpublishing it.
//
// Publishing freezes what readers see into a FactCheckVersion (PublishedContent): the claims settled on
// the desk (approved or not checkable), their verdicts, sources and archive copies. A correction is a new
// version with a public note (it may also correct verdicts, which become new approved verdict versions);
// versions are never rewritten (a database trigger refuses it). Unpublishing keeps everything and makes
// the public URL answer 410.
import { recordAudit } from "~/audit/audit.server";
import type { PermissionHolder } from "~/auth/permissions";
import { userCan } from "~/auth/permissions";
import { claimantKinds } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { ClaimStatus } from "~/generated/prisma/enums";
import { publishChange } from "~/live/bus.server";
import { rationaleMaxLength } from "~/review/verdict-form";
import {
  assignAnchors,
  type PublishedArchive,
  type PublishedClaim,
  type PublishedContent,
  type PublishedRating,
  publishingLimits,
} from "./content";
import { firstFreeSlug, slugify, slugPattern } from "./slug";
import { isUuid } from "~/utils/input";
import { Refusal } from "~/utils/refusal";

type Tx = Prisma.TransactionClient;
export type PublishActor = PermissionHolder & { id: string };

export type PublishRefusal =
  | "notAllowed" // the role may not publish
  | "notFound" // no such article / fact-check
  | "notReady" // some claims are still open on the desk
  | "noRatedClaims" // nothing approved to publish
  | "alreadyPublished" // the article has a fact-check: correct it instead
  | "notPublished" // it was unpublished: nothing to correct
  | "stale" // someone published a correction since the form was loaded
  | "slugTaken"
  | "badSlug"
  | "badText" // headline/summary/methodology empty or too long
  | "noteRequired" // a correction needs its public note, unpublishing its reason
  | "badRating" // a corrected verdict's label is not on the active scale
  | "badRationale"
  | "claimNotRated"; // only approved verdicts can be corrected

function publishRefusalStatus(reason: PublishRefusal) {
  if (reason === "notAllowed") return 403;
  return reason === "stale" || reason === "alreadyPublished" || reason === "notReady" ? 409 : 400;
}

export class PublishRefused extends Refusal<PublishRefusal> {
  constructor(
    reason: PublishRefusal,
    readonly detail?: { field?: string; claims?: { id: string; wording: string; status: ClaimStatus }[] },
  ) {
    super(reason, { status: publishRefusalStatus(reason), messageKey: `factCheck.refused.${reason}`, message: `publishing refused: ${reason}` });
  }
}

const settledStatuses: readonly ClaimStatus[] = ["APPROVED", "NOT_CHECKABLE"];

function requirePermission(actor: PublishActor) {
  if (!userCan(actor, "publish:factcheck:any")) throw new PublishRefused("notAllowed");
}

function cleanText(value: string, max: number, field: string, options: { multiline?: boolean } = {}) {
  const text = options.multiline ? value.replace(/\r\n?/g, "\n").trim() : value.replace(/\s+/g, " ").trim();
  if (!text || text.length > max) throw new PublishRefused("badText", { field });
  return text;
}

export type EditorialText = { headline: string; summary: string; methodology: string };

function editorialText(input: EditorialText): EditorialText {
  return {
    headline: cleanText(input.headline, publishingLimits.headline, "headline"),
    summary: cleanText(input.summary, publishingLimits.summary, "summary", { multiline: true }),
    methodology: cleanText(input.methodology, publishingLimits.methodology, "methodology", { multiline: true }),
  };
}

function requiredNote(value: string, max: number, field: string) {
  const text = value.replace(/\r\n?/g, "\n").trim();
  if (!text || text.length > max) throw new PublishRefused("noteRequired", { field });
  return text;
}

// ───────────────────────────── Readiness ─────────────────────────────

export type Readiness = {
  ready: boolean;
  open: { id: string; wording: string; status: ClaimStatus }[];
  rated: number;
  notCheckable: { id: string; wording: string; reason: string | null }[];
};

/** Whether the article's fact-check can be published: every claim approved or not checkable, one at least rated. */
export async function publishReadiness(articleId: string, tx: Tx | typeof prisma = prisma): Promise<Readiness> {
  const claims = await tx.claim.findMany({
    where: { articleId, deletedAt: null },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    select: { id: true, wording: true, status: true, notCheckableReason: true },
  });
  const open = claims
    .filter((claim) => !settledStatuses.includes(claim.status))
    .map(({ id, wording, status }) => ({ id, wording, status }));
  const rated = claims.filter((claim) => claim.status === "APPROVED").length;
  const notCheckable = claims
    .filter((claim) => claim.status === "NOT_CHECKABLE")
    .map((claim) => ({ id: claim.id, wording: claim.wording, reason: claim.notCheckableReason }));
  return { ready: open.length === 0 && rated > 0, open, rated, notCheckable };
}

function assertReady(readiness: Readiness) {
  if (readiness.open.length) throw new PublishRefused("notReady", { claims: readiness.open });
  if (readiness.rated === 0) throw new PublishRefused("noRatedClaims");
}

// ───────────────────────────── Content ─────────────────────────────

/** The claim editor stores one of claimantKinds or nothing. */
function claimantKind(kind: string | null): PublishedClaim["claimantKind"] {
  return claimantKinds.find((known) => known === kind) ?? null;
}

/** Freezes the desk's settled claims into what the page will show. */
async function buildContent(tx: Tx, articleId: string, previousAnchors: Map<string, string>): Promise<PublishedContent> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { title: true, outlet: true, author: true, publishedAt: true, originalUrl: true, canonicalUrl: true, language: true },
  });
  const claims = await tx.claim.findMany({
    where: { articleId, deletedAt: null, status: { in: [...settledStatuses] } },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    select: {
      id: true,
      quote: true,
      wording: true,
      claimant: true,
      claimantKind: true,
      claimDate: true,
      appearance: true,
      status: true,
      notCheckableReason: true,
      verdicts: {
        where: { status: "APPROVED" },
        orderBy: { version: "desc" },
        take: 1,
        select: {
          rationale: true,
          rating: { select: { value: true, labelEn: true, labelId: true, colour: true } },
          proposedBy: { select: { name: true } },
          decidedBy: { select: { name: true } },
        },
      },
      sources: {
        where: { deletedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          url: true,
          title: true,
          publisher: true,
          kind: true,
          stance: true,
          snapshots: {
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: 1,
            select: { id: true, status: true, fetchedAt: true, sha256: true },
          },
        },
      },
    },
  });
  const scale = await tx.ratingScale.findFirst({
    where: { active: true },
    select: { labels: { orderBy: { value: "asc" }, select: { value: true, labelEn: true, labelId: true, colour: true } } },
  });
  const labels = scale?.labels ?? [];
  // A rating given on an earlier scale still has to sit inside best/worst.
  const values = [
    ...labels.map((label) => label.value),
    ...claims.flatMap((claim) => claim.verdicts.map((verdict) => verdict.rating.value)),
  ];
  const anchors = assignAnchors(
    claims.map((claim) => claim.id),
    previousAnchors,
  );
  return {
    article: {
      title: article.title,
      outlet: article.outlet,
      author: article.author,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      url: article.canonicalUrl ?? article.originalUrl,
      language: article.language,
    },
    scale: { best: Math.max(...values), worst: Math.min(...values), labels },
    claims: claims.map((claim): PublishedClaim => {
      const verdict = claim.status === "APPROVED" ? claim.verdicts[0] : undefined;
      return {
        claimId: claim.id,
        anchor: anchors.get(claim.id)!,
        quote: claim.quote,
        wording: claim.wording,
        claimant: claim.claimant,
        claimantKind: claimantKind(claim.claimantKind),
        claimDate: claim.claimDate?.toISOString() ?? null,
        appearance: claim.appearance,
        outcome: verdict ? "rated" : "notCheckable",
        rating: verdict ? verdict.rating : null,
        rationale: verdict?.rationale ?? null,
        notCheckableReason: verdict ? null : claim.notCheckableReason,
        sources: claim.sources.map((source) => {
          const snapshot = source.snapshots[0];
          return {
            sourceId: source.id,
            url: source.url,
            title: source.title,
            publisher: source.publisher,
            kind: source.kind,
            stance: source.stance,
            archive: snapshot
              ? {
                  snapshotId: snapshot.id,
                  status: snapshot.status,
                  archivedAt: snapshot.status === "ARCHIVED" ? (snapshot.fetchedAt?.toISOString() ?? null) : null,
                  sha256: snapshot.sha256,
                }
              : null,
          };
        }),
        reviewedBy: verdict?.proposedBy.name ?? null,
        approvedBy: verdict?.decidedBy?.name ?? null,
      };
    }),
  };
}

function searchConfig(language: string) {
  return language === "id" ? "indonesian" : language === "en" ? "english" : "simple";
}

/** Writes the current version's search vector (headline A, summary B, claims C) in the page's language. */
async function indexForSearch(tx: Tx, factCheckId: string, language: string, text: EditorialText, content: PublishedContent) {
  const claims = content.claims.map((claim) => `${claim.wording} ${claim.claimant ?? ""}`).join("\n");
  const config = searchConfig(language);
  await tx.$executeRaw`
    UPDATE "FactCheck" SET "searchVector" =
      setweight(to_tsvector(${config}::regconfig, ${text.headline}), 'A') ||
      setweight(to_tsvector(${config}::regconfig, ${text.summary}), 'B') ||
      setweight(to_tsvector(${config}::regconfig, ${claims}), 'C')
    WHERE id = ${factCheckId}::uuid`;
}

/** `factcheck:<slug>` tells the public page cache (public-pages.server.ts) to render it again. */
function topics(factCheck: { slug: string; articleId: string }) {
  return [`factcheck:${factCheck.slug}`, `article:${factCheck.articleId}`, "fact-checks", "desk"];
}

// ───────────────────────────── Publish ─────────────────────────────

/** A free slug from the headline ("…-2", "…-3" when taken), cut at a word boundary with room for the suffix. */
export async function suggestSlug(headline: string): Promise<string> {
  const base = slugify(headline, publishingLimits.slug - 4) || "fact-check";
  const taken = new Set(
    (await prisma.factCheck.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug),
  );
  return firstFreeSlug(base, (slug) => taken.has(slug));
}

/**
 * The address a publication form asks for: the one the editor typed; or, while the field is empty or still
 * holds the suggestion the form was given (`suggestedSlug`), a free one from the headline — so the address
 * follows the headline until the editor changes it, with or without JavaScript in their browser.
 */
export async function requestedSlug(form: { slug?: string; suggestedSlug?: string; headline: string }): Promise<string> {
  const typed = form.slug?.trim() ?? "";
  if (!typed || typed === form.suggestedSlug?.trim()) return suggestSlug(form.headline);
  return typed;
}

export type PublishInput = EditorialText & { articleId: string; slug: string };

function publicationSlug(input: PublishInput) {
  const slug = input.slug.trim().toLowerCase();
  if (!slugPattern.test(slug) || slug.length > publishingLimits.slug) throw new PublishRefused("badSlug", { field: "slug" });
  return slug;
}

export async function publishFactCheck(actor: PublishActor, input: PublishInput) {
  requirePermission(actor);
  const text = editorialText(input);
  const slug = publicationSlug(input);
  const result = await prisma.$transaction((tx) => writePublication(tx, actor, input.articleId, slug, text)).catch(uniqueSlug);
  await publishChange(topics(result), "factcheck.publish");
  return result;
}

/** What publishFactCheck would put on the public page now, exactly, without publishing it (editors' preview). */
export async function draftPublication(actor: PublishActor, input: PublishInput): Promise<PublishedFactCheck> {
  requirePermission(actor);
  const text = editorialText(input);
  const slug = publicationSlug(input);
  return rolledBack(async (tx) => {
    const written = await writePublication(tx, actor, input.articleId, slug, text);
    return readPublished(tx, written.slug);
  }).catch(uniqueSlug);
}

async function writePublication(tx: Tx, actor: PublishActor, articleId: string, slug: string, text: EditorialText) {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: { id: true, language: true, status: true, factCheck: { select: { id: true } } },
  });
  if (!article) throw new PublishRefused("notFound");
  if (article.factCheck) throw new PublishRefused("alreadyPublished");
  // Claims move under the publisher's feet only through guarded updates; lock them while freezing.
  await tx.$executeRaw`SELECT id FROM "Claim" WHERE "articleId" = ${article.id}::uuid FOR UPDATE`;
  assertReady(await publishReadiness(article.id, tx));
  if (await tx.factCheck.findUnique({ where: { slug }, select: { id: true } })) throw new PublishRefused("slugTaken", { field: "slug" });
  const content = await buildContent(tx, article.id, new Map());
  const now = new Date();
  const factCheck = await tx.factCheck.create({
    data: {
      articleId: article.id,
      slug,
      language: article.language,
      headline: text.headline,
      summary: text.summary,
      firstPublishedAt: now,
      lastPublishedAt: now,
      versions: {
        create: {
          version: 1,
          ...text,
          content: content as unknown as Prisma.InputJsonValue,
          publishedById: actor.id,
          publishedAt: now,
        },
      },
    },
    select: { id: true, articleId: true, slug: true },
  });
  await indexForSearch(tx, factCheck.id, article.language, text, content);
  await tx.article.update({ where: { id: article.id }, data: { status: "PUBLISHED" } });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "factcheck.publish",
    entityType: "FactCheck",
    entityId: factCheck.id,
    after: { slug, version: 1, ...text, claims: content.claims.length },
  });
  return factCheck;
}

/** Thrown to end a dry run: the transaction rolls back and its result comes out. */
class DryRun<T> extends Error {
  constructor(readonly result: T) {
    super("dry run");
  }
}

/**
 * Runs the very writes of a publication, correction or withdrawal and rolls them back: a preview and a
 * confirmation step refuse exactly what the real action would refuse, and show exactly what it would write.
 */
async function rolledBack<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    await prisma.$transaction(async (tx) => {
      throw new DryRun(await work(tx));
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result as T;
    throw error;
  }
  throw new Error("a dry run always rolls back");
}

/** A page as publicFactCheck gives it, read inside a transaction that wrote it. */
async function readPublished(tx: Tx, slug: string): Promise<PublishedFactCheck> {
  const page = await publicFactCheck(slug, undefined, tx);
  if (page.kind !== "published") throw new PublishRefused("notFound");
  return page;
}

/** Two editors publishing the same slug at once: the loser hears "slug taken", not a database error. */
function uniqueSlug(error: unknown): never {
  if (error && typeof error === "object" && "code" in error && (error as { code?: string }).code === "P2002") {
    const target = JSON.stringify((error as { meta?: unknown }).meta ?? "");
    throw new PublishRefused(target.includes("articleId") ? "alreadyPublished" : "slugTaken", { field: "slug" });
  }
  throw error;
}

// ───────────────────────────── Correct ─────────────────────────────

export type VerdictCorrection = { claimId: string; ratingId: string; rationale: string };

export type CorrectionInput = EditorialText & {
  factCheckId: string;
  /** The version the editor's form was based on (a concurrent correction makes the form stale). */
  basedOnVersion: number;
  correctionNote: string;
  verdicts?: VerdictCorrection[];
};

/**
 * A correction: changed verdicts become new approved verdict versions, then the page gets a new version with
 * the note. On a withdrawn fact-check it is a republication: the page is back, and the note says why.
 */
export async function correctFactCheck(actor: PublishActor, input: CorrectionInput) {
  requirePermission(actor);
  const text = editorialText(input);
  const note = requiredNote(input.correctionNote, publishingLimits.correctionNote, "correctionNote");
  const result = await prisma.$transaction((tx) => writeCorrection(tx, actor, input, text, note));
  await publishChange([...topics(result), ...result.correctedClaims.map((id) => `claim:${id}`)], "factcheck.correct");
  return result;
}

export type VerdictChange = { claimId: string; anchor: string; wording: string; from: PublishedRating | null; to: PublishedRating | null };

/**
 * What correctFactCheck would put on the public page now (the new version, with its corrected verdicts),
 * exactly, without publishing it; and which verdicts it changes.
 */
export async function draftCorrection(actor: PublishActor, input: CorrectionInput) {
  requirePermission(actor);
  const text = editorialText(input);
  const note = requiredNote(input.correctionNote, publishingLimits.correctionNote, "correctionNote");
  return rolledBack(async (tx) => {
    const previous = await tx.factCheckVersion.findUnique({
      where: { factCheckId_version: { factCheckId: input.factCheckId, version: input.basedOnVersion } },
      select: { content: true },
    });
    const written = await writeCorrection(tx, actor, input, text, note);
    const page = await readPublished(tx, written.slug);
    const before = new Map(((previous?.content ?? { claims: [] }) as unknown as PublishedContent).claims.map((c) => [c.claimId, c]));
    const changes: VerdictChange[] = page.version.content.claims
      .filter((claim) => written.correctedClaims.includes(claim.claimId))
      .map((claim) => ({
        claimId: claim.claimId,
        anchor: claim.anchor,
        wording: claim.wording,
        from: before.get(claim.claimId)?.rating ?? null,
        to: claim.rating,
      }));
    return { page, changes };
  });
}

async function writeCorrection(tx: Tx, actor: PublishActor, input: CorrectionInput, text: EditorialText, note: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "FactCheck" WHERE id = ${input.factCheckId}::uuid FOR UPDATE`;
  if (!locked.length) throw new PublishRefused("notFound");
  const factCheck = await tx.factCheck.findUniqueOrThrow({
    where: { id: input.factCheckId },
    select: {
      id: true,
      slug: true,
      articleId: true,
      status: true,
      currentVersion: true,
      language: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { content: true } },
    },
  });
  // Correcting a withdrawn fact-check publishes it again, with the note saying why.
  const republishing = factCheck.status === "UNPUBLISHED";
  if (factCheck.currentVersion !== input.basedOnVersion) throw new PublishRefused("stale");
  await tx.$executeRaw`SELECT id FROM "Claim" WHERE "articleId" = ${factCheck.articleId}::uuid FOR UPDATE`;
  const corrected = await correctVerdicts(tx, actor, factCheck.articleId, input.verdicts ?? [], note);
  assertReady(await publishReadiness(factCheck.articleId, tx));
  const previous = factCheck.versions[0]!.content as unknown as PublishedContent;
  const content = await buildContent(tx, factCheck.articleId, new Map(previous.claims.map((claim) => [claim.claimId, claim.anchor])));
  const version = factCheck.currentVersion + 1;
  const now = new Date();
  await tx.factCheckVersion.create({
    data: {
      factCheckId: factCheck.id,
      version,
      ...text,
      correctionNote: note,
      content: content as unknown as Prisma.InputJsonValue,
      publishedById: actor.id,
      publishedAt: now,
    },
  });
  await tx.factCheck.update({
    where: { id: factCheck.id },
    data: {
      currentVersion: version,
      headline: text.headline,
      summary: text.summary,
      lastPublishedAt: now,
      ...(republishing ? { status: "PUBLISHED", unpublishedAt: null, unpublishReason: null, unpublishedById: null } : {}),
    },
  });
  if (republishing) await tx.article.update({ where: { id: factCheck.articleId }, data: { status: "PUBLISHED" } });
  await indexForSearch(tx, factCheck.id, factCheck.language, text, content);
  await recordAudit(tx, {
    actorId: actor.id,
    action: republishing ? "factcheck.republish" : "factcheck.correct",
    entityType: "FactCheck",
    entityId: factCheck.id,
    before: { version: factCheck.currentVersion, status: factCheck.status },
    after: { version, correctionNote: note, ...text, correctedVerdicts: corrected },
  });
  return {
    id: factCheck.id,
    slug: factCheck.slug,
    articleId: factCheck.articleId,
    version,
    correctedClaims: corrected.map((change) => change.claimId),
  };
}

/**
 * Each changed verdict becomes a new APPROVED version decided by the correcting editor (the correction
 * note is its decision note); the approved one it replaces is SUPERSEDED. Unchanged ones are left alone.
 */
async function correctVerdicts(tx: Tx, actor: PublishActor, articleId: string, changes: VerdictCorrection[], note: string) {
  if (!changes.length) return [];
  if (!userCan(actor, "approve:verdict:any")) throw new PublishRefused("notAllowed");
  const scale = await tx.ratingScale.findFirst({ where: { active: true }, select: { labels: { select: { id: true } } } });
  const labelIds = new Set(scale?.labels.map((label) => label.id) ?? []);
  const done: { claimId: string; from: string; to: string }[] = [];
  for (const change of changes) {
    const rationale = change.rationale.replace(/\r\n?/g, "\n").trim();
    if (!rationale || rationale.length > rationaleMaxLength)
      throw new PublishRefused("badRationale", { field: `rationale-${change.claimId}` });
    const claim = await tx.claim.findFirst({
      where: { id: change.claimId, articleId, deletedAt: null },
      select: {
        id: true,
        status: true,
        verdicts: {
          orderBy: { version: "desc" },
          select: {
            id: true,
            version: true,
            status: true,
            ratingId: true,
            rationale: true,
            rating: { select: { labelEn: true, value: true } },
          },
        },
      },
    });
    if (!claim) throw new PublishRefused("notFound");
    const approved = claim.verdicts.find((verdict) => verdict.status === "APPROVED");
    if (claim.status !== "APPROVED" || !approved) throw new PublishRefused("claimNotRated", { field: `rating-${change.claimId}` });
    if (approved.ratingId === change.ratingId && approved.rationale.trim() === rationale) continue;
    if (!labelIds.has(change.ratingId)) throw new PublishRefused("badRating", { field: `rating-${change.claimId}` });
    const now = new Date();
    await tx.verdict.update({ where: { id: approved.id }, data: { status: "SUPERSEDED" } });
    const created = await tx.verdict.create({
      data: {
        claimId: claim.id,
        version: (claim.verdicts[0]?.version ?? 0) + 1,
        ratingId: change.ratingId,
        rationale,
        status: "APPROVED",
        proposedById: actor.id,
        decidedById: actor.id,
        decidedAt: now,
        decisionNote: note,
      },
      select: { version: true, rating: { select: { labelEn: true, value: true } } },
    });
    await tx.claim.update({ where: { id: claim.id }, data: { version: { increment: 1 } } });
    const from = `${approved.rating.labelEn} (${approved.rating.value})`;
    const to = `${created.rating.labelEn} (${created.rating.value})`;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "verdict.correct",
      entityType: "Claim",
      entityId: claim.id,
      before: { verdict: approved.version, verdictStatus: "APPROVED", rating: from },
      after: { verdict: created.version, verdictStatus: "APPROVED", rating: to, correctionNote: note },
    });
    done.push({ claimId: claim.id, from, to });
  }
  return done;
}

// ───────────────────────────── Unpublish ─────────────────────────────

/** Takes the page down: its URL (and its versions') answer 410 with the reason; nothing is deleted. */
export async function unpublishFactCheck(actor: PublishActor, input: { factCheckId: string; reason: string }) {
  requirePermission(actor);
  const reason = requiredNote(input.reason, publishingLimits.unpublishReason, "reason");
  const result = await prisma.$transaction((tx) => writeUnpublication(tx, actor, input.factCheckId, reason));
  await publishChange(topics(result), "factcheck.unpublish");
  return result;
}

/** Whether unpublishFactCheck would take the page down now (it refuses what unpublishing would refuse), without doing it. */
export async function draftUnpublication(actor: PublishActor, input: { factCheckId: string; reason: string }) {
  requirePermission(actor);
  const reason = requiredNote(input.reason, publishingLimits.unpublishReason, "reason");
  return rolledBack((tx) => writeUnpublication(tx, actor, input.factCheckId, reason));
}

async function writeUnpublication(tx: Tx, actor: PublishActor, factCheckId: string, reason: string) {
  const factCheck = await tx.factCheck.findUnique({
    where: { id: factCheckId },
    select: { id: true, articleId: true, status: true, slug: true },
  });
  if (!factCheck) throw new PublishRefused("notFound");
  if (factCheck.status !== "PUBLISHED") throw new PublishRefused("notPublished");
  const { count } = await tx.factCheck.updateMany({
    where: { id: factCheck.id, status: "PUBLISHED" },
    data: { status: "UNPUBLISHED", unpublishedAt: new Date(), unpublishReason: reason, unpublishedById: actor.id },
  });
  if (count !== 1) throw new PublishRefused("notPublished");
  await tx.article.update({ where: { id: factCheck.articleId }, data: { status: "READY" } });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "factcheck.unpublish",
    entityType: "FactCheck",
    entityId: factCheck.id,
    before: { status: "PUBLISHED" },
    after: { status: "UNPUBLISHED", reason },
  });
  return factCheck;
}

// ───────────────────────────── Reading ─────────────────────────────

/** The article's fact-check, if it has one: what an editor's action needs to act on it. */
export function factCheckOfArticle(articleId: string) {
  return prisma.factCheck.findUnique({ where: { articleId }, select: { id: true, status: true } });
}

/**
 * The editor's view (the desk page, the exports): the article's fact-check if any, its versions newest first,
 * and the current version's text and content.
 */
export async function deskFactCheck(articleId: string) {
  const factCheck = await prisma.factCheck.findUnique({
    where: { articleId },
    select: {
      id: true,
      slug: true,
      status: true,
      language: true,
      currentVersion: true,
      firstPublishedAt: true,
      lastPublishedAt: true,
      unpublishedAt: true,
      unpublishReason: true,
      versions: {
        orderBy: { version: "desc" },
        select: { version: true, correctionNote: true, publishedAt: true, publishedBy: { select: { name: true } } },
      },
    },
  });
  if (!factCheck) return null;
  // Only the current version's content: earlier ones can be long and the page shows them by number alone.
  const current = await prisma.factCheckVersion.findUniqueOrThrow({
    where: { factCheckId_version: { factCheckId: factCheck.id, version: factCheck.currentVersion } },
    select: { headline: true, summary: true, methodology: true, content: true },
  });
  return { ...factCheck, current: { ...current, content: current.content as unknown as PublishedContent } };
}

export type PublicVersion = {
  version: number;
  headline: string;
  summary: string;
  methodology: string;
  correctionNote: string | null;
  content: PublishedContent;
  publishedAt: Date;
};

export type PublicFactCheck =
  | { kind: "missing" }
  | { kind: "gone"; slug: string; headline: string; language: string; unpublishedAt: Date; reason: string }
  | PublishedFactCheck;

export type PublishedFactCheck = {
  kind: "published";
  slug: string;
  language: string;
  currentVersion: number;
  firstPublishedAt: Date;
  lastPublishedAt: Date;
  /** The version asked for (the current one by default). */
  version: PublicVersion;
  /** Every correction: version, date and note, oldest first. */
  corrections: { version: number; publishedAt: Date; note: string }[];
};

/**
 * What a reader may see at /fact-checks/<slug> (or /fact-checks/<slug>/v/<n>); `db` is a transaction for a
 * dry run's page (draftPublication, draftCorrection).
 */
export async function publicFactCheck(slug: string, versionNumber?: number, db: Tx = prisma): Promise<PublicFactCheck> {
  if (!slugPattern.test(slug) || slug.length > publishingLimits.slug) return { kind: "missing" };
  const factCheck = await db.factCheck.findUnique({
    where: { slug },
    select: {
      slug: true,
      status: true,
      language: true,
      headline: true,
      currentVersion: true,
      firstPublishedAt: true,
      lastPublishedAt: true,
      unpublishedAt: true,
      unpublishReason: true,
      versions: { orderBy: { version: "asc" }, select: { version: true, publishedAt: true, correctionNote: true } },
    },
  });
  if (!factCheck) return { kind: "missing" };
  if (factCheck.status === "UNPUBLISHED") {
    return {
      kind: "gone",
      slug,
      headline: factCheck.headline,
      language: factCheck.language,
      unpublishedAt: factCheck.unpublishedAt ?? factCheck.lastPublishedAt,
      reason: factCheck.unpublishReason ?? "",
    };
  }
  const wanted = versionNumber ?? factCheck.currentVersion;
  if (!factCheck.versions.some((version) => version.version === wanted)) return { kind: "missing" };
  const version = await db.factCheckVersion.findFirstOrThrow({
    where: { factCheck: { slug }, version: wanted },
    select: { version: true, headline: true, summary: true, methodology: true, correctionNote: true, content: true, publishedAt: true },
  });
  const content = version.content as unknown as PublishedContent;
  return {
    kind: "published",
    slug,
    language: factCheck.language,
    currentVersion: factCheck.currentVersion,
    firstPublishedAt: factCheck.firstPublishedAt,
    lastPublishedAt: factCheck.lastPublishedAt,
    version: { ...version, content: await withLatestArchives(content, db) },
    corrections: factCheck.versions
      .filter((row) => row.correctionNote)
      .map((row) => ({ version: row.version, publishedAt: row.publishedAt, note: row.correctionNote! })),
  };
}

/**
 * Archiving runs in the background and may finish after publication: readers see each source's latest
 * archive copy (or, without one, its latest attempt) rather than the state frozen when the page was published.
 */
async function withLatestArchives(content: PublishedContent, db: Tx): Promise<PublishedContent> {
  const sourceIds = content.claims.flatMap((claim) => claim.sources.map((source) => source.sourceId)).filter(Boolean);
  if (!sourceIds.length) return content;
  const snapshots = await db.sourceSnapshot.findMany({
    where: { sourceId: { in: sourceIds } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, sourceId: true, status: true, fetchedAt: true, sha256: true },
  });
  const latest = new Map<string, PublishedArchive>();
  for (const snapshot of snapshots) {
    const known = latest.get(snapshot.sourceId);
    if (known?.status === "ARCHIVED") continue;
    if (known && snapshot.status !== "ARCHIVED") continue;
    latest.set(snapshot.sourceId, {
      snapshotId: snapshot.id,
      status: snapshot.status,
      archivedAt: snapshot.status === "ARCHIVED" ? (snapshot.fetchedAt?.toISOString() ?? null) : null,
      sha256: snapshot.sha256,
    });
  }
  return {
    ...content,
    claims: content.claims.map((claim) => ({
      ...claim,
      sources: claim.sources.map((source) => ({ ...source, archive: latest.get(source.sourceId) ?? source.archive })),
    })),
  };
}

/**
 * A cheap fingerprint of what /fact-checks/<slug> shows: it changes with every publication, correction and
 * unpublishing, and when an archive copy of one of its sources is taken or fails.
 */
export async function factCheckStamp(slug: string): Promise<string> {
  const rows = await prisma.$queryRaw<{ status: string; currentVersion: number; archived: bigint; failed: bigint }[]>`
    SELECT f.status::text AS status, f."currentVersion",
      count(ss.id) FILTER (WHERE ss.status = 'ARCHIVED') AS archived,
      count(ss.id) FILTER (WHERE ss.status = 'FAILED') AS failed
    FROM "FactCheck" f
    LEFT JOIN "Claim" c ON c."articleId" = f."articleId"
    LEFT JOIN "Source" s ON s."claimId" = c.id
    LEFT JOIN "SourceSnapshot" ss ON ss."sourceId" = s.id
    WHERE f.slug = ${slug}
    GROUP BY f.id`;
  const row = rows[0];
  return row ? `${row.status}:${row.currentVersion}:${row.archived}:${row.failed}` : "missing";
}

/** The text of a source's archive copy, for readers — only when a published version of this fact-check cites it. */
export async function publicArchiveCopy(slug: string, snapshotId: string) {
  if (!slugPattern.test(slug) || !isUuid(snapshotId)) return null;
  const cited = { claims: [{ sources: [{ archive: { snapshotId } }] }] };
  const rows = await prisma.$queryRaw<{ headline: string; language: string }[]>`
    SELECT f.headline, f.language FROM "FactCheck" f
    WHERE f.slug = ${slug} AND f.status = 'PUBLISHED'
      AND EXISTS (SELECT 1 FROM "FactCheckVersion" v WHERE v."factCheckId" = f.id AND v.content @> ${JSON.stringify(cited)}::jsonb)`;
  const factCheck = rows[0];
  if (!factCheck) return null;
  const snapshot = await prisma.sourceSnapshot.findFirst({
    where: { id: snapshotId, status: "ARCHIVED" },
    select: { text: true, sha256: true, fetchedAt: true, finalUrl: true, source: { select: { url: true } } },
  });
  if (!snapshot?.fetchedAt) return null;
  return { ...factCheck, url: snapshot.source.url, archivedAt: snapshot.fetchedAt, sha256: snapshot.sha256, text: snapshot.text };
}
