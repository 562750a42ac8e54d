// The newsroom's clock in browsers whose time zone is not the server's (the app under test runs in UTC,
// the demo newsroom in Asia/Jakarta): every desk page renders on the server and hydrates in the browser
// without a single console error (a date formatted in the server's or the browser's zone would make
// React report a hydration mismatch, #418), and a due date picked as 5 December reads 5 December.
import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadActor } from "~/auth/actor.server";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { demoPassword } from "~/demo/seed.server";
import { actorOf, createArticle, testPassword } from "../support/fixtures";
import { browserTimeZone, gotoHydrated, launchBrowser, signInBrowser } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Desk = { page: Page; problems: string[] };

/** A signed-in page in a browser set to `timeZone`, recording every console error and uncaught exception. */
async function deskIn(timeZone: string, email: string, password = demoPassword): Promise<Desk> {
  const context = await browser.newContext({ timezoneId: timeZone, locale: "en-US", baseURL: inject("appUrl") });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  await signInBrowser(page, email, password);
  return { page, problems };
}

/** Opens each path as a full page load and returns the console errors, by path. */
async function visit(desk: Desk, paths: string[]) {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    desk.problems.length = 0;
    await gotoHydrated(desk.page, path);
    // Anything React reports about hydration is reported before the page counts as hydrated; one more
    // frame lets the browser deliver the console messages.
    await desk.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    if (desk.problems.length) found[path] = [...desk.problems];
  }
  return found;
}

/** An archived copy of a source to look at (the demo's sources are archived in the background, if at all). */
async function archivedSnapshot() {
  const editor = await prisma.user.findUniqueOrThrow({ where: { email: "editor@example.org" }, select: { id: true } });
  const { id: articleId } = await createArticle(editor.id, "BPS mencatat 1.200 desa terdampak kekeringan pada Agustus.");
  const claim = await createClaim(await loadActor(editor.id), articleId, { start: 0, end: 38 });
  const source = await prisma.source.create({
    data: { claimId: claim.id, url: "https://example.org/bps", title: "Rilis BPS", addedById: editor.id },
  });
  return prisma.sourceSnapshot.create({
    data: {
      sourceId: source.id,
      status: "ARCHIVED",
      httpStatus: 200,
      finalUrl: "https://example.org/bps",
      contentType: "text/html",
      sha256: "0".repeat(64),
      text: "Rilis BPS",
      sanitizedHtml: "<p>Rilis BPS</p>",
      fetchedAt: new Date("2026-03-29T00:30:00Z"),
    },
    select: { id: true },
  });
}

async function demoPaths() {
  const published = await prisma.factCheck.findFirstOrThrow({ select: { articleId: true } });
  const inReview = await prisma.article.findFirstOrThrow({
    where: { id: { not: published.articleId }, claims: { some: { assignments: { some: {} } } } },
    select: { id: true },
  });
  const assigned = await prisma.assignment.findFirstOrThrow({
    where: { endedAt: null, dueAt: { not: null }, reviewer: { email: "reviewer@example.org" } },
    select: { claimId: true },
  });
  const settled = await prisma.claim.findFirstOrThrow({
    where: { articleId: published.articleId, deletedAt: null, sources: { some: {} } },
    select: { id: true },
  });
  const snapshot = await archivedSnapshot();
  const editor = [
    "/dashboard",
    "/articles",
    "/articles/new",
    `/articles/${inReview.id}`,
    `/articles/${inReview.id}/board`,
    `/articles/${published.articleId}`,
    `/articles/${published.articleId}/board`,
    `/articles/${published.articleId}/fact-check`,
    `/claims/${assigned.claimId}`,
    `/claims/${assigned.claimId}?tab=history`,
    `/claims/${settled.id}`,
    `/claims/${settled.id}?tab=history`,
    `/snapshots/${snapshot.id}`,
    "/workload",
    "/notifications",
    "/account",
    "/fact-checks",
  ];
  const reviewer = [
    "/dashboard",
    "/queue",
    `/claims/${assigned.claimId}`,
    `/claims/${assigned.claimId}?tab=history`,
    "/notifications",
    "/account",
  ];
  const admin = ["/dashboard", "/admin/users", "/admin/settings", "/admin/scale", "/admin/claim-reviews", "/account", "/notifications"];
  return { editor, reviewer, admin };
}

