// The decisions queue against a real PostgreSQL: what waits for an editor's decision (oldest first, never
// one's own proposal, blind verdicts never make a claim wait), and who is told when a verdict is proposed.
import { describe, expect, it } from "vitest";
import { loadActor } from "~/auth/actor.server";
import { prisma } from "~/db/client.server";
import { listNotifications } from "~/notifications/notifications.server";
import { waitingDecisionCount, waitingDecisions } from "~/review/decisions.server";
import { approveVerdict, proposeVerdict } from "~/review/verdicts.server";
import { activeScale } from "~/rating-scale/rating-scale.server";
import { actorOf, assignedClaim } from "../support/fixtures";

type Role = "admin" | "editor" | "reviewer";

const version = async (claimId: string) =>
  (await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version;

async function rating() {
  const scale = await activeScale();
  return scale!.labels[0]!.id;
}

async function propose(who: { id: string }, claimId: string, options: { blind?: boolean } = {}) {
  return proposeVerdict(await loadActor(who.id), {
    claimId,
    claimVersion: await version(claimId),
    ratingId: await rating(),
    rationale: "Rahasia: **keliru** menurut BPS.",
    ...options,
  });
}

async function setBlindReview(on: boolean) {
  await prisma.newsroomSettings.upsert({
    where: { id: 1 },
    create: { id: 1, name: "Test newsroom", blindSecondReview: on },
    update: { blindSecondReview: on },
  });
}

describe("the decisions queue", () => {
  it("lists proposed verdicts oldest first with article, claim, proposer and age, leaving out the viewer's own and blind ones", async () => {
    const [editor, other, admin] = [await actorOf("editor"), await actorOf("editor"), await actorOf("admin", { name: "Admin Sari" })];
    const [first, second, blind] = [
      await actorOf("reviewer", { name: "Reviewer Rizky" }),
      await actorOf("reviewer", { name: "Reviewer Nadia" }),
      await actorOf("reviewer", { name: "Reviewer Agus" }),
    ];
    const newer = await assignedClaim(first.id, "Banjir Bekasi");
    const older = await assignedClaim(second.id, "Harga beras");
    const byAdmin = await assignedClaim(second.id, "Gempa Cianjur");
    const blindOnly = await assignedClaim(first.id, "Pemilu");

    await propose(first, newer.id);
    const olderVerdict = await propose(second, older.id);
    await propose(admin, byAdmin.id); // an admin may propose on any claim
    // Proposed in this order; the ages say otherwise, and the list follows the ages.
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    await prisma.verdict.update({ where: { id: olderVerdict.id }, data: { createdAt: ago(3 * 24 * 60 + 5) } });
    await prisma.verdict.updateMany({ where: { claimId: newer.id }, data: { createdAt: ago(125) } });
    await prisma.verdict.updateMany({ where: { claimId: byAdmin.id }, data: { createdAt: ago(7) } });

    // Blind second review: a blind verdict alone never makes a claim wait, and one beside a primary
    // proposal does not list the claim twice.
    await setBlindReview(true);
    await propose(blind, blindOnly.id, { blind: true });
    await propose(blind, newer.id, { blind: true });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: blindOnly.id } })).status).toBe("ASSIGNED");

    const list = await waitingDecisions(await loadActor(editor.id), { now });
    expect(list).toEqual([
      {
        claim: { id: older.id, wording: older.wording },
        article: { id: older.articleId, title: "Harga beras" },
        proposedBy: { id: second.id, name: "Reviewer Nadia" },
        proposedAt: ago(3 * 24 * 60 + 5),
        ageMinutes: 3 * 24 * 60 + 5,
      },
      {
        claim: { id: newer.id, wording: newer.wording },
        article: { id: newer.articleId, title: "Banjir Bekasi" },
        proposedBy: { id: first.id, name: "Reviewer Rizky" },
        proposedAt: ago(125),
        ageMinutes: 125,
      },
      {
        claim: { id: byAdmin.id, wording: byAdmin.wording },
        article: { id: byAdmin.articleId, title: "Gempa Cianjur" },
        proposedBy: { id: admin.id, name: "Admin Sari" },
        proposedAt: ago(7),
        ageMinutes: 7,
      },
    ]);
    // Nothing in it carries a rating or a rationale.
    expect(JSON.stringify(list)).not.toContain("Rahasia");
    expect(await waitingDecisionCount(await loadActor(editor.id))).toBe(3);

    // The admin proposed one of them: four-eyes forbids them approving it, so it does not wait for them.
    expect((await waitingDecisions(await loadActor(admin.id), { now })).map((item) => item.claim.id)).toEqual([older.id, newer.id]);
    expect(await waitingDecisionCount(await loadActor(admin.id))).toBe(2);
    // Nor does a claim on which the viewer has an open blind verdict (approveVerdict refuses that too).
    await prisma.user.update({ where: { id: blind.id }, data: { role: { connect: { name: "editor" } } } });
    expect((await waitingDecisions(await loadActor(blind.id), { now })).map((item) => item.claim.id)).toEqual([older.id, byAdmin.id]);
    // Reviewers decide nothing.
    expect(await waitingDecisions(await loadActor(first.id))).toEqual([]);
    expect(await waitingDecisionCount(await loadActor(first.id))).toBe(0);

    // A decision takes the claim off everyone's list.
    await approveVerdict(await loadActor(other.id), { claimId: newer.id, claimVersion: await version(newer.id) });
    expect((await waitingDecisions(await loadActor(editor.id), { now })).map((item) => item.claim.id)).toEqual([older.id, byAdmin.id]);
    expect(await waitingDecisionCount(await loadActor(editor.id))).toBe(2);
    await setBlindReview(false);
  }, 60_000);

  it("tells every active editor and admin but the proposer that a verdict waits, naming the claim and its article, never the rating", async () => {
    const [editor, second, away, admin] = [await actorOf("editor"), await actorOf("editor"), await actorOf("editor"), await actorOf("admin")];
    await prisma.user.update({ where: { id: away.id }, data: { active: false } });
    const [reviewer, blind] = [await actorOf("reviewer"), await actorOf("reviewer")];
    const claim = await assignedClaim(reviewer.id, "Subsidi listrik 2025");

    await propose(reviewer, claim.id);
    const notified = await prisma.notification.findMany({
      where: { claimId: claim.id },
      select: { recipientId: true, actorId: true, kind: true, excerpt: true },
    });
    // Expected: the active editors and admins by role (an independent reading of who decides).
    const deciders = await prisma.user.findMany({
      where: { active: true, role: { name: { in: ["editor", "admin"] } } },
      select: { id: true },
    });
    expect(notified.map((n) => n.recipientId).sort()).toEqual(deciders.map((d) => d.id).sort());
    expect(notified.map((n) => n.recipientId)).toEqual(expect.arrayContaining([editor.id, second.id, admin.id]));
    expect(notified.map((n) => n.recipientId)).not.toContain(away.id);
    expect(notified.map((n) => n.recipientId)).not.toContain(reviewer.id);
    expect(notified.every((n) => n.kind === "VERDICT_PROPOSED" && n.actorId === reviewer.id && n.excerpt === null)).toBe(true);

    // The notification names the claim and its article.
    const [latest] = await listNotifications(editor.id, { limit: 1 });
    expect(latest).toMatchObject({
      kind: "VERDICT_PROPOSED",
      claim: { id: claim.id, wording: claim.wording, article: { id: claim.articleId, title: "Subsidi listrik 2025" } },
    });

    // A blind proposal waits for nobody and tells nobody.
    await setBlindReview(true);
    await propose(blind, claim.id, { blind: true });
    expect(await prisma.notification.count({ where: { claimId: claim.id } })).toBe(notified.length);
    await setBlindReview(false);

    // An editor's colleague who proposes (an admin, on any claim) is not told of their own proposal.
    const another = await assignedClaim(reviewer.id, "Impor gula");
    await propose(admin, another.id);
    const recipients = (
      await prisma.notification.findMany({ where: { claimId: another.id, kind: "VERDICT_PROPOSED" }, select: { recipientId: true } })
    ).map((n) => n.recipientId);
    expect(recipients).not.toContain(admin.id);
    expect(recipients).toEqual(expect.arrayContaining([editor.id, second.id]));
  }, 60_000);
});
