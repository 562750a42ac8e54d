// The desk at a glance. One query, whatever the size of the desk.
import { prisma } from "~/db/client.server";

export type DeskSummary = { articles: number; claims: number; openClaims: number; published: number };

export async function deskSummary(): Promise<DeskSummary> {
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
