// The desk at a glance. One query, whatever the size of the desk — and counting a large archive costs
// tens of milliseconds, on the page everyone lands on, so each process keeps the figures for a few seconds
// and forgets them when the live bus announces a change on the desk.
import { prisma } from "~/db/client.server";
import { liveCache } from "~/live/cache.server";
import { topic } from "~/live/topics";

export type DeskSummary = { articles: number; claims: number; openClaims: number; published: number };

const summary = liveCache<void, DeskSummary>({ load: countDesk, topicsOf: () => [topic.desk, topic.anyArticle, topic.factChecks], ttlMs: 5_000 });

/** The desk's figures, at most 5 s old (changes announced on the live bus drop them at once). */
export function deskSummary(): Promise<DeskSummary> {
  return summary.get();
}

async function countDesk(): Promise<DeskSummary> {
  const [row] = await prisma.$queryRaw<{ articles: bigint; claims: bigint; open_claims: bigint; published: bigint }[]>`
    SELECT (SELECT count(*) FROM "Article") AS articles,
           (SELECT count(*) FROM "Claim" WHERE "deletedAt" IS NULL) AS claims,
           (SELECT count(*) FROM "Claim" WHERE "deletedAt" IS NULL AND status NOT IN ('APPROVED', 'NOT_CHECKABLE')) AS open_claims,
           (SELECT count(*) FROM "Article" WHERE status = 'PUBLISHED') AS published`;
  return {
    articles: Number(row?.articles ?? 0),
    claims: Number(row?.claims ?? 0),
    openClaims: Number(row?.open_claims ?? 0),
    published: Number(row?.published ?? 0),
  };
}

export type ReadyArticle = { id: string; title: string; claims: number };

/**
 * Articles an editor can publish now: every claim approved or not checkable, one approved at least, no
 * fact-check yet. Driven from the approved claims (indexed by status), newest activity first.
 */
export async function readyToPublish(limit = 10): Promise<ReadyArticle[]> {
  const rows = await prisma.$queryRaw<{ id: string; title: string; claims: bigint }[]>`
    SELECT a.id, a.title, (SELECT count(*) FROM "Claim" c WHERE c."articleId" = a.id AND c."deletedAt" IS NULL) AS claims
    FROM "Article" a
    WHERE a.id IN (SELECT "articleId" FROM "Claim" WHERE status = 'APPROVED' AND "deletedAt" IS NULL)
      AND NOT EXISTS (SELECT 1 FROM "FactCheck" f WHERE f."articleId" = a.id)
      AND NOT EXISTS (
        SELECT 1 FROM "Claim" c
        WHERE c."articleId" = a.id AND c."deletedAt" IS NULL AND c.status NOT IN ('APPROVED', 'NOT_CHECKABLE'))
    ORDER BY a."updatedAt" DESC, a.id
    LIMIT ${limit}`;
  return rows.map((row) => ({ id: row.id, title: row.title, claims: Number(row.claims) }));
}

export type RecentFactCheck = { articleId: string; slug: string; headline: string; status: "PUBLISHED" | "WITHDRAWN"; version: number; at: Date };

/** The newsroom's latest publications, corrections and withdrawals. */
export async function recentFactChecks(limit = 5): Promise<RecentFactCheck[]> {
  const rows = await prisma.factCheck.findMany({
    orderBy: [{ lastPublishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { articleId: true, slug: true, headline: true, status: true, currentVersion: true, lastPublishedAt: true, withdrawnAt: true },
  });
  return rows.map((row) => ({
    articleId: row.articleId,
    slug: row.slug,
    headline: row.headline,
    status: row.status,
    version: row.currentVersion,
    at: row.withdrawnAt ?? row.lastPublishedAt,
  }));
}
