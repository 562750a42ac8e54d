// Publishing an article's fact-check: the editor's text and the desk's settled claims frozen into version 1
// (PublishedContent) at a readable, stable address.
import type { Actor } from "~/auth/actor";
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { announceFactCheck } from "./announce.server";
import { publishingLimits } from "./content";
import { readPublished, rolledBack } from "./dry-run.server";
import { type EditorialText, editorialText } from "./editorial-text";
import { recordFactCheckChange } from "./fact-check-change.server";
import { freezeContent } from "./frozen-content.server";
import { indexForSearch } from "./public-index.server";
import type { PublishedFactCheck } from "./public-fact-check.server";
import { assertReady, publishReadiness } from "./readiness.server";
import { PublishRefused, requirePublisher } from "./refused";
import { firstFreeSlug, slugify, slugPattern } from "./slug";

type Tx = Prisma.TransactionClient;

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

export async function publishFactCheck(actor: Actor, input: PublishInput) {
  requirePublisher(actor);
  const text = editorialText(input);
  const slug = publicationSlug(input);
  const result = await prisma.$transaction((tx) => writePublication(tx, actor, input.articleId, slug, text)).catch(uniqueSlug);
  await announceFactCheck(result, "factcheck.publish");
  return result;
}

/** What publishFactCheck would put on the public page now, exactly, without publishing it (editors' preview). */
export async function draftPublication(actor: Actor, input: PublishInput): Promise<PublishedFactCheck> {
  requirePublisher(actor);
  const text = editorialText(input);
  const slug = publicationSlug(input);
  return rolledBack(async (tx) => {
    const written = await writePublication(tx, actor, input.articleId, slug, text);
    return readPublished(tx, written.slug);
  }).catch(uniqueSlug);
}

async function writePublication(tx: Tx, actor: Actor, articleId: string, slug: string, text: EditorialText) {
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
  const content = await freezeContent(tx, article.id, new Map());
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
  await recordFactCheckChange(tx, actor, factCheck, {
    action: "factcheck.publish",
    articleStatus: "PUBLISHED",
    after: { slug, version: 1, ...text, claims: content.claims.length },
  });
  return factCheck;
}

/** Two editors publishing the same slug at once: the loser hears "slug taken", not a database error. */
function uniqueSlug(error: unknown): never {
  if (error && typeof error === "object" && "code" in error && (error as { code?: string }).code === "P2002") {
    const target = JSON.stringify((error as { meta?: unknown }).meta ?? "");
    throw new PublishRefused(target.includes("articleId") ? "alreadyPublished" : "slugTaken", { field: "slug" });
  }
  throw error;
}
