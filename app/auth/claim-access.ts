// The one rule for who may read and act on a claim (pure; the facts it needs are read in one query by
// ./claim-access.server.ts). Every reader of a claim asks it: the claim page and its History tab, the
// discussion, the sources and their archive copies, live topics (`claim:<id>`, `article:<id>`).
//
//   desk      read:article:any (editors, admins): the whole claim, before and after settlement.
//   primary   read:article:own and the claim's current assignee.
//   blind     a blind second reviewer: read:article:own and propose:verdict:own, never approve:verdict:any,
//             not the assignee; while the newsroom has blind second review on and the claim is in research
//             or proposed — or, whatever the setting and status, once they took part (a blind verdict,
//             comment or source of theirs is on the claim).
//
// Blind cuts both ways. Until the claim is settled (APPROVED or NOT_CHECKABLE) each blind reviewer has
// their own lane: they see only their own verdicts, comments and sources, and the primary reviewer sees
// none of theirs; the desk sees every lane. Once settled, whoever may read the claim sees everything.
//
// Settled means settled: nobody changes a settled claim's wording, span or sources (an editor reopens it
// first, see docs/decisions/0014-settled-claims.md). The claims a fact-check publishes are the settled ones
// (publishing/readiness.server.ts and frozen-content.server.ts use `settledStatuses` from here), so the
// editors' exports (publishing/exports.server.ts, publish:factcheck:any) carry only that frozen record,
// in which every lane is visible, as the rule says of a settled claim.
import type { Actor } from "~/auth/actor";
import { userCan } from "~/auth/permissions";
import type { ClaimStatus } from "~/generated/prisma/enums";

export type ClaimRole = "desk" | "primary" | "blind";

/** What the rule needs to know about the claim and the viewer's part in it. */
export type ClaimFacts = {
  status: ClaimStatus;
  /** The current assignee's id (the primary reviewer), if any. */
  assigneeId: string | null;
  /** The newsroom setting `blindSecondReview`. */
  blindSecondReview: boolean;
  /** The viewer has a blind verdict, a blind comment or a blind source on the claim. */
  tookPartBlind: boolean;
};

export const settledStatuses: readonly ClaimStatus[] = ["APPROVED", "NOT_CHECKABLE"];

/** Statuses in which a blind second reviewer may open a claim they have not yet worked on. */
export const openForSecondReview: readonly ClaimStatus[] = ["IN_RESEARCH", "VERDICT_PROPOSED"];

export function isSettled(status: ClaimStatus) {
  return settledStatuses.includes(status);
}

/** Something that belongs to one lane of the review: a comment, a source, a verdict. */
export type LaneItem = { blind: boolean; authorId: string };

export type ClaimAccess = {
  role: ClaimRole;
  settled: boolean;
  /** Sees every lane: the desk, and everyone once the claim is settled. */
  seesAll: boolean;
  /** May write in the discussion. */
  mayComment: boolean;
  /** May add, retry and remove sources (never on a settled claim). */
  mayEditSources: boolean;
  /** What this viewer writes now goes into their blind lane. */
  writesBlind: boolean;
};

/** The viewer's access to the claim, or null when they may not read it at all. */
export function claimAccessFor(viewer: Actor, facts: ClaimFacts): ClaimAccess | null {
  const settled = isSettled(facts.status);
  let role: ClaimRole | null = null;
  if (userCan(viewer, "read:article:any")) role = "desk";
  else if (userCan(viewer, "read:article:own") && facts.assigneeId === viewer.id) role = "primary";
  else if (
    userCan(viewer, "read:article:own") &&
    userCan(viewer, "propose:verdict:own") &&
    !userCan(viewer, "approve:verdict:any") &&
    (facts.tookPartBlind || (facts.blindSecondReview && openForSecondReview.includes(facts.status)))
  ) {
    role = "blind";
  }
  if (!role) return null;
  const mayEditSources =
    !settled && (userCan(viewer, "update:claim:any") || (userCan(viewer, "update:claim:own") && (role === "primary" || role === "blind")));
  return {
    role,
    settled,
    seesAll: role === "desk" || settled,
    mayComment: true,
    mayEditSources,
    writesBlind: role === "blind" && !settled,
  };
}

/** Whether the viewer with `access` sees `item` (a comment, source or verdict) now. */
export function seesLaneItem(viewer: { id: string }, access: ClaimAccess, item: LaneItem) {
  if (access.seesAll) return true;
  if (access.role === "blind") return item.blind && item.authorId === viewer.id;
  return !item.blind;
}
