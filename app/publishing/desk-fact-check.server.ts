// An article's fact-check as the desk reads it: what the editor's page and the exports show.
import { prisma } from "~/db/client.server";
import type { PublishedContent } from "./content";

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
      withdrawnAt: true,
      withdrawalReason: true,
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
