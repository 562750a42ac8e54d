// The editor's board for one article: its claims by status, who has each, due dates, the latest verdict.
// One query whatever the number of claims (tested), and a short-lived cache in front of it.
import { prisma } from "~/db/client.server";
import type { ClaimStatus } from "~/generated/prisma/enums";
import { liveCache } from "~/live/cache.server";
import { topic } from "~/live/topics";
import { isOverdue } from "~/newsroom/clock";
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

/** Cards shown per column before "show all". */
export const boardColumnLimit = 50;

/** Each live claim with its current assignee and its latest verdict's label. */
function queryBoardRows(articleId: string) {
  return prisma.$queryRaw<BoardRow[]>`
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
}

// A board is read far more often than it changes (a desk of ten keeps it open). Each process keeps the
// rows of recently viewed boards until a change to the article is announced on the live bus, and for
// 10 s at most in any case.
const boardRows = liveCache<string, BoardRow[]>({
  load: queryBoardRows,
  topicsOf: (articleId) => [topic.article(articleId)],
  ttlMs: 10_000,
  maxEntries: 500,
});

export async function articleBoard(articleId: string, options: { expand?: ClaimStatus | null; now?: Date } = {}) {
  const rows = await boardRows.get(articleId);
  const now = options.now ?? new Date();
  const cards = rows.map((row) => ({
    id: row.id,
    wording: row.wording,
    status: row.status,
    reviewer: row.reviewerName,
    dueAt: row.dueAt,
    overdue: row.status !== "APPROVED" && isOverdue(row.dueAt, now),
    verdict: row.verdictStatus && row.labelEn ? { status: row.verdictStatus, labelEn: row.labelEn, labelId: row.labelId ?? row.labelEn, value: row.value ?? 0 } : null,
  }));
  // A long column shows its first cards and says how many more there are; `expand` opens one column in full.
  const columns = boardColumns.map((status) => {
    const all = cards.filter((c) => c.status === status);
    const shown = status === options.expand ? all : all.slice(0, boardColumnLimit);
    return { status, total: all.length, claims: shown };
  });
  return { columns, total: cards.length };
}

/** Whether every claim id is a live claim of the article (forms may not reach across articles). */
export async function claimsBelongTo(articleId: string, claimIds: string[]) {
  const count = await prisma.claim.count({ where: { articleId, id: { in: claimIds }, deletedAt: null } });
  return count === new Set(claimIds).size;
}
