// Whether an article's fact-check can be published: every claim settled on the desk, one at least rated.
import { settledStatuses } from "~/auth/claim-access";
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { ClaimStatus } from "~/generated/prisma/enums";
import { PublishRefused } from "./refused";

type Tx = Prisma.TransactionClient;

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

export function assertReady(readiness: Readiness) {
  if (readiness.open.length) throw new PublishRefused("notReady", { claims: readiness.open });
  if (readiness.rated === 0) throw new PublishRefused("noRatedClaims");
}

