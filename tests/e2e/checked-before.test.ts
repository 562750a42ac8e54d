// In the browser, "Checked before" on the claim page: the assigned reviewer sees an earlier check of the claim
// and links it as a source; the editor settles the claim from it with the rating preselected and the rationale
// prefilled; the history says both in words.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { actAs } from "~/demo/actors.server";
import { upsertKnownFactChecks } from "~/matching/match.server";
import { actorOf, assign, createArticle, testPassword } from "../support/fixtures";
import { gotoHydrated, launchBrowser, signedInPage } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const deskFor = (email: string): Promise<Page> => signedInPage(browser, inject("appUrl"), email, testPassword);

describe("checked before on the claim page", () => {
  it("links an earlier check as a source, then the editor settles the claim from it", async () => {
    const run = randomUUID().slice(0, 8);
    const editorRow = await actorOf("editor", { name: "Editor Sari" });
    const reviewerRow = await actorOf("reviewer", { name: "Reviewer Joko" });
    const words = `Menara air ${run} di Kudus roboh diterjang angin`;
    const { id: articleId } = await createArticle(editorRow.id, words);
    await prisma.article.update({ where: { id: articleId }, data: { language: "id" } });
    const claim = await createClaim(await actAs(editorRow.email), articleId, { start: 0, end: words.length });
    await assign(claim.id, reviewerRow.id, editorRow.id, { claimStatus: "ASSIGNED" });
    const url = `https://cektetangga.example/${run}/menara`;
    await upsertKnownFactChecks([
      { url, claimReviewed: words, language: "id", publisher: "Cek Tetangga", rating: "Keliru", datePublished: new Date("2024-10-20T00:00:00Z"), source: "feed" },
    ]);

    const research = await deskFor(reviewerRow.email);
    await gotoHydrated(research, `/claims/${claim.id}`);
    const section = research.locator("#checked-before");
    await expect.poll(() => section.locator(".checked-before__item").count()).toBe(1);
    expect(await section.locator(".checked-before__link").getAttribute("href")).toBe(url);
    await section.getByLabel("Stance of the linked check").selectOption("REFUTES");
    await section.getByRole("button", { name: "Link as a source" }).click();
    await expect
      .poll(() => prisma.source.findMany({ where: { claimId: claim.id }, select: { kind: true, url: true, stance: true } }))
      .toEqual([{ kind: "FACT_CHECK", url, stance: "REFUTES" }]);
    await expect.poll(() => section.getByText("Linked", { exact: true }).count()).toBe(1);
    // A reviewer does not settle.
    expect(await research.getByText("Settle from a linked check").count()).toBe(0);

    const desk = await deskFor(editorRow.email);
    await gotoHydrated(desk, `/claims/${claim.id}`);
    const settle = desk.locator("#checked-before details");
    await settle.locator("summary").click();
    const rating = settle.getByLabel("Rating");
    const falseId = (await prisma.ratingLabel.findFirstOrThrow({ where: { labelEn: "False", scale: { active: true } }, select: { id: true } })).id;
    expect(await rating.inputValue()).toBe(falseId);
    expect(await settle.getByLabel("Rationale").inputValue()).toBe(`Pernah dicek oleh Cek Tetangga pada 2024-10-20, dinilai “Keliru”: ${url}`);
    await settle.getByRole("button", { name: "Settle the claim" }).click();
    await expect.poll(async () => (await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe("APPROVED");
    const verdict = await prisma.verdict.findFirstOrThrow({ where: { claimId: claim.id }, select: { status: true, checkedBefore: true } });
    expect(verdict.status).toBe("APPROVED");
    expect(verdict.checkedBefore).toMatchObject({ url, publisher: "Cek Tetangga", rating: "Keliru" });
    await gotoHydrated(desk, `/claims/${claim.id}`);
    const note = desk.locator("#verdict .verdict__checked-before");
    expect(await note.locator("a").getAttribute("href")).toBe(url);
    expect(await note.textContent()).toContain("Checked before by Cek Tetangga");

    await gotoHydrated(desk, `/claims/${claim.id}?tab=history`);
    const historyText = await desk.locator(".history").textContent();
    expect(historyText).toContain("linked an earlier fact-check as a source");
    expect(historyText).toContain("settled the claim from an earlier fact-check (approved directly)");
  });
});
