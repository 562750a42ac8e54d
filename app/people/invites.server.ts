// Invitations: a single-use, expiring link. Only SHA-256 of its token is stored, so the link can be
// shown to the admin once and never read back from the database.
import { recordAudit } from "~/audit/audit.server";
import { type Actor, assertPermitted } from "~/auth/actor";
import { hashPassword } from "~/auth/password.server";
import type { RoleName } from "~/auth/permissions";
import { generateSecureRandomString, hashSecretHex } from "~/auth/tokens.server";
import { prisma } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { Language } from "~/i18n/i18n";
import { roleId } from "./users.server";
import { Refusal } from "~/utils/refusal";

import { inviteValidDays } from "./invite-rules";

export type InviteCreated = { ok: true; token: string; expiresAt: Date } | { ok: false; reason: "exists" };

export async function createInvite(actor: Actor, email: string, role: RoleName): Promise<InviteCreated> {
  assertPermitted(actor, "create:invite:any");
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) return { ok: false, reason: "exists" };
  const token = generateSecureRandomString(20);
  const expiresAt = new Date(Date.now() + inviteValidDays * 86_400_000);
  const inviteRoleId = await roleId(role);
  await prisma.$transaction(async (tx) => {
    const invite = await tx.invite.create({
      data: { tokenHash: hashSecretHex(token), email, roleId: inviteRoleId, createdById: actor.id, expiresAt },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "invite.create", entityType: "Invite", entityId: invite.id, after: { email, role } });
  });
  return { ok: true, token, expiresAt };
}

/** The invitation behind a link, when it can still be used. */
export async function findUsableInvite(token: string, now = new Date()) {
  if (token.length > 100) return null;
  return prisma.invite.findFirst({
    where: { tokenHash: hashSecretHex(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, role: { select: { id: true, name: true } } },
  });
}

/** `used`: someone accepted this invitation a moment ago (two people on one link at once). */
export type InviteAccepted = { ok: true; userId: string } | { ok: false; reason: "invalid" | "used" | "exists" };

export async function acceptInvite(
  token: string,
  input: { name: string; password: string; language: Language },
): Promise<InviteAccepted> {
  const invite = await findUsableInvite(token);
  if (!invite) return { ok: false, reason: "invalid" };
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      // Claim the invitation first: the conditional UPDATE locks its row, so whoever accepts the same link at
      // the same moment waits here, then finds it claimed and creates nothing.
      const claimed = await tx.invite.updateMany({
        where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        data: { acceptedAt: new Date() },
      });
      if (claimed.count !== 1) return { ok: false, reason: "used" } as const;
      if (await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } })) throw new InviteRefused("exists");
      const user = await tx.user.create({
        data: { email: invite.email, name: input.name, passwordHash, roleId: invite.role.id, language: input.language },
        select: { id: true },
      });
      await tx.invite.update({ where: { id: invite.id }, data: { acceptedById: user.id }, select: { id: true } });
      await recordAudit(tx, { actorId: user.id, action: "invite.accept", entityType: "Invite", entityId: invite.id });
      return { ok: true, userId: user.id } as const;
    });
  } catch (error) {
    if (error instanceof InviteRefused) return { ok: false, reason: error.reason };
    // Two invitations for one address accepted at once: the second account would duplicate the first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "exists" };
    throw error;
  }
}

/** Someone already has an account with the invited address. */
class InviteRefused extends Refusal<"exists"> {
  constructor(reason: "exists") {
    super(reason, { status: 409, messageKey: "invite.emailTaken" });
  }
}

export function listPendingInvites(now = new Date()) {
  return prisma.invite.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, expiresAt: true, role: { select: { name: true } } },
  });
}

export async function revokeInvite(actor: Actor, inviteId: string) {
  assertPermitted(actor, "update:user:any");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.invite.updateMany({ where: { id: inviteId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count) await recordAudit(tx, { actorId: actor.id, action: "invite.revoke", entityType: "Invite", entityId: inviteId });
  });
}
