// The one claim-access rule over real HTTP against the running production build: a blind second reviewer
// opening the claim page's History tab (HTML, and the loader's `.data` URL) sees nothing of the first review;
// the workspace's claim actions refuse a claim of another article and change nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { actorOf, createArticle, testPassword } from "../support/fixtures";
import { Visitor } from "../support/http";

async function signedIn(role: "editor" | "reviewer") {
  const person = await actorOf(role);
  const visitor = new Visitor(inject("appUrl"));
  await visitor.login(person.email, testPassword);
  return { ...person, visitor };
}

describe("claim access over HTTP", () => {
  let blindBefore = false;
  beforeAll(async () => {
    blindBefore = (await prisma.newsroomSettings.findUniqueOrThrow({ where: { id: 1 }, select: { blindSecondReview: true } })).blindSecondReview;
    await prisma.newsroomSettings.update({ where: { id: 1 }, data: { blindSecondReview: true } });
  });
  afterAll(async () => {
    await prisma.newsroomSettings.update({ where: { id: 1 }, data: { blindSecondReview: blindBefore } });
  });

  it("keeps the first review out of a blind second reviewer's History tab and its .data URL", async () => {
    const editor = await signedIn("editor");
    const first = await signedIn("reviewer");
    const second = await signedIn("reviewer");
    const { id: articleId } = await createArticle(editor.id, "Menteri menyebut 3 juta hektare sawah terdampak kekeringan tahun ini, kata pejabat.");
    const claim = await createClaim(editor, articleId, { start: 0, end: 45 });
    await prisma.assignment.create({ data: { claimId: claim.id, reviewerId: first.id, assignedById: editor.id } });
    await prisma.claim.update({ where: { id: claim.id }, data: { status: "IN_RESEARCH", version: { increment: 1 } } });

    // The first reviewer comments and proposes, through the app.
    const label = await prisma.ratingLabel.findFirstOrThrow({ where: { scale: { active: true } }, orderBy: { value: "asc" } });
    expect((await first.visitor.post(`/claims/${claim.id}/comments`, { intent: "add", body: "E2E-FIRST-NOTE: I rated it False" })).status).toBe(200);
    const { version } = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    const proposed = await first.visitor.post(`/claims/${claim.id}/verdicts`, { intent: "propose", claimVersion: String(version), ratingId: label.id, rationale: "E2E-FIRST-RATIONALE" });
    expect(proposed.status).toBeLessThan(400);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe("VERDICT_PROPOSED");

    const secrets = ["E2E-FIRST-RATIONALE", "E2E-FIRST-NOTE", `${label.labelEn} (${label.value})`];
    for (const path of [`/claims/${claim.id}?tab=history`, `/claims/${claim.id}.data?tab=history`, `/claims/${claim.id}`, `/claims/${claim.id}.data`]) {
      const response = await second.visitor.get(path);
      expect(response.status, path).toBe(200);
      const body = await response.text();
      expect(body, path).toContain("Menteri menyebut");
      for (const secret of secrets) expect(body, `${path} shows ${secret}`).not.toContain(secret);
    }
    // The desk still sees it all.
    const desk = await (await editor.visitor.get(`/claims/${claim.id}.data?tab=history`)).text();
    expect(desk).toContain("E2E-FIRST-RATIONALE");
    expect(desk).toContain("E2E-FIRST-NOTE");
  });

  it("refuses, with 404, a workspace action on a claim of another article, and changes nothing", async () => {
    const editor = await signedIn("editor");
    const { id: here } = await createArticle(editor.id, "Gubernur menyebut 40 persen jalan provinsi rusak berat pada awal tahun ini.");
    const { id: elsewhere } = await createArticle(editor.id, "Bupati menyebut 12 jembatan ambruk diterjang banjir bandang pekan lalu.");
    const foreign = await createClaim(editor, elsewhere, { start: 0, end: 30 });
    const before = await prisma.claim.findUniqueOrThrow({ where: { id: foreign.id } });

    const update = await editor.visitor.post(`/articles/${here}`, { intent: "updateClaim", claimId: foreign.id, version: String(before.version), wording: "Rewritten from another article" });
    expect(update.status).toBe(404);
    const remove = await editor.visitor.post(`/articles/${here}`, { intent: "deleteClaim", claimId: foreign.id, version: String(before.version) });
    expect(remove.status).toBe(404);
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: foreign.id } })).toEqual(before);
  });
});
