// Accounts and sessions over real HTTP against the production build.
import { request as httpRequest } from "node:http";
import { describe, expect, inject, it } from "vitest";
import { prisma } from "~/db/client.server";
import { createInvite } from "~/people/invites.server";
import { location, Visitor } from "../support/http";
import { actorOf, testPassword } from "../support/fixtures";

const baseUrl = () => inject("appUrl");

describe("signing in", () => {
  it("sends anonymous visitors of any app page to /login and back to the page afterwards", async () => {
    const person = await actorOf("editor");
    const visitor = new Visitor(baseUrl());
    const response = await visitor.get("/account?tab=sessions");
    expect(response.status).toBe(302);
    expect(location(response)).toBe(`/login?redirectTo=${encodeURIComponent("/account?tab=sessions")}`);

    const login = await visitor.post("/login", { email: person.email, password: testPassword, redirectTo: "/account?tab=sessions" });
    expect(login.status).toBe(302);
    expect(location(login)).toBe("/account?tab=sessions");
    expect((await visitor.get("/account")).status).toBe(200);
  });

  it("never redirects to another site after signing in", async () => {
    const person = await actorOf("editor");
    const visitor = new Visitor(baseUrl());
    const login = await visitor.post("/login", { email: person.email, password: testPassword, redirectTo: "//evil.example/x" });
    expect(location(login)).toBe("/dashboard");
  });

  it("keeps the Location of sign-in and language switches on this site for a target browsers read as //evil.example", async () => {
    const person = await actorOf("editor");
    // The raw header: a browser drops the tab and follows "/\t/evil.example" to //evil.example.
    const login = await new Visitor(baseUrl()).post("/login", { email: person.email, password: testPassword, redirectTo: "/\t/evil.example" });
    expect(login.status).toBe(302);
    expect(login.headers.get("Location")).toBe("/dashboard");
    const language = await new Visitor(baseUrl()).post("/language", { language: "en", redirectTo: "/\t/evil.example" });
    expect(language.status).toBe(302);
    expect(language.headers.get("Location")).toBe("/login");
    const kept = await new Visitor(baseUrl()).post("/language", { language: "en", redirectTo: "/fact-checks?q=a b#top" });
    expect(kept.headers.get("Location")).toBe("/fact-checks?q=a%20b#top");
  });

  it("sets an HttpOnly, SameSite=Lax, Secure session cookie in production", async () => {
    const person = await actorOf("reviewer");
    const response = await new Visitor(baseUrl()).login(person.email, testPassword);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith("factdesk_session="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).toMatch(/; Secure/i);
  });

  it("says the same thing for an unknown email and a wrong password", async () => {
    const person = await actorOf("reviewer");
    const visitor = new Visitor(baseUrl(), { "Accept-Language": "en" });
    const unknown = await visitor.post("/login", { email: "nobody-here@test.example", password: "whatever it is" });
    const wrong = await visitor.post("/login", { email: person.email, password: "not the password" });
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    const message = "That email address and password do not match an active account.";
    expect(await unknown.text()).toContain(message);
    expect(await wrong.text()).toContain(message);
  });

  it("refuses the 11th wrong password in 15 minutes for one account, saying when to try again", async () => {
    const person = await actorOf("editor");
    const visitor = new Visitor(baseUrl(), { "Accept-Language": "en" });
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await visitor.post("/login", { email: person.email, password: `wrong ${attempt}` });
      expect(response.status, `attempt ${attempt}`).toBe(400);
    }
    const eleventh = await visitor.post("/login", { email: person.email, password: "wrong 11" });
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get("Retry-After"))).toBeGreaterThan(14 * 60);
    expect(await eleventh.text()).toMatch(/Too many failed attempts\. For your security, sign-in is paused until \d{2}[.:]\d{2}/);

    // Even the right password waits: the account is paused, not the guesser's luck.
    const right = await visitor.post("/login", { email: person.email, password: testPassword });
    expect(right.status).toBe(429);
    // The message is in the visitor's language.
    const indonesian = await new Visitor(baseUrl(), { "Accept-Language": "id-ID,id;q=0.9" }).post("/login", { email: person.email, password: testPassword });
    expect(await indonesian.text()).toContain("Terlalu banyak percobaan gagal");
    // Other accounts are not affected.
    const other = await actorOf("editor");
    expect((await new Visitor(baseUrl()).post("/login", { email: other.email, password: testPassword })).status).toBe(302);
  });
});

