// People on the desk: accounts, roles, activation. Every change is audited.
import { recordAudit } from "~/audit/audit.server";
import { type Actor, assertPermitted } from "~/auth/actor";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import type { RoleName } from "~/auth/permissions";
import { invalidateUserSessions } from "~/auth/session.server";
import { prisma } from "~/db/client.server";
import type { Language } from "~/i18n/i18n";
import { Refusal } from "~/utils/refusal";

export function countUsers() {
  return prisma.user.count();
}

export async function setUserLanguage(userId: string, language: Language) {
  await prisma.user.update({ where: { id: userId }, data: { language }, select: { id: true } });
}

export function listPeople() {
  return prisma.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, active: true, role: { select: { name: true } } },
  });
}

export async function roleId(name: RoleName) {
  const role = await prisma.role.findUniqueOrThrow({ where: { name }, select: { id: true } });
  return role.id;
}

export type PeopleRefusal = "cannotChangeSelf" | "lastAdmin" | "notFound";

/** A change to someone's account that the desk's rules refuse: one's own role or access, the last admin, a gone person. */
export class PeopleRuleError extends Refusal<PeopleRefusal> {
  constructor(reason: PeopleRefusal) {
    super(reason, { status: reason === "notFound" ? 404 : 409, messageKey: `people.${reason}` });
  }
}

/** Another active admin must remain when `userId` stops being an active admin. */
async function assertAnotherActiveAdmin(tx: Pick<typeof prisma, "user">, userId: string) {
  const others = await tx.user.count({ where: { active: true, role: { name: "admin" }, id: { not: userId } } });
  if (others === 0) throw new PeopleRuleError("lastAdmin");
}

export async function changeRole(actor: Actor, userId: string, role: RoleName) {
  assertPermitted(actor, "update:user:any");
  if (actor.id === userId) throw new PeopleRuleError("cannotChangeSelf");
  const newRoleId = await roleId(role);
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: { select: { name: true } } } });
    if (!before) throw new PeopleRuleError("notFound");
    if (before.role.name === "admin" && role !== "admin") await assertAnotherActiveAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { roleId: newRoleId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.role_change",
      entityType: "User",
      entityId: userId,
      before: { role: before.role.name },
      after: { role },
    });
  });
}

/** Deactivating ends every session of the account at once; reactivating lets the person sign in again. */
export async function setActive(actor: Actor, userId: string, active: boolean) {
  assertPermitted(actor, "update:user:any");
  if (actor.id === userId) throw new PeopleRuleError("cannotChangeSelf");
  await prisma.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new PeopleRuleError("notFound");
    if (!active) await assertAnotherActiveAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { active, deactivatedAt: active ? null : new Date() } });
    if (!active) await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: active ? "user.reactivate" : "user.deactivate",
      entityType: "User",
      entityId: userId,
      before: { active: !active },
      after: { active },
    });
  });
}

/** Changes the password after checking the current one, and signs out the user's other sessions. */
export async function changePassword(userId: string, sessionId: string, current: string, next: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, current))) return false;
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(next) } });
  await invalidateUserSessions(userId, { except: sessionId });
  return true;
}

/** First run only: creates the first administrator and names the newsroom, in one transaction. */
export async function createFirstAdmin(input: {
  email: string;
  name: string;
  password: string;
  newsroomName: string;
  defaultLanguage: Language;
}) {
  const passwordHash = await hashPassword(input.password);
  const adminRoleId = await roleId("admin");
  return prisma.$transaction(async (tx) => {
    // Serialise concurrent first-run submissions: only the first one may create an account.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(728041)`;
    if ((await tx.user.count()) > 0) return null;
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, roleId: adminRoleId, language: input.defaultLanguage },
      select: { id: true },
    });
    const newsroom = { name: input.newsroomName, defaultLanguage: input.defaultLanguage };
    await tx.newsroomSettings.upsert({ where: { id: 1 }, create: { id: 1, ...newsroom }, update: newsroom });
    await recordAudit(tx, { actorId: user.id, action: "user.setup_admin", entityType: "User", entityId: user.id });
    return user;
  });
}
