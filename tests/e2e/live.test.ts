// Live updates across app instances: two instances of the production build share one PostgreSQL. A page
// open on instance A shows, within 2 seconds, a change made through instance B — a comment that mentions
// the reader becomes a notification on their open notifications page and in the header badge.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createClaim } from "~/claims/claims.server";
import { startApp, type RunningApp } from "../support/app-server";
import { actorOf, createArticle, testPassword } from "../support/fixtures";
import { gotoHydrated, launchBrowser, signInBrowser } from "../support/browser";
import { Visitor } from "../support/http";

let browser: Awaited<ReturnType<typeof launchBrowser>>;
let instanceA: RunningApp;
let instanceB: RunningApp;

beforeAll(async () => {
  const env = { DATABASE_URL: inject("appDatabaseUrl"), SEED_DEMO: "0" };
  [instanceA, instanceB, browser] = await Promise.all([startApp(env), startApp(env), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([instanceA?.stop(), instanceB?.stop()]);
});

function signIn(page: Page, email: string) {
  return signInBrowser(page, email, testPassword);
}

describe("live updates across instances", () => {
  it("show a mention made through instance B on the notifications page open on instance A within 2 s", async () => {
    expect(instanceA.port).not.toBe(instanceB.port);
    const reader = await actorOf("editor");
    const writer = await actorOf("editor");
    const { id: articleId } = await createArticle(writer.id);
    const claim = await createClaim(writer, articleId, { start: 0, end: 25 });

    const context = await browser.newContext({ locale: "en-US", baseURL: instanceA.baseUrl });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signIn(page, reader.email);
    await gotoHydrated(page, "/notifications");
    await expect.poll(() => page.textContent("h1")).toBe("Notifications");
    await expect.poll(() => page.locator(".notification").count()).toBe(0);
    // The page's event stream is open (instance A answers it only once it listens to PostgreSQL).
    await page.waitForSelector('[data-live-status="live"]');

    const viaB = new Visitor(instanceB.baseUrl);
    await viaB.login(writer.email, testPassword);
    const body = `Tolong cek angka ini, @${reader.email.split("@")[0]}.\nSumber: BPS.`;
    const response = await viaB.post(`/claims/${claim.id}/comments`, { intent: "add", body });
    expect(response.status).toBe(200);
    // Accepted: the form's answer carries no error (and clears the form).
    expect(await response.json()).toEqual({ result: { initialValue: null } });

    await expect.poll(() => page.locator(".notification").count(), { timeout: 2_000, interval: 50 }).toBe(1);
    const item = page.locator(".notification").first();
    expect(await item.getAttribute("data-kind")).toBe("MENTION");
    expect(await item.textContent()).toContain(`${writer.name} mentioned you in a comment`);
    expect(await item.textContent()).toContain("Tolong cek angka ini");
    expect(await item.getByRole("link", { name: claim.wording }).getAttribute("href")).toBe(`/claims/${claim.id}`);
    await expect.poll(() => page.locator(".topbar__notifications").getAttribute("data-unread"), { timeout: 2_000 }).toBe("1");

    // Marking it read on A empties the badge.
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect.poll(() => page.locator(".topbar__notifications").getAttribute("data-unread")).toBe("0");
    await expect.poll(() => page.locator(".notification--unread").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keep the event stream unbuffered: an event reaches a client of instance A within 2 s of a change on B", async () => {
    const reader = await actorOf("editor");
    const writer = await actorOf("editor");
    const { id: articleId } = await createArticle(writer.id);
    const claim = await createClaim(writer, articleId, { start: 0, end: 25 });
    const viaA = new Visitor(instanceA.baseUrl, { "Accept-Encoding": "gzip, deflate, br" });
    await viaA.login(reader.email, testPassword);
    const viaB = new Visitor(instanceB.baseUrl);
    await viaB.login(writer.email, testPassword);

    const stream = await viaA.get(`/events?topics=claim:${claim.id},notifications:me`);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.headers.get("content-encoding")).toBeNull();
    const events = stream.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await events.read();
        if (done) throw new Error(`stream ended: ${text}`);
        text += decoder.decode(value, { stream: true });
      }
    };
    await readUntil(/: connected\n\n/);

    const sent = Date.now();
    expect((await viaB.post(`/claims/${claim.id}/comments`, { intent: "add", body: "Tanpa sebutan." })).status).toBe(200);
    await readUntil(/^data: .*\n\n/m);
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(JSON.parse(/^data: (.*)$/m.exec(text)![1]!)).toEqual({ kind: "comment.add", topics: [`claim:${claim.id}`] });
    await events.cancel();
  });
});
