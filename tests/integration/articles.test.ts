// The article list: who sees what, filters, and keyset pagination that neither skips nor repeats.
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, importArticle, listArticles } from "~/articles/articles.server";
import { draftFromPaste } from "~/articles/import/paste";
import { prisma } from "~/db/client.server";
import { actorOf, sessionOf } from "../support/fixtures";
import { countQueries } from "../support/queries";

describe("articles", () => {
  it("are found again instead of imported twice (same text or same address)", async () => {
    const editor = await actorOf("editor");
    const draft = draftFromPaste({ title: "Satu", body: "Harga cabai naik 30 persen pekan ini, kata pedagang.", originalUrl: "https://contoh.example/cabai" });
    const first = await importArticle(editor, draft);
    expect(first.created).toBe(true);
    expect(await importArticle(editor, draftFromPaste({ title: "Dua", body: "  Harga cabai naik 30 persen pekan ini, kata pedagang.  \n" }))).toEqual({
      created: false,
      articleId: first.articleId,
      title: "Satu",
    });
    const sameUrl = draftFromPaste({ title: "Tiga", body: "Teks yang berbeda tentang 30 persen kenaikan harga.", originalUrl: "https://contoh.example/cabai" });
    expect((await importArticle(editor, sameUrl)).created).toBe(false);
    const concurrent = await Promise.all([1, 2].map(() => importArticle(editor, draftFromPaste({ title: "Kembar", body: "Banjir merendam 300 rumah di Demak, Selasa." }))));
    expect(concurrent.filter((o) => o.created)).toHaveLength(1);
    expect(new Set(concurrent.map((o) => o.articleId)).size).toBe(1);
  });

  it("page through newest first with a keyset cursor, in a fixed number of queries", async () => {
    const editor = await actorOf("editor");
    const base = Date.UTC(2025, 0, 1);
    await prisma.article.createMany({
      data: Array.from({ length: 57 }, (_, i) => ({
        title: `Artikel halaman ${i}`,
        body: `Isi ${i}`,
        bodyHash: `hash-page-${i}`,
        language: i % 2 ? "en" : "id",
        importMethod: "PASTE" as const,
        importedById: editor.id,
        // Pairs share a timestamp, so the id must break ties.
        createdAt: new Date(base + Math.floor(i / 2) * 1000),
      })),
    });
    const me = await sessionOf("editor");
    const seen: string[] = [];
    const queryCounts = new Set<number>();
    let cursor: string | null = null;
    do {
      const { result: page, queries } = await countQueries(() => listArticles(me, { q: "halaman", cursor, limit: 10 }));
      queryCounts.add(queries.length);
      seen.push(...page.articles.map((a) => a.title));
      cursor = page.nextCursor;
    } while (cursor);
    // The same few queries for every page, whatever it holds (no query per article).
    const { queries: bigPage } = await countQueries(() => listArticles(me, { q: "halaman", limit: 57 }));
    queryCounts.add(bigPage.length);
    expect([...queryCounts]).toHaveLength(1);
    expect([...queryCounts][0]).toBeLessThanOrEqual(6);
    expect(seen).toHaveLength(57);
    expect(new Set(seen).size).toBe(57);
    expect(seen[0]).toMatch(/Artikel halaman 5[56]/);
    const english = await listArticles(me, { q: "HALAMAN", language: "en", limit: 100 });
    expect(english.articles).toHaveLength(28);
    expect(decodeCursor("not-a-cursor")).toBeNull();
    const cursorValue = { createdAt: new Date(base), id: "00000000-0000-4000-8000-000000000000" };
    expect(decodeCursor(encodeCursor(cursorValue))).toEqual(cursorValue);
  });

  it("show reviewers only the articles with claims assigned to them", async () => {
    const editor = await actorOf("editor");
    const reviewer = await sessionOf("reviewer");
    const mine = await importArticle(editor, draftFromPaste({ title: "Ditugaskan", body: "Gempa 5,6 SR mengguncang Cianjur, kata BMKG." }));
    await importArticle(editor, draftFromPaste({ title: "Tidak ditugaskan", body: "Inflasi Januari 2,1 persen, kata BPS." }));
    expect((await listArticles(reviewer, {})).articles).toEqual([]);
    const claim = await prisma.claim.create({
      data: { articleId: mine.articleId, start: 0, end: 5, quote: "Gempa", wording: "Gempa", createdById: editor.id },
    });
    await prisma.assignment.create({ data: { claimId: claim.id, reviewerId: reviewer.id, assignedById: editor.id } });
    const visible = await listArticles(reviewer, {});
    expect(visible.articles.map((a) => a.title)).toEqual(["Ditugaskan"]);
    expect(visible.articles[0]!.reviewers).toEqual([reviewer.name]);
  });
});
