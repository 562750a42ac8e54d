// The decisions queue: proposed verdicts waiting for an editor's decision (approve, return, not checkable).
//
// A claim waits for a decision while it is VERDICT_PROPOSED: its primary (non-blind) verdict is PROPOSED.
// Blind second-review verdicts never make a claim wait (they leave its status alone), and nothing here
// names a rating or a rationale, so the list and its notifications reveal nothing blind review withholds.
//
// Who decides: whoever holds `approve:verdict:any` (editors and admins by the default grants). Four-eyes
// also shapes what waits for *you*: a claim on which you have an open proposal (primary or blind) can never
// be approved by you (approveVerdict refuses it), so it is left out of your list and your count.
//
// Changes to the set are announced on the live topic `decisions` (watched by deciders only, see
// app/live/topics.server.ts): every proposal, return, approval and not-checkable decision publishes it.
import type { Actor } from "~/auth/actor";
import { userCan } from "~/auth/permissions";
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";

type Db = Pick<Prisma.TransactionClient, "user">;

export type WaitingDecision = {
  claim: { id: string; wording: string };
  article: { id: string; title: string };
  proposedBy: { id: string; name: string };
  proposedAt: Date;
  /** Whole minutes since the proposal, computed on the server (the page formats it, server and client alike). */
  ageMinutes: number;
};

/** Claims waiting for `viewer`'s decision (see above); empty for someone who may not decide. */
function waitingWhere(viewer: Actor): Prisma.VerdictWhereInput {
  return {
    blind: false,
    status: "PROPOSED",
    proposedById: { not: viewer.id },
    claim: {
      deletedAt: null,
      status: "VERDICT_PROPOSED",
      verdicts: { none: { proposedById: viewer.id, status: "PROPOSED" } },
    },
  };
}

/** Proposed verdicts waiting for `viewer`'s decision, oldest first. */
export async function waitingDecisions(viewer: Actor, options: { limit?: number; now?: Date } = {}): Promise<WaitingDecision[]> {
  if (!userCan(viewer, "approve:verdict:any")) return [];
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const now = (options.now ?? new Date()).getTime();
  const rows = await prisma.verdict.findMany({
    where: waitingWhere(viewer),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: {
      createdAt: true,
      proposedBy: { select: { id: true, name: true } },
      claim: { select: { id: true, wording: true, article: { select: { id: true, title: true } } } },
    },
  });
  return rows.map((row) => ({
    claim: { id: row.claim.id, wording: row.claim.wording },
    article: row.claim.article,
    proposedBy: row.proposedBy,
    proposedAt: row.createdAt,
    ageMinutes: Math.max(0, Math.floor((now - row.createdAt.getTime()) / 60_000)),
  }));
}

/** How many proposed verdicts wait for `viewer`'s decision (0 for someone who may not decide). */
export async function waitingDecisionCount(viewer: Actor): Promise<number> {
  if (!userCan(viewer, "approve:verdict:any")) return 0;
  return prisma.verdict.count({ where: waitingWhere(viewer) });
}

/** The active people who may decide on a verdict (they are told when one is proposed). */
export async function activeDeciders(db: Db = prisma): Promise<{ id: string }[]> {
  return db.user.findMany({
    where: { active: true, role: { permissions: { some: { permission: { action: "approve", entity: "verdict", access: "any" } } } } },
    orderBy: { name: "asc" },
    select: { id: true },
  });
}
