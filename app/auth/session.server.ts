// Sessions, following the Lucia project's session design (its replacement for the deprecated package):
// the cookie carries `id.secret`, the database stores only SHA-256(secret), hashes are compared in
// constant time, and a session expires after a period of inactivity (sliding expiry).
import { prisma } from "~/db/client.server";
import { inProduction } from "~/utils/env.server";
import { parseCookie, stringifySetCookie } from "cookie";
import { generateSecureRandomString, hashSecret, secretMatches } from "./tokens.server";

export const sessionCookieName = "factdesk_session";
export const inactivityTimeoutMs = 10 * 24 * 60 * 60 * 1000; // 10 days without activity ends a session
export const activityCheckIntervalMs = 60 * 60 * 1000; // lastActiveAt is refreshed at most hourly

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  language: string | null;
  role: string;
  permissions: string[];
  sessionId: string;
};

export async function createSession(userId: string, userAgent: string | null): Promise<string> {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString(24);
  await prisma.session.create({
    data: { id, secretHash: new Uint8Array(hashSecret(secret)), userId, userAgent: userAgent?.slice(0, 300) ?? null },
  });
  return `${id}.${secret}`;
}

type SessionRow = {
  id: string;
  secretHash: Uint8Array;
  lastActiveAt: Date;
  userId: string;
  email: string;
  name: string;
  language: string | null;
  role: string;
  permissions: string[];
};

/** Validates a session token in one database round trip (plus, at most hourly, one to slide its expiry). */
export async function validateSessionToken(token: string, now = new Date()): Promise<SessionUser | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 128) return null;

  const rows = await prisma.$queryRaw<SessionRow[]>`
    SELECT s.id, s."secretHash", s."lastActiveAt", u.id AS "userId", u.email, u.name, u.language,
           r.name AS role,
           COALESCE(array_agg(p.action || ':' || p.entity || ':' || p.access) FILTER (WHERE p.id IS NOT NULL), '{}') AS permissions
    FROM "Session" s
    JOIN "User" u ON u.id = s."userId" AND u.active
    JOIN "Role" r ON r.id = u."roleId"
    LEFT JOIN "RolePermission" rp ON rp."roleId" = r.id
    LEFT JOIN "Permission" p ON p.id = rp."permissionId"
    WHERE s.id = ${id}
    GROUP BY s.id, u.id, r.id`;
  const row = rows[0];
  if (!row || !secretMatches(secret, row.secretHash)) return null;

  const idleFor = now.getTime() - row.lastActiveAt.getTime();
  if (idleFor >= inactivityTimeoutMs) {
    await prisma.session.deleteMany({ where: { id } });
    return null;
  }
  if (idleFor >= activityCheckIntervalMs) {
    await prisma.session.updateMany({ where: { id }, data: { lastActiveAt: now } });
  }
  return {
    id: row.userId,
    email: row.email,
    name: row.name,
    language: row.language,
    role: row.role,
    permissions: row.permissions,
    sessionId: row.id,
  };
}

export async function invalidateSession(sessionId: string) {
  await prisma.session.deleteMany({ where: { id: sessionId } });
}

/** "Sign out everywhere": ends every session of the user, optionally keeping the current one. */
export async function invalidateUserSessions(userId: string, options: { except?: string } = {}) {
  const { count } = await prisma.session.deleteMany({
    where: { userId, ...(options.except ? { id: { not: options.except } } : {}) },
  });
  return count;
}

export function countUserSessions(userId: string) {
  return prisma.session.count({ where: { userId } });
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  return header ? (parseCookie(header)[sessionCookieName] ?? null) : null;
}

function cookieAttributes() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: inProduction() };
}

/**
 * The cookie lives as long as the browser keeps it (400 days, the browsers' cap); whether the session is
 * still valid is decided on the server at every request, by the inactivity expiry above.
 */
export function sessionCookie(token: string): string {
  return stringifySetCookie(sessionCookieName, token, { ...cookieAttributes(), maxAge: 400 * 24 * 60 * 60 });
}

export function clearedSessionCookie(): string {
  return stringifySetCookie(sessionCookieName, "", { ...cookieAttributes(), maxAge: 0 });
}

/** What identifies one HTTP request to every loader and action that serves it. */
export type RequestScope = { request: Request; context?: object };

// The loaders of one page each get their own copy of the Request, but share the load context the
// server made for the request: key the memo on it, so a page validates its session once.
const validated = new WeakMap<object, Promise<SessionUser | null>>();

/** The signed-in user for this request, or null; validated once per HTTP request. */
export function getSessionUser({ request, context }: RequestScope): Promise<SessionUser | null> {
  const key = context ?? request;
  let result = validated.get(key);
  if (!result) {
    const token = readSessionToken(request);
    result = token ? validateSessionToken(token) : Promise.resolve(null);
    validated.set(key, result);
  }
  return result;
}
