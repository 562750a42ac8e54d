// What the claim page shows about the claim itself: its text in context, its article, who has it.
import { userCan } from "~/auth/permissions";
import type { SessionUser } from "~/auth/session.server";
import { paragraphSpans } from "~/claims/spans";
import { prisma } from "~/db/client.server";

/** The claim if the viewer may read it: editors and admins any claim, reviewers the ones assigned to them. */
export async function readableClaim(viewer: SessionUser, claimId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(claimId)) return null;
  const claim = await prisma.claim.findFirst({
    where: {
      id: claimId,
      deletedAt: null,
      ...(userCan(viewer, "read:article:any") ? {} : { assignments: { some: { reviewerId: viewer.id, endedAt: null } } }),
    },
    select: {
      id: true,
      start: true,
      end: true,
      quote: true,
      wording: true,
      claimant: true,
      claimDate: true,
      appearance: true,
      status: true,
      notCheckableReason: true,
      version: true,
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
    article: { id: article.id, title: article.title, outlet: article.outlet, language: article.language },
    context: {
      before: article.body.slice(paragraph.start, claim.start),
      quote: article.body.slice(claim.start, Math.min(claim.end, paragraph.end)),
      after: article.body.slice(Math.min(claim.end, paragraph.end), paragraph.end),
    },
    assignment: assignments[0] ?? null,
  };
}
