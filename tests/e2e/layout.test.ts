// The desk's layout on a 1366×768 laptop screen, in Chromium: the navigation keeps to one line in both
// languages (less-used items grouped in a menu that works with and without JavaScript), the board gives
// its columns a readable width and scrolls sideways, and the claim page puts the claim and its sources
// beside the verdict on wide screens and stacks them on narrow ones.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadActor } from "~/auth/actor.server";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { actorOf, createArticle, testPassword } from "../support/fixtures";
import { gotoHydrated, launchBrowser, signInBrowser } from "../support/browser";

type Language = "en" | "id";
const laptop = { width: 1366, height: 768 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A new person of the given role whose interface language is `language`, signed in at the given screen size. */
async function signedIn(role: "admin" | "editor", language: Language, viewport = laptop): Promise<{ page: Page; person: { id: string } }> {
  const person = await actorOf(role, { name: role === "admin" ? "Sari Wulandari Kusuma" : "Budi Santoso", language });
  const context = await browser.newContext({ locale: "en-US", baseURL: inject("appUrl"), viewport });
  const page = await context.newPage();
  await signInBrowser(page, person.email, testPassword);
  return { page, person };
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, `${locator} has a box`).not.toBeNull();
  return found!;
}

/** The boxes of the visible elements matched by `selector`. */
async function visibleBoxes(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .map((element) => element.getBoundingClientRect())
      .filter((rect) => rect.width > 0 && rect.height > 0)
      .map((rect) => ({ x: rect.x, y: rect.y, width: rect.width, height: rect.height })),
  );
}

