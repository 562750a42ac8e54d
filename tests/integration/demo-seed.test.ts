// The demo newsroom: six accounts, the sample article checked and published, and a second article with
// claims in every state of the review.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { sampleFactCheckSlug } from "~/demo/published";
import { demoAccounts, seedDemoNewsroom } from "~/demo/seed.server";
import { matchClaim } from "~/matching/match.server";
import { getNewsroom } from "~/newsroom/settings.server";
import { claimReviewsOf } from "~/publishing/published-claim-reviews.server";
import { publicBaseUrl } from "~/publishing/public-url.server";
import { publicFactCheck } from "~/publishing/public-fact-check.server";
import { claimReviewErrors } from "../support/claim-review-validator";

describe("demo seed", () => {
  it("creates the desk once, with claims in every state", async () => {
    expect(await seedDemoNewsroom()).toBe(true);
    expect(await seedDemoNewsroom()).toBe(false);
    expect((await prisma.user.findMany({ select: { email: true } })).map((u) => u.email).sort()).toEqual(demoAccounts.map((a) => a.email).sort());

    const articles = await prisma.article.findMany({ select: { title: true, claims: { select: { status: true, sources: { select: { id: true } } } } } });
    expect(articles).toHaveLength(2);
    const sample = articles.find((a) => a.title.startsWith("Korea Utara"))!;
    expect(sample.claims).toHaveLength(5);
    const review = articles.find((a) => a.title.startsWith("Harga Beras"))!;
    expect(new Set(review.claims.map((c) => c.status))).toEqual(new Set(["UNASSIGNED", "ASSIGNED", "IN_RESEARCH", "VERDICT_PROPOSED", "APPROVED", "NOT_CHECKABLE"]));
    expect(review.claims.some((c) => c.status === "IN_RESEARCH" && c.sources.length >= 2)).toBe(true);
    expect(await prisma.verdict.count({ where: { status: "RETURNED" } })).toBe(1);
    // Five approved on the sample article, one on the review article.
    expect(await prisma.verdict.count({ where: { status: "APPROVED" } })).toBe(6);
    const reviewers = await prisma.assignment.findMany({ where: { endedAt: null }, distinct: ["reviewerId"], select: { reviewerId: true } });
    expect(reviewers).toHaveLength(3);
    expect(sample.claims.every((c) => c.status === "APPROVED" && c.sources.length >= 1)).toBe(true);
  }, 60_000);

  it("imports the neighbour fact-checker's ClaimReviews as a file source, matched against the demo's claims at once", async () => {
    const source = await prisma.claimReviewFeed.findFirstOrThrow({ where: { name: "Cek Tetangga" }, select: { id: true, kind: true, fileName: true, lastStatus: true, lastCounts: true } });
    expect(source).toMatchObject({ kind: "FILE", fileName: "neighbour.json", lastStatus: "OK", lastCounts: { found: 55, removed: 0 } });
    const reviews = await prisma.knownFactCheck.count({ where: { feedId: source.id } });
    expect(reviews).toBe((source.lastCounts as { added: number }).added);
    expect(reviews).toBe(55);
    // The demo's own published fact-check rates that claim too: both are known, ours and the neighbour's.
    const matches = await matchClaim("Korea Utara mengirim 10.000 tentara ke Kursk", { language: "id" });
    expect(matches.find((match) => match.source === "feed")).toMatchObject({ publisher: "Cek Tetangga" });
    expect(matches.some((match) => match.source === "own")).toBe(true);
  });

  it("publishes the sample article's fact-check, every ClaimReview valid, the claims' own dates", async () => {
    const page = await publicFactCheck(sampleFactCheckSlug);
    expect(page.kind).toBe("published");
    if (page.kind !== "published") return;
    expect(page.version.content.claims).toHaveLength(5);
    expect(page.version.content.claims.every((claim) => claim.outcome === "rated" && claim.rationale && claim.sources.length)).toBe(true);
    const newsroom = await getNewsroom();
    // No public address of its own: the demo's fact-checks live wherever the desk is served from.
    expect(newsroom.publicUrl).toBeNull();
    const reviews = claimReviewsOf(
      { slug: page.slug, language: page.language, headline: page.version.headline, firstPublishedAt: page.firstPublishedAt, lastPublishedAt: page.lastPublishedAt },
      page.version.content,
      newsroom,
      publicBaseUrl(newsroom, "http://127.0.0.1:4123"),
    );
    expect(reviews).toHaveLength(5);
    for (const review of reviews) expect(claimReviewErrors(review)).toEqual([]);
    expect(reviews[0]!.url).toBe("http://127.0.0.1:4123/fact-checks/korea-utara-kirim-10000-tentara-ke-kursk#claim-1");
    // The default scale runs 1 (Keliru) to 5 (Benar); the claims were made on 28 October 2024, checked today.
    expect(reviews.map((r) => [(r.reviewRating as { worstRating: number }).worstRating, (r.reviewRating as { bestRating: number }).bestRating])).toEqual(Array(5).fill([1, 5]));
    for (const review of reviews) expect((review.itemReviewed as { datePublished: string }).datePublished).toBe("2024-10-28T00:00:00.000Z");
    expect(reviews.map((r) => (r.reviewRating as { alternateName: string }).alternateName)).toEqual(["Sebagian Benar", "Benar", "Benar", "Benar", "Benar"]);
  });
});
