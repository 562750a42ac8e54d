// Lucia's session design against a real PostgreSQL: hashed secrets, sliding inactivity expiry.
import { describe, expect, it } from "vitest";
import { signIn } from "~/auth/login.server";
import { loginLimits } from "~/auth/rate-limit.server";
import {
  activityCheckIntervalMs,
  createSession,
  getSessionUser,
  inactivityTimeoutMs,
  invalidateUserSessions,
  validateSessionToken,
} from "~/auth/session.server";
import { prisma } from "~/db/client.server";
import { createPerson, testPassword } from "../support/people";
import { countQueries } from "../support/queries";

describe("sessions", () => {
  it("validates a token to the user with their role's permissions", async () => {
    const person = await createPerson("reviewer");
    const token = await createSession(person.id, "test");
    const user = await validateSessionToken(token);
    expect(user).toMatchObject({ id: person.id, email: person.email, role: "reviewer" });
    expect(user!.permissions).toContain("propose:verdict:own");
    expect(user!.permissions).not.toContain("read:user:any");
  });

  it("costs one database round trip to validate, permissions included", async () => {
    const person = await createPerson("editor");
    const token = await createSession(person.id, null);
    await validateSessionToken(token); // warm the connection
    const { result, queries } = await countQueries(() => validateSessionToken(token));
    expect(result?.permissions).toContain("approve:verdict:any");
    expect(queries).toHaveLength(1);
  });

  it("is validated once per HTTP request, however many loaders ask", async () => {
    const person = await createPerson("reviewer");
    const token = await createSession(person.id, null);
    const context = {};
    const request = () => new Request("http://localhost/dashboard", { headers: { Cookie: `factdesk_session=${token}` } });
    const { result, queries } = await countQueries(() =>
      Promise.all([getSessionUser({ request: request(), context }), getSessionUser({ request: request(), context })]),
    );
    expect(result.map((user) => user?.id)).toEqual([person.id, person.id]);
    expect(queries).toHaveLength(1);
  });

  it("rejects a wrong secret, a malformed token and an unknown id", async () => {
    const person = await createPerson("editor");
    const token = await createSession(person.id, null);
    const [id, secret] = token.split(".");
    expect(await validateSessionToken(`${id}.${secret!.slice(0, -1)}x`)).toBeNull();
    expect(await validateSessionToken(`${id}`)).toBeNull();
    expect(await validateSessionToken(`${id}.${secret}.extra`)).toBeNull();
    expect(await validateSessionToken(`unknownid.${secret}`)).toBeNull();
  });

  it("slides the expiry with activity and ends a session after the inactivity timeout", async () => {
    const person = await createPerson("editor");
    const token = await createSession(person.id, null);
    const id = token.split(".")[0]!;
    const now = Date.now();

    await prisma.session.update({ where: { id }, data: { lastActiveAt: new Date(now - activityCheckIntervalMs / 2) } });
    await validateSessionToken(token, new Date(now));
    const untouched = await prisma.session.findUniqueOrThrow({ where: { id } });
    expect(untouched.lastActiveAt.getTime()).toBe(now - activityCheckIntervalMs / 2);

    await prisma.session.update({ where: { id }, data: { lastActiveAt: new Date(now - inactivityTimeoutMs + 60_000) } });
    expect(await validateSessionToken(token, new Date(now))).not.toBeNull();
    const refreshed = await prisma.session.findUniqueOrThrow({ where: { id } });
    expect(refreshed.lastActiveAt.getTime()).toBe(now);

    await prisma.session.update({ where: { id }, data: { lastActiveAt: new Date(now - inactivityTimeoutMs - 1) } });
    expect(await validateSessionToken(token, new Date(now))).toBeNull();
    expect(await prisma.session.findUnique({ where: { id } })).toBeNull();
  });

  it("ignores sessions of deactivated accounts", async () => {
    const person = await createPerson("reviewer");
    const token = await createSession(person.id, null);
    await prisma.user.update({ where: { id: person.id }, data: { active: false } });
    expect(await validateSessionToken(token)).toBeNull();
  });

  it("signs out everywhere except the current session", async () => {
    const person = await createPerson("editor");
    const current = await createSession(person.id, null);
    await createSession(person.id, null);
    await createSession(person.id, null);
    const ended = await invalidateUserSessions(person.id, { except: current.split(".")[0] });
    expect(ended).toBe(2);
    expect(await validateSessionToken(current)).not.toBeNull();
  });
});

describe("sign-in throttling", () => {
  it("pauses an account after 10 wrong passwords in the window, and says until when", async () => {
    const person = await createPerson("editor");
    for (let i = 0; i < loginLimits.perAccount; i++) {
      expect(await signIn({ email: person.email, password: "wrong", ip: `198.51.100.${i}`, userAgent: null })).toEqual({ ok: false, reason: "invalid" });
    }
    const refused = await signIn({ email: person.email.toUpperCase(), password: testPassword, ip: "198.51.100.200", userAgent: null });
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    const retryAt = (refused as { retryAt: Date }).retryAt.getTime();
    expect(retryAt).toBeGreaterThan(Date.now() + loginLimits.windowMs - 60_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + loginLimits.windowMs);

    // Failures older than the window no longer count.
    await prisma.loginAttempt.updateMany({ where: { email: person.email }, data: { createdAt: new Date(Date.now() - loginLimits.windowMs - 1000) } });
    expect(await signIn({ email: person.email, password: testPassword, ip: "198.51.100.200", userAgent: null })).toMatchObject({ ok: true });
  });

  it("pauses one client address after 50 wrong passwords across accounts", async () => {
    const ip = "192.0.2.77";
    await prisma.loginAttempt.createMany({
      data: Array.from({ length: loginLimits.perIp }, (_, i) => ({ email: `guess${i}@test.example`, ip, succeeded: false })),
    });
    const person = await createPerson("reviewer");
    expect(await signIn({ email: person.email, password: testPassword, ip, userAgent: null })).toMatchObject({ ok: false, reason: "throttled" });
    expect(await signIn({ email: person.email, password: testPassword, ip: "192.0.2.78", userAgent: null })).toMatchObject({ ok: true });
  });
});
