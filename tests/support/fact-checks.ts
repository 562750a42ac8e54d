// Published fact-checks for tests, made the way the desk makes them: an article, claims edited, assigned
// to a reviewer, verdicts proposed by the reviewer and approved by another editor, then published.
import { randomUUID } from "node:crypto";
import { setArticleLanguage } from "../../app/articles/articles.server";
import type { SessionUser } from "../../app/auth/session.server";
import { createClaim, updateClaim } from "../../app/claims/claims.server";
import { prisma } from "../../app/db/client.server";
import { publishFactCheck } from "../../app/publishing/fact-checks.server";
import { assignClaims } from "../../app/review/assignments.server";
import { approveVerdict, markNotCheckable, proposeVerdict } from "../../app/review/verdicts.server";
import { activeScale } from "../../app/scale/scale.server";
import { createArticle } from "./articles";
import { createPerson } from "./people";

/** A person as the domain sees them (a session user without a session): id, role and its permissions. */
export async function actorFor(userId: string): Promise<SessionUser> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      language: true,
      role: { select: { name: true, permissions: { select: { permission: { select: { action: true, entity: true, access: true } } } } } },
    },
  });
  const permissions = user.role.permissions.map(({ permission: p }) => `${p.action}:${p.entity}:${p.access}`);
  return { id: user.id, email: user.email, name: user.name, language: user.language, role: user.role.name, permissions, sessionId: "test" };
}

export type ClaimToCheck = {
  /** Words of the article body; the claim is made from their span. */
  quote: string;
  wording?: string;
  claimant?: string;
  /** labelEn of a label on the active scale; omitted with `notCheckable`. */
  rating?: string;
  rationale?: string;
  notCheckable?: string;
  /** Sources written directly, with an archived copy taken at `archivedAt` when given. */
  sources?: { url: string; archivedAt?: Date }[];
};

export type FactCheckToPublish = {
  headline: string;
  summary?: string;
  methodology?: string;
  body: string;
  language: "id" | "en" | "und";
  claims: ClaimToCheck[];
  slug?: string;
};

async function claimVersion(claimId: string) {
  return (await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version;
}

/** Publishes a fact-check of a new article and returns the ids involved. */
export async function publishTestFactCheck(input: FactCheckToPublish) {
  const [editor, approver, reviewer] = [await createPerson("editor"), await createPerson("editor"), await createPerson("reviewer")];
  const [editorActor, approverActor, reviewerActor] = [await actorFor(editor.id), await actorFor(approver.id), await actorFor(reviewer.id)];
  const { id: articleId } = await createArticle(editor.id, input.body);
  await setArticleLanguage(editor.id, articleId, input.language);
  const body = (await prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } })).body;
  const labels = (await activeScale())!.labels;

  const claims: { id: string; claim: ClaimToCheck }[] = [];
  for (const claim of input.claims) {
    const start = body.indexOf(claim.quote);
    if (start < 0) throw new Error(`Not in the article: ${claim.quote}`);
    const created = await createClaim(editor.id, articleId, { start, end: start + claim.quote.length });
    await updateClaim(editor.id, created.id, created.version, {
      wording: claim.wording ?? claim.quote,
      claimant: claim.claimant ?? null,
      claimDate: new Date("2025-02-03T00:00:00Z"),
      appearance: null,
    });
    claims.push({ id: created.id, claim });
    for (const source of claim.sources ?? []) {
      const snapshot = source.archivedAt
        ? {
            create: {
              status: "ARCHIVED" as const,
              httpStatus: 200,
              sha256: "0".repeat(64),
              text: "Arsip",
              sanitizedHtml: "<p>Arsip</p>",
              fetchedAt: source.archivedAt,
            },
          }
        : undefined;
      await prisma.source.create({
        data: {
          claimId: created.id,
          url: source.url,
          addedById: editor.id,
          kind: "OFFICIAL_DOCUMENT",
          stance: "REFUTES",
          snapshots: snapshot,
        },
      });
    }
  }
  const rated = claims.filter(({ claim }) => !claim.notCheckable);
  if (rated.length)
    await assignClaims(editorActor, { claimIds: rated.map(({ id }) => id), reviewerId: reviewer.id, dueAt: null, note: null });
  for (const { id, claim } of claims) {
    if (claim.notCheckable) {
      await markNotCheckable(editorActor, { claimId: id, claimVersion: await claimVersion(id), reason: claim.notCheckable });
      continue;
    }
    const rating = labels.find((label) => label.labelEn === (claim.rating ?? "False"));
    if (!rating) throw new Error(`No label ${claim.rating}`);
    await proposeVerdict(reviewerActor, {
      claimId: id,
      claimVersion: await claimVersion(id),
      ratingId: rating.id,
      rationale: claim.rationale ?? "Data resmi menunjukkan sebaliknya.",
    });
    await approveVerdict(approverActor, { claimId: id, claimVersion: await claimVersion(id) });
  }
  const slug = input.slug ?? `cek-${randomUUID().slice(0, 8)}`;
  const factCheck = await publishFactCheck(editorActor, {
    articleId,
    slug,
    headline: input.headline,
    summary: input.summary ?? `Ringkasan ${input.headline}`,
    methodology: input.methodology ?? "Kami membandingkan klaim dengan data resmi.",
  });
  return { factCheckId: factCheck.id, articleId, slug, editor, editorActor, approver, reviewer };
}
