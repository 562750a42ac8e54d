import { describe, expect, it } from "vitest";
import { claimAccessFor, type ClaimFacts, seesLaneItem } from "./claim-access";

const editor = { id: "e", permissions: ["read:article:any", "update:claim:any", "approve:verdict:any", "propose:verdict:own"] };
const reviewer = (id: string) => ({ id, permissions: ["read:article:own", "update:claim:own", "propose:verdict:own"] });
const primary = reviewer("p");
const second = reviewer("s");
const facts = (over: Partial<ClaimFacts> = {}): ClaimFacts => ({ status: "VERDICT_PROPOSED", assigneeId: "p", blindSecondReview: true, tookPartBlind: false, ...over });

describe("claim access", () => {
  it("gives the desk every claim, the assignee theirs, a blind reviewer open claims only while blind review is on", () => {
    expect(claimAccessFor(editor, facts({ assigneeId: null }))?.role).toBe("desk");
    expect(claimAccessFor(primary, facts())?.role).toBe("primary");
    expect(claimAccessFor(second, facts())?.role).toBe("blind");
    expect(claimAccessFor(second, facts({ status: "IN_RESEARCH" }))?.role).toBe("blind");
    expect(claimAccessFor(second, facts({ status: "ASSIGNED" }))).toBeNull();
    expect(claimAccessFor(second, facts({ blindSecondReview: false }))).toBeNull();
    expect(claimAccessFor(second, facts({ status: "APPROVED" }))).toBeNull();
    // Having taken part, they keep reading it, settled or not, whatever the setting.
    expect(claimAccessFor(second, facts({ status: "APPROVED", blindSecondReview: false, tookPartBlind: true }))?.role).toBe("blind");
    // Whoever decides verdicts is never a blind reviewer.
    const decider = { id: "d", permissions: ["read:article:own", "propose:verdict:own", "approve:verdict:any"] };
    expect(claimAccessFor(decider, facts())).toBeNull();
  });

  it("keeps each lane to itself until the claim is settled, then shows everything", () => {
    const firstComment = { blind: false, authorId: "p" };
    const blindComment = { blind: true, authorId: "s" };
    const otherBlind = { blind: true, authorId: "x" };
    const open = { blind: claimAccessFor(second, facts())!, primary: claimAccessFor(primary, facts())!, desk: claimAccessFor(editor, facts())! };
    expect([firstComment, blindComment, otherBlind].map((item) => seesLaneItem(second, open.blind, item))).toEqual([false, true, false]);
    expect([firstComment, blindComment, otherBlind].map((item) => seesLaneItem(primary, open.primary, item))).toEqual([true, false, false]);
    expect([firstComment, blindComment, otherBlind].map((item) => seesLaneItem(editor, open.desk, item))).toEqual([true, true, true]);
    const settled = claimAccessFor(second, facts({ status: "NOT_CHECKABLE", tookPartBlind: true }))!;
    expect([firstComment, blindComment, otherBlind].map((item) => seesLaneItem(second, settled, item))).toEqual([true, true, true]);
  });

  it("lets the assignee and a blind reviewer add sources, and nobody once the claim is settled", () => {
    expect(claimAccessFor(primary, facts())).toMatchObject({ mayEditSources: true, writesBlind: false });
    expect(claimAccessFor(second, facts())).toMatchObject({ mayEditSources: true, writesBlind: true });
    expect(claimAccessFor(editor, facts())).toMatchObject({ mayEditSources: true, writesBlind: false });
    for (const viewer of [primary, editor]) expect(claimAccessFor(viewer, facts({ status: "APPROVED" }))?.mayEditSources).toBe(false);
    expect(claimAccessFor(second, facts({ status: "APPROVED", tookPartBlind: true }))).toMatchObject({ mayEditSources: false, writesBlind: false });
  });
});
