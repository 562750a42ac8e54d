// `npm start` without DATABASE_URL: the embedded PostgreSQL is created, migrated and seeded with the
// demo newsroom, and what people save survives a restart.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleFactCheckSlug } from "~/demo/published";
import { projectRoot, type RunningApp, startApp } from "../support/app-server";
import { Visitor } from "../support/http";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "factdesk-embedded-"));
let app: RunningApp | undefined;

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

// No DATABASE_URL: the app must bring its own database.
const embeddedEnv = { DATABASE_URL: undefined, SEED_DEMO: undefined, DATA_DIR: dataDir };

const migrationCount = readdirSync(path.join(projectRoot, "prisma/migrations"), { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;

/** The start-up progress lines, in the order printed, with the data folder as <dir> and every number as N. */
function progressLines(output: string) {
  return output
    .split("\n")
    .filter((line) => /^(Starting the embedded database|Applying migrations|Seeding the demo newsroom|Factdesk is running)/.test(line))
    .map((line) => line.replaceAll(dataDir, "<dir>").replace(/\d+(\.\d+)?/g, "N"));
}

describe("embedded database", () => {
  it("starts with demo accounts, and keeps users and their data across a restart", async () => {
    app = await startApp(embeddedEnv);
    // Every slow step says what it is doing, in order, before the app is ready.
    expect(progressLines(app.output())).toEqual([
      "Starting the embedded database (<dir>)…",
      "Applying migrations… N pending",
      "Seeding the demo newsroom…",
      "Factdesk is running on http://localhost:N (ready in N s)",
    ]);
    expect(app.output()).toContain(`Applying migrations… ${migrationCount} pending`);
    expect(app.output()).toContain("admin@example.org");
    expect(app.output()).toContain("factdesk-demo");
    const health = await (await fetch(`${app.baseUrl}/healthz`)).json();
    expect(health).toMatchObject({ status: "ok", database: { up: true } });

    // The demo needs no APP_URL: its fact-checks are published under the address it is served from, for each
    // address separately (demo only: a deployment on its own PostgreSQL must set APP_URL, startup.test.ts).
    const byIp = app.baseUrl.replace("//localhost:", "//127.0.0.1:");
    for (const origin of [byIp, app.baseUrl]) {
      const html = await (await fetch(`${origin}/fact-checks/${sampleFactCheckSlug}`)).text();
      expect(html).toContain(`<link rel="canonical" href="${origin}/fact-checks/${sampleFactCheckSlug}"`);
    }
    const feed = (await (await fetch(`${byIp}/fact-checks/feed.json`)).json()) as { url: string };
    expect(feed.url).toBe(`${byIp}/fact-checks`);

    const admin = new Visitor(app.baseUrl, { "Accept-Language": "en" });
    await admin.login("admin@example.org", "factdesk-demo");
    // The sample article is on the desk with its five claims accepted.
    const list = await (await admin.get("/articles")).text();
    expect(list).toContain("Korea Utara Kirim 10.000 Tentara ke Kursk");
    expect(list).toContain("5 claims");
    const saved = await admin.post("/admin/settings", {
      name: "Redaksi Uji Coba",
      publicUrl: "https://cekfakta.example.id",
      defaultLanguage: "id",
      timeZone: "Asia/Makassar",
      creditReviewers: "on",
    });
    expect(saved.status).toBe(200);
    const invite = await admin.post("/admin/users", { intent: "invite", email: "baru@example.org", role: "reviewer" });
    const link = /http:\/\/localhost:\d+\/invite\/[a-z0-9]+/.exec(await invite.text())?.[0];
    expect(link).toBeDefined();
    await app.stop();

    app = await startApp(embeddedEnv);
    expect(app.output()).not.toContain("Demo newsroom created");
    // A second start has nothing to migrate or seed.
    expect(progressLines(app.output())).toEqual([
      "Starting the embedded database (<dir>)…",
      "Applying migrations… N pending",
      "Factdesk is running on http://localhost:N (ready in N s)",
    ]);
    expect(app.output()).toContain("Applying migrations… 0 pending");
    const again = new Visitor(app.baseUrl, { "Accept-Language": "en" });
    await again.login("admin@example.org", "factdesk-demo");
    const settings = await (await again.get("/admin/settings")).text();
    expect(settings).toContain('value="Redaksi Uji Coba"');
    expect(settings).toContain('value="https://cekfakta.example.id"');
    expect(settings).toMatch(/<option value="Asia\/Makassar" selected="">/);
    const people = await (await again.get("/admin/users")).text();
    expect(people).toContain("baru@example.org");
    expect(people).toContain("reviewer3@example.org");

    // The invitation made before the restart still works, once.
    const invitee = new Visitor(app.baseUrl);
    const token = new URL(link!).pathname;
    expect((await invitee.post(token, { name: "Putri Baru", password: "sandi-yang-panjang" })).status).toBe(302);
    expect((await invitee.get("/dashboard")).status).toBe(200);
    const reuse = await new Visitor(app.baseUrl, { "Accept-Language": "en" }).post(token, { name: "Someone Else", password: "another-long-password" });
    expect(reuse.status).toBe(409);
    expect(await reuse.text()).toContain("This invitation link is not valid");
  });
});
