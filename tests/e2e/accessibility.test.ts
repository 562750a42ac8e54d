// Accessibility in the browser: axe-core finds no serious or critical WCAG 2.0/2.1 A/AA violation on the
// sign-in page and the desk's main pages, in both interface languages, for the demo newsroom's people.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "~/db/client.server";
import { sampleFactCheckSlug } from "~/demo/published";
import { demoPassword } from "~/demo/seed.server";
import { withdrawFactCheck } from "~/publishing/withdrawal.server";
import type { Prisma } from "~/generated/prisma/client";
import { describeViolations, seriousViolations } from "../support/axe";
import { gotoHydrated, launchBrowser, signInBrowser } from "../support/browser";
import { publishTestFactCheck } from "../support/fact-checks";

type Language = "en" | "id";
type Who = "editor" | "reviewer" | "admin";
const people: Record<Who, string> = { editor: "editor@example.org", reviewer: "reviewer@example.org", admin: "admin@example.org" };

let browser: Browser;
const ids = { reviewArticle: "", sampleArticle: "", proposedClaim: "", researchingClaim: "", approvedClaim: "", demoReviewer: "" };

beforeAll(async () => {
  browser = await launchBrowser();
  // The demo seed's two articles; their claims are found by state, since other tests may reword them.
  const article = (title: string) => prisma.article.findFirstOrThrow({ where: { title: { startsWith: title } }, select: { id: true } });
  ids.reviewArticle = (await article("Harga Beras Naik 12 Persen")).id;
  ids.sampleArticle = (await article("Korea Utara Kirim 10.000 Tentara ke Kursk")).id;
  const reviewer = await prisma.user.findUniqueOrThrow({ where: { email: people.reviewer }, select: { id: true } });
  const claim = (where: Prisma.ClaimWhereInput) =>
    prisma.claim.findFirstOrThrow({ where: { articleId: ids.reviewArticle, deletedAt: null, ...where }, orderBy: { start: "asc" }, select: { id: true } });
  // A verdict waiting for an editor, the demo reviewer's claim in research (with sources), an approved verdict.
  ids.proposedClaim = (await claim({ status: "VERDICT_PROPOSED" })).id;
  ids.researchingClaim = (await claim({ status: "IN_RESEARCH", assignments: { some: { reviewerId: reviewer.id, endedAt: null } } })).id;
  ids.approvedClaim = (await claim({ status: "APPROVED" })).id;
  ids.demoReviewer = reviewer.id;
});
afterAll(async () => {
  await browser?.close();
});

/** The pages each demo person is checked on; {name} stands for an id from `ids`. */
const pagesFor: Record<Who, string[]> = {
  editor: [
    "/dashboard",
    "/articles",
    "/articles/new",
    "/articles/{reviewArticle}",
    "/articles/{reviewArticle}?claim={proposedClaim}",
    "/articles/{sampleArticle}",
    "/articles/{reviewArticle}/board",
    // Publishing: a fact-check not ready yet, and a published one with its correction and withdrawal forms.
    "/articles/{reviewArticle}/fact-check",
    "/articles/{sampleArticle}/fact-check",
    "/claims/{proposedClaim}",
    "/claims/{approvedClaim}",
    "/claims/{researchingClaim}?tab=history",
    "/workload",
    "/workload/{demoReviewer}",
    "/notifications",
    "/account",
    // The desk's error page.
    "/articles/00000000-0000-4000-8000-000000000000",
  ],
  reviewer: ["/queue", "/claims/{researchingClaim}", "/notifications"],
  admin: ["/admin/settings", "/admin/users", "/admin/scale", "/admin/claim-reviews"],
};

function resolvePath(template: string) {
  return template.replace(/\{(\w+)\}/g, (_, name: keyof typeof ids) => {
    expect(ids[name], `id ${name}`).toBeTruthy();
    return ids[name];
  });
}

