import { describe, expect, it } from "vitest";
import type { ClaimStatus } from "~/generated/prisma/enums";
import { boardColumns, type ClaimMove, claimMoves, nextStatus, TransitionRefused } from "./lifecycle";

// Every (status, move) pair: the expected status after it, or "refused".
const table: Record<ClaimStatus, Record<ClaimMove, ClaimStatus | "refused">> = {
  UNASSIGNED: { assign: "ASSIGNED", unassign: "refused", startResearch: "refused", proposeVerdict: "refused", returnVerdict: "refused", approveVerdict: "refused", markNotCheckable: "NOT_CHECKABLE", settleFromCheckedBefore: "APPROVED", reopen: "refused", reopenApproved: "refused" },
  ASSIGNED: { assign: "ASSIGNED", unassign: "UNASSIGNED", startResearch: "IN_RESEARCH", proposeVerdict: "VERDICT_PROPOSED", returnVerdict: "refused", approveVerdict: "refused", markNotCheckable: "NOT_CHECKABLE", settleFromCheckedBefore: "APPROVED", reopen: "refused", reopenApproved: "refused" },
  IN_RESEARCH: { assign: "IN_RESEARCH", unassign: "UNASSIGNED", startResearch: "refused", proposeVerdict: "VERDICT_PROPOSED", returnVerdict: "refused", approveVerdict: "refused", markNotCheckable: "NOT_CHECKABLE", settleFromCheckedBefore: "APPROVED", reopen: "refused", reopenApproved: "refused" },
  VERDICT_PROPOSED: { assign: "refused", unassign: "refused", startResearch: "refused", proposeVerdict: "refused", returnVerdict: "IN_RESEARCH", approveVerdict: "APPROVED", markNotCheckable: "NOT_CHECKABLE", settleFromCheckedBefore: "APPROVED", reopen: "refused", reopenApproved: "refused" },
  APPROVED: { assign: "refused", unassign: "refused", startResearch: "refused", proposeVerdict: "refused", returnVerdict: "refused", approveVerdict: "refused", markNotCheckable: "refused", settleFromCheckedBefore: "refused", reopen: "refused", reopenApproved: "IN_RESEARCH" },
  NOT_CHECKABLE: { assign: "refused", unassign: "refused", startResearch: "refused", proposeVerdict: "refused", returnVerdict: "refused", approveVerdict: "refused", markNotCheckable: "refused", settleFromCheckedBefore: "refused", reopen: "UNASSIGNED", reopenApproved: "refused" },
};

describe("claim lifecycle", () => {
  it("covers every status and every move", () => {
    expect(Object.keys(table).sort()).toEqual([...boardColumns].sort());
    for (const row of Object.values(table)) expect(Object.keys(row).sort()).toEqual(Object.keys(claimMoves).sort());
  });

  for (const [from, moves] of Object.entries(table) as [ClaimStatus, Record<ClaimMove, ClaimStatus | "refused">][]) {
    for (const [move, expected] of Object.entries(moves) as [ClaimMove, ClaimStatus | "refused"][]) {
      it(`${from} --${move}--> ${expected}`, () => {
        if (expected === "refused") expect(() => nextStatus(from, move)).toThrow(TransitionRefused);
        else expect(nextStatus(from, move)).toBe(expected);
      });
    }
  }
});
