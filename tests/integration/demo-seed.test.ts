// The demo newsroom: six accounts, the sample article with its five claims, and a second article with
// claims in every state of the review.
import { describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { demoAccounts, seedDemoNewsroom } from "~/demo/seed.server";

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
    expect(await prisma.verdict.count({ where: { status: "APPROVED" } })).toBe(1);
    const reviewers = await prisma.assignment.findMany({ where: { endedAt: null }, distinct: ["reviewerId"], select: { reviewerId: true } });
    expect(reviewers).toHaveLength(3);
  }, 60_000);
});
