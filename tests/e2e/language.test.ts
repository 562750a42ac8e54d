// In a real browser: signing in, and switching the interface to Bahasa Indonesia changes every visible
// string of the page (everything that is not data, such as names and email addresses).
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "~/db/client.server";
import { gotoHydrated, launchBrowser } from "../support/browser";
import { actorOf, testPassword } from "../support/fixtures";

let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Every visible text on the page, one entry per text node, trimmed. */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest("script, style, noscript")) continue;
      const style = getComputedStyle(parent);
      const box = parent.getBoundingClientRect();
      if (style.visibility === "hidden" || style.display === "none" || box.width === 0 || box.height === 0) continue;
      if (style.position === "absolute" && box.width <= 1 && box.height <= 1) continue; // visually hidden labels
      texts.push(text);
    }
    // Values and labels that are visible inside controls.
    for (const element of document.querySelectorAll<HTMLInputElement>("input[type=submit], input[placeholder]")) {
      if (element.value) texts.push(element.value.trim());
    }
    return texts;
  });
}

/** Opens the desk's menu (the language switch, sign-out, the less-used pages), once a new page shows it closed. */
async function openMenu(page: Page) {
  const menu = page.locator(".topbar__menu");
  await expect.poll(() => menu.evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
  await menu.locator("summary").click();
}

async function dataStrings() {
  const [people, invites, newsroom, articles, factChecks, claims] = await Promise.all([
    prisma.user.findMany({ select: { name: true, email: true } }),
    // Pending invitations are listed by their email on the people page.
    prisma.invite.findMany({ select: { email: true } }),
    prisma.newsroomSettings.findUnique({ where: { id: 1 }, select: { name: true } }),
    prisma.article.findMany({ select: { title: true } }),
    prisma.factCheck.findMany({ select: { headline: true } }),
    prisma.claim.findMany({ where: { deletedAt: null }, select: { wording: true } }),
  ]);
  return new Set([
    "Factdesk",
    newsroom?.name ?? "",
    ...people.flatMap((p) => [p.name, p.email]),
    ...invites.map((i) => i.email),
    // The dashboard lists articles ready to publish and recent fact-checks by their own words.
    ...articles.map((a) => a.title),
    ...factChecks.map((f) => f.headline),
    // …and, for editors, the claims whose verdicts wait for a decision, by their wording.
    ...claims.map((c) => c.wording),
  ]);
}

/** Texts that are data (names, emails, numbers, the brand), which stay the same in every language. */
function isData(text: string, data: Set<string>) {
  let rest = text;
  for (const value of [...data].sort((a, b) => b.length - a.length)) if (value) rest = rest.replaceAll(value, "");
  return /^[\d\s.,:·()/-]*$/.test(rest);
}

describe("interface language", () => {
  it("signs in and switches every visible string of each page to Bahasa Indonesia", async () => {
    const admin = await actorOf("admin", { name: "Rahmat Hidayat" });
    const context = await browser.newContext({ locale: "en-US", baseURL: inject("appUrl") });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });

    await gotoHydrated(page, "/login");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.getByLabel("Email address").fill(admin.email);
    await page.getByLabel("Password").fill(testPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/dashboard");
    await expect.poll(() => page.textContent("h1")).toContain("Welcome, Rahmat Hidayat");

    const data = await dataStrings();
    for (const path of ["/dashboard", "/account", "/admin/users", "/admin/settings"]) {
      await page.goto(path);
      expect(await page.getAttribute("html", "lang")).toBe("en");
      // The language switch is in the desk's menu; open, the menu's items are checked too.
      await openMenu(page);
      const english = (await visibleTexts(page)).filter((text) => !isData(text, data));
      expect(english.length, `${path} shows interface text`).toBeGreaterThan(5);

      await page.getByRole("button", { name: /Bahasa Indonesia/ }).click();
      await page.waitForFunction(() => document.documentElement.lang === "id");
      await openMenu(page);
      await page.getByRole("button", { name: "Keluar", exact: true }).waitFor();
      expect(new URL(page.url()).pathname).toBe(path);
      const indonesian = new Set(await visibleTexts(page));
      const unchanged = english.filter((text) => indonesian.has(text));
      expect(unchanged, `${path}: strings still in English`).toEqual([]);

      // Back to English for the next page; the choice is kept on the account.
      await page.getByRole("button", { name: /English/ }).click();
      await page.waitForFunction(() => document.documentElement.lang === "en");
      await openMenu(page);
      await page.getByRole("button", { name: "Sign out", exact: true }).waitFor();
    }
    const saved = await prisma.user.findUniqueOrThrow({ where: { id: admin.id }, select: { language: true } });
    expect(saved.language).toBe("en");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("follows Accept-Language for visitors who are not signed in, and keeps their choice", async () => {
    const context = await browser.newContext({ locale: "id-ID", baseURL: inject("appUrl") });
    const page = await context.newPage();
    await gotoHydrated(page, "/login");
    expect(await page.getAttribute("html", "lang")).toBe("id");
    await expect.poll(() => page.textContent("h1")).toBe("Masuk");
    await page.getByRole("button", { name: /English/ }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await gotoHydrated(page, "/login");
    expect(await page.textContent("h1")).toBe("Sign in");
    await context.close();
  });

  it("shows a wrong-password message in the visitor's language, keeping the typed email", async () => {
    const context = await browser.newContext({ locale: "id-ID", baseURL: inject("appUrl") });
    const page = await context.newPage();
    await gotoHydrated(page, "/login");
    await page.getByLabel("Alamat surel").fill("seseorang@test.example");
    await page.getByLabel("Kata sandi").fill("salah sekali");
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("tidak cocok");
    expect(await page.getByLabel("Alamat surel").inputValue()).toBe("seseorang@test.example");
    await context.close();
  });
});
