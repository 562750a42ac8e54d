// In the browser: the claims workspace shows "Checked before" under a claim and a suggestion that repeat known
// fact-checks in other words — publisher, rating, the date as published (a calendar date, never shifted by the
// browser's time zone) and a link to the review — nothing under an unrelated claim; the lists stay through a live
// reload (another editor's change); and a fact-check that becomes known later (upserted and announced) shows after
// a reload.
import { randomUUID } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadActor } from "~/auth/actor.server";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { announceKnownFactChecksChanged } from "~/matching/checked-before.server";
import { type KnownFactCheckInput, upsertKnownFactChecks } from "~/matching/match.server";
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

const run = randomUUID().slice(0, 8);
const publisher = `Cek Tetangga ${run}`;
function review(slug: string, claimReviewed: string, rating: string, day: string): KnownFactCheckInput {
  return { url: `https://cektetangga.example/cek/${run}/${slug}`, claimReviewed, language: "id", publisher, rating, datePublished: new Date(`${day}T00:00:00Z`), source: "feed" };
}

const troopsSentence = "Sepuluh ribu tentara Korea Utara dikirim ke Kursk untuk membantu Rusia";
const chiliSentence = "Harga cabai rawit naik dua kali lipat menjelang Lebaran";
const riceSentence = "Beras plastik beredar di pasar tradisional Jakarta";

/** An Indonesian article with two claims (troops, chili) and one open suggestion (rice). */
async function article(editorId: string) {
  const body = `${troopsSentence}, kata seorang pejabat. ${chiliSentence}, menurut pedagang. ${riceSentence}, tulis sebuah akun. Laporan ${run}.`;
  const { id } = await createArticle(editorId, body);
  await prisma.article.update({ where: { id }, data: { language: "id" } });
  const span = (fragment: string) => ({ start: body.indexOf(fragment), end: body.indexOf(fragment) + fragment.length });
  const editor = await loadActor(editorId);
  await createClaim(editor, id, span(troopsSentence));
  const chili = await createClaim(editor, id, span(chiliSentence));
  await prisma.claimSuggestion.deleteMany({ where: { articleId: id } });
  await prisma.claimSuggestion.create({ data: { articleId: id, ...span(riceSentence), score: 0.7, reasons: [] } });
  return { id, chiliClaimId: chili.id };
}

const claimItem = (page: Page, wording: string) => page.locator(".claims__item", { hasText: wording });
const shown = async (item: Locator) => ((await item.locator(".checked-before").count()) > 0 ? ((await item.locator(".checked-before").innerText()) ?? "") : "");

describe("Checked before in the claims workspace", () => {
  it("shows earlier fact-checks of a claim and a suggestion, and one known later after a reload", async () => {
    const editor = await actorOf("editor");
    // Said in digits, checked in 2024; the claim says it in words.
    const troops = review("tentara", "Korea Utara mengirim 10.000 tentara ke Kursk untuk membantu Rusia", "Salah", "2024-10-20");
    const rice = review("beras", "Beras plastik dijual di pasar tradisional Jakarta", "Hoaks", "2023-03-01");
    await upsertKnownFactChecks([troops, rice]);
    await announceKnownFactChecksChanged();
    const { id, chiliClaimId } = await article(editor.id);

    // West of UTC: a date-only value shifted by the browser's zone would read a day early here.
    const context = await browser.newContext({ locale: "en-US", baseURL: inject("appUrl"), timezoneId: "America/Los_Angeles" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signInBrowser(page, editor.email, testPassword);
    await gotoHydrated(page, `/articles/${id}`);

    const troopsItem = claimItem(page, troopsSentence);
    await expect.poll(() => shown(troopsItem)).toContain("Checked before");
    const troopsList = troopsItem.getByRole("group", { name: "Earlier fact-checks of this claim" });
    expect(await troopsList.innerText()).toContain(`${publisher}`);
    expect(await troopsList.innerText()).toContain("rated “Salah”, 20 October 2024");
    expect(await troopsList.getByRole("link", { name: publisher }).first().getAttribute("href")).toBe(troops.url);

    const suggestion = page.locator(".suggestions__item", { hasText: riceSentence });
    const riceList = suggestion.getByRole("group", { name: "Earlier fact-checks of this passage" });
    expect(await riceList.innerText()).toContain("rated “Hoaks”, 1 March 2023");
    expect(await riceList.getByRole("link", { name: publisher }).first().getAttribute("href")).toBe(rice.url);

    // Nobody checked the chili claim yet.
    const chiliItem = page.locator(".claims__item", { hasText: "Harga cabai rawit" });
    expect(await chiliItem.locator(".checked-before").count()).toBe(0);

    // Another editor rewords the chili claim: the page reloads live, and the lists stay.
    await page.waitForSelector('[data-live-status="live"]');
    const other = new Visitor(inject("appUrl"));
    await other.login((await actorOf("editor")).email, testPassword);
    const reworded = "Harga cabai rawit di pasar naik dua kali lipat menjelang Lebaran";
    const saved = await other.post(`/articles/${id}`, { intent: "updateClaim", claimId: chiliClaimId, version: "1", wording: reworded });
    expect(saved.status).toBe(302);
    await expect.poll(() => page.locator(".claims__wording").allTextContents(), { timeout: 15_000 }).toContain(reworded);
    expect(await shown(troopsItem)).toContain("rated “Salah”, 20 October 2024");
    expect(await riceList.innerText()).toContain("rated “Hoaks”, 1 March 2023");

    // A neighbour's review of it arrives (a feed import would upsert and announce the same way).
    const chili = review("cabai", "Harga cabai rawit naik dua kali lipat menjelang Lebaran tahun ini", "Benar", "2025-02-28");
    await upsertKnownFactChecks([chili]);
    await announceKnownFactChecksChanged();
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.waitForSelector("html[data-hydrated]");
          return shown(chiliItem);
        },
        { timeout: 15_000, interval: 500 },
      )
      .toContain("rated “Benar”, 28 February 2025");
    expect(await chiliItem.getByRole("link", { name: publisher }).first().getAttribute("href")).toBe(chili.url);
    expect(errors).toEqual([]);
    await context.close();
  });
});
