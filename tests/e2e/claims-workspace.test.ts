// In the browser: an editor imports an article by URL from a local news page, accepts suggestions,
// creates a fragment claim by selecting text (with the keyboard), edits its wording, and reloads to find
// it all saved.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadActor } from "~/auth/actor.server";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { actorOf, createArticle, testPassword } from "../support/fixtures";
import { gotoHydrated, launchBrowser, signInBrowser } from "../support/browser";
import { Visitor } from "../support/http";

let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function signIn(page: Page, email: string) {
  return signInBrowser(page, email, testPassword);
}

/** Selects `fragment` inside the article text the way a keyboard user does: caret, then Shift+Right. */
async function selectWithKeyboard(page: Page, fragment: string) {
  const body = page.locator(".article-text__body");
  await body.evaluate((element, text) => {
    // Find the fragment in the rendered text, whatever highlights cut it into pieces.
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const at = nodes.map((n) => n.data).join("").indexOf(text);
    if (at < 0) throw new Error(`"${text}" not found in the article text`);
    let before = 0;
    for (const node of nodes) {
      if (at < before + node.data.length) {
        (element as HTMLElement).focus();
        const range = document.createRange();
        range.setStart(node, at - before);
        range.collapse(true);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
      before += node.data.length;
    }
  }, fragment);
  for (let i = 0; i < fragment.length; i++) await page.keyboard.press("Shift+ArrowRight");
}

describe("claims workspace", () => {
  it("imports by URL, accepts suggestions, claims a selected fragment, edits it, and keeps it all", async () => {
    const editor = await actorOf("editor");
    const context = await browser.newContext({ locale: "en-US", baseURL: inject("appUrl") });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signIn(page, editor.email);

    await gotoHydrated(page, "/articles/new");
    await page.getByLabel("Article address").fill(`${inject("pageServerUrl")}/news/banjir-bekasi`);
    await page.getByRole("button", { name: "Fetch and import" }).click();
    await page.waitForURL(/\/articles\/[0-9a-f-]{36}$/);
    const articleId = page.url().split("/").pop()!;
    await expect.poll(() => page.textContent("h1")).toContain("Banjir Rendam 1.200 Rumah di Bekasi");
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(stored).toMatchObject({ language: "id", outlet: "Warta Metro", author: "Rina Marlina", importMethod: "URL" });
    expect(stored.body).not.toContain("Baca juga");
    expect(stored.body).not.toContain("Beranda");

    // Accept the first two suggestions, one by one.
    const suggestions = page.locator(".suggestions__item");
    const before = await suggestions.count();
    expect(before).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < 2; i++) {
      await suggestions.first().getByRole("button", { name: "Accept" }).click();
      await expect.poll(() => suggestions.count()).toBe(before - i - 1);
    }
    await expect.poll(() => page.locator(".claims__item").count()).toBe(2);

    // A fragment of a sentence, selected with the keyboard.
    await selectWithKeyboard(page, "1.200 rumah");
    await expect.poll(() => page.locator(".selection-bar__preview").textContent()).toContain("“1.200 rumah”");
    await page.getByRole("button", { name: "Create claim from selection" }).click();
    await page.waitForURL(/\?claim=/);
    const claimId = new URL(page.url()).searchParams.get("claim")!;
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(stored.body.slice(claim.start, claim.end)).toBe("1.200 rumah");
    expect(claim.quote).toBe("1.200 rumah");

    // Edit the checkable wording and the claimant.
    const wording = page.getByLabel("Checkable wording");
    await wording.fill("The floods in Bekasi since 1 March 2025 submerged at least 1,200 houses in seven districts");
    await expect.poll(() => page.locator(".field__warning").textContent()).toContain("ClaimReview advises 75 or fewer");
    await wording.fill("Floods submerged at least 1,200 houses in Bekasi");
    await page.getByLabel("Claimant", { exact: true }).fill("BPBD Kota Bekasi");
    await page.getByLabel("The claimant is").selectOption({ label: "An organisation" });
    await page.getByRole("button", { name: "Save claim" }).click();
    await expect.poll(async () => (await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).version).toBe(2);

    await page.reload();
    await expect.poll(() => page.locator(".claims__item").count()).toBe(3);
    await expect(page.getByLabel("Checkable wording").inputValue()).resolves.toBe("Floods submerged at least 1,200 houses in Bekasi");
    await expect(page.getByLabel("Claimant", { exact: true }).inputValue()).resolves.toBe("BPBD Kota Bekasi");
    // Who made the claim is saved as an organisation (ClaimReview's claim author).
    await expect(page.getByLabel("The claimant is").inputValue()).resolves.toBe("Organization");
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).claimantKind).toBe("Organization");
    expect(await page.locator(".claims__wording").allTextContents()).toContain("Floods submerged at least 1,200 houses in Bekasi");
    expect(await page.locator("mark.mark--claim").count()).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("refuses a stale save with a message and keeps what the editor typed", async () => {
    const editor = await actorOf("editor");
    const otherEditor = await actorOf("editor", { name: "Dewi Anggraini" });
    // An article of its own, with a claim still under review (a settled one is refused whatever its version,
    // decision 0014), so that no other test's articles decide what this one opens.
    const { id: articleId, a, b } = await articleWithClaims(editor.id);
    const article = { id: articleId };
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: a.id }, select: { id: true, version: true } });
    const context = await browser.newContext({ locale: "en-US", baseURL: inject("appUrl") });
    const page = await context.newPage();
    await signIn(page, editor.email);
    await gotoHydrated(page, `/articles/${article.id}?claim=${claim.id}`);
    await page.getByLabel("Checkable wording").fill("My careful new wording");

    // Meanwhile another editor saves the same claim, from the version both of them loaded.
    const other = new Visitor(inject("appUrl"));
    await other.login(otherEditor.email, testPassword);
    const theirs = await other.post(`/articles/${article.id}`, { intent: "updateClaim", claimId: claim.id, version: String(claim.version), wording: "Their wording" });
    expect(theirs.status).toBe(302);

    const refused = page.waitForResponse((response) => response.request().method() === "POST" && response.status() === 409);
    await page.getByRole("button", { name: "Save claim" }).click();
    await refused;
    // The refusal in the claim editor (not some other alert on the page); it must outlive any live reload.
    const refusal = page.locator(".claim-editor [role=alert]");
    const refusalText = async () =>
      (await refusal.count()) > 0 ? ((await refusal.first().textContent()) ?? "") : `no refusal shown at ${page.url()}: ${(await page.locator("main").innerText()).slice(0, 600)}`;
    await expect.poll(refusalText, { timeout: 15_000 }).toContain("Someone else changed this claim");
    expect(await page.getByLabel("Checkable wording").inputValue()).toBe("My careful new wording");
    // The claim as it is now: the page's data is reloaded after the refusal (and by the live update of the
    // other editor's save, which may land just before or after it).
    await expect.poll(refusalText, { timeout: 15_000 }).toContain("Their wording");
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).wording).toBe("Their wording");
    // The refusal says which field and who: a real conflict, on the field both changed.
    expect(await refusalText()).toContain("Dewi Anggraini changed the checkable wording");

    // Someone changes another claim of the article while the editor reads the refusal: the page reloads live
    // (the other claim's new wording shows in the list), and the refusal stays — it vanished on every live
    // reload after the one that committed the refused submission.
    const bVersion = (await prisma.claim.findUniqueOrThrow({ where: { id: b.id } })).version;
    const later = await other.post(`/articles/${article.id}`, { intent: "updateClaim", claimId: b.id, version: String(bVersion), wording: "Pompa air yang rusak" });
    expect(later.status).toBe(302);
    await expect.poll(() => page.locator(".claims__wording").allTextContents(), { timeout: 15_000 }).toContain("Pompa air yang rusak");
    expect(await refusalText()).toContain("Dewi Anggraini changed the checkable wording");
    expect(await page.getByLabel("Checkable wording").inputValue()).toBe("My careful new wording");

    // Having seen their version, the editor saves again: now theirs is replaced on purpose.
    await page.getByRole("button", { name: "Save claim" }).click();
    await expect
      .poll(async () => (await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).wording, { timeout: 15_000 })
      .toBe("My careful new wording");
    await context.close();
  });
});

