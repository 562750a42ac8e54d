// In the browser, "Checked before":
// - the walk: the demo's neighbour fact-checker is known (the demo loads its file through the admin upload's importer);
//   an editor imports an article repeating one of its claims in other words; the workspace shows "Checked
//   before" with that fact-check under the suggestion and, once accepted, under the claim; the reviewer it is
//   assigned to links it on the claim page;
// - on the claim page: the assigned reviewer sees an earlier check of the claim and links it as a source; the
//   editor settles the claim from it with the rating preselected and the rationale prefilled; the history says
//   both in words.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { actAs } from "~/demo/actors.server";
import { upsertKnownFactChecks } from "~/matching/match.server";
import { actorOf, assign, createArticle, testPassword } from "../support/fixtures";
import { deskBrowser, gotoHydrated } from "../support/browser";

const deskFor = deskBrowser(testPassword);

const neighbourFile = path.join(import.meta.dirname, "../../app/demo/claim-reviews/neighbour.json");

/** The demo neighbour's review of `claimReviewed` (app/demo/claim-reviews/neighbour.json, a DataFeed). */
function neighbourReview(claimReviewed: string): { url: string } {
  const feed = JSON.parse(readFileSync(neighbourFile, "utf8")) as { dataFeedElement: { url: string; claimReviewed: string }[] };
  const found = feed.dataFeedElement.find((review) => review.claimReviewed === claimReviewed);
  if (!found) throw new Error(`The demo file has no review of "${claimReviewed}"`);
  return found;
}

describe("checked before, the desk's walk with the demo's neighbour", () => {
  it("an imported article repeating a demo claim in other words shows it under the suggestion and the claim; the reviewer links it", async () => {
    const run = randomUUID().slice(0, 8);
    // The app under test runs the demo (SEED_DEMO), which loads the neighbour's file as a ClaimReview source.
    const neighbour = await prisma.claimReviewFeed.findFirstOrThrow({ where: { name: "Cek Tetangga" }, select: { _count: { select: { reviews: true } } } });
    expect(neighbour._count.reviews).toBeGreaterThanOrEqual(30);
    const earlier = neighbourReview("Sekjen NATO Mark Rutte mengonfirmasi unit militer Korea Utara dikerahkan ke Kursk");
    const editorRow = await actorOf("editor", { name: "Editor Wulan" });
    const reviewerRow = await actorOf("reviewer", { name: "Reviewer Bayu" });

    // The editor imports an article (written for this test) that says it in other words.
    const desk = await deskFor(editorRow.email);
    await gotoHydrated(desk, "/articles/new");
    const paste = desk.getByRole("region", { name: "Paste the text" });
    await paste.getByLabel("Headline").fill(`Rutte: pasukan Korut sudah di Kursk (${run})`);
    const repeated = "Sekretaris Jenderal NATO Mark Rutte memastikan pasukan Korut sudah dikerahkan ke wilayah Kursk, Rusia.";
    await paste
      .getByLabel("Article text")
      .fill(
        [
          repeated,
          "Pernyataan itu disampaikan di Brussel pada Senin setelah pertemuan para duta besar negara anggota aliansi.",
          "Menurut Rutte, pengerahan itu merupakan eskalasi yang berbahaya bagi keamanan Eropa dan Korea Selatan.",
          `Kremlin belum memberikan tanggapan resmi atas pernyataan tersebut hingga Senin malam. (Catatan redaksi ${run})`,
        ].join("\n\n"),
      );
    await paste.getByRole("button", { name: "Import text" }).click();
    await desk.waitForURL(/\/articles\/[0-9a-f-]{36}$/);
    const articleId = desk.url().split("/").pop()!;

    // The suggestion covering the repeated passage shows the demo's fact-check.
    const suggestion = desk.locator(".suggestions__item", { hasText: "Mark Rutte" }).first();
    const suggested = suggestion.getByRole("group", { name: "Earlier fact-checks of this passage" });
    await expect.poll(() => suggested.count(), { timeout: 15_000 }).toBe(1);
    expect(await suggested.innerText()).toContain("Cek Tetangga");
    expect(await suggested.getByRole("link", { name: "Cek Tetangga" }).first().getAttribute("href")).toBe(earlier.url);

    // Accepted, it is a claim, and the claim shows it too.
    await suggestion.getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => prisma.claim.count({ where: { articleId, deletedAt: null } })).toBe(1);
    const claim = await prisma.claim.findFirstOrThrow({ where: { articleId, deletedAt: null }, select: { id: true, wording: true } });
    expect(claim.wording).toContain("Mark Rutte");
    const claimed = desk.locator(".claims__item", { hasText: "Mark Rutte" }).getByRole("group", { name: "Earlier fact-checks of this claim" });
    await expect.poll(() => claimed.count(), { timeout: 15_000 }).toBe(1);
    expect(await claimed.getByRole("link", { name: "Cek Tetangga" }).first().getAttribute("href")).toBe(earlier.url);

    // The reviewer it is assigned to opens the claim and links the earlier check.
    await assign(claim.id, reviewerRow.id, editorRow.id, { claimStatus: "ASSIGNED" });
    const research = await deskFor(reviewerRow.email);
    await gotoHydrated(research, `/claims/${claim.id}`);
    const section = research.locator("#checked-before");
    const item = section.locator(".checked-before__item", { has: research.locator(`a[href="${earlier.url}"]`) });
    await expect.poll(() => item.count()).toBe(1);
    await item.getByRole("button", { name: "Link as a source" }).click();
    await expect
      .poll(() => prisma.source.findMany({ where: { claimId: claim.id }, select: { kind: true, url: true, publisher: true } }))
      .toEqual([{ kind: "FACT_CHECK", url: earlier.url, publisher: "Cek Tetangga" }]);
    await expect.poll(() => item.getByText("Linked", { exact: true }).count()).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "source.link_checked_before", actorId: reviewerRow.id } })).toBe(1);
  });
});

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