async function expectNoSeriousViolations(page: Page, language: Language) {
  expect(await page.getAttribute("html", "lang")).toBe(language);
  await expectOneTitle(page);
  const violations = await seriousViolations(page);
  const where = `${new URL(page.url()).pathname}${new URL(page.url()).search} (${language})`;
  expect(violations.map((violation) => violation.id), `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Exactly one document title, naming the page before the app. */
async function expectOneTitle(page: Page) {
  expect(await page.locator("title").count(), `${page.url()}: one <title>`).toBe(1);
  expect(await page.title()).toMatch(/^\S.* · Factdesk$/);
}

/** A browser context in the given interface language: the language cookie outranks Accept-Language. */
async function contextIn(language: Language, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: language === "id" ? "id-ID" : "en-US", baseURL: inject("appUrl"), ...options });
  await context.addCookies([{ name: "factdesk_lang", value: language, url: inject("appUrl") }]);
  return context;
}

/** A demo person signed in (through the English form), then switched to the given interface language. */
async function signedIn(who: Who, language: Language): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", baseURL: inject("appUrl") });
  const page = await context.newPage();
  await signInBrowser(page, people[who], demoPassword);
  await context.addCookies([{ name: "factdesk_lang", value: language, url: inject("appUrl") }]);
  return page;
}

describe("the accessibility helper", () => {
  it("reports a serious violation on a page that has one, and none once it is excluded", async () => {
    const context = await browser.newContext({ baseURL: inject("appUrl") });
    const page = await context.newPage();
    await gotoHydrated(page, "/login");
    // An unlabelled field (label: critical) added to the real page, under its Content-Security-Policy.
    await page.evaluate(() => {
      const input = document.createElement("input");
      input.id = "unlabelled";
      document.querySelector("main")!.append(input);
    });
    const violations = await seriousViolations(page);
    expect(violations.map((v) => v.id)).toContain("label");
    expect(describeViolations(violations)).toContain("#unlabelled");
    expect(await seriousViolations(page, { exclude: ["#unlabelled"] })).toEqual([]);
    await context.close();
  });

  it("checks a page rendered with JavaScript disabled as it is, not as it would hydrate", async () => {
    const context = await browser.newContext({ baseURL: inject("appUrl"), javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    expect(await page.locator("html[data-hydrated]").count()).toBe(0);
    // An unlabelled field, and pale text that is pale only through the app's stylesheet (the top bar's
    // newsroom name on the white card), so the copy must have loaded the stylesheet to see it.
    await page.evaluate(() => {
      const input = document.createElement("input");
      input.id = "unlabelled";
      const pale = document.createElement("p");
      pale.className = "topbar__newsroom";
      pale.textContent = "Pale text";
      document.querySelector("main .card")!.append(input, pale);
    });
    const violations = await seriousViolations(page);
    expect(violations.map((v) => v.id).sort()).toEqual(["color-contrast", "label"]);
    expect(await seriousViolations(page, { exclude: ["#unlabelled", ".card > .topbar__newsroom"] })).toEqual([]);
    await context.close();
  });
});

describe.each<Language>(["en", "id"])("no serious or critical accessibility violation (%s)", (language) => {
  it("on the sign-in page, with and without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await contextIn(language, { javaScriptEnabled });
      const page = await context.newPage();
      if (javaScriptEnabled) await gotoHydrated(page, "/login");
      else await page.goto("/login");
      await expectNoSeriousViolations(page, language);
      await context.close();
    }
  });

  it("on the sign-in page showing a wrong password", async () => {
    const context = await contextIn(language);
    const page = await context.newPage();
    await gotoHydrated(page, "/login");
    await page.locator("input[name=email]").fill("nobody@test.example");
    await page.locator("input[name=password]").fill("not the password");
    await page.locator("form#login button[type=submit]").click();
    await page.getByRole("alert").waitFor();
    await expectNoSeriousViolations(page, language);
    await context.close();
  });

  it("on the import page showing a refused address", async () => {
    const page = await signedIn("editor", language);
    await gotoHydrated(page, "/articles/new");
    // Private addresses are refused (only the test page server is allowed), so the form shows an error.
    await page.locator("#import-url-input").fill("http://127.0.0.1:9/article");
    await page.locator("form:has(#import-url-input) button[type=submit]").click();
    await page.locator("section:has(#import-url-input) [role=alert]").waitFor();
    await expectNoSeriousViolations(page, language);
    await page.context().close();
  });

  it("on the public index, with and without a search", async () => {
    const context = await contextIn(language);
    const page = await context.newPage();
    for (const path of ["/fact-checks", "/fact-checks?q=zzzqqq"]) {
      await gotoHydrated(page, path);
      await expectNoSeriousViolations(page, language);
    }
    await context.close();
  });

  it("on the published fact-check page, its withdrawn page, read without JavaScript", async () => {
    const context = await contextIn(language, { javaScriptEnabled: false });
    const page = await context.newPage();
    // The page speaks the article's language whatever the reader's interface language.
    expect((await page.goto(`/fact-checks/${sampleFactCheckSlug}`))?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("id");
    expect(await page.locator("title").count()).toBe(1);
    const violations = await seriousViolations(page);
    expect(violations.map((v) => v.id), describeViolations(violations)).toEqual([]);

    const withdrawn = await publishTestFactCheck({
      headline: `Ditarik ${language}`,
      body: `Pemerintah menyebut 3.000 rumah rusak akibat gempa pekan ini (${language}).`,
      language,
      claims: [{ quote: "3.000 rumah rusak akibat gempa", rating: "False" }],
    });
    await withdrawFactCheck(withdrawn.editorActor, { factCheckId: withdrawn.factCheckId, reason: "Terbit sebelum disunting." });
    expect((await page.goto(`/fact-checks/${withdrawn.slug}`))?.status()).toBe(410);
    expect(await page.getAttribute("html", "lang")).toBe(language);
    const goneViolations = await seriousViolations(page);
    expect(goneViolations.map((v) => v.id), describeViolations(goneViolations)).toEqual([]);
    await context.close();
  });

  it("on the confirmation step of a correction and its preview (the public page, read without JavaScript)", async () => {
    const page = await signedIn("editor", language);
    await gotoHydrated(page, `/articles/${ids.sampleArticle}/fact-check`);
    await page.locator("#fc-note").fill("Catatan uji aksesibilitas.");
    await page.locator("form:has(#fc-note) button[type=submit]").click();
    await page.locator("#confirm-title").waitFor();
    await expectNoSeriousViolations(page, language);
    // Only a dry run: the demo's fact-check stays at its version.
    const [preview] = await Promise.all([page.context().waitForEvent("page"), page.locator("button[form=fc-preview]").click()]);
    await preview.waitForLoadState("load");
    expect(await preview.locator(".preview-banner").count()).toBe(1);
    // The page speaks the article's language; the banner the editor's.
    expect(await preview.getAttribute("html", "lang")).toBe("id");
    expect(await preview.locator("title").count()).toBe(1);
    const violations = await seriousViolations(preview);
    expect(violations.map((v) => v.id), describeViolations(violations)).toEqual([]);
    await page.context().close();
  });

  describe.each<Who>(["editor", "reviewer", "admin"])("as the demo %s", (who) => {
    let page: Page;
    beforeAll(async () => {
      page = await signedIn(who, language);
    });
    afterAll(async () => {
      await page?.context().close();
    });

    it.each(pagesFor[who])("on %s", async (template) => {
      const path = resolvePath(template);
      await gotoHydrated(page, path);
      expect(new URL(page.url()).pathname, `${path} is shown, not redirected`).toBe(path.replace(/\?.*$/, ""));
      await expectNoSeriousViolations(page, language);
    });

    it("keeps one document title, the new page's, after navigating in the page", async () => {
      await gotoHydrated(page, "/dashboard");
      const before = await page.title();
      await page.locator(".topbar__nav a[href='/notifications']").click();
      await page.waitForURL("**/notifications");
      await expect.poll(() => page.title()).not.toBe(before);
      expect(await page.title()).toBe(`${(await page.locator("h1").textContent())?.trim()} · Factdesk`);
      expect(await page.locator("title").count()).toBe(1);
      await expectNoSeriousViolations(page, language);
    });
  });
});
