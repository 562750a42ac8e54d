// Verdicts and the rating scale against a real PostgreSQL: propose → return → revise → approve with
// four-eyes, versions kept, concurrent saves, notifications, blind second review, the scale's rules.
import { describe, expect, it } from "vitest";
import type { Actor } from "~/auth/actor";
import { loadActor } from "~/auth/actor.server";
import { updateClaim } from "~/claims/claims.server";
import { formValues } from "~/claims/merge";
import { prisma } from "~/db/client.server";
import { TransitionRefused } from "~/review/lifecycle";
import {
  approveVerdict,
  ClaimConflict,
  markNotCheckable,
  proposeVerdict,
  reopenClaim,
  returnVerdict,
  VerdictRefused,
} from "~/review/verdicts.server";
import { listVerdicts, verdictAbilities, verdictSection } from "~/review/verdict-views.server";
import { verdictBasis } from "~/review/verdict-basis";
import { activeScale, addLabel, deleteLabel, listScaleLabels, moveLabel, renameLabel, ScaleRefused } from "~/rating-scale/rating-scale.server";
import { actorOf, assignedClaim, refusal } from "../support/fixtures";
import { claimAccess } from "~/auth/claim-access.server";

type Role = "admin" | "editor" | "reviewer";

async function makeRole(userId: string, role: Role) {
  const roleRow = await prisma.role.findUniqueOrThrow({ where: { name: role }, select: { id: true } });
  await prisma.user.update({ where: { id: userId }, data: { roleId: roleRow.id } });
}

const claimNow = (id: string) => prisma.claim.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, notCheckableReason: true } });

async function labels() {
  const scale = await activeScale();
  if (!scale) throw new Error("no active scale");
  const [falseLabel, misleading, , , trueLabel] = scale.labels;
  return { falseLabel: falseLabel!, misleading: misleading!, trueLabel: trueLabel! };
}

async function setBlindReview(on: boolean) {
  await prisma.newsroomSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Test newsroom", blindSecondReview: on }, update: { blindSecondReview: on } });
}

