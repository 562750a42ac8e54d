// The demo seed acts through the same domain functions as the desk, as the demo people themselves.
import { createSession, type SessionUser, validateSessionToken } from "~/auth/session.server";
import { prisma } from "~/db/client.server";

/** Anyone by email, with their permissions as a signed-in session carries them (the session is not kept). */
export async function actAs(email: string): Promise<SessionUser> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const session = await validateSessionToken(await createSession(user.id, "demo seed"));
  await prisma.session.deleteMany({ where: { id: session!.sessionId } });
  return session!;
}

export async function claimVersion(claimId: string) {
  return (await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version;
}
