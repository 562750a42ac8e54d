// The editor's board for one article: its claims by status, who has each, due dates, the latest verdict.
// A fixed number of queries whatever the number of claims (tested).
import { prisma } from "~/db/client.server";
import type { ClaimStatus } from "~/generated/prisma/enums";
import { boardColumns } from "./lifecycle";

export async function articleBoard(articleId: string) {
  const claims = await prisma.claim.findMany({
    where: { articleId, deletedAt: null },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    select: {
      id: true,
      wording: true,
      status: true,
      assignments: {
        where: { endedAt: null },
        take: 1,
        select: { dueAt: true, reviewer: { select: { id: true, name: true } } },
      },
      verdicts: {
        orderBy: { version: "desc" },
        take: 1,
        select: { status: true, rating: { select: { labelEn: true, labelId: true, colour: true, value: true } } },
      },
    },
  });
  const now = Date.now();
  const cards = claims.map(({ assignments, verdicts, ...claim }) => {
    const assignment = assignments[0];
    return {
      ...claim,
      reviewer: assignment?.reviewer ?? null,
      dueAt: assignment?.dueAt ?? null,
      overdue: Boolean(assignment?.dueAt && assignment.dueAt.getTime() < now && claim.status !== "APPROVED"),
      verdict: verdicts[0] ?? null,
    };
  });
  const columns = boardColumns.map((status) => ({ status, claims: cards.filter((c) => c.status === status) }));
  return { columns, total: cards.length } satisfies { columns: { status: ClaimStatus; claims: unknown[] }[]; total: number };
}

/** Whether every claim id is a live claim of the article (forms may not reach across articles). */
export async function claimsBelongTo(articleId: string, claimIds: string[]) {
  const count = await prisma.claim.count({ where: { articleId, id: { in: claimIds }, deletedAt: null } });
  return count === new Set(claimIds).size;
}
