import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { permissions, roles, userCan } from "./permissions";

describe("permissions", () => {
  it("treats holding …:any as also holding …:own, never the reverse", () => {
    const editor = { permissions: ["update:claim:any"] };
    const reviewer = { permissions: ["update:claim:own"] };
    expect(userCan(editor, "update:claim:own")).toBe(true);
    expect(userCan(editor, "update:claim:any")).toBe(true);
    expect(userCan(reviewer, "update:claim:any")).toBe(false);
    expect(userCan(null, "read:dashboard:any")).toBe(false);
  });

  it("exist as rows for every permission the code checks, created by the migrations", async () => {
    const rows = await prisma.permission.findMany({ select: { action: true, entity: true, access: true } });
    const stored = rows.map((p) => `${p.action}:${p.entity}:${p.access}`).sort();
    expect(stored).toEqual([...permissions].sort());
    expect((await prisma.role.findMany({ select: { name: true } })).map((r) => r.name).sort()).toEqual([...roles].sort());
  });

  it("give admins everything, editors the desk, reviewers their own work only", async () => {
    const grants = Object.fromEntries(
      (await prisma.role.findMany({ select: { name: true, permissions: { select: { permission: true } } } })).map((role) => [
        role.name,
        role.permissions.map(({ permission: p }) => `${p.action}:${p.entity}:${p.access}`),
      ]),
    );
    const holder = (role: string) => ({ permissions: grants[role] ?? [] });
    for (const permission of permissions) expect(userCan(holder("admin"), permission), permission).toBe(true);
    for (const adminOnly of ["read:user:any", "create:invite:any", "update:user:any", "update:settings:any", "update:scale:any"] as const) {
      expect(userCan(holder("editor"), adminOnly), adminOnly).toBe(false);
      expect(userCan(holder("reviewer"), adminOnly), adminOnly).toBe(false);
    }
    expect(userCan(holder("editor"), "approve:verdict:any")).toBe(true);
    expect(userCan(holder("reviewer"), "approve:verdict:any")).toBe(false);
    expect(userCan(holder("reviewer"), "update:claim:own")).toBe(true);
    expect(userCan(holder("reviewer"), "update:claim:any")).toBe(false);
    expect(userCan(holder("reviewer"), "read:article:any")).toBe(false);
  });
});
