// The claim lifecycle, enforced on the server. Pure: the table of allowed moves and who may make them.
//
//   UNASSIGNED → ASSIGNED → IN_RESEARCH → VERDICT_PROPOSED → APPROVED
//   an editor can return a proposed verdict (→ IN_RESEARCH) or mark a claim NOT_CHECKABLE with a reason,
//   and reopen a settled claim for review, with a reason: NOT_CHECKABLE → UNASSIGNED, APPROVED → IN_RESEARCH
//   (its reviewer proposes again and another editor approves: four-eyes again; decision 0014).
import type { ClaimStatus } from "~/generated/prisma/enums";
import { Refusal } from "~/utils/refusal";

export type ClaimMove =
  | "assign" // UNASSIGNED → ASSIGNED (also reassigning keeps ASSIGNED/IN_RESEARCH)
  | "unassign" // ASSIGNED | IN_RESEARCH → UNASSIGNED
  | "startResearch" // ASSIGNED → IN_RESEARCH (the reviewer's first source, or "start")
  | "proposeVerdict" // IN_RESEARCH | ASSIGNED → VERDICT_PROPOSED
  | "returnVerdict" // VERDICT_PROPOSED → IN_RESEARCH (an editor, with a comment)
  | "approveVerdict" // VERDICT_PROPOSED → APPROVED (an editor who did not propose it)
  | "markNotCheckable" // any open state → NOT_CHECKABLE (an editor, with a reason)
  | "settleFromCheckedBefore" // any open state → APPROVED (an editor, taking a linked earlier check's rating; decision 0021)
  | "reopen" // NOT_CHECKABLE → UNASSIGNED (an editor)
  | "reopenApproved"; // APPROVED → IN_RESEARCH (an editor, with a reason; the approved verdict stays on record)

export const claimMoves: Record<ClaimMove, { from: readonly ClaimStatus[]; to: ClaimStatus | "same" }> = {
  assign: { from: ["UNASSIGNED", "ASSIGNED", "IN_RESEARCH"], to: "same" },
  unassign: { from: ["ASSIGNED", "IN_RESEARCH"], to: "UNASSIGNED" },
  startResearch: { from: ["ASSIGNED"], to: "IN_RESEARCH" },
  proposeVerdict: { from: ["ASSIGNED", "IN_RESEARCH"], to: "VERDICT_PROPOSED" },
  returnVerdict: { from: ["VERDICT_PROPOSED"], to: "IN_RESEARCH" },
  approveVerdict: { from: ["VERDICT_PROPOSED"], to: "APPROVED" },
  markNotCheckable: { from: ["UNASSIGNED", "ASSIGNED", "IN_RESEARCH", "VERDICT_PROPOSED"], to: "NOT_CHECKABLE" },
  settleFromCheckedBefore: { from: ["UNASSIGNED", "ASSIGNED", "IN_RESEARCH", "VERDICT_PROPOSED"], to: "APPROVED" },
  reopen: { from: ["NOT_CHECKABLE"], to: "UNASSIGNED" },
  reopenApproved: { from: ["APPROVED"], to: "IN_RESEARCH" },
};

/** The claim's status does not allow the move (someone moved it meanwhile, or the request is stale). */
export class TransitionRefused extends Refusal<"transition"> {
  constructor(
    readonly move: ClaimMove,
    readonly from: ClaimStatus,
  ) {
    super("transition", { status: 409, messageKey: "verdict.error.transition", message: `a claim that is ${from} cannot ${move}` });
  }
}

/** The status after `move`, or TransitionRefused. Assigning an unassigned claim makes it ASSIGNED. */
export function nextStatus(from: ClaimStatus, move: ClaimMove): ClaimStatus {
  const rule = claimMoves[move];
  if (!rule.from.includes(from)) throw new TransitionRefused(move, from);
  if (rule.to !== "same") return rule.to;
  return from === "UNASSIGNED" ? "ASSIGNED" : from;
}

export function canMove(from: ClaimStatus, move: ClaimMove): boolean {
  return claimMoves[move].from.includes(from);
}

/** Statuses in board order. */
export const boardColumns: readonly ClaimStatus[] = ["UNASSIGNED", "ASSIGNED", "IN_RESEARCH", "VERDICT_PROPOSED", "APPROVED", "NOT_CHECKABLE"];

export const openStatuses: readonly ClaimStatus[] = ["ASSIGNED", "IN_RESEARCH", "VERDICT_PROPOSED"];
