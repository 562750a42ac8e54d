// Correcting a published fact-check: a new version with a public note (it may correct verdicts, which become
// new approved verdict versions, app/review/verdict-corrections.server.ts); versions are never rewritten (a
// database trigger refuses it). Correcting a withdrawn fact-check publishes it again.
import type { Actor } from "~/auth/actor";
import { prisma } from "~/db/client.server";
import { topic } from "~/live/topics";
import type { Prisma } from "~/generated/prisma/client";
import { correctVerdicts, type VerdictCorrection, VerdictCorrectionRefused } from "~/review/verdict-corrections.server";
import { announceFactCheck } from "./announce.server";
import { type PublishedContent, type PublishedRating, publishingLimits } from "./content";
import { readPublished, rolledBack } from "./dry-run.server";
import { type EditorialText, editorialText, requiredNote } from "./editorial-text";
import { recordFactCheckChange } from "./fact-check-change.server";
import { freezeContent } from "./frozen-content.server";
import { indexForSearch } from "./public-index.server";
import { assertReady, publishReadiness } from "./readiness.server";
import { PublishRefused, requirePublisher } from "./refused";

type Tx = Prisma.TransactionClient;

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
export async function correctFactCheck(actor: Actor, input: CorrectionInput) {
  requirePublisher(actor);
  const text = editorialText(input);
  const note = requiredNote(input.correctionNote, publishingLimits.correctionNote, "correctionNote");
  const result = await prisma.$transaction((tx) => writeCorrection(tx, actor, input, text, note));
  await announceFactCheck(result, "factcheck.correct", result.correctedClaims.map(topic.claim));
  return result;
}

export type VerdictChange = { claimId: string; anchor: string; wording: string; from: PublishedRating | null; to: PublishedRating | null };

/**
 * What correctFactCheck would put on the public page now (the new version, with its corrected verdicts),
 * exactly, without publishing it; and which verdicts it changes.
 */
export async function draftCorrection(actor: Actor, input: CorrectionInput) {
  requirePublisher(actor);
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

async function writeCorrection(tx: Tx, actor: Actor, input: CorrectionInput, text: EditorialText, note: string) {
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
  const republishing = factCheck.status === "WITHDRAWN";
  if (factCheck.currentVersion !== input.basedOnVersion) throw new PublishRefused("stale");
  await tx.$executeRaw`SELECT id FROM "Claim" WHERE "articleId" = ${factCheck.articleId}::uuid FOR UPDATE`;
  const corrected = await verdictsCorrected(tx, actor, factCheck.articleId, input.verdicts ?? [], note);
  assertReady(await publishReadiness(factCheck.articleId, tx));
  const previous = factCheck.versions[0]!.content as unknown as PublishedContent;
  const content = await freezeContent(tx, factCheck.articleId, new Map(previous.claims.map((claim) => [claim.claimId, claim.anchor])));
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
      ...(republishing ? { status: "PUBLISHED", withdrawnAt: null, withdrawalReason: null, withdrawnById: null } : {}),
    },
  });
  await indexForSearch(tx, factCheck.id, factCheck.language, text, content);
  await recordFactCheckChange(tx, actor, factCheck, {
    action: republishing ? "factcheck.republish" : "factcheck.correct",
    articleStatus: republishing ? "PUBLISHED" : undefined,
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

/** The review desk's refusal of a corrected verdict, said as publishing's (the form names the same field). */
async function verdictsCorrected(...args: Parameters<typeof correctVerdicts>) {
  try {
    return await correctVerdicts(...args);
  } catch (error) {
    if (error instanceof VerdictCorrectionRefused) throw new PublishRefused(error.reason, error.field ? { field: error.field } : undefined);
    throw error;
  }
}
