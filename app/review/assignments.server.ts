// Assignments: an editor gives claims to a reviewer (one or many at once), with an optional due date
// and note; reassigning ends the previous assignment, unassigning ends it and reopens the claim.
import { recordAudit } from "~/audit/audit.server";
import { userCan } from "~/auth/permissions";
import type { Actor } from "~/auth/actor";
import { prisma } from "~/db/client.server";
import { publishChange } from "~/live/bus.server";
import { topic } from "~/live/topics";
import { type CalendarDay, endOfDay, isOverdue } from "~/newsroom/clock";
import { getNewsroom } from "~/newsroom/settings.server";
import { notify } from "~/notifications/notifications.server";
import { nextStatus, openStatuses, TransitionRefused } from "./lifecycle";
import { isUuid } from "~/utils/input";
import { Refusal } from "~/utils/refusal";

export type AssignmentRefusal = "notReviewer" | "notAllowed" | "noClaims";

/** The person cannot take claims (notReviewer), the role may not assign, or no claim was chosen. */
export class AssignmentRefused extends Refusal<AssignmentRefusal> {
  constructor(reason: AssignmentRefusal) {
    super(reason, { status: 400, messageKey: reason === "notReviewer" ? "board.notReviewer" : "board.chooseClaims" });
  }
}

/** A person on the desk with their open claims (assigned, not yet settled) and how many of those are overdue. */
export type ReviewerLoad = { id: string; name: string; open: number; overdue: number; assignable: boolean };


/**
 * People with their open claims and overdue count, in one query. Open: a current assignment on a claim
 * that is ASSIGNED, IN_RESEARCH or VERDICT_PROPOSED; overdue: open with `dueAt` before `now` (the
 * app's clock, as the board and the queue use it). `assignable` marks who may take a claim: an active account whose role may propose verdicts and
 * may not decide on any claim — those who decide (editors, admins) propose without an assignment when they
 * must, and the verdicts of the people they assign are what they decide on. `withOpenWork` also returns
 * people who are not assignable (deactivated, role changed) but still hold open claims.
 */
async function reviewerLoads(options: { only?: string; withOpenWork?: boolean; now?: Date } = {}): Promise<ReviewerLoad[]> {
  if (options.only !== undefined && !isUuid(options.only)) return [];
  const only = options.only ?? null;
  const rows = await prisma.$queryRaw<{ id: string; name: string; open: number; overdue: number; assignable: boolean }[]>`
    WITH load AS (
      SELECT a."reviewerId", count(*)::int AS open, (count(*) FILTER (WHERE a."dueAt" < ${options.now ?? new Date()}))::int AS overdue
      FROM "Assignment" a
      JOIN "Claim" c ON c.id = a."claimId"
      WHERE a."endedAt" IS NULL AND c."deletedAt" IS NULL AND c.status::text = ANY(${[...openStatuses]}::text[])
      GROUP BY a."reviewerId"
    ), people AS (
      SELECT u.id, u.name,
        u.active
          AND EXISTS (SELECT 1 FROM "RolePermission" rp JOIN "Permission" p ON p.id = rp."permissionId"
                      WHERE rp."roleId" = u."roleId" AND p.action = 'propose' AND p.entity = 'verdict')
          AND NOT EXISTS (SELECT 1 FROM "RolePermission" rp JOIN "Permission" p ON p.id = rp."permissionId"
                          WHERE rp."roleId" = u."roleId" AND p.action = 'approve' AND p.entity = 'verdict' AND p.access = 'any')
          AS assignable
      FROM "User" u
      WHERE ${only}::text IS NULL OR u.id::text = ${only}
    )
    SELECT people.id::text AS id, people.name, coalesce(load.open, 0) AS open, coalesce(load.overdue, 0) AS overdue, people.assignable
    FROM people LEFT JOIN load ON load."reviewerId" = people.id
    WHERE people.assignable OR (${options.withOpenWork ?? false} AND load.open > 0)
    ORDER BY people.name, people.id`;
  return rows;
}

/** Who may take a claim (see reviewerLoads), by name, each with their open claims and overdue count. */
export function assignableReviewers(): Promise<ReviewerLoad[]> {
  return reviewerLoads();
}

/** True when `userId` may take a claim now. */
export async function mayTakeClaims(userId: string): Promise<boolean> {
  return (await reviewerLoads({ only: userId })).length === 1;
}

/**
 * When work due on a calendar day ("2026-12-05", as a date input sends it) is due: the end of that day in
 * the newsroom's time zone — never the server's. It reads back as that same day (newsroomClock).
 */
export async function deadlineOn(day: CalendarDay): Promise<Date> {
  return endOfDay(day, (await getNewsroom()).timeZone);
}

export async function assignClaims(
  actor: Actor,
  input: { claimIds: string[]; reviewerId: string; dueAt: Date | null; note: string | null },
) {
  if (!userCan(actor, "assign:claim:any")) throw new AssignmentRefused("notAllowed");
  if (input.claimIds.length === 0) throw new AssignmentRefused("noClaims");
  if (!(await mayTakeClaims(input.reviewerId))) throw new AssignmentRefused("notReviewer");

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
      topic.desk,
      topic.queue(input.reviewerId),
      topic.notifications(input.reviewerId),
      ...touched.flatMap((t) => [topic.claim(t.claimId), topic.article(t.articleId), ...(t.previousReviewer ? [topic.queue(t.previousReviewer)] : [])]),
    ],
    "assignment",
  );
  return touched.length;
}

export async function unassignClaim(actor: Actor, claimId: string) {
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
  await publishChange([topic.desk, topic.claim(claimId), topic.article(result.articleId), ...(previous ? [topic.queue(previous)] : [])], "assignment");
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

/**
 * Open claims per person on the desk (workload), in one query: everyone who may take claims, and anyone
 * else still holding open ones; busiest first.
 */
export async function deskWorkload(now = new Date()): Promise<ReviewerLoad[]> {
  const people = await reviewerLoads({ withOpenWork: true, now });
  return people.sort((a, b) => b.open - a.open || a.name.localeCompare(b.name));
}

/** One person's load as the workload shows it, or null for someone who neither reviews nor holds open claims. */
export async function reviewerLoad(userId: string): Promise<ReviewerLoad | null> {
  return (await reviewerLoads({ only: userId, withOpenWork: true }))[0] ?? null;
}

export { TransitionRefused };
