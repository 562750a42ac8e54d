// In the browser, nothing waits unseen: a reviewer proposes a verdict → the other editors see the count on
// the navigation's dashboard link (live), the entry on their dashboard and a notification naming the
// article; the proposer sees none of it, and a decision takes it away again. Assigning: the form offers
// reviewers with their open and overdue claims, nothing preselected, and the server refuses an empty or
// ineligible choice; the reviewer's queue names the article; the workload's counts lead to the claims.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { loadActor } from "~/auth/actor.server";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { seriousViolations, describeViolations } from "../support/axe";
import { actorOf, assign, createArticle, testPassword } from "../support/fixtures";
import { deskBrowser, gotoHydrated } from "../support/browser";
import { Visitor } from "../support/http";

const deskFor = deskBrowser(testPassword);

/** An article titled `title` with one claim per fragment of its text. */
async function articleWithClaims(importerId: string, title: string, fragments: string[]) {
  const { id: articleId } = await createArticle(importerId, fragments.map((fragment) => `${fragment} menurut laporan resmi.`).join("\n"));
  await prisma.article.update({ where: { id: articleId }, data: { title } });
  const body = (await prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } })).body;
  const importer = await loadActor(importerId);
  const claims = [];
  for (const fragment of fragments)
    claims.push(await createClaim(importer, articleId, { start: body.indexOf(fragment), end: body.indexOf(fragment) + fragment.length }));
  return { articleId, claims };
}

/** Assignment rows written directly (the board is tested below). */
/** Waiting for a page to catch up (a live update, a navigation's render): generous, it only bounds a failure. */
const settle = { timeout: 10_000 };

const decisionCount = async (page: Page) => Number(await page.locator(".topbar__decisions").getAttribute("data-decisions"));

async function proposeIn(page: Page, claimId: string, rationale: string) {
  await gotoHydrated(page, `/claims/${claimId}`);
  await page.getByLabel("Rating").selectOption({ label: "False" });
  await page.getByLabel("Rationale").fill(rationale);
  await page.getByRole("button", { name: "Propose verdict" }).click();
  await expect.poll(async () => (await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).status, settle).toBe("VERDICT_PROPOSED");
}