/** The page itself never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, "the page's width").toBeLessThanOrEqual(client);
}

const menuSummary = (page: Page) => page.locator(".topbar__menu > summary");

describe.each<Language>(["en", "id"])("the navigation at 1366×768 (%s)", (language) => {
  it("keeps every top-level item of the admin's navigation on one line", async () => {
    const { page, person } = await signedIn("admin", language);
    // Unread notifications, so the badge takes its room too.
    const claim = await prisma.claim.findFirstOrThrow({ where: { deletedAt: null }, select: { id: true } });
    await prisma.notification.createMany({
      data: Array.from({ length: 12 }, () => ({ recipientId: person.id, kind: "MENTION" as const, claimId: claim.id, excerpt: "@sari" })),
    });
    await gotoHydrated(page, "/dashboard");
    expect(await page.getAttribute("html", "lang")).toBe(language);
    expect(await page.locator(".topbar__notifications .topbar__badge").textContent()).toBe("12");

    const links = await visibleBoxes(page, ".topbar__nav a");
    // Dashboard, articles, queue, workload, published, notifications at least.
    expect(links.length).toBeGreaterThanOrEqual(6);
    const tops = links.map((link) => link.y);
    expect(Math.max(...tops) - Math.min(...tops), `tops ${tops.join(", ")}`).toBeLessThan(1);
    // The navigation is exactly one line high.
    const nav = await box(page.locator(".topbar__nav"));
    expect(nav.height).toBeLessThan(links[0]!.height * 1.5);

    // The brand, the live indicator and the menu sit on that same line, all inside the screen.
    const line = links[0]!.y + links[0]!.height / 2;
    for (const selector of [".topbar__logo", ".live-indicator", ".topbar__menu > summary"]) {
      const item = await box(page.locator(selector));
      expect(item.y, `${selector} on the navigation's line`).toBeLessThanOrEqual(line);
      expect(item.y + item.height, `${selector} on the navigation's line`).toBeGreaterThanOrEqual(line);
      expect(item.x + item.width, `${selector} inside the screen`).toBeLessThanOrEqual(laptop.width);
    }
    for (const link of links) expect(link.x + link.width).toBeLessThanOrEqual(laptop.width);
    // Nothing scrolls sideways.
    await expectNoSidewaysScroll(page);
    await page.context().close();
  });
});

describe("the navigation on a narrow screen", () => {
  it("at 800 px keeps the navigation to one line of its own under the brand and the menu, without widening the page", async () => {
    const { page } = await signedIn("admin", "id", { width: 800, height: 900 });
    await gotoHydrated(page, "/dashboard");
    const links = await visibleBoxes(page, ".topbar__nav a");
    const tops = links.map((link) => link.y);
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(1);
    const brand = await box(page.locator(".topbar__brand"));
    const summary = await box(menuSummary(page));
    expect(links[0]!.y).toBeGreaterThanOrEqual(brand.y + brand.height);
    expect(summary.x + summary.width).toBeLessThanOrEqual(800);
    await expectNoSidewaysScroll(page);
    // The last item is reachable: the navigation scrolls to it when it gets the focus.
    const notifications = page.locator(".topbar__nav a[href='/notifications']");
    await notifications.focus();
    const focused = await box(notifications);
    expect(focused.x + focused.width).toBeLessThanOrEqual(800);
    await page.context().close();
  });
});

describe("the navigation's menu", () => {
  it("holds the less-used items, opens and closes from the keyboard, and marks the current page", async () => {
    const { page } = await signedIn("admin", "en");
    await gotoHydrated(page, "/dashboard");
    const summary = menuSummary(page);
    const menu = page.locator(".topbar__menu");
    // Closed at first: its items are not shown.
    expect(await page.getByRole("link", { name: "People" }).isVisible()).toBe(false);
    expect(await summary.getAttribute("aria-current")).toBeNull();

    await summary.focus();
    await page.keyboard.press("Enter");
    expect(await menu.evaluate((details: HTMLDetailsElement) => details.open)).toBe(true);
    for (const name of ["People", "Newsroom", "Rating scale", "My account"])
      expect(await page.getByRole("link", { name, exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Sign out", exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: /Bahasa Indonesia/ }).isVisible()).toBe(true);

    // Escape closes it and leaves the focus on its button.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Escape");
    expect(await menu.evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);

    // A click elsewhere closes it too.
    await summary.click();
    expect(await menu.evaluate((details: HTMLDetailsElement) => details.open)).toBe(true);
    await page.locator("h1").click();
    expect(await menu.evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);

    // Following an item goes there and closes the menu; there the item and the menu say it is the current page.
    await summary.click();
    await page.getByRole("link", { name: "People", exact: true }).click();
    await page.waitForURL("**/admin/users");
    await expect.poll(() => menu.evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
    expect(await summary.getAttribute("aria-current")).toBe("true");
    await summary.click();
    expect(await page.getByRole("link", { name: "People", exact: true }).getAttribute("aria-current")).toBe("page");
    await page.context().close();
  });

  it("works without JavaScript: open it and follow People", async () => {
    const { page } = await signedIn("admin", "id");
    const signedInState = await page.context().storageState();
    await page.context().close();
    const context: BrowserContext = await browser.newContext({
      baseURL: inject("appUrl"),
      viewport: laptop,
      storageState: signedInState,
      javaScriptEnabled: false,
    });
    const plain = await context.newPage();
    await plain.goto("/dashboard");
    expect(await plain.locator("html[data-hydrated]").count()).toBe(0);
    expect(await plain.getByRole("link", { name: "Anggota tim", exact: true }).isVisible()).toBe(false);
    await menuSummary(plain).click();
    await plain.getByRole("link", { name: "Anggota tim", exact: true }).click();
    await plain.waitForURL("**/admin/users");
    expect(await plain.locator("h1").textContent()).toBeTruthy();
    // Sign out is in the menu too, and works as a plain form.
    await menuSummary(plain).click();
    await plain.getByRole("button", { name: "Keluar", exact: true }).click();
    await plain.waitForURL("**/login");
    await context.close();
  });
});

