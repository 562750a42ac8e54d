// Lucia's session design against a real PostgreSQL: hashed secrets, sliding inactivity expiry.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { signIn } from "~/auth/login.server";
import { createLoginLimiters, loginLimits, startLoginAttempt } from "~/auth/rate-limit.server";
import {
  activityCheckIntervalMs,
  createSession,
  getSessionUser,
  inactivityTimeoutMs,
  invalidateUserSessions,
  validateSessionToken,
} from "~/auth/session.server";
import { prisma } from "~/db/client.server";
import { actorOf, testPassword } from "../support/fixtures";
import { countQueries } from "../support/queries";

describe("sessions", () => {
  it("validates a token to the user with their role's permissions", async () => {
    const person = await actorOf("reviewer");
    const token = await createSession(person.id, "test");
    const user = await validateSessionToken(token);
    expect(user).toMatchObject({ id: person.id, email: person.email, role: "reviewer" });
    expect(user!.permissions).toContain("propose:verdict:own");
    expect(user!.permissions).not.toContain("read:user:any");
  });

  it("costs one database round trip to validate, permissions included", async () => {
    const person = await actorOf("editor");
    const token = await createSession(person.id, null);
    await validateSessionToken(token); // warm the connection
    const { result, queries } = await countQueries(() => validateSessionToken(token));
    expect(result?.permissions).toContain("approve:verdict:any");
    expect(queries).toHaveLength(1);
  });

  it("is validated once per HTTP request, however many loaders ask", async () => {
    const person = await actorOf("reviewer");
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
    const person = await actorOf("editor");
    const token = await createSession(person.id, null);
    const [id, secret] = token.split(".");
    expect(await validateSessionToken(`${id}.${secret!.slice(0, -1)}x`)).toBeNull();
    expect(await validateSessionToken(`${id}`)).toBeNull();
    expect(await validateSessionToken(`${id}.${secret}.extra`)).toBeNull();
    expect(await validateSessionToken(`unknownid.${secret}`)).toBeNull();
  });

  it("slides the expiry with activity and ends a session after the inactivity timeout", async () => {
    const person = await actorOf("editor");
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
    const person = await actorOf("reviewer");
    const token = await createSession(person.id, null);
    await prisma.user.update({ where: { id: person.id }, data: { active: false } });
    expect(await validateSessionToken(token)).toBeNull();
  });

  it("signs out everywhere except the current session", async () => {
    const person = await actorOf("editor");
    const current = await createSession(person.id, null);
    await createSession(person.id, null);
    await createSession(person.id, null);
    const ended = await invalidateUserSessions(person.id, { except: current.split(".")[0] });
    expect(ended).toBe(2);
    expect(await validateSessionToken(current)).not.toBeNull();
  });
});