describe("the decisions queue", () => {
  it("shows a proposed verdict to the other editors — navigation count, dashboard, notification naming the article — never to the proposer", async () => {
    const [deciding, watching] = [
      await actorOf("editor", { name: "Editor Wulan" }),
      await actorOf("editor", { name: "Editor Bayu" }),
    ];
    const admin = await actorOf("admin", { name: "Admin Tari" });
    const reviewer = await actorOf("reviewer", { name: "Reviewer Sinta" });
    const title = "Subsidi pupuk 2025 dipangkas";
    const { articleId, claims } = await articleWithClaims(deciding.id, title, [
      "Subsidi pupuk dipangkas 30 persen",
      "Petani menerima pupuk dua kali setahun",
    ]);
    const [first, second] = claims as [(typeof claims)[0], (typeof claims)[0]];
    await assign(first.id, reviewer.id, deciding.id, { claimStatus: "ASSIGNED" });
    await assign(second.id, reviewer.id, deciding.id, { claimStatus: "ASSIGNED" });

    // The second editor watches their dashboard.
    const watcher = await deskFor(watching.email);
    const errors: string[] = [];
    watcher.on("pageerror", (error) => errors.push(error.message));
    await gotoHydrated(watcher, "/dashboard");
    await watcher.waitForSelector('[data-live-status="live"]');
    const before = await decisionCount(watcher);
    const section = watcher.getByRole("region", { name: "Waiting for your decision" });
    expect(await section.getByRole("link", { name: first.wording }).count()).toBe(0);

    // The reviewer proposes.
    const proposer = await deskFor(reviewer.email);
    await proposeIn(proposer, first.id, "Rahasia penilai: data Kementan menyebut 12 persen.");

    // Live: the count on the dashboard link and the entry, with article, proposer and age.
    await expect.poll(() => decisionCount(watcher), settle).toBe(before + 1);
    expect(await watcher.locator(".topbar__decisions .visually-hidden").textContent()).toBe(
      `${before + 1} verdict${before + 1 === 1 ? " waits" : "s wait"} for your decision`,
    );
    await expect.poll(() => section.getByRole("link", { name: first.wording }).count(), settle).toBe(1);
    const entry = section.locator(".decisions__item", { has: watcher.getByRole("link", { name: first.wording }) });
    expect(await entry.getByRole("link", { name: title }).getAttribute("href")).toBe(`/articles/${articleId}/board`);
    expect(await entry.textContent()).toMatch(/Proposed by Reviewer Sinta (just now|\d+ minutes? ago)/);
    await entry.getByRole("link", { name: first.wording }).click();
    await watcher.waitForURL(`**/claims/${first.id}`);

    // A notification names the claim and its article, never the rating or the rationale.
    await gotoHydrated(watcher, "/notifications");
    const notice = watcher.locator('.notification[data-kind="VERDICT_PROPOSED"]', { hasText: first.wording });
    expect(await notice.count()).toBe(1);
    expect(await notice.textContent()).toContain("Reviewer Sinta proposed a verdict: it waits for a decision");
    expect(await notice.textContent()).toContain(title);
    expect(await notice.textContent()).not.toContain("Rahasia penilai");

    // The proposer: no count, no notification about their own proposal.
    await gotoHydrated(proposer, "/dashboard");
    expect(await proposer.locator(".topbar__decisions").getAttribute("data-decisions")).toBe("0");
    expect(await proposer.getByRole("region", { name: "Waiting for your decision" }).count()).toBe(0);
    expect(await prisma.notification.count({ where: { recipientId: reviewer.id, kind: "VERDICT_PROPOSED" } })).toBe(0);

    // An admin who proposes (they may, on any claim) is not told of it and does not find it waiting for them.
    const adminPage = await deskFor(admin.email);
    await proposeIn(adminPage, second.id, "Rahasia admin: hanya sekali setahun.");
    await expect.poll(() => decisionCount(watcher), settle).toBe(before + 2);
    await gotoHydrated(adminPage, "/dashboard");
    const adminSection = adminPage.getByRole("region", { name: "Waiting for your decision" });
    expect(await adminSection.getByRole("link", { name: first.wording }).count()).toBe(1);
    expect(await adminSection.getByRole("link", { name: second.wording }).count()).toBe(0);
    expect(await prisma.notification.count({ where: { recipientId: admin.id, claimId: second.id } })).toBe(0);
    expect(await prisma.notification.count({ where: { recipientId: admin.id, claimId: first.id, kind: "VERDICT_PROPOSED" } })).toBe(1);

    // Another editor decides: the watcher's count goes down by itself.
    await gotoHydrated(watcher, "/dashboard");
    await watcher.waitForSelector('[data-live-status="live"]');
    const decider = await deskFor(deciding.email);
    await gotoHydrated(decider, `/claims/${first.id}`);
    await decider.getByRole("button", { name: "Approve verdict" }).click();
    await expect.poll(async () => (await prisma.claim.findUniqueOrThrow({ where: { id: first.id } })).status, settle).toBe("APPROVED");
    await expect.poll(() => decisionCount(watcher), settle).toBe(before + 1);
    await expect.poll(() => section.getByRole("link", { name: first.wording }).count(), settle).toBe(0);
    expect(await section.getByRole("link", { name: second.wording }).count()).toBe(1);

    const violations = await seriousViolations(watcher);
    expect(
      violations.map((v) => v.id),
      describeViolations(violations),
    ).toEqual([]);
    expect(errors).toEqual([]);
    for (const page of [watcher, proposer, adminPage, decider]) await page.context().close();
  }, 180_000);
});

