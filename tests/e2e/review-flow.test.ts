// In the browser, the review desk end to end: an editor assigns two claims → the reviewer adds two
// sources and proposes a verdict → the editor returns it with a comment → the reviewer revises → the
// reviewer cannot approve → the editor approves; the history tab shows each step.
import { describe, expect, inject, it } from "vitest";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { actorOf, createArticle, testPassword } from "../support/fixtures";
import { deskBrowser, gotoHydrated } from "../support/browser";

const deskFor = deskBrowser(testPassword);

describe("review desk", () => {
  it("takes two claims from assignment to an approved verdict, with four eyes and a full history", async () => {
    const editor = await actorOf("editor", { name: "Editor Wulan" });
    const reviewer = await actorOf("reviewer", { name: "Reviewer Dimas" });
    const text = "Pemerintah menyebut 2.300 sekolah rusak akibat gempa Cianjur pada Senin (21/11/2022).\nBNPB membantah kabar bahwa bantuan logistik ditahan di gudang selama dua pekan.";
    const { id: articleId } = await createArticle(editor.id, text);
    const body = (await prisma.article.findUniqueOrThrow({ where: { id: articleId } })).body;
    const span = (fragment: string) => ({ start: body.indexOf(fragment), end: body.indexOf(fragment) + fragment.length });
    const first = await createClaim(editor, articleId, span("2.300 sekolah rusak akibat gempa Cianjur"));
    const second = await createClaim(editor, articleId, span("bantuan logistik ditahan di gudang selama dua pekan"));

    // The editor assigns both claims at once.
    const desk = await deskFor(editor.email);
    await gotoHydrated(desk, `/articles/${articleId}/board`);
    await desk.getByLabel(`Select ${first.wording}`).check();
    await desk.getByLabel(`Select ${second.wording}`).check();
    await desk.getByLabel("Assign to").selectOption({ label: "Reviewer Dimas — 0 open, 0 overdue" });
    await desk.getByRole("button", { name: "Assign selected" }).click();
    await expect.poll(() => desk.getByRole("status").first().textContent()).toContain("2 claims assigned");

    // The reviewer finds them in the queue and researches the first one.
    const research = await deskFor(reviewer.email);
    await gotoHydrated(research, "/queue");
    await expect.poll(() => research.locator(".queue__link").allTextContents()).toEqual(expect.arrayContaining([first.wording, second.wording]));
    await research.getByRole("link", { name: first.wording }).click();
    await research.waitForURL(`**/claims/${first.id}`);
    await research.waitForSelector("html[data-hydrated]");
    for (const path of ["/news/kursk", "/news/banjir-bekasi"]) {
      await research.getByLabel("Web address").fill(`${inject("pageServerUrl")}${path}`);
      await research.getByRole("button", { name: "Add source" }).click();
      await expect.poll(() => prisma.source.count({ where: { claimId: first.id, url: { contains: path } } })).toBe(1);
    }
    await expect.poll(() => research.locator("[data-source-id], .sources__item").count(), { timeout: 5000 }).toBeGreaterThanOrEqual(2);

    await research.getByLabel("Rating").selectOption({ label: "False" });
    await research.getByLabel("Rationale").fill("Data Kemendikbud mencatat **1.740** sekolah rusak, bukan 2.300.");
    await research.getByRole("button", { name: "Propose verdict" }).click();
    await expect.poll(async () => (await prisma.claim.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("VERDICT_PROPOSED");

    // The editor returns it with a comment.
    await gotoHydrated(desk, `/claims/${first.id}`);
    await desk.getByLabel("Comment for the reviewer").fill("Tambahkan tautan ke data resmi Kemendikbud.");
    await desk.getByRole("button", { name: "Return to the reviewer" }).click();
    await expect.poll(async () => (await prisma.claim.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("IN_RESEARCH");

    // The reviewer revises.
    await gotoHydrated(research, `/claims/${first.id}`);
    await research.getByLabel("Rating").selectOption({ label: "Misleading" });
    await research.getByLabel("Rationale").fill("Menurut data resmi Kemendikbud, 1.740 sekolah rusak; angka 2.300 mencakup bangunan lain.");
    await research.getByRole("button", { name: "Propose verdict" }).click();
    await expect.poll(async () => (await prisma.claim.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("VERDICT_PROPOSED");

    // The reviewer cannot approve: no button, and the server refuses the request.
    await gotoHydrated(research, `/claims/${first.id}`);
    expect(await research.getByRole("button", { name: "Approve verdict" }).count()).toBe(0);
    const claimVersion = (await prisma.claim.findUniqueOrThrow({ where: { id: first.id } })).version;
    const refused = await research.request.post(`/claims/${first.id}/verdicts`, {
      form: { intent: "approve", claimVersion: String(claimVersion) },
      headers: { Origin: new URL(inject("appUrl")).origin },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(403);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("VERDICT_PROPOSED");

    // The editor approves.
    await gotoHydrated(desk, `/claims/${first.id}`);
    await desk.getByRole("button", { name: "Approve verdict" }).click();
    await expect.poll(async () => (await prisma.claim.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("APPROVED");
    const verdicts = await prisma.verdict.findMany({ where: { claimId: first.id }, orderBy: { version: "asc" }, select: { status: true, rating: { select: { labelEn: true } } } });
    expect(verdicts).toEqual([
      { status: "RETURNED", rating: { labelEn: "False" } },
      { status: "APPROVED", rating: { labelEn: "Misleading" } },
    ]);

    // The history tab shows each step, with who did it.
    await gotoHydrated(desk, `/claims/${first.id}?tab=history`);
    const actions = await desk.locator(".history__entry").evaluateAll((items) => items.map((item) => item.getAttribute("data-action")));
    const order = ["claim.assign", "source.add", "source.add", "verdict.propose", "verdict.return", "verdict.propose", "verdict.approve"];
    expect(actions.filter((action) => order.includes(action ?? ""))).toEqual(order);
    const historyText = await desk.locator(".history").textContent();
    expect(historyText).toContain("Editor Wulan");
    expect(historyText).toContain("Reviewer Dimas");
    expect(historyText).toContain("Tambahkan tautan ke data resmi Kemendikbud.");
  });
});
