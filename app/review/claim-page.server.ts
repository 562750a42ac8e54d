// What the claim page shows about the claim itself: its text in context, its article, who has it.
import type { Actor } from "~/auth/actor";
import { claimFields } from "~/claims/claims.server";
import { paragraphSpans } from "~/claims/spans";
import { prisma } from "~/db/client.server";
import { claimAccess } from "~/auth/claim-access.server";

async function blindReviewOn() {
  return (await prisma.newsroomSettings.findUnique({ where: { id: 1 }, select: { blindSecondReview: true } }))?.blindSecondReview ?? false;
}

/**
 * The claim if the viewer may read it (the rule: app/auth/claim-access.ts), with the viewer's access: editors and
 * admins any claim, reviewers the ones assigned to them — and blind second reviewers the ones open for
 * their review (what they then see of the others' work is cut by `access`).
 */
export async function readableClaim(viewer: Actor, claimId: string) {
  const found = await claimAccess(viewer, claimId);
  if (!found) return null;
  const claim = await prisma.claim.findFirst({
    where: { id: found.claim.id, deletedAt: null },
    select: {
      ...claimFields,
      notCheckableReason: true,
      article: { select: { id: true, title: true, body: true, outlet: true, language: true } },
      assignments: {
        where: { endedAt: null },
        take: 1,
        select: { dueAt: true, note: true, reviewer: { select: { id: true, name: true } } },
      },
    },
  });
  if (!claim) return null;
  const { article, assignments, ...rest } = claim;
  const paragraph = paragraphSpans(article.body).find((p) => p.start <= claim.start && p.end >= claim.start) ?? { start: claim.start, end: claim.end };
  return {
    ...rest,
    access: found.access,
    article: { id: article.id, title: article.title, outlet: article.outlet, language: article.language },
    context: {
      before: article.body.slice(paragraph.start, claim.start),
      quote: article.body.slice(claim.start, Math.min(claim.end, paragraph.end)),
      after: article.body.slice(Math.min(claim.end, paragraph.end), paragraph.end),
    },
    assignment: assignments[0] ?? null,
  };
}

/** For the reviewer's queue: claims waiting for a blind second review by this reviewer (none when it is off). */
export async function secondReviewQueue(reviewerId: string) {
  if (!(await blindReviewOn())) return [];
  return prisma.claim.findMany({
    where: {
      deletedAt: null,
      status: "VERDICT_PROPOSED",
      assignments: { none: { reviewerId, endedAt: null } },
      verdicts: { none: { proposedById: reviewerId, status: { not: "SUPERSEDED" } } },
    },
    orderBy: { updatedAt: "asc" },
    take: 50,
    select: { id: true, wording: true, article: { select: { title: true } } },
  });
}
