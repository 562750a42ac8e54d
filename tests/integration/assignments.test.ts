// Assignments, the queue and the board against a real PostgreSQL.
import { describe, expect, it } from "vitest";
import { loadActor } from "~/auth/actor.server";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { AssignmentRefused, assignableReviewers, assignClaims, deskWorkload, reviewerQueue, unassignClaim } from "~/review/assignments.server";
import { liveReady } from "~/live/bus.server";
import { articleBoard, boardColumnLimit } from "~/review/board.server";
import { TransitionRefused } from "~/review/lifecycle";
import { createArticle, sessionOf } from "../support/fixtures";
import { countQueries } from "../support/queries";

async function claimsOn(editorId: string, count: number) {
  const body = Array.from({ length: count }, (_, i) => `Klaim nomor ${i + 1}: pemerintah menyebut ${i + 100} desa terdampak banjir.`).join("\n");
  const { id } = await createArticle(editorId, body);
  const text = (await prisma.article.findUniqueOrThrow({ where: { id }, select: { body: true } })).body;
  const editor = await loadActor(editorId);
  const claims = [];
  let from = 0;
  for (let i = 0; i < count; i++) {
    const start = text.indexOf("Klaim nomor", from);
    const end = text.indexOf(".", start) + 1;
    claims.push(await createClaim(editor, id, { start, end }));
    from = end;
  }
  return { articleId: id, claims };
}

describe("assignments", () => {
  it("assign many at once with a due date and note, notify the reviewer, and record it", async () => {
    const editor = await sessionOf("editor");
    const reviewer = await sessionOf("reviewer");
    const { claims } = await claimsOn(editor.id, 3);
    const due = new Date(Date.now() + 86_400_000);
    expect(await assignClaims(editor, { claimIds: claims.map((c) => c.id), reviewerId: reviewer.id, dueAt: due, note: "Cek data BNPB" })).toBe(3);
    const rows = await prisma.claim.findMany({ where: { id: { in: claims.map((c) => c.id) } }, select: { status: true, version: true } });
    expect(rows.every((r) => r.status === "ASSIGNED" && r.version === 2)).toBe(true);
    expect(await prisma.notification.count({ where: { recipientId: reviewer.id, kind: "ASSIGNMENT" } })).toBe(3);
    expect(await prisma.auditEvent.count({ where: { action: "claim.assign", entityId: { in: claims.map((c) => c.id) } } })).toBe(3);

    // Reassigning ends the previous assignment; the queue follows.
    const other = await sessionOf("reviewer");
    await assignClaims(editor, { claimIds: [claims[0]!.id], reviewerId: other.id, dueAt: null, note: null });
    expect(await prisma.assignment.count({ where: { claimId: claims[0]!.id, endedAt: null } })).toBe(1);
    expect((await reviewerQueue(reviewer.id)).map((q) => q.claim.id).sort()).toEqual([claims[1]!.id, claims[2]!.id].sort());
    expect((await reviewerQueue(other.id)).map((q) => q.claim.id)).toEqual([claims[0]!.id]);

    await unassignClaim(editor, claims[1]!.id);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claims[1]!.id } })).status).toBe("UNASSIGNED");
    await expect(unassignClaim(editor, claims[1]!.id)).rejects.toThrow(TransitionRefused);
  });

  it("are refused to reviewers, to people who cannot review, and on settled claims", async () => {
    const editor = await sessionOf("editor");
    const reviewer = await sessionOf("reviewer");
    const { claims } = await claimsOn(editor.id, 1);
    await expect(assignClaims(reviewer, { claimIds: [claims[0]!.id], reviewerId: reviewer.id, dueAt: null, note: null })).rejects.toThrow(AssignmentRefused);
    await expect(assignClaims(editor, { claimIds: [claims[0]!.id], reviewerId: editor.id, dueAt: null, note: null })).rejects.toMatchObject({ reason: "notReviewer" });
    await prisma.claim.update({ where: { id: claims[0]!.id }, data: { status: "APPROVED" } });
    await expect(assignClaims(editor, { claimIds: [claims[0]!.id], reviewerId: reviewer.id, dueAt: null, note: null })).rejects.toThrow(TransitionRefused);
  });

  it("are offered only to people who review, each with their open and overdue claims; anyone else is refused", async () => {
    const editor = await sessionOf("editor");
    const admin = await sessionOf("admin");
    const busy = await sessionOf("reviewer");
    const idle = await sessionOf("reviewer");
    const away = await sessionOf("reviewer");
    await prisma.user.update({ where: { id: away.id }, data: { active: false } });
    const { claims } = await claimsOn(editor.id, 5);
    const day = 86_400_000;
    await assignClaims(editor, { claimIds: [claims[0]!.id, claims[1]!.id], reviewerId: busy.id, dueAt: new Date(Date.now() - day), note: null });
    await assignClaims(editor, { claimIds: [claims[2]!.id], reviewerId: busy.id, dueAt: new Date(Date.now() + day), note: null });
    await assignClaims(editor, { claimIds: [claims[3]!.id], reviewerId: busy.id, dueAt: null, note: null });
    // Settled claims are no longer open, even overdue ones.
    await assignClaims(editor, { claimIds: [claims[4]!.id], reviewerId: busy.id, dueAt: new Date(Date.now() - day), note: null });
    await prisma.claim.update({ where: { id: claims[4]!.id }, data: { status: "APPROVED" } });

    const offered = await assignableReviewers();
    const ids = offered.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([busy.id, idle.id]));
    // Not the editor or the admin (they decide on verdicts), not a deactivated reviewer.
    for (const other of [editor, admin, away]) expect(ids).not.toContain(other.id);
    expect(offered.find((p) => p.id === busy.id)).toMatchObject({ name: busy.name, open: 4, overdue: 2 });
    expect(offered.find((p) => p.id === idle.id)).toMatchObject({ open: 0, overdue: 0 });
    // The workload counts the same way.
    expect((await deskWorkload()).find((p) => p.id === busy.id)).toMatchObject({ open: 4, overdue: 2 });

    const fresh = (await claimsOn(editor.id, 1)).claims[0]!;
    for (const other of [editor, admin, away]) {
      await expect(assignClaims(editor, { claimIds: [fresh.id], reviewerId: other.id, dueAt: null, note: null })).rejects.toMatchObject({ reason: "notReviewer" });
    }
    await expect(assignClaims(editor, { claimIds: [fresh.id], reviewerId: "not-a-person", dueAt: null, note: null })).rejects.toMatchObject({ reason: "notReviewer" });
    expect(await prisma.assignment.count({ where: { claimId: fresh.id } })).toBe(0);
  });

  it("put overdue claims first in the queue, then by due date", async () => {
    const editor = await sessionOf("editor");
    const reviewer = await sessionOf("reviewer");
    const { claims } = await claimsOn(editor.id, 3);
    const [later, none, overdue] = claims;
    await assignClaims(editor, { claimIds: [later!.id], reviewerId: reviewer.id, dueAt: new Date(Date.now() + 3 * 86_400_000), note: null });
    await assignClaims(editor, { claimIds: [none!.id], reviewerId: reviewer.id, dueAt: null, note: null });
    await assignClaims(editor, { claimIds: [overdue!.id], reviewerId: reviewer.id, dueAt: new Date(Date.now() - 86_400_000), note: null });
    const queue = await reviewerQueue(reviewer.id);
    expect(queue.map((q) => q.claim.id)).toEqual([overdue!.id, later!.id, none!.id]);
    expect(queue[0]!.overdue).toBe(true);
  });
});