describe("sign-in throttling that cannot lock the owner out", () => {
  it("lets the owner's browser (device cookie) sign in after an attacker's 12 wrong passwords, while the attacker stays paused", async () => {
    const owner = await actorOf("admin");
    const ownerBrowser = new Visitor(baseUrl(), { "Accept-Language": "en" });
    await ownerBrowser.login(owner.email, testPassword);
    const device = ownerBrowser.cookie("factdesk_device");
    expect(device).toMatch(/^[a-z0-9]+\.[0-9a-f]{64}$/);
    expect((await ownerBrowser.post("/logout", {})).status).toBe(302);
    expect(ownerBrowser.cookie("factdesk_device")).toBe(device);

    const attacker = new Visitor(baseUrl(), { "Accept-Language": "en" });
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 12; attempt++) statuses.push((await attacker.post("/login", { email: owner.email, password: `guess ${attempt}` })).status);
    expect(statuses).toEqual([...Array(10).fill(400), 429, 429]);
    const right = await attacker.post("/login", { email: owner.email, password: testPassword });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("Retry-After"))).toBeGreaterThan(0);

    const owners = await ownerBrowser.post("/login", { email: owner.email, password: testPassword });
    expect(owners.status).toBe(302);
    expect((await ownerBrowser.get("/dashboard")).status).toBe(200);
  });

  it("answers a JSON body on POST /login with 415 and a message in the visitor's language, not a 500", async () => {
    for (const [language, message] of [
      ["en", "This address accepts only forms sent from Factdesk"],
      ["id", "hanya menerima formulir dari halaman Factdesk sendiri"],
    ] as const) {
      const response = await new Visitor(baseUrl(), { "Accept-Language": language }).request("/login", {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: new URL(baseUrl()).origin },
        body: JSON.stringify({ email: "admin@example.org", password: "factdesk-demo" }),
      });
      expect(response.status).toBe(415);
      expect(await response.text()).toContain(message);
    }
  });
});