/** An article with two claims an editor can open from the workspace's claim list. */
async function articleWithClaims(editorId: string) {
  const text = `Gubernur menyebut 3.400 rumah terendam banjir di Bekasi pada Senin (3/3/2025).\nBPBD membantah kabar bahwa 12 pompa air rusak sejak Januari. Laporan ${Date.now()}.`;
  const { id } = await createArticle(editorId, text);
  const body = (await prisma.article.findUniqueOrThrow({ where: { id }, select: { body: true } })).body;
  const span = (fragment: string) => ({ start: body.indexOf(fragment), end: body.indexOf(fragment) + fragment.length });
  const editor = await loadActor(editorId);
  const a = await createClaim(editor, id, span("3.400 rumah terendam banjir di Bekasi"));
  const b = await createClaim(editor, id, span("12 pompa air rusak sejak Januari"));
  return { id, a, b };
}

const claimRow = (id: string) => prisma.claim.findUniqueOrThrow({ where: { id }, select: { wording: true, claimant: true, version: true } });

describe("a claim's wording is never overwritten by another claim's", () => {
  it("create from a selection → open another claim → set its claimant only → save: its wording stays its own", async () => {
    const editor = await actorOf("editor");
    const { id, a, b } = await articleWithClaims(editor.id);
    const context = await browser.newContext({ locale: "en-US", baseURL: inject("appUrl") });
    const page = await context.newPage();
    await signIn(page, editor.email);
    await gotoHydrated(page, `/articles/${id}`);

    await selectWithKeyboard(page, "Gubernur menyebut");
    await page.getByRole("button", { name: "Create claim from selection" }).click();
    await page.waitForURL(/\?claim=/);
    const created = new URL(page.url()).searchParams.get("claim")!;
    await expect.poll(() => page.getByLabel("Checkable wording").inputValue()).toBe("Gubernur menyebut");

    await page.locator(".claims__link", { hasText: b.wording }).click();
    await page.waitForURL(`**/articles/${id}?claim=${b.id}`);
    await expect.poll(() => page.getByLabel("Checkable wording").inputValue()).toBe(b.wording);
    await page.getByLabel("Claimant", { exact: true }).fill("BPBD Kota Bekasi");
    await page.getByRole("button", { name: "Save claim" }).click();
    await expect.poll(async () => (await claimRow(b.id)).claimant).toBe("BPBD Kota Bekasi");

    expect((await claimRow(b.id)).wording).toBe(b.wording);
    expect((await claimRow(created)).wording).toBe("Gubernur menyebut");
    expect((await claimRow(a.id)).wording).toBe(a.wording);
    await page.reload();
    expect(await page.getByLabel("Checkable wording").inputValue()).toBe(b.wording);
    await context.close();
  });

  it("claim A → claim B → save B's claimant: both wordings intact", async () => {
    const editor = await actorOf("editor");
    const { id, a, b } = await articleWithClaims(editor.id);
    const context = await browser.newContext({ locale: "en-US", baseURL: inject("appUrl") });
    const page = await context.newPage();
    await signIn(page, editor.email);
    await gotoHydrated(page, `/articles/${id}?claim=${a.id}`);
    expect(await page.getByLabel("Checkable wording").inputValue()).toBe(a.wording);

    await page.locator(".claims__link", { hasText: b.wording }).click();
    await page.waitForURL(`**/articles/${id}?claim=${b.id}`);
    await expect.poll(() => page.getByLabel("Checkable wording").inputValue()).toBe(b.wording);
    await page.getByLabel("Claimant", { exact: true }).fill("Gubernur Jawa Barat");
    await page.getByRole("button", { name: "Save claim" }).click();
    await expect.poll(async () => (await claimRow(b.id)).claimant).toBe("Gubernur Jawa Barat");

    expect(await claimRow(b.id)).toMatchObject({ wording: b.wording, version: 2 });
    expect(await claimRow(a.id)).toMatchObject({ wording: a.wording, claimant: null, version: 1 });
    await context.close();
  });

  it("keeps text typed right after a full page load, before the page has come alive", async () => {
    const editor = await actorOf("editor");
    const { id, a } = await articleWithClaims(editor.id);
    const context = await browser.newContext({ locale: "en-US", baseURL: inject("appUrl") });
    const page = await context.newPage();
    await signIn(page, editor.email);

    // Hold the page's scripts until the editor has typed, so the typing surely comes before hydration.
    let release!: () => void;
    const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/*.js", async (route) => {
      await scriptsHeld;
      await route.continue();
    });
    await page.goto(`/articles/${id}?claim=${a.id}`, { waitUntil: "commit" });
    await page.getByLabel("Checkable wording").fill("Typed before the page came alive");
    await page.getByLabel("Claimant", { exact: true }).fill("Gubernur");
    expect(await page.locator("html[data-hydrated]").count()).toBe(0);
    release();
    await page.waitForSelector("html[data-hydrated]");
    expect(await page.getByLabel("Checkable wording").inputValue()).toBe("Typed before the page came alive");

    await page.getByRole("button", { name: "Save claim" }).click();
    await expect.poll(async () => (await claimRow(a.id)).version).toBe(2);
    expect(await claimRow(a.id)).toMatchObject({ wording: "Typed before the page came alive", claimant: "Gubernur" });
    await context.close();
  });

  it("someone else's change to the same claim arriving live keeps what the editor is typing, and saving keeps theirs", async () => {
    const editor = await actorOf("editor");
    const other = await actorOf("editor", { name: "Dewi Anggraini" });
    const { id, a } = await articleWithClaims(editor.id);
    const context = await browser.newContext({ locale: "en-US", baseURL: inject("appUrl") });
    const page = await context.newPage();
    await signIn(page, editor.email);
    await gotoHydrated(page, `/articles/${id}?claim=${a.id}`);
    await page.waitForSelector('[data-live-status="live"]');
    await page.getByLabel("Claimant", { exact: true }).fill("Gubernur Jawa Barat");

    const visitor = new Visitor(inject("appUrl"));
    await visitor.login(other.email, testPassword);
    const theirs = await visitor.post(`/articles/${id}`, { intent: "updateClaim", claimId: a.id, version: "1", wording: "Their wording", appearance: "https://example.org/berita" });
    expect(theirs.status).toBe(302);
    // The page shows their change (the claim list and the untouched fields), the typed claimant stays.
    await expect.poll(() => page.getByLabel("Checkable wording").inputValue()).toBe("Their wording");
    await expect.poll(() => page.getByLabel("Where it appeared").inputValue()).toBe("https://example.org/berita");
    expect(await page.getByLabel("Claimant", { exact: true }).inputValue()).toBe("Gubernur Jawa Barat");

    await page.getByRole("button", { name: "Save claim" }).click();
    await expect.poll(async () => (await claimRow(a.id)).claimant).toBe("Gubernur Jawa Barat");
    expect(await claimRow(a.id)).toMatchObject({ wording: "Their wording", version: 3 });
    await context.close();
  });
});