describe("verdicts", () => {
  it("go propose → return → revise → approve by another editor; the proposer can never approve, even as an editor", async () => {
    const { falseLabel, misleading } = await labels();
    const reviewer = await actorOf("reviewer");
    const [first, second] = [await actorOf("editor"), await actorOf("editor")];
    const claim = await assignedClaim(reviewer.id);

    const proposed = await proposeVerdict(await loadActor(reviewer.id), { claimId: claim.id, claimVersion: claim.version, ratingId: falseLabel.id, rationale: "**Keliru.** Data BPS menyebut 800 sekolah." });
    expect(proposed).toMatchObject({ version: 1, claimVersion: claim.version + 1 });
    expect(await claimNow(claim.id)).toMatchObject({ status: "VERDICT_PROPOSED", version: claim.version + 1 });

    // While it waits for a decision, the reviewer cannot propose again.
    await expect(proposeVerdict(await loadActor(reviewer.id), { claimId: claim.id, claimVersion: claim.version + 1, ratingId: falseLabel.id, rationale: "lagi" })).rejects.toThrow(TransitionRefused);

    expect((await refusal(returnVerdict(await loadActor(first.id), { claimId: claim.id, claimVersion: claim.version + 1, comment: "   " }), VerdictRefused)).reason).toBe("noteRequired");
    await returnVerdict(await loadActor(first.id), { claimId: claim.id, claimVersion: claim.version + 1, comment: "Tambahkan sumber dari Kemendikbud." });
    expect(await claimNow(claim.id)).toMatchObject({ status: "IN_RESEARCH", version: claim.version + 2 });
    const returned = await prisma.verdict.findFirstOrThrow({ where: { claimId: claim.id, version: 1 } });
    expect(returned).toMatchObject({ status: "RETURNED", decisionNote: "Tambahkan sumber dari Kemendikbud.", decidedById: first.id });
    expect(returned.decidedAt).toBeInstanceOf(Date);

    await proposeVerdict(await loadActor(reviewer.id), { claimId: claim.id, claimVersion: claim.version + 2, ratingId: misleading.id, rationale: "Menyesatkan: [Kemendikbud](https://kemdikbud.go.id) menyebut 800." });
    const afterRevision = await claimNow(claim.id);
    expect(afterRevision).toMatchObject({ status: "VERDICT_PROPOSED", version: claim.version + 3 });

    // Four-eyes: made an editor, the proposer is still refused, with its own reason.
    await makeRole(reviewer.id, "editor");
    expect((await refusal(approveVerdict(await loadActor(reviewer.id), { claimId: claim.id, claimVersion: afterRevision.version }), VerdictRefused)).reason).toBe("fourEyes");
    // …and as an admin too.
    await makeRole(reviewer.id, "admin");
    expect((await refusal(approveVerdict(await loadActor(reviewer.id), { claimId: claim.id, claimVersion: afterRevision.version }), VerdictRefused)).reason).toBe("fourEyes");
    expect(await claimNow(claim.id)).toMatchObject({ status: "VERDICT_PROPOSED", version: afterRevision.version });

    await approveVerdict(await loadActor(second.id), { claimId: claim.id, claimVersion: afterRevision.version });
    expect(await claimNow(claim.id)).toMatchObject({ status: "APPROVED", version: afterRevision.version + 1 });

    // Every proposal is kept as a version.
    const versions = await prisma.verdict.findMany({ where: { claimId: claim.id }, orderBy: { version: "asc" }, select: { version: true, status: true, ratingId: true, decidedById: true } });
    expect(versions).toEqual([
      { version: 1, status: "RETURNED", ratingId: falseLabel.id, decidedById: first.id },
      { version: 2, status: "APPROVED", ratingId: misleading.id, decidedById: second.id },
    ]);

    // The proposer hears about the return and the approval (the editors' "waits for a decision" notices are
    // tested in decisions.test.ts).
    const notifications = await prisma.notification.findMany({ where: { claimId: claim.id, kind: { not: "VERDICT_PROPOSED" } }, orderBy: { createdAt: "asc" }, select: { recipientId: true, actorId: true, kind: true, excerpt: true } });
    expect(notifications).toEqual([
      { recipientId: reviewer.id, actorId: first.id, kind: "RETURN", excerpt: "Tambahkan sumber dari Kemendikbud." },
      { recipientId: reviewer.id, actorId: second.id, kind: "APPROVAL", excerpt: null },
    ]);

    // The audit log has each step with the status before and after.
    const trail = await prisma.auditEvent.findMany({ where: { entityType: "Claim", entityId: claim.id, action: { startsWith: "verdict." } }, orderBy: { id: "asc" } });
    expect(trail.map((event) => [event.action, event.actorId])).toEqual([
      ["verdict.propose", reviewer.id],
      ["verdict.return", first.id],
      ["verdict.propose", reviewer.id],
      ["verdict.approve", second.id],
    ]);
    expect(trail[0]!.before).toMatchObject({ status: "ASSIGNED" });
    expect(trail[0]!.after).toMatchObject({ status: "VERDICT_PROPOSED", verdict: 1, rating: "False (1)" });
    expect(trail[3]!.after).toMatchObject({ status: "APPROVED", verdictStatus: "APPROVED" });

    // What the claim page lists: newest first, label in both languages, Markdown rendered safely.
    const list = await listVerdicts(await loadActor(second.id), claim.id);
    expect(list.map((v) => [v.version, v.status, v.current])).toEqual([
      [2, "APPROVED", true],
      [1, "RETURNED", false],
    ]);
    expect(list[0]).toMatchObject({
      rating: { id: misleading.id, labelEn: "Misleading", labelId: "Menyesatkan", value: 2, colour: misleading.colour },
      proposedBy: { id: reviewer.id, name: reviewer.name },
      decidedBy: { id: second.id },
      hidden: false,
      blind: false,
    });
    expect(list[0]!.rationaleHtml).toContain('<a href="https://kemdikbud.go.id/" rel="noopener noreferrer nofollow" target="_blank">Kemendikbud</a>');
    expect(list[1]).toMatchObject({ decisionNote: "Tambahkan sumber dari Kemendikbud.", decidedBy: { id: first.id } });
  });

  it("let exactly one of two concurrent saves on the same claim win; the other gets ClaimConflict", async () => {
    const { falseLabel, trueLabel } = await labels();
    const reviewer = await actorOf("reviewer");
    const [a, b] = [await actorOf("editor"), await actorOf("editor")];
    const [as, editorA, editorB] = [await loadActor(reviewer.id), await loadActor(a.id), await loadActor(b.id)];
    // A few rounds, since a race shows itself only sometimes.
    for (let round = 0; round < 4; round++) {
      const claim = await assignedClaim(reviewer.id);
      const results = await Promise.allSettled(
        [falseLabel.id, trueLabel.id].map((ratingId) => proposeVerdict(as, { claimId: claim.id, claimVersion: claim.version, ratingId, rationale: `Rating ${ratingId}` })),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.filter((r) => r.status === "rejected" && r.reason instanceof ClaimConflict)).toHaveLength(1);
      expect(await prisma.verdict.count({ where: { claimId: claim.id } })).toBe(1);
      expect((await claimNow(claim.id)).version).toBe(claim.version + 1);

      // Two editors deciding at once: one decision lands, the other is refused as a conflict.
      const decisions = await Promise.allSettled([
        approveVerdict(editorA, { claimId: claim.id, claimVersion: claim.version + 1 }),
        returnVerdict(editorB, { claimId: claim.id, claimVersion: claim.version + 1, comment: "Kurang sumber." }),
      ]);
      expect(decisions.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(decisions.filter((r) => r.status === "rejected" && r.reason instanceof ClaimConflict)).toHaveLength(1);
      expect(await prisma.notification.count({ where: { claimId: claim.id, kind: { in: ["RETURN", "APPROVAL"] } } })).toBe(1);
      expect((await claimNow(claim.id)).version).toBe(claim.version + 2);
    }
  });

  it("refuse the wrong people and bad input, and follow the lifecycle", async () => {
    const { falseLabel } = await labels();
    const reviewer = await actorOf("reviewer");
    const other = await actorOf("reviewer");
    const editor = await actorOf("editor");
    const admin = await actorOf("admin");
    const claim = await assignedClaim(reviewer.id);
    const input = { claimId: claim.id, claimVersion: claim.version, ratingId: falseLabel.id, rationale: "Keliru." };

    expect((await refusal(proposeVerdict(await loadActor(other.id), input), VerdictRefused)).reason).toBe("notAssigned");
    expect((await refusal(proposeVerdict(await loadActor(editor.id), input), VerdictRefused)).reason).toBe("notAllowed");
    expect((await refusal(approveVerdict(await loadActor(reviewer.id), { claimId: claim.id, claimVersion: claim.version }), VerdictRefused)).reason).toBe("notAllowed");
    expect((await refusal(proposeVerdict(await loadActor(reviewer.id), { ...input, rationale: " \n " }), VerdictRefused)).reason).toBe("badRationale");
    expect((await refusal(proposeVerdict(await loadActor(reviewer.id), { ...input, rationale: "x".repeat(20_001) }), VerdictRefused)).reason).toBe("badRationale");
    // A label of a scale that is not the active one.
    const retired = await prisma.ratingScale.create({ data: { name: "Old", active: false, labels: { create: { labelEn: "Pants on fire", labelId: "Bohong besar", value: 0, colour: "#ff0000" } } }, select: { labels: { select: { id: true } } } });
    expect((await refusal(proposeVerdict(await loadActor(reviewer.id), { ...input, ratingId: retired.labels[0]!.id }), VerdictRefused)).reason).toBe("badRating");
    await expect(proposeVerdict(await loadActor(reviewer.id), { ...input, claimVersion: claim.version - 1 })).rejects.toThrow(ClaimConflict);
    // Nothing to approve yet.
    await expect(approveVerdict(await loadActor(editor.id), { claimId: claim.id, claimVersion: claim.version })).rejects.toThrow(TransitionRefused);
    expect(await prisma.verdict.count({ where: { claimId: claim.id } })).toBe(0);

    // An admin may propose on a claim assigned to someone else (and then cannot approve it).
    await proposeVerdict(await loadActor(admin.id), { ...input, rationale: "x".repeat(20_000) });
    expect((await refusal(approveVerdict(await loadActor(admin.id), { claimId: claim.id, claimVersion: claim.version + 1 }), VerdictRefused)).reason).toBe("fourEyes");

    // Not checkable: a reason is required; open proposals are closed with it; nothing can be approved after.
    expect((await refusal(markNotCheckable(await loadActor(editor.id), { claimId: claim.id, claimVersion: claim.version + 1, reason: "" }), VerdictRefused)).reason).toBe("noteRequired");
    await markNotCheckable(await loadActor(editor.id), { claimId: claim.id, claimVersion: claim.version + 1, reason: "Pendapat, bukan fakta." });
    expect(await claimNow(claim.id)).toMatchObject({ status: "NOT_CHECKABLE", notCheckableReason: "Pendapat, bukan fakta.", version: claim.version + 2 });
    expect(await prisma.verdict.findFirstOrThrow({ where: { claimId: claim.id } })).toMatchObject({ status: "SUPERSEDED", decidedById: editor.id });
    await expect(approveVerdict(await loadActor(editor.id), { claimId: claim.id, claimVersion: claim.version + 2 })).rejects.toThrow(TransitionRefused);
    await expect(proposeVerdict(await loadActor(reviewer.id), { ...input, claimVersion: claim.version + 2 })).rejects.toThrow(TransitionRefused);
    await expect(markNotCheckable(await loadActor(editor.id), { claimId: claim.id, claimVersion: claim.version + 2, reason: "lagi" })).rejects.toThrow(TransitionRefused);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.notCheckable" } });
    expect(audit.after).toMatchObject({ status: "NOT_CHECKABLE", notCheckableReason: "Pendapat, bukan fakta.", closedVerdicts: 1 });
  });

  it("blind second review: hidden from each reviewer until the editor decides; the editor sees both and the disagreement", async () => {
    const { falseLabel, trueLabel } = await labels();
    const reviewer = await actorOf("reviewer");
    const blindReviewer = await actorOf("reviewer");
    const editor = await actorOf("editor");
    const claim = await assignedClaim(reviewer.id);

    await setBlindReview(false);
    await proposeVerdict(await loadActor(reviewer.id), { claimId: claim.id, claimVersion: claim.version, ratingId: falseLabel.id, rationale: "Primer: **keliru**." });
    const blindInput = { claimId: claim.id, claimVersion: claim.version + 1, ratingId: trueLabel.id, rationale: "Kedua: *benar*.", blind: true };
    expect((await refusal(proposeVerdict(await loadActor(blindReviewer.id), blindInput), VerdictRefused)).reason).toBe("blindOff");
    expect(await verdictAbilities(await loadActor(blindReviewer.id), claim.id)).toEqual({ propose: false, proposeBlind: false, decide: false });

    await setBlindReview(true);
    // Before the blind reviewer has rated, the first rating is already hidden from them.
    const beforeBlind = await listVerdicts(await loadActor(blindReviewer.id), claim.id);
    expect(beforeBlind).toHaveLength(1);
    expect(beforeBlind[0]).toMatchObject({ hidden: true, rating: null, rationale: null, rationaleHtml: null, blind: false });
    expect(await verdictAbilities(await loadActor(blindReviewer.id), claim.id)).toEqual({ propose: false, proposeBlind: true, decide: false });
    // The assigned reviewer and editors cannot review blind.
    expect((await refusal(proposeVerdict(await loadActor(reviewer.id), blindInput), VerdictRefused)).reason).toBe("blindNotAllowed");
    expect((await refusal(proposeVerdict(await loadActor(editor.id), blindInput), VerdictRefused)).reason).toBe("notAllowed");

    await proposeVerdict(await loadActor(blindReviewer.id), blindInput);
    // The claim's status follows the primary verdict; the version still moves, so decisions see the blind verdict.
    expect(await claimNow(claim.id)).toMatchObject({ status: "VERDICT_PROPOSED", version: claim.version + 2 });

    const blindView = await listVerdicts(await loadActor(blindReviewer.id), claim.id);
    expect(blindView.map((v) => [v.version, v.blind, v.hidden, v.rating?.id ?? null])).toEqual([
      [2, true, false, trueLabel.id],
      [1, false, true, null],
    ]);
    expect(blindView[1]).toMatchObject({ rationale: null, rationaleHtml: null });

    const primaryView = await listVerdicts(await loadActor(reviewer.id), claim.id);
    expect(primaryView.map((v) => [v.version, v.hidden, v.rating?.id ?? null])).toEqual([
      [2, true, null],
      [1, false, falseLabel.id],
    ]);

    const editorView = await listVerdicts(await loadActor(editor.id), claim.id);
    expect(editorView.map((v) => [v.version, v.hidden, v.rating?.id, v.current, v.disagrees])).toEqual([
      [2, false, trueLabel.id, false, true],
      [1, false, falseLabel.id, true, null],
    ]);
    expect(editorView[0]!.rationaleHtml).toBe("<p>Kedua: <em>benar</em>.</p>");
    const section = await verdictSection(await loadActor(editor.id), claim.id, (await claimAccess(await loadActor(editor.id), claim.id))!.access);
    expect(section.can).toEqual({ propose: false, proposeBlind: false, decide: true });
    expect(section.scale).toHaveLength(5);

    // A decision based on the page from before the blind verdict is refused.
    await expect(approveVerdict(await loadActor(editor.id), { claimId: claim.id, claimVersion: claim.version + 1 })).rejects.toThrow(ClaimConflict);
    // The blind reviewer revises: their earlier blind proposal is superseded, the primary one untouched.
    await proposeVerdict(await loadActor(blindReviewer.id), { ...blindInput, claimVersion: claim.version + 2, rationale: "Kedua, direvisi." });
    expect(await prisma.verdict.findMany({ where: { claimId: claim.id }, orderBy: { version: "asc" }, select: { status: true, blind: true } })).toEqual([
      { status: "PROPOSED", blind: false },
      { status: "SUPERSEDED", blind: true },
      { status: "PROPOSED", blind: true },
    ]);
    expect((await listVerdicts(await loadActor(editor.id), claim.id)).map((v) => v.disagrees)).toEqual([true, null, null]);

    // Someone who rated the claim blind cannot approve it either, whatever their role.
    await makeRole(blindReviewer.id, "editor");
    expect((await refusal(approveVerdict(await loadActor(blindReviewer.id), { claimId: claim.id, claimVersion: claim.version + 3 }), VerdictRefused)).reason).toBe("fourEyes");
    await makeRole(blindReviewer.id, "reviewer");

    await approveVerdict(await loadActor(editor.id), { claimId: claim.id, claimVersion: claim.version + 3 });
    const decided = await prisma.verdict.findMany({ where: { claimId: claim.id }, orderBy: { version: "asc" }, select: { status: true, decidedById: true } });
    expect(decided).toEqual([
      { status: "APPROVED", decidedById: editor.id },
      { status: "SUPERSEDED", decidedById: null },
      { status: "SUPERSEDED", decidedById: editor.id },
    ]);
    // Once decided, everyone sees both.
    const afterDecision = await listVerdicts(await loadActor(blindReviewer.id), claim.id);
    expect(afterDecision.map((v) => [v.hidden, v.rating?.id])).toEqual([
      [false, trueLabel.id],
      [false, trueLabel.id],
      [false, falseLabel.id],
    ]);
    await setBlindReview(false);
  });
});

describe("verdict conflicts only when they are real", () => {
  /** What the claim page would send: the claim version it loaded and the verdicts it showed the viewer. */
  async function pageBasis(viewer: Actor, claimId: string) {
    return { claimVersion: (await claimNow(claimId)).version, seen: verdictBasis(await listVerdicts(viewer, claimId)) };
  }

  it("apply a proposal from a page loaded before the editor changed the claim's wording and claimant", async () => {
    const { falseLabel } = await labels();
    const reviewer = await actorOf("reviewer");
    const editor = await actorOf("editor");
    const claim = await assignedClaim(reviewer.id);
    const loaded = await pageBasis(await loadActor(reviewer.id), claim.id);

    // Meanwhile the editor rewords the claim and names its claimant (two saves, the version moves on twice).
    const row = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    const edited = await updateClaim(editor, row.articleId, claim.id, row.version, { wording: "Reworded by the editor", claimant: null, claimDate: null, appearance: null }, formValues(row));
    await updateClaim(editor, row.articleId, claim.id, edited.version, { wording: edited.wording, claimant: "Kemendikbud", claimDate: null, appearance: null }, formValues(edited));
    expect((await claimNow(claim.id)).version).toBe(loaded.claimVersion + 2);

    const proposed = await proposeVerdict(await loadActor(reviewer.id), { claimId: claim.id, ...loaded, ratingId: falseLabel.id, rationale: "Keliru." });
    expect(proposed.version).toBe(1);
    expect(await claimNow(claim.id)).toMatchObject({ status: "VERDICT_PROPOSED", version: loaded.claimVersion + 3 });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ wording: "Reworded by the editor", claimant: "Kemendikbud" });

    // The same stale version without the verdicts the page showed is still refused: nothing says what it saw.
    const other = await assignedClaim(reviewer.id);
    await prisma.claim.update({ where: { id: other.id }, data: { version: { increment: 1 } } });
    await expect(proposeVerdict(await loadActor(reviewer.id), { claimId: other.id, claimVersion: other.version, ratingId: falseLabel.id, rationale: "Keliru." })).rejects.toThrow(ClaimConflict);
  });

  it("refuse a decision on a verdict another editor decided since, naming the verdict and that editor", async () => {
    const { falseLabel } = await labels();
    const reviewer = await actorOf("reviewer");
    const first = await actorOf("editor");
    const second = await actorOf("editor", { name: "Dewi Anggraini" });
    const claim = await assignedClaim(reviewer.id);
    await proposeVerdict(await loadActor(reviewer.id), { claimId: claim.id, claimVersion: claim.version, ratingId: falseLabel.id, rationale: "Keliru." });
    const firstPage = await pageBasis(await loadActor(first.id), claim.id);
    const secondPage = await pageBasis(await loadActor(second.id), claim.id);

    await returnVerdict(await loadActor(second.id), { claimId: claim.id, ...secondPage, comment: "Kurang sumber." });
    const error = await approveVerdict(await loadActor(first.id), { claimId: claim.id, ...firstPage }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClaimConflict);
    expect((error as ClaimConflict).detail).toEqual({ fields: ["verdict"], by: { id: second.id, name: "Dewi Anggraini" } });
    expect(await claimNow(claim.id)).toMatchObject({ status: "IN_RESEARCH", version: firstPage.claimVersion + 1 });
  });

  it("a blind verdict arriving refuses the editor's approval (naming the blind reviewer) but not the assigned reviewer's proposal", async () => {
    const { falseLabel, trueLabel } = await labels();
    await setBlindReview(true);
    const reviewer = await actorOf("reviewer");
    const blindReviewer = await actorOf("reviewer", { name: "Nadia Putri" });
    const editor = await actorOf("editor");
    const claim = await assignedClaim(reviewer.id);
    const reviewerPage = await pageBasis(await loadActor(reviewer.id), claim.id);
    await proposeVerdict(await loadActor(blindReviewer.id), { claimId: claim.id, ...(await pageBasis(await loadActor(blindReviewer.id), claim.id)), ratingId: trueLabel.id, rationale: "Benar.", blind: true });

    // The assigned reviewer's lane did not change: their proposal from the older page applies.
    await proposeVerdict(await loadActor(reviewer.id), { claimId: claim.id, ...reviewerPage, ratingId: falseLabel.id, rationale: "Keliru." });
    const editorPage = await pageBasis(await loadActor(editor.id), claim.id);
    // A second blind reviewer rates after the editor's page was loaded: the approval must not skip it.
    const late = await actorOf("reviewer", { name: "Agus Setiawan" });
    await proposeVerdict(await loadActor(late.id), { claimId: claim.id, ...(await pageBasis(await loadActor(late.id), claim.id)), ratingId: trueLabel.id, rationale: "Benar juga.", blind: true });
    const error = await approveVerdict(await loadActor(editor.id), { claimId: claim.id, ...editorPage }).catch((caught: unknown) => caught);
    expect((error as ClaimConflict).detail).toEqual({ fields: ["verdict"], by: { id: late.id, name: "Agus Setiawan" } });
    await approveVerdict(await loadActor(editor.id), { claimId: claim.id, ...(await pageBasis(await loadActor(editor.id), claim.id)) });
    expect((await claimNow(claim.id)).status).toBe("APPROVED");
    await setBlindReview(false);
  });
});

