// Blind second review: with it on, another reviewer can open a proposed claim and finds it in their
// queue, without seeing the first rating; with it off, they cannot open it.
import { describe, expect, it } from "vitest";
import { createSession, validateSessionToken } from "~/auth/session.server";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { assignClaims } from "~/review/assignments.server";
import { readableClaim, secondReviewQueue } from "~/review/claim-page.server";
import { listVerdicts, proposeVerdict } from "~/review/verdicts.server";
import { createArticle } from "../support/articles";
import { createPerson } from "../support/people";

async function sessionOf(role: "editor" | "reviewer") {
  const person = await createPerson(role);
  return (await validateSessionToken(await createSession(person.id, null)))!;
}

describe("blind second review", () => {
  it("opens proposed claims to a second reviewer only when switched on, and keeps the first rating hidden", async () => {
    const editor = await sessionOf("editor");
    const first = await sessionOf("reviewer");
    const second = await sessionOf("reviewer");
    const { id: articleId } = await createArticle(editor.id, "Menteri menyebut 3 juta hektare sawah terdampak kekeringan tahun ini.");
    const claim = await createClaim(editor.id, articleId, { start: 0, end: 20 });
    await assignClaims(editor, { claimIds: [claim.id], reviewerId: first.id, dueAt: null, note: null });
    const label = await prisma.ratingLabel.findFirstOrThrow({ where: { value: 1 } });
    const { version } = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    await proposeVerdict(first, { claimId: claim.id, claimVersion: version, ratingId: label.id, rationale: "Data Kementan: 1,2 juta hektare." });

    expect(await readableClaim(second, claim.id)).toBeNull();
    expect(await secondReviewQueue(second.id)).toEqual([]);

    await prisma.newsroomSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Uji", blindSecondReview: true }, update: { blindSecondReview: true } });
    expect((await readableClaim(second, claim.id))?.id).toBe(claim.id);
    expect((await secondReviewQueue(second.id)).map((c) => c.id)).toEqual([claim.id]);
    expect(await secondReviewQueue(first.id)).toEqual([]);
    const seen = await listVerdicts(second, claim.id);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((v) => v.rating === null && v.rationale === null)).toBe(true);
  });
});