describe("assigning", () => {
  it("offers reviewers with their open and overdue claims, nothing preselected; refuses an empty or ineligible choice; the queue and workload name the article", async () => {
    const editor = await actorOf("editor", { name: "Editor Ratna" });
    const busy = await actorOf("reviewer", { name: "Reviewer Tono" });
    await actorOf("reviewer", { name: "Reviewer Umi" });
    const earlier = await articleWithClaims(editor.id, "Harga cabai di Jakarta", ["Harga cabai naik dua kali lipat"]);
    await assign(earlier.claims[0]!.id, busy.id, editor.id, { claimStatus: "ASSIGNED", dueAt: new Date(Date.now() - 86_400_000) });
    // Same wording on two articles: only the article tells them apart.
    const title = "Harga cabai di Surabaya";
    const { articleId, claims } = await articleWithClaims(editor.id, title, [
      "Harga cabai naik dua kali lipat",
      "Stok cabai aman sampai Lebaran",
    ]);

    const desk = await deskFor(editor.email);
    await gotoHydrated(desk, `/articles/${articleId}/board`);
    const select = desk.getByLabel("Assign to");
    expect(await select.inputValue()).toBe("");
    const options = await select.locator("option").allTextContents();
    expect(options[0]).toBe("Choose a reviewer…");
    expect(options).toContain("Reviewer Tono — 1 open, 1 overdue");
    expect(options).toContain("Reviewer Umi — 0 open, 0 overdue");
    // Only people who review: not the editors, not the admin.
    for (const name of ["Editor Ratna", "Budi Santoso", "Dewi Anggraini", "Sari Wulandari"]) expect(options.join("\n")).not.toContain(name);

    // The server refuses an empty choice and someone who does not review, with a message on the field.
    const visitor = new Visitor(inject("appUrl"), { "Accept-Language": "en" });
    await visitor.login(editor.email, testPassword);
    const empty = await visitor.post(`/articles/${articleId}/board`, { intent: "assign", claimId: claims[0]!.id, reviewerId: "" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Choose who should review the selected claims.");
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@example.org" }, select: { id: true } });
    const ineligible = await visitor.post(`/articles/${articleId}/board`, {
      intent: "assign",
      claimId: claims[0]!.id,
      reviewerId: admin.id,
    });
    expect(ineligible.status).toBe(400);
    expect(await ineligible.text()).toContain("That person cannot take claims.");
    expect(await prisma.assignment.count({ where: { claimId: { in: claims.map((c) => c.id) } } })).toBe(0);

    // In the browser: choose, assign, and the counts follow.
    await desk.getByLabel(`Select ${claims[0]!.wording}`).check();
    await desk.getByLabel(`Select ${claims[1]!.wording}`).check();
    await select.selectOption({ label: "Reviewer Tono — 1 open, 1 overdue" });
    await desk.getByRole("button", { name: "Assign selected" }).click();
    await expect.poll(() => desk.getByRole("status").first().textContent(), settle).toContain("2 claims assigned");
    await expect.poll(() => select.locator("option").allTextContents(), settle).toContain("Reviewer Tono — 3 open, 1 overdue");

    // The reviewer's queue names each claim's article, so the two same-worded claims can be told apart.
    const reviewer = await deskFor(busy.email);
    await gotoHydrated(reviewer, "/queue");
    const entries = reviewer.locator(".queue__item", { hasText: "Harga cabai naik dua kali lipat" });
    expect(await entries.count()).toBe(2);
    const articleLinks = await entries
      .locator(".queue__article a")
      .evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute("href")]));
    expect(articleLinks.sort()).toEqual(
      [
        ["Harga cabai di Jakarta", `/articles/${earlier.articleId}`],
        [title, `/articles/${articleId}`],
      ].sort(),
    );
    await reviewer.getByRole("link", { name: title }).first().click();
    await reviewer.waitForURL(`**/articles/${articleId}`);
    await expect.poll(() => reviewer.textContent("h1"), settle).toContain(title);

    // The workload's counts lead to that person's claims.
    await gotoHydrated(desk, "/workload");
    await desk.getByRole("link", { name: "Reviewer Tono: 1 overdue claim" }).click();
    await desk.waitForURL(`**/workload/${busy.id}?show=overdue`);
    await expect.poll(() => desk.textContent("h1"), settle).toBe("Open claims of Reviewer Tono");
    await expect.poll(() => desk.locator(".queue__item").count(), settle).toBe(1);
    expect(await desk.locator(".queue__article").textContent()).toBe("In: Harga cabai di Jakarta");
    expect(await seriousViolations(desk)).toEqual([]);
    await gotoHydrated(desk, "/workload");
    await desk.getByRole("link", { name: "Reviewer Tono: 3 open claims" }).click();
    await desk.waitForURL(`**/workload/${busy.id}`);
    await expect.poll(() => desk.locator(".queue__item").count(), settle).toBe(3);
    await desk.context().close();
    await reviewer.context().close();
  }, 120_000);
});