describe("rating scale", () => {
  it("starts with the default five labels, values 1..5, in both languages", async () => {
    const list = await listScaleLabels();
    expect(list.map((l) => [l.value, l.labelEn, l.labelId])).toEqual([
      [1, "False", "Keliru"],
      [2, "Misleading", "Menyesatkan"],
      [3, "Unproven", "Tidak Terbukti"],
      [4, "Partly true", "Sebagian Benar"],
      [5, "True", "Benar"],
    ]);
  });

  it("renames a label in use (verdicts show the new wording) but refuses to delete it", async () => {
    const admin = await loadActor((await actorOf("admin")).id);
    const reviewer = await actorOf("reviewer");
    const claim = await assignedClaim(reviewer.id);
    const { misleading } = await labels();
    await proposeVerdict(await loadActor(reviewer.id), { claimId: claim.id, claimVersion: claim.version, ratingId: misleading.id, rationale: "Menyesatkan." });

    const renamed = await renameLabel(admin, misleading.id, { labelEn: "Misleading context", labelId: "Konteks menyesatkan", colour: "#C2570C" });
    expect(renamed).toMatchObject({ labelEn: "Misleading context", labelId: "Konteks menyesatkan", colour: "#c2570c", value: 2 });
    expect((await listVerdicts(admin, claim.id))[0]!.rating).toMatchObject({ labelEn: "Misleading context", labelId: "Konteks menyesatkan" });
    expect((await listScaleLabels()).find((l) => l.id === misleading.id)!.verdicts).toBeGreaterThanOrEqual(1);

    await expect(deleteLabel(admin, misleading.id)).rejects.toMatchObject({ reason: "inUse" });
    expect(await prisma.ratingLabel.count({ where: { id: misleading.id } })).toBe(1);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: misleading.id, action: "scale.label.update" } });
    expect(audit.before).toMatchObject({ labelEn: "Misleading" });
  });

  it("adds, reorders and deletes unused labels with unique values; only admins may", async () => {
    const admin = await loadActor((await actorOf("admin")).id);
    const editor = await loadActor((await actorOf("editor")).id);
    const added = await addLabel(admin, { labelEn: "Satire", labelId: "Satire atau parodi", colour: "#5a3e8c" });
    const values = (await listScaleLabels()).map((l) => l.value);
    expect(added.value).toBe(Math.max(...values));
    await expect(addLabel(admin, { labelEn: "Dup", labelId: "Duplikat", colour: "#000000", value: 1 })).rejects.toMatchObject({ reason: "valueTaken" });
    await expect(renameLabel(admin, added.id, { labelEn: "Satire", labelId: "Satire atau parodi", colour: "#5a3e8c", value: 1 })).rejects.toMatchObject({ reason: "valueTaken" });
    await expect(addLabel(admin, { labelEn: "Bad", labelId: "Buruk", colour: "red" })).rejects.toMatchObject({ reason: "badLabel" });
    await expect(addLabel(editor, { labelEn: "Nope", labelId: "Tidak", colour: "#000000" })).rejects.toBeInstanceOf(ScaleRefused);

    const before = await listScaleLabels();
    await moveLabel(admin, added.id, "up");
    const after = await listScaleLabels();
    expect(after.map((l) => l.id)).toEqual([...before.slice(0, -2).map((l) => l.id), added.id, before.at(-2)!.id]);
    expect(after.map((l) => l.value)).toEqual(after.map((_, index) => index + 1));

    await deleteLabel(admin, added.id);
    expect((await listScaleLabels()).some((l) => l.id === added.id)).toBe(false);
    await expect(deleteLabel(editor, before[0]!.id)).rejects.toMatchObject({ reason: "notAllowed" });
  });
});

