// An Actor for code that acts without a session (the command line, benchmarks, tests): the person and the
// permissions of their role, read as a session reads them.
import { prisma } from "~/db/client.server";
import type { Actor } from "./actor";

export async function loadActor(userId: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, role: { select: { permissions: { select: { permission: { select: { action: true, entity: true, access: true } } } } } } },
  });
  return { id: user.id, permissions: user.role.permissions.map(({ permission: p }) => `${p.action}:${p.entity}:${p.access}`) };
}
