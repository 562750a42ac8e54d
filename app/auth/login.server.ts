// Signing in: throttle, check the password, open a session.
import { prisma } from "~/db/client.server";
import { verifyDecoyPassword, verifyPassword } from "./password.server";
import { checkLoginThrottle, recordLoginAttempt } from "./rate-limit.server";
import { createSession } from "./session.server";

export type SignInResult =
  | { ok: true; token: string; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAt: Date };

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

export async function signIn(input: {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
}): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const throttle = await checkLoginThrottle(email, input.ip);
  if (throttle.limited) return { ok: false, reason: "throttled", retryAt: throttle.retryAt };

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true },
  });
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyDecoyPassword(input.password);
  const ok = passwordOk && user !== null && user.active;
  await recordLoginAttempt(email, input.ip, ok);
  if (!ok || !user) return { ok: false, reason: "invalid" };
  return { ok: true, userId: user.id, token: await createSession(user.id, input.userAgent) };
}
