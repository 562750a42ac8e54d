// People for tests, created in the database the app under test uses.
import { randomUUID } from "node:crypto";
import { hashPassword } from "~/auth/password.server";
import type { RoleName } from "~/auth/permissions";
import { prisma } from "~/db/client.server";

export const testPassword = "correct horse battery";
let cachedHash: Promise<string> | undefined;

/** A new person of `role`, with their role's permissions: an Actor, as domain functions take one. */
export async function createPerson(role: RoleName, overrides: { email?: string; name?: string; language?: string | null } = {}) {
  cachedHash ??= hashPassword(testPassword);
  const email = overrides.email ?? `${role}-${randomUUID().slice(0, 8)}@test.example`;
  const roleRow = await prisma.role.findUniqueOrThrow({ where: { name: role }, select: { id: true } });
  const person = await prisma.user.create({
    data: {
      email,
      name: overrides.name ?? `Test ${role} ${email.slice(0, 12)}`,
      passwordHash: await cachedHash,
      roleId: roleRow.id,
      language: overrides.language ?? null,
    },
    select: { id: true, email: true, name: true, role: { select: { permissions: { select: { permission: { select: { action: true, entity: true, access: true } } } } } } },
  });
  const { role: grants, ...rest } = person;
  return { ...rest, permissions: grants.permissions.map(({ permission: p }) => `${p.action}:${p.entity}:${p.access}`) };
}
