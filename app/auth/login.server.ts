// Signing in: throttle, check the password, open a session.
import { prisma } from "~/db/client.server";
import { issueDeviceCookie, trustedDevice } from "./device-cookie.server";
import { verifyDecoyPassword, verifyPassword } from "./password.server";
import { startLoginAttempt } from "./rate-limit.server";
import { createSession } from "./session.server";

export type SignInResult =
  /** `deviceCookie`: a Set-Cookie value when this browser gets a (new) device cookie for the account. */
  | { ok: true; token: string; userId: string; deviceCookie: string | null }
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
  /** The request's Cookie header: a device cookie in it makes this browser a trusted device. */
  cookieHeader?: string | null;
}): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const device = await trustedDevice(input.cookieHeader ?? null, email);
  const attempt = await startLoginAttempt({ email, ip: input.ip, device });
  if (attempt.limited) return { ok: false, reason: "throttled", retryAt: attempt.retryAt };

  // Unknown emails cost the same as known ones: a decoy hash is verified, and the same counters are taken.
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true },
  });
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyDecoyPassword(input.password);
  const ok = passwordOk && user !== null && user.active;
  await attempt.finish(ok);
  if (!ok || !user) return { ok: false, reason: "invalid" };
  return {
    ok: true,
    userId: user.id,
    token: await createSession(user.id, input.userAgent),
    deviceCookie: device ? null : await issueDeviceCookie(email),
  };
}
