// People rules: invitations are single-use and expire; the desk always keeps an active admin.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { acceptInvite, createInvite, findUsableInvite, revokeInvite } from "~/people/invites.server";
import { changeRole, PeopleRuleError, setActive } from "~/people/users.server";
import { actorOf } from "../support/fixtures";

describe("invitations", () => {
  it("are single-use, store only a hash of the link's token, and are audited", async () => {
    const admin = await actorOf("admin");
    const invite = await createInvite(admin, "kontributor@example.org", "reviewer");
    if (!invite.ok) throw new Error("invite refused");
    const stored = await prisma.invite.findFirstOrThrow({ where: { email: "kontributor@example.org" } });
    expect(stored.tokenHash).not.toContain(invite.token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const accepted = await acceptInvite(invite.token, { name: "Kontributor", password: "kata-sandi-baru", language: "id" });
    expect(accepted.ok).toBe(true);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "kontributor@example.org" }, select: { role: { select: { name: true } }, language: true } });
    expect(user).toEqual({ role: { name: "reviewer" }, language: "id" });
    expect(await acceptInvite(invite.token, { name: "Again", password: "kata-sandi-baru", language: "id" })).toEqual({ ok: false, reason: "invalid" });
    expect((await prisma.auditEvent.findMany({ where: { entityType: "Invite" }, select: { action: true } })).map((e) => e.action).sort()).toEqual([
      "invite.accept",
      "invite.create",
    ]);
  });

  it("cannot be used once expired or withdrawn, and are refused for existing accounts", async () => {
    const admin = await actorOf("admin");
    const expired = await createInvite(admin, "late@example.org", "editor");
    const withdrawn = await createInvite(admin, "withdrawn@example.org", "editor");
    if (!expired.ok || !withdrawn.ok) throw new Error("invite refused");
    await prisma.invite.updateMany({ where: { email: "late@example.org" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findUsableInvite(expired.token)).toBeNull();
    const withdrawnRow = await prisma.invite.findFirstOrThrow({ where: { email: "withdrawn@example.org" } });
    await revokeInvite(admin, withdrawnRow.id);
    expect(await acceptInvite(withdrawn.token, { name: "X", password: "kata-sandi-baru", language: "en" })).toEqual({ ok: false, reason: "invalid" });
    expect(await createInvite(admin, admin.email, "reviewer")).toEqual({ ok: false, reason: "exists" });
  });
});

describe("one invitation accepted by several people at once", () => {
  it("creates exactly one account; the others hear that the link was just used, and nothing fails", async () => {
    const admin = await actorOf("admin");
    const invite = await createInvite(admin, "rebutan@example.org", "reviewer");
    if (!invite.ok) throw new Error("invite refused");
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) => acceptInvite(invite.token, { name: `Orang ${i}`, password: "kata-sandi-baru", language: "id" })),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    for (const outcome of outcomes.filter((outcome) => !outcome.ok)) expect(["used", "invalid"]).toContain(outcome.ok ? null : outcome.reason);
    expect(await prisma.user.count({ where: { email: "rebutan@example.org" } })).toBe(1);
    const row = await prisma.invite.findFirstOrThrow({ where: { email: "rebutan@example.org" }, select: { id: true, acceptedById: true } });
    const winner = outcomes.find((outcome) => outcome.ok) as { userId: string };
    expect(row.acceptedById).toBe(winner.userId);
    expect(await prisma.auditEvent.count({ where: { action: "invite.accept", entityId: row.id } })).toBe(1);
  });

  it("refuses two invitations for one address accepted at once with 'exists' for the second, not a database error", async () => {
    const admin = await actorOf("admin");
    const first = await createInvite(admin, "kembar@example.org", "reviewer");
    const second = await createInvite(admin, "kembar@example.org", "editor");
    if (!first.ok || !second.ok) throw new Error("invite refused");
    const outcomes = await Promise.all(
      [first, second].map((invite) => acceptInvite(invite.token, { name: "Kembar", password: "kata-sandi-baru", language: "en" })),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.find((outcome) => !outcome.ok)).toEqual({ ok: false, reason: "exists" });
    expect(await prisma.user.count({ where: { email: "kembar@example.org" } })).toBe(1);
  });
});

describe("roles and deactivation", () => {
  it("keeps at least one active admin, and nobody changes or deactivates themselves", async () => {
    const admin = await actorOf("admin");
    const other = await actorOf("admin");
    // Only these two admins are active on this desk.
    await prisma.user.updateMany({ where: { id: { notIn: [admin.id, other.id] } }, data: { active: false } });
    await expect(changeRole(admin, admin.id, "reviewer")).rejects.toThrow(PeopleRuleError);
    await expect(setActive(admin, admin.id, false)).rejects.toThrow(PeopleRuleError);
    await changeRole(admin, other.id, "editor");
    // `other` (now an editor) cannot remove the last admin either.
    await expect(changeRole(other, admin.id, "editor")).rejects.toMatchObject({ messageKey: "people.lastAdmin" });
    await expect(setActive(other, admin.id, false)).rejects.toMatchObject({ messageKey: "people.lastAdmin" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.role_change", entityId: other.id } });
    expect(audit).toMatchObject({ actorId: admin.id, before: { role: "admin" }, after: { role: "editor" } });
  });
});