// Settled means settled (decision 0014): only an editor's recorded reopening brings a settled claim back to
// the desk, and an approved one then needs a new proposal and another approval.
describe("reopening a settled claim", () => {
  it("sends an approved claim back to its reviewer, with a reason, for a new four-eyes decision", async () => {
    const { falseLabel, misleading } = await labels();
    const reviewer = await actorOf("reviewer");
    const [first, second] = [await actorOf("editor"), await actorOf("editor")];
    const claim = await assignedClaim(reviewer.id);
    await proposeVerdict(await loadActor(reviewer.id), { claimId: claim.id, claimVersion: claim.version, ratingId: falseLabel.id, rationale: "Keliru." });
    await approveVerdict(await loadActor(first.id), { claimId: claim.id, claimVersion: claim.version + 1 });
    const approved = await claimNow(claim.id);
    expect(approved.status).toBe("APPROVED");

    expect((await refusal(reopenClaim(await loadActor(reviewer.id), { claimId: claim.id, claimVersion: approved.version, reason: "Salah kutip." }), VerdictRefused)).reason).toBe("notAllowed");
    expect((await refusal(reopenClaim(await loadActor(first.id), { claimId: claim.id, claimVersion: approved.version, reason: "  " }), VerdictRefused)).reason).toBe("noteRequired");
    await reopenClaim(await loadActor(first.id), { claimId: claim.id, claimVersion: approved.version, reason: "Kutipan menteri keliru disalin." });
    expect(await claimNow(claim.id)).toMatchObject({ status: "IN_RESEARCH", version: approved.version + 1 });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.reopen" } })).toMatchObject({
      actorId: first.id,
      before: { status: "APPROVED" },
      after: { status: "IN_RESEARCH", reason: "Kutipan menteri keliru disalin." },
    });
    expect(await prisma.notification.count({ where: { recipientId: reviewer.id, kind: "RETURN", claimId: claim.id } })).toBe(1);
    // The approved verdict stays on record; the claim is open again, so its wording can be fixed …
    expect(await prisma.verdict.count({ where: { claimId: claim.id, status: "APPROVED" } })).toBe(1);
    const row = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    await updateClaim(first, row.articleId, claim.id, row.version, { wording: "Fixed wording", claimant: null, claimDate: null, appearance: null }, formValues(row));
    // … and it settles again only through a new proposal and another editor's approval.
    const open = await claimNow(claim.id);
    await proposeVerdict(await loadActor(reviewer.id), { claimId: claim.id, claimVersion: open.version, ratingId: misleading.id, rationale: "Menyesatkan." });
    await approveVerdict(await loadActor(second.id), { claimId: claim.id, claimVersion: open.version + 1 });
    expect(await claimNow(claim.id)).toMatchObject({ status: "APPROVED" });
    expect(await prisma.verdict.count({ where: { claimId: claim.id, status: "APPROVED" } })).toBe(2);

    // An open claim has nothing to reopen.
    const other = await assignedClaim(reviewer.id);
    await expect(reopenClaim(await loadActor(first.id), { claimId: other.id, claimVersion: other.version, reason: "Tidak perlu." })).rejects.toThrow(TransitionRefused);
  });

  it("sends a claim marked not checkable back to unassigned, ending its assignment", async () => {
    const reviewer = await actorOf("reviewer");
    const editor = await actorOf("editor");
    const claim = await assignedClaim(reviewer.id);
    await markNotCheckable(await loadActor(editor.id), { claimId: claim.id, claimVersion: claim.version, reason: "Opini." });
    const settled = await claimNow(claim.id);
    await reopenClaim(await loadActor(editor.id), { claimId: claim.id, claimVersion: settled.version, reason: "Ada data baru dari BPS." });
    expect(await claimNow(claim.id)).toMatchObject({ status: "UNASSIGNED", version: settled.version + 1, notCheckableReason: null });
    expect(await prisma.assignment.count({ where: { claimId: claim.id, endedAt: null } })).toBe(0);
  });
});
