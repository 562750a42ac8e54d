// In the browser: a reviewer's claim page follows the editor's changes to the claim live, and those
// changes (wording, claimant) do not refuse the reviewer's verdict — only a change to the verdict itself
// would. What the reviewer typed stays through the live update.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
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

describe("claim page conflicts", () => {
  it("a reviewer whose page showed the editor's change live proposes the verdict without a conflict", async () => {
    const editor = await actorOf("editor", { name: "Budi Santoso" });
    const reviewer = await actorOf("reviewer");
    const { id: articleId } = await createArticle(editor.id);
    const claim = await createClaim(editor, articleId, { start: 0, end: 40 });
    await prisma.assignment.create({ data: { claimId: claim.id, reviewerId: reviewer.id, assignedById: editor.id } });
    await prisma.claim.update({ where: { id: claim.id }, data: { status: "ASSIGNED", version: { increment: 1 } } });

    const context = await browser.newContext({ locale: "en-US", baseURL: inject("appUrl") });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signInBrowser(page, reviewer.email, testPassword);
    await gotoHydrated(page, `/claims/${claim.id}`);
    await page.waitForSelector('[data-live-status="live"]');
    await page.getByLabel("Rating").selectOption({ label: "False" });
    await page.getByLabel("Rationale").fill("Data resmi menyebut angka lain.");

    // The editor rewords the claim and names its claimant in the workspace.
    const desk = new Visitor(inject("appUrl"));
    await desk.login(editor.email, testPassword);
    const saved = await desk.post(`/articles/${articleId}`, {
      intent: "updateClaim",
      claimId: claim.id,
      version: "2",
      wording: "Reworded by the editor",
      claimant: "Kementerian",
    });
    expect(saved.status).toBe(302);

    // The reviewer's page shows it live, and keeps what the reviewer typed.
    await expect.poll(() => page.textContent("h1")).toBe("Reworded by the editor");
    await expect.poll(() => page.locator(".claim-context").textContent()).toContain("Kementerian");
    expect(await page.getByLabel("Rationale").inputValue()).toBe("Data resmi menyebut angka lain.");

    await page.getByRole("button", { name: "Propose verdict" }).click();
    await expect.poll(async () => (await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe("VERDICT_PROPOSED");
    expect(await page.locator("#verdict").getByRole("alert").count()).toBe(0);
    const verdict = await prisma.verdict.findFirstOrThrow({ where: { claimId: claim.id } });
    expect(verdict).toMatchObject({ proposedById: reviewer.id, rationale: "Data resmi menyebut angka lain." });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a decision on a verdict another editor decided meanwhile is refused, naming the verdict and that editor", async () => {
    const editor = await actorOf("editor");
    const other = await actorOf("editor", { name: "Dewi Anggraini" });
    const reviewer = await actorOf("reviewer");
    const { id: articleId } = await createArticle(editor.id);
    const claim = await createClaim(editor, articleId, { start: 0, end: 40 });
    await prisma.assignment.create({ data: { claimId: claim.id, reviewerId: reviewer.id, assignedById: editor.id } });
    await prisma.claim.update({ where: { id: claim.id }, data: { status: "ASSIGNED", version: { increment: 1 } } });
    const viaReviewer = new Visitor(inject("appUrl"));
    await viaReviewer.login(reviewer.email, testPassword);
    const rating = await prisma.ratingLabel.findFirstOrThrow({ where: { scale: { active: true } }, orderBy: { value: "asc" } });
    const proposed = await viaReviewer.post(`/claims/${claim.id}/verdicts`, {
      intent: "propose",
      claimVersion: "2",
      seen: "-",
      ratingId: rating.id,
      rationale: "Keliru.",
    });
    expect(proposed.status).toBe(302);

    const context = await browser.newContext({ locale: "en-US", baseURL: inject("appUrl") });
    const page = await context.newPage();
    await signInBrowser(page, editor.email, testPassword);
    // This page's live connection is down (as after a network drop): it cannot follow the other editor's decision.
    await context.route("**/events?*", (route) => route.abort());
    await gotoHydrated(page, `/claims/${claim.id}`);
    await page.getByLabel("Comment for the reviewer").fill("Tambahkan sumber resmi.");

    const viaOther = new Visitor(inject("appUrl"));
    await viaOther.login(other.email, testPassword);
    const approved = await viaOther.post(`/claims/${claim.id}/verdicts`, { intent: "approve", claimVersion: "3", seen: "1:PROPOSED" });
    expect(approved.status).toBe(302);

    await page.getByRole("button", { name: "Return to the reviewer" }).click();
    await expect
      .poll(() => page.locator("#verdict").getByRole("alert").first().textContent())
      .toContain("Someone else changed this claim since you opened it: Dewi Anggraini changed the verdict.");
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe("APPROVED");
    await context.close();
  });
});