describe("the newsroom's clock in the browser", () => {
  it("runs the end-to-end browsers in a time zone other than the server's (UTC)", async () => {
    expect(browserTimeZone).not.toBe("UTC");
    const page = await browser.newPage();
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(browserTimeZone);
    await page.close();
  });

  let paths: Awaited<ReturnType<typeof demoPaths>>;
  const pathsOf = async (role: "editor" | "reviewer" | "admin") => (paths ??= await demoPaths())[role];
  for (const timeZone of ["Asia/Jakarta", "Europe/Berlin"]) {
    for (const role of ["editor", "reviewer", "admin"] as const) {
      it(`shows every desk page to the demo ${role} in ${timeZone} without a console error`, { timeout: 180_000 }, async () => {
        const desk = await deskIn(timeZone, `${role}@example.org`);
        const found = await visit(desk, await pathsOf(role));
        await desk.page.context().close();
        expect(found).toEqual({});
      });
    }
  }

  it("keeps a due date picked as 5 December on 5 December, whatever the browser's zone", { timeout: 180_000 }, async () => {
    const editor = await prisma.user.findUniqueOrThrow({ where: { email: "editor@example.org" }, select: { id: true } });
    const reviewer = await actorOf("reviewer", { name: "Reviewer Clock" });
    const { id: articleId } = await createArticle(editor.id, "Pemerintah menyebut 4.500 rumah rusak akibat banjir di Bekasi pada Senin.");
    const body = (await prisma.article.findUniqueOrThrow({ where: { id: articleId } })).body;
    const fragment = "4.500 rumah rusak akibat banjir di Bekasi";
    const claim = await createClaim(await loadActor(editor.id), articleId, { start: body.indexOf(fragment), end: body.indexOf(fragment) + fragment.length });

    // An editor in Jakarta picks 5 December.
    const jakarta = await deskIn("Asia/Jakarta", "editor@example.org");
    await gotoHydrated(jakarta.page, `/articles/${articleId}/board`);
    await jakarta.page.getByLabel(`Select ${claim.wording}`).check();
    await jakarta.page.getByLabel("Assign to").selectOption(reviewer.id);
    await jakarta.page.getByLabel("Due date").fill("2031-12-05");
    await jakarta.page.getByRole("button", { name: "Assign selected" }).click();
    await expect.poll(() => jakarta.page.getByRole("status").first().textContent()).toContain("1 claim assigned");

    // Due at the end of 5 December in the newsroom's zone (Asia/Jakarta, UTC+7), not the server's.
    const assignment = await prisma.assignment.findFirstOrThrow({ where: { claimId: claim.id, endedAt: null }, select: { dueAt: true } });
    expect(assignment.dueAt?.toISOString()).toBe("2031-12-05T16:59:59.999Z");
    await expect.poll(() => jakarta.page.locator(".board__card", { hasText: claim.wording }).textContent()).toContain("due 5 Dec 2031");

    // Read back in Berlin: the board, the claim page, and the reviewer's queue, each as a full page load.
    const berlin = await deskIn("Europe/Berlin", "editor@example.org");
    await gotoHydrated(berlin.page, `/articles/${articleId}/board`);
    expect(await berlin.page.locator(".board__card", { hasText: claim.wording }).textContent()).toContain("due 5 Dec 2031");
    await gotoHydrated(berlin.page, `/claims/${claim.id}`);
    expect(await berlin.page.locator(".page-header__intro").textContent()).toContain("due 5 Dec 2031");
    const queue = await deskIn("Europe/Berlin", reviewer.email, testPassword);
    await gotoHydrated(queue.page, "/queue");
    expect(await queue.page.locator(".queue__item", { hasText: claim.wording }).textContent()).toContain("Due 5 Dec 2031");
    expect([...jakarta.problems, ...berlin.problems, ...queue.problems]).toEqual([]);
    for (const desk of [jakarta, berlin, queue]) await desk.page.context().close();
  });
});