describe("the board", () => {
  it("runs a fixed number of queries for 300 claims and 20 reviewers", async () => {
    const editor = await sessionOf("editor");
    const reviewers = await Promise.all(Array.from({ length: 20 }, () => sessionOf("reviewer")));
    const small = await claimsOn(editor.id, 3);
    await articleBoard("00000000-0000-4000-8000-000000000000"); // starts the cache's change listener
    expect(await liveReady(5000)).toBe(true);
    const { queries: few } = await countQueries(() => articleBoard(small.articleId));

    const big = await claimsOn(editor.id, 300);
    for (let i = 0; i < reviewers.length; i++) {
      const share = big.claims.slice(i * 12, i * 12 + 12).map((c) => c.id);
      await assignClaims(editor, { claimIds: share, reviewerId: reviewers[i]!.id, dueAt: new Date(Date.now() + i * 3_600_000), note: null });
    }
    const { result, queries: many } = await countQueries(() => articleBoard(big.articleId));
    expect(result.total).toBe(300);
    const assignedColumn = result.columns.find((c) => c.status === "ASSIGNED")!;
    expect(assignedColumn.total).toBe(240);
    expect(assignedColumn.claims).toHaveLength(boardColumnLimit);
    // A second look is served from the cache until the article changes.
    const { result: expanded, queries: cached } = await countQueries(() => articleBoard(big.articleId, { expand: "ASSIGNED" }));
    expect(cached).toHaveLength(0);
    expect(expanded.columns.find((c) => c.status === "ASSIGNED")!.claims).toHaveLength(240);
    expect(many.length).toBe(few.length);
    expect(many.length).toBeLessThanOrEqual(6);

    await assignClaims(editor, { claimIds: [big.claims[299]!.id], reviewerId: reviewers[0]!.id, dueAt: null, note: null });
    const afterChange = await articleBoard(big.articleId);
    expect(afterChange.columns.find((c) => c.status === "ASSIGNED")!.total).toBe(241);

    const workload = await deskWorkload();
    expect(workload.filter((w) => reviewers.slice(1).some((r) => r.id === w.id)).every((w) => w.open === 12)).toBe(true);
  }, 60_000);
});
