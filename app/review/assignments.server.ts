// Assignments: an editor gives claims to a reviewer (one or many at once), with an optional due date
// and note; reassigning ends the previous assignment, unassigning ends it and reopens the claim.
import { recordAudit } from "~/audit/audit.server";
import { userCan } from "~/auth/permissions";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db/client.server";
import { publishChange } from "~/live/bus.server";
import { type CalendarDay, endOfDay, isOverdue } from "~/newsroom/clock";
import { getNewsroom } from "~/newsroom/settings.server";
import { notify } from "~/notifications/notifications.server";
import { nextStatus, TransitionRefused } from "./lifecycle";

export class AssignmentRefused extends Error {
  constructor(readonly reason: "notReviewer" | "notAllowed" | "noClaims") {
    super(reason);
  }
}

/** People who can take a claim: active accounts whose role may propose verdicts. */
export function assignableReviewers() {
  return prisma.user.findMany({
    where: { active: true, role: { permissions: { some: { permission: { action: "propose", entity: "verdict" } } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}

/**
 * When work due on a calendar day ("2026-12-05", as a date input sends it) is due: the end of that day in
 * the newsroom's time zone — never the server's. It reads back as that same day (newsroomClock).
 */
export async function deadlineOn(day: CalendarDay): Promise<Date> {
  return endOfDay(day, (await getNewsroom()).timeZone);
}

export async function assignClaims(
  actor: SessionUser,
  input: { claimIds: string[]; reviewerId: string; dueAt: Date | null; note: string | null },
) {
  if (!userCan(actor, "assign:claim:any")) throw new AssignmentRefused("notAllowed");
  if (input.claimIds.length === 0) throw new AssignmentRefused("noClaims");
  const reviewers = await assignableReviewers();
  if (!reviewers.some((r) => r.id === input.reviewerId)) throw new AssignmentRefused("notReviewer");

  const touched = await prisma.$transaction(async (tx) => {
    const claims = await tx.claim.findMany({
      where: { id: { in: input.claimIds }, deletedAt: null },
      select: { id: true, status: true, articleId: true, assignments: { where: { endedAt: null }, select: { id: true, reviewerId: true } } },
    });
    if (claims.length !== new Set(input.claimIds).size) throw new AssignmentRefused("noClaims");
    const now = new Date();
    for (const claim of claims) {
      const status = nextStatus(claim.status, "assign");
      const previous = claim.assignments[0];
      if (previous) await tx.assignment.update({ where: { id: previous.id }, data: { endedAt: now } });
      const assignment = await tx.assignment.create({
        data: { claimId: claim.id, reviewerId: input.reviewerId, assignedById: actor.id, dueAt: input.dueAt, note: input.note },
        select: { id: true, claimId: true, reviewerId: true, dueAt: true, note: true },
      });
      await tx.claim.update({ where: { id: claim.id }, data: { status, version: { increment: 1 } } });
      await notify(tx, { recipientId: input.reviewerId, actorId: actor.id, kind: "ASSIGNMENT", claimId: claim.id, excerpt: input.note });
      await recordAudit(tx, {
        actorId: actor.id,
        action: previous ? "claim.reassign" : "claim.assign",
        entityType: "Claim",
        entityId: claim.id,
        before: { status: claim.status, reviewerId: previous?.reviewerId ?? null },
        after: { status, ...assignment },
      });
    }
    return claims.map((c) => ({ claimId: c.id, articleId: c.articleId, previousReviewer: c.assignments[0]?.reviewerId }));
  });
  await publishChange(
    [
      "desk",
      `queue:${input.reviewerId}`,
      `notifications:${input.reviewerId}`,
      ...touched.flatMap((t) => [`claim:${t.claimId}`, `article:${t.articleId}`, ...(t.previousReviewer ? [`queue:${t.previousReviewer}`] : [])]),
    ],
    "assignment",
  );
  return touched.length;
}

export async function unassignClaim(actor: SessionUser, claimId: string) {
  if (!userCan(actor, "assign:claim:any")) throw new AssignmentRefused("notAllowed");
  const result = await prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({
      where: { id: claimId, deletedAt: null },
      select: { id: true, status: true, articleId: true, assignments: { where: { endedAt: null }, select: { id: true, reviewerId: true } } },
    });
    if (!claim) throw new AssignmentRefused("noClaims");
    const status = nextStatus(claim.status, "unassign");
    await tx.assignment.updateMany({ where: { claimId, endedAt: null }, data: { endedAt: new Date() } });
    await tx.claim.update({ where: { id: claimId }, data: { status, version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "claim.unassign",
      entityType: "Claim",
      entityId: claimId,
      before: { status: claim.status, reviewerId: claim.assignments[0]?.reviewerId ?? null },
      after: { status, reviewerId: null },
    });
    return claim;
  });
  const previous = result.assignments[0]?.reviewerId;
  await publishChange(["desk", `claim:${claimId}`, `article:${result.articleId}`, ...(previous ? [`queue:${previous}`] : [])], "assignment");
}

/** The reviewer's queue: their open claims, overdue first, then by due date, then oldest assignment. */
export async function reviewerQueue(reviewerId: string, now = new Date()) {
  const assignments = await prisma.assignment.findMany({
    where: { reviewerId, endedAt: null, claim: { deletedAt: null, status: { in: ["ASSIGNED", "IN_RESEARCH", "VERDICT_PROPOSED"] } } },
    select: {
      dueAt: true,
      note: true,
      createdAt: true,
      claim: { select: { id: true, wording: true, status: true, article: { select: { id: true, title: true } } } },
    },
  });
  const time = (d: Date | null) => (d ? d.getTime() : Number.POSITIVE_INFINITY);
  return assignments
    .map((a) => ({ ...a, overdue: isOverdue(a.dueAt, now) }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || time(a.dueAt) - time(b.dueAt) || a.createdAt.getTime() - b.createdAt.getTime());
}

/** Open claims per person on the desk (workload), in one query. */
export async function deskWorkload(now = new Date()) {
  const [people, counts] = await Promise.all([
    assignableReviewers(),
    prisma.assignment.groupBy({
      by: ["reviewerId"],
      where: { endedAt: null, claim: { deletedAt: null, status: { in: ["ASSIGNED", "IN_RESEARCH", "VERDICT_PROPOSED"] } } },
      _count: { _all: true },
    }),
  ]);
  const overdue = await prisma.assignment.groupBy({
    by: ["reviewerId"],
    where: { endedAt: null, dueAt: { lt: now }, claim: { deletedAt: null, status: { in: ["ASSIGNED", "IN_RESEARCH", "VERDICT_PROPOSED"] } } },
    _count: { _all: true },
  });
  const countOf = (rows: typeof counts, id: string) => rows.find((r) => r.reviewerId === id)?._count._all ?? 0;
  return people.map((p) => ({ ...p, open: countOf(counts, p.id), overdue: countOf(overdue, p.id) })).sort((a, b) => b.open - a.open || a.name.localeCompare(b.name));
}

export { TransitionRefused };