describe("invitations", () => {
  it("accepted by several people at once: exactly one account, the others a clear 410, no 500", async () => {
    const admin = await actorOf("admin");
    const email = `rebutan-${Date.now()}@test.example`;
    const invite = await createInvite(admin, email, "reviewer");
    if (!invite.ok) throw new Error("invite refused");
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        new Visitor(baseUrl(), { "Accept-Language": "en" }).post(`/invite/${invite.token}`, { name: `Person ${i}`, password: "a-long-enough-password" }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 302)).toHaveLength(1);
    for (const status of statuses.filter((status) => status !== 302)) expect([409, 410]).toContain(status);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("builds the invitation link on APP_URL, whatever Host the request names", async () => {
    const admin = await actorOf("admin");
    const desk = new Visitor(baseUrl());
    await desk.login(admin.email, testPassword);
    const forged = "evil.example";
    // node:http, because fetch keeps its own Host; the same-origin guard lets Origin match the forged Host.
    const html = await new Promise<string>((resolve, reject) => {
      const body = new URLSearchParams({ intent: "invite", email: `forged-host-${Date.now()}@test.example`, role: "reviewer" }).toString();
      const request = httpRequest(
        new URL("/admin/users", baseUrl()),
        {
          method: "POST",
          headers: {
            Host: forged,
            Origin: `http://${forged}`,
            Cookie: desk.cookieHeader,
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": Buffer.byteLength(body),
          },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (text += chunk));
          response.on("end", () => (response.statusCode === 200 ? resolve(text) : reject(new Error(`status ${response.statusCode}`))));
        },
      );
      request.on("error", reject);
      request.end(body);
    });
    const link = /https?:\/\/[^"<\s]+\/invite\/[a-z0-9]+/.exec(html)?.[0];
    expect(link).toBeDefined();
    expect(new URL(link!).origin).toBe(new URL(baseUrl()).origin);
    expect(html).not.toContain(`${forged}/invite/`);
  });
});

describe("cross-origin requests", () => {
  it("refuses a POST from another origin with 403, and one without Origin", async () => {
    const person = await actorOf("admin");
    const visitor = new Visitor(baseUrl());
    await visitor.login(person.email, testPassword);
    const before = await prisma.newsroomSettings.findUnique({ where: { id: 1 } });
    const foreign = await visitor.post("/admin/settings", { name: "Hijacked", defaultLanguage: "en" }, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    const missing = await visitor.post("/admin/settings", { name: "Hijacked", defaultLanguage: "en" }, { origin: null });
    expect(missing.status).toBe(403);
    const logout = await visitor.post("/logout", {}, { origin: "https://evil.example" });
    expect(logout.status).toBe(403);
    expect(await prisma.newsroomSettings.findUnique({ where: { id: 1 } })).toEqual(before);
    expect((await visitor.get("/dashboard")).status).toBe(200);
  });
});

describe("sessions", () => {
  it("stores only a hash of the secret: the cookie's token is nowhere in the session table", async () => {
    const person = await actorOf("reviewer");
    const visitor = new Visitor(baseUrl());
    await visitor.login(person.email, testPassword);
    const token = decodeURIComponent(visitor.cookie("factdesk_session")!);
    const [id, secret] = token.split(".");
    expect(secret!.length).toBeGreaterThanOrEqual(32);
    const rows = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Session" WHERE "userId" = ${person.id}::uuid`;
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0], (_key, value) => (value instanceof Uint8Array ? Buffer.from(value).toString("hex") : value));
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(token);
    expect(rows[0]!.id).toBe(id);
    expect((rows[0]!.secretHash as Uint8Array).length).toBe(32);
    // A token made from the stored row alone (id + hash as the secret) is worthless.
    const forged = new Visitor(baseUrl(), { Cookie: `factdesk_session=${id}.${Buffer.from(rows[0]!.secretHash as Uint8Array).toString("hex")}` });
    expect((await forged.get("/dashboard")).status).toBe(302);
  });

  it("signs out: the session ends on the server, not just in the browser", async () => {
    const person = await actorOf("reviewer");
    const visitor = new Visitor(baseUrl());
    await visitor.login(person.email, testPassword);
    const token = visitor.cookie("factdesk_session")!;
    expect((await visitor.post("/logout", {})).status).toBe(302);
    const replay = new Visitor(baseUrl(), { Cookie: `factdesk_session=${token}` });
    expect((await replay.get("/dashboard")).status).toBe(302);
  });

  it("'sign out everywhere' ends every other session at once and keeps this one", async () => {
    const person = await actorOf("editor");
    const laptop = new Visitor(baseUrl());
    const phone = new Visitor(baseUrl());
    const tablet = new Visitor(baseUrl());
    for (const device of [laptop, phone, tablet]) await device.login(person.email, testPassword);
    expect((await phone.get("/dashboard")).status).toBe(200);

    const response = await laptop.post("/account", { intent: "signOutEverywhere" });
    expect(response.status).toBe(200);
    expect((await phone.get("/dashboard")).status).toBe(302);
    expect((await tablet.get("/dashboard")).status).toBe(302);
    expect((await laptop.get("/dashboard")).status).toBe(200);
    expect(await prisma.session.count({ where: { userId: person.id } })).toBe(1);
  });

  it("deactivating an account ends its sessions at once and stops it signing in", async () => {
    const admin = await actorOf("admin");
    const reviewer = await actorOf("reviewer");
    const adminDesk = new Visitor(baseUrl());
    const reviewerDesk = new Visitor(baseUrl());
    await adminDesk.login(admin.email, testPassword);
    await reviewerDesk.login(reviewer.email, testPassword);
    expect((await reviewerDesk.get("/dashboard")).status).toBe(200);

    const response = await adminDesk.post("/admin/users", { intent: "deactivate", userId: reviewer.id });
    expect(response.status).toBe(200);
    expect((await reviewerDesk.get("/dashboard")).status).toBe(302);
    expect(await prisma.session.count({ where: { userId: reviewer.id } })).toBe(0);
    const again = await new Visitor(baseUrl()).post("/login", { email: reviewer.email, password: testPassword });
    expect(again.status).toBe(400);

    await adminDesk.post("/admin/users", { intent: "reactivate", userId: reviewer.id });
    expect((await new Visitor(baseUrl()).post("/login", { email: reviewer.email, password: testPassword })).status).toBe(302);
  });

  it("a role change takes effect on the next request", async () => {
    const admin = await actorOf("admin");
    const editor = await actorOf("editor");
    const adminDesk = new Visitor(baseUrl());
    const editorDesk = new Visitor(baseUrl());
    await adminDesk.login(admin.email, testPassword);
    await editorDesk.login(editor.email, testPassword);
    expect((await editorDesk.get("/admin/users")).status).toBe(403);
    await adminDesk.post("/admin/users", { intent: "role", userId: editor.id, role: "admin" });
    expect((await editorDesk.get("/admin/users")).status).toBe(200);
  });
});

describe("pages for people without access", () => {
  it("shows a reviewer who opens /admin/users a readable 403 page inside the desk", async () => {
    const reviewer = await actorOf("reviewer");
    const visitor = new Visitor(baseUrl(), { "Accept-Language": "en" });
    await visitor.login(reviewer.email, testPassword);
    const response = await visitor.get("/admin/users");
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain("<h1 id=\"error-title\">No access</h1>");
    expect(html).toContain("Your role does not allow you to open this page.");
    expect(html).toContain('href="/dashboard"');
    expect(html).not.toContain(reviewer.email.replace("@", "&#x40;") + "</td>");
  });

  it("answers unknown addresses with a readable 404 page", async () => {
    const response = await new Visitor(baseUrl(), { "Accept-Language": "id" }).get("/tidak-ada");
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Halaman tidak ditemukan");
    expect(html).toContain('<html lang="id">');
  });
});

describe("security headers", () => {
  it("sends an enforced nonce-based CSP whose nonce is on every inline script, and no x-powered-by", async () => {
    const response = await new Visitor(baseUrl()).get("/login");
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(response.headers.get("Content-Security-Policy-Report-Only")).toBeNull();
    expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("X-Powered-By")).toBeNull();

    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce for every response.
    const next = (await new Visitor(baseUrl()).get("/login")).headers.get("Content-Security-Policy");
    expect(next).not.toContain(nonce);
  });
});
