// The editor's board for one article: its claims by status, who has each, due dates, the latest verdict.
// A fixed number of queries whatever the number of claims (tested).
import { prisma } from "~/db/client.server";
import type { ClaimStatus } from "~/generated/prisma/enums";
import { boardColumns } from "./lifecycle";

type BoardRow = {
  id: string;
  wording: string;
  status: ClaimStatus;
  dueAt: Date | null;
  reviewerName: string | null;
  verdictStatus: string | null;
  labelEn: string | null;
  labelId: string | null;
  value: number | null;
};

/** One query: each live claim with its current assignee and its latest verdict's label. */
export async function articleBoard(articleId: string) {
  const rows = await prisma.$queryRaw<BoardRow[]>`
    SELECT c.id, c.wording, c.status::text AS status, a."dueAt", u.name AS "reviewerName",
           v.status::text AS "verdictStatus", r."labelEn", r."labelId", r.value
    FROM "Claim" c
    LEFT JOIN "Assignment" a ON a."claimId" = c.id AND a."endedAt" IS NULL
    LEFT JOIN "User" u ON u.id = a."reviewerId"
    LEFT JOIN LATERAL (
      SELECT status, "ratingId" FROM "Verdict" WHERE "claimId" = c.id ORDER BY version DESC LIMIT 1
    ) v ON true
    LEFT JOIN "RatingLabel" r ON r.id = v."ratingId"
    WHERE c."articleId" = ${articleId}::uuid AND c."deletedAt" IS NULL
    ORDER BY c.start, c."end" DESC`;
  const now = Date.now();
  const cards = rows.map((row) => ({
    id: row.id,
    wording: row.wording,
    status: row.status,
    reviewer: row.reviewerName,
    dueAt: row.dueAt,
    overdue: Boolean(row.dueAt && row.dueAt.getTime() < now && row.status !== "APPROVED"),
    verdict: row.verdictStatus && row.labelEn ? { status: row.verdictStatus, labelEn: row.labelEn, labelId: row.labelId ?? row.labelEn, value: row.value ?? 0 } : null,
  }));
  const columns = boardColumns.map((status) => ({ status, claims: cards.filter((c) => c.status === status) }));
  return { columns, total: cards.length };
}

/** Whether every claim id is a live claim of the article (forms may not reach across articles). */
export async function claimsBelongTo(articleId: string, claimIds: string[]) {
  const count = await prisma.claim.count({ where: { articleId, id: { in: claimIds }, deletedAt: null } });
  return count === new Set(claimIds).size;
}