describe.each<Language>(["en", "id"])("the board at 1366×768 (%s)", (language) => {
  it("gives each column a readable width, never cuts a heading and scrolls sideways from the keyboard", async () => {
    const { page, person } = await signedIn("admin", language);
    const { id: articleId } = await createArticle(person.id);
    const body = (await prisma.article.findUniqueOrThrow({ where: { id: articleId } })).body;
    const fragment = "1.200 sekolah rusak akibat banjir pada Senin (3/3/2025)";
    await createClaim(await loadActor(person.id), articleId, { start: body.indexOf(fragment), end: body.indexOf(fragment) + fragment.length });
    await gotoHydrated(page, `/articles/${articleId}/board`);

    const board = page.locator(".board");
    const columns = board.locator(".board__column");
    expect(await columns.count()).toBe(6);
    for (const column of await columns.all()) {
      const frame = await box(column);
      expect(frame.width, "column width").toBeGreaterThanOrEqual(256);
      const heading = column.locator("h2");
      const fits = await heading.evaluate((element) => ({
        scroll: element.scrollWidth,
        client: element.clientWidth,
        text: element.textContent,
      }));
      expect(fits.scroll, `heading "${fits.text}" is not cut`).toBeLessThanOrEqual(fits.client);
      const title = await box(heading);
      expect(title.x + title.width, `heading "${fits.text}" inside its column`).toBeLessThanOrEqual(frame.x + frame.width);
    }
    expect(await board.textContent()).toContain(language === "en" ? "Not checkable" : "Tidak dapat diperiksa");

    // A card's text runs at a readable measure: several words a line.
    const card = board.locator(".board__card").first();
    expect((await box(card)).width).toBeGreaterThanOrEqual(240);
    expect((await box(card.locator(".board__card-body"))).width).toBeGreaterThanOrEqual(210);

    // The board uses the page's width, not a narrow centred column, and is a labelled region one can focus.
    expect((await box(board)).width).toBeGreaterThan(laptop.width - 100);
    expect(
      await page.getByRole("region", { name: language === "en" ? "Claims by status" : "Klaim menurut status" }).getAttribute("class"),
    ).toBe("board");
    expect(await board.getAttribute("tabindex")).toBe("0");

    // Six readable columns are wider than the screen: the board scrolls sideways, from the keyboard too.
    const scroll = () =>
      board.evaluate((element) => ({ left: element.scrollLeft, width: element.scrollWidth, client: element.clientWidth }));
    expect((await scroll()).width).toBeGreaterThan((await scroll()).client);
    await board.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => (await scroll()).left).toBeGreaterThan(0);
    // At the far end, the last column is whole in view.
    await board.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    const last = await box(columns.last());
    const region = await box(board);
    expect(last.x + last.width).toBeLessThanOrEqual(region.x + region.width + 1);
    // The page itself does not scroll sideways; only the board does.
    await expectNoSidewaysScroll(page);
    await page.context().close();
  });
});

describe("the claim page", () => {
  async function claimPage(viewport: { width: number; height: number }) {
    const { page, person } = await signedIn("editor", "en", viewport);
    const { id: articleId } = await createArticle(person.id);
    const body = (await prisma.article.findUniqueOrThrow({ where: { id: articleId } })).body;
    const fragment = "dana bantuan dipotong 40 persen";
    const claim = await createClaim(await loadActor(person.id), articleId, { start: body.indexOf(fragment), end: body.indexOf(fragment) + fragment.length });
    await gotoHydrated(page, `/claims/${claim.id}`);
    return page;
  }

  it("at 1366 px shows the claim, its earlier checks and its sources beside the verdict", async () => {
    const page = await claimPage(laptop);
    const context = await box(page.locator(".claim-context"));
    const sources = await box(page.locator("#sources"));
    const verdict = await box(page.locator("#verdict"));
    // Side by side: the verdict is to the right of the claim and the sources, not below them…
    expect(verdict.x).toBeGreaterThanOrEqual(sources.x + sources.width);
    expect(verdict.x).toBeGreaterThanOrEqual(context.x + context.width);
    // What follows the claim in its column (its earlier checks when there are any, else its sources) starts
    // beside the verdict…
    const next = await box(page.locator(".claim-context + *"));
    expect(next.y).toBeLessThan(verdict.y + verdict.height);
    // …and the verdict starts beside the claim, in the first screenful.
    expect(verdict.y).toBeLessThan(context.y + context.height);
    // The claim comes before the sources, and the sources before the verdict, in reading order.
    const order = await page.evaluate(() => {
      const [claim, sources, verdict] = [".claim-context", "#sources", "#verdict"].map((selector) => document.querySelector(selector)!);
      return [claim!.compareDocumentPosition(sources!), sources!.compareDocumentPosition(verdict!)].map((position) =>
        Boolean(position & Node.DOCUMENT_POSITION_FOLLOWING),
      );
    });
    expect(order).toEqual([true, true]);
    await expectNoSidewaysScroll(page);
    await page.context().close();
  });

  it("at 800 px stacks them: the claim, its sources, then the verdict", async () => {
    const page = await claimPage({ width: 800, height: 900 });
    const context = await box(page.locator(".claim-context"));
    const sources = await box(page.locator("#sources"));
    const verdict = await box(page.locator("#verdict"));
    expect(sources.x).toBe(context.x);
    expect(verdict.x).toBe(sources.x);
    expect(sources.y).toBeGreaterThanOrEqual(context.y + context.height);
    expect(verdict.y).toBeGreaterThanOrEqual(sources.y + sources.height);
    await expectNoSidewaysScroll(page);
    await page.context().close();
  });
});
