// Sign-in throttling. Attempts are rows in PostgreSQL, so every app instance sees the same counts.
import { prisma } from "~/db/client.server";

export const loginLimits = {
  windowMs: 15 * 60 * 1000,
  /** Wrong passwords allowed per account in the window; the next attempt is refused. */
  perAccount: 10,
  /** Wrong passwords allowed per client address in the window (several people can share one). */
  perIp: 50,
} as const;

export type Throttle = { limited: false } | { limited: true; retryAt: Date; scope: "account" | "ip" };

/** Whether a new sign-in attempt for this email from this address must be refused, and until when. */
export async function checkLoginThrottle(email: string, ip: string, now = new Date()): Promise<Throttle> {
  const since = new Date(now.getTime() - loginLimits.windowMs);
  const [account, address] = await Promise.all([
    failuresSince({ email }, since, loginLimits.perAccount),
    failuresSince({ ip }, since, loginLimits.perIp),
  ]);
  if (account) return { limited: true, scope: "account", retryAt: new Date(account.getTime() + loginLimits.windowMs) };
  if (address) return { limited: true, scope: "ip", retryAt: new Date(address.getTime() + loginLimits.windowMs) };
  return { limited: false };
}

/**
 * When the failures in the window reach the limit, returns the time of the failure whose expiry frees a
 * slot (the limit-th newest); otherwise null.
 */
async function failuresSince(who: { email: string } | { ip: string }, since: Date, limit: number) {
  const failures = await prisma.loginAttempt.findMany({
    where: { ...who, succeeded: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  return failures.length >= limit ? failures[limit - 1]!.createdAt : null;
}

export async function recordLoginAttempt(email: string, ip: string, succeeded: boolean, now = new Date()) {
  await prisma.loginAttempt.create({ data: { email, ip, succeeded, createdAt: now } });
  // Keep the table small: rows older than a day serve no limit.
  if (Math.random() < 0.01) {
    await prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  }
}