describe("sign-in throttling", () => {
  /** The Cookie header a browser sends back after a successful sign-in (its device cookie). */
  const cookieFrom = (setCookie: string | null) => setCookie!.split(";")[0]!;
  const expireWindows = () => prisma.$executeRaw`UPDATE "LoginThrottle" SET expire = ${Date.now() - 1000}`;

  it("pauses an account after 10 wrong passwords from unknown browsers, and says until when", async () => {
    const person = await actorOf("editor");
    for (let i = 0; i < loginLimits.perAccount; i++) {
      expect(await signIn({ email: person.email, password: "wrong", ip: `198.51.100.${i}`, userAgent: null })).toEqual({ ok: false, reason: "invalid" });
    }
    const refused = await signIn({ email: person.email.toUpperCase(), password: testPassword, ip: "198.51.100.200", userAgent: null });
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    const retryAt = (refused as { retryAt: Date }).retryAt.getTime();
    expect(retryAt).toBeGreaterThan(Date.now() + loginLimits.windowMs - 60_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + loginLimits.windowMs);

    // Failures older than the window no longer count.
    await expireWindows();
    expect(await signIn({ email: person.email, password: testPassword, ip: "198.51.100.200", userAgent: null })).toMatchObject({ ok: true });
  });

  it("pauses one client address after 50 wrong passwords across accounts", async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < loginLimits.perIp; i++) {
      const attempt = await startLoginAttempt({ email: `guess${i}@test.example`, ip, device: null });
      expect(attempt.limited).toBe(false);
      if (!attempt.limited) await attempt.finish(false);
    }
    const person = await actorOf("reviewer");
    expect(await signIn({ email: person.email, password: testPassword, ip, userAgent: null })).toMatchObject({ ok: false, reason: "throttled" });
    expect(await signIn({ email: person.email, password: testPassword, ip: "192.0.2.78", userAgent: null })).toMatchObject({ ok: true });
  });

  it("treats an unknown email like a known one: it is paused after 10 wrong passwords too", async () => {
    const email = "nobody-at-all@test.example";
    for (let i = 0; i < loginLimits.perAccount; i++) {
      expect(await signIn({ email, password: "wrong", ip: `203.0.113.${i}`, userAgent: null })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signIn({ email, password: "wrong", ip: "203.0.113.200", userAgent: null })).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("does not lock the owner out: their browser's device cookie signs in after an attacker's wrong passwords", async () => {
    const owner = await actorOf("admin");
    const first = await signIn({ email: owner.email, password: testPassword, ip: "192.0.2.10", userAgent: null });
    expect(first).toMatchObject({ ok: true });
    const ownerBrowser = cookieFrom((first as { deviceCookie: string | null }).deviceCookie);
    expect(ownerBrowser).toMatch(/^factdesk_device=[a-z0-9]+\.[0-9a-f]{64}$/);

    // The attacker, from many addresses, without the cookie.
    for (let i = 0; i < loginLimits.perAccount + 5; i++) {
      await signIn({ email: owner.email, password: `guess ${i}`, ip: `198.18.0.${i}`, userAgent: null });
    }
    expect(await signIn({ email: owner.email, password: testPassword, ip: "198.18.0.99", userAgent: null })).toMatchObject({ reason: "throttled" });
    // A forged or borrowed cookie does not make the attacker trusted: another account's, or a tampered signature.
    const other = await actorOf("reviewer");
    const otherCookie = cookieFrom(((await signIn({ email: other.email, password: testPassword, ip: "192.0.2.11", userAgent: null })) as { deviceCookie: string }).deviceCookie);
    expect(await signIn({ email: owner.email, password: testPassword, ip: "198.18.0.99", userAgent: null, cookieHeader: otherCookie })).toMatchObject({ reason: "throttled" });
    const tampered = ownerBrowser.replace(/[0-9a-f]$/, (digit) => (digit === "0" ? "1" : "0"));
    expect(await signIn({ email: owner.email, password: testPassword, ip: "198.18.0.99", userAgent: null, cookieHeader: tampered })).toMatchObject({ reason: "throttled" });

    // The owner's own browser signs in, and keeps its cookie (no new one).
    const again = await signIn({ email: owner.email, password: testPassword, ip: "192.0.2.10", userAgent: null, cookieHeader: `theme=x; ${ownerBrowser}` });
    expect(again).toMatchObject({ ok: true, deviceCookie: null });
  });

  it("gives a trusted device its own allowance, and pauses only that device when it is used up", async () => {
    const owner = await actorOf("editor");
    const first = await signIn({ email: owner.email, password: testPassword, ip: "192.0.2.20", userAgent: null });
    const device = cookieFrom((first as { deviceCookie: string }).deviceCookie);
    for (let i = 0; i < loginLimits.perDevice; i++) {
      expect(await signIn({ email: owner.email, password: "wrong", ip: "192.0.2.20", userAgent: null, cookieHeader: device })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signIn({ email: owner.email, password: testPassword, ip: "192.0.2.20", userAgent: null, cookieHeader: device })).toMatchObject({ reason: "throttled" });
    // Unknown browsers still have the account's allowance: the device's failures are its own.
    expect(await signIn({ email: owner.email, password: testPassword, ip: "192.0.2.21", userAgent: null })).toMatchObject({ ok: true });
  });

  it("counts in PostgreSQL: two app instances (two limiters on two pools, one database) share the counts", async () => {
    const pools = [new pg.Pool({ connectionString: process.env.DATABASE_URL }), new pg.Pool({ connectionString: process.env.DATABASE_URL })];
    try {
      const [instanceA, instanceB] = pools.map((pool) => createLoginLimiters(pool));
      const attempt = { email: "shared-target@test.example", ip: "192.0.2.30", device: null };
      for (let i = 0; i < loginLimits.perAccount; i++) {
        const started = await startLoginAttempt(attempt, i % 2 === 0 ? instanceA! : instanceB!);
        expect(started.limited, `attempt ${i + 1}`).toBe(false);
        if (!started.limited) await started.finish(false);
      }
      expect(await startLoginAttempt(attempt, instanceA!)).toMatchObject({ limited: true, scope: "account" });
      expect(await startLoginAttempt(attempt, instanceB!)).toMatchObject({ limited: true, scope: "account" });
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it("lets concurrent guesses through only up to the limit (each takes its point before the password is checked)", async () => {
    const attempt = { email: "raced@test.example", ip: "192.0.2.40", device: null };
    const results = await Promise.all(Array.from({ length: 25 }, () => startLoginAttempt(attempt)));
    expect(results.filter((result) => !result.limited)).toHaveLength(loginLimits.perAccount);
  });
});
