// Feeds and editors' exports of published fact-checks, against a real PostgreSQL: the Atom feed parses and
// carries the right entries with their text escaped; every element of the ClaimReview DataFeed validates
// against claim-review.schema.json; the CSV and JSON exports hold the current version.
import { DOMParser } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { csvHeader, factCheckCsv, factCheckJson } from "~/publishing/exports.server";
import { correctFactCheck } from "~/publishing/correction.server";
import { withdrawFactCheck } from "~/publishing/withdrawal.server";
import { claimReviewDataFeed, factCheckAtomFeed, feedSize } from "~/publishing/feeds.server";
import { actorOf, createArticle } from "../support/fixtures";
import { claimReviewErrors } from "../support/claim-review-validator";
import { bareFactCheck, publishTestFactCheck } from "../support/fact-checks";

const base = "https://cekfakta.example.id";
/** Where the requests came to: the newsroom's own public address (base) wins over it. */
const servedAt = "http://127.0.0.1:3999";
const trickyHeadline = `Keliru: "harga <beras> turun 50%" & stok 'aman'`;

type Published = Awaited<ReturnType<typeof publishTestFactCheck>>;
let rice: Published;
let troops: Published;
let withdrawn: Published;

/** A small RFC 4180 reader, independent of the writer: records of cells. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && char === '"') {
      quoted = false;
    } else if (quoted) {
      cell += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      record.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      i++;
    } else {
      cell += char;
    }
  }
  if (cell || record.length) throw new Error("the last record is not ended with CRLF");
  return records;
}

/** linkedom's nodes, seen as the DOM's. */
function childrenNamed(parent: unknown, name: string): Element[] {
  return [...(parent as Element).children].filter((element) => element.tagName === name);
}

function textOf(parent: unknown, name: string) {
  return childrenNamed(parent, name)[0]?.textContent ?? null;
}

beforeAll(async () => {
  // Before anything reads the newsroom (it is cached for a few seconds).
  await prisma.newsroomSettings.upsert({
    where: { id: 1 },
    create: { id: 1, name: "Cek Fakta <Nusantara> & Co", publicUrl: `${base}/`, logoUrl: `${base}/logo.png`, defaultLanguage: "id" },
    update: { name: "Cek Fakta <Nusantara> & Co", publicUrl: `${base}/`, logoUrl: `${base}/logo.png`, defaultLanguage: "id" },
  });
  rice = await publishTestFactCheck({
    headline: trickyHeadline,
    summary: "Data BPS menunjukkan harga beras naik.\nStok di gudang Bulog cukup.",
    body: 'Harga beras turun 50 persen sejak Januari, kata unggahan itu. =1+1 "kutipan", kata pejabat. Harga akan turun lagi bulan depan.',
    language: "id",
    claims: [
      {
        quote: "Harga beras turun 50 persen sejak Januari",
        claimant: "Unggahan Facebook",
        rating: "False",
        rationale: "**Keliru.** Menurut BPS harga naik 12 persen.",
        sources: [
          { url: "https://bps.example/brs/2025", archivedAt: new Date("2025-02-04T05:06:07Z") },
          { url: "https://bulog.example/stok" },
        ],
      },
      { quote: '=1+1 "kutipan", kata pejabat', wording: '=1+1 "kutipan", kata pejabat', rating: "Misleading" },
      { quote: "Harga akan turun lagi bulan depan", notCheckable: "Prediksi; belum dapat diperiksa." },
    ],
  });
  troops = await publishTestFactCheck({
    headline: "Misleading: no troops crossed the border",
    body: "The ministry said no soldiers had been sent abroad this year. Satellite images show otherwise.",
    language: "en",
    claims: [
      { quote: "The ministry said no soldiers had been sent abroad this year", rating: "Misleading", claimant: "Ministry of Defence" },
    ],
  });
  await correctFactCheck(troops.editorActor, {
    factCheckId: troops.factCheckId,
    basedOnVersion: 1,
    correctionNote: "The summary named the wrong month.",
    headline: "Misleading: no troops crossed the border",
    summary: "Satellite images show a deployment in October.",
    methodology: "We compared the statement with satellite images.",
  });
  withdrawn = await publishTestFactCheck({
    headline: "Keliru: artikel yang ditarik",
    body: "Kabar ini diterbitkan terlalu cepat oleh redaksi.",
    language: "id",
    claims: [{ quote: "Kabar ini diterbitkan terlalu cepat" }],
  });
  await withdrawFactCheck(withdrawn.editorActor, { factCheckId: withdrawn.factCheckId, reason: "Terbit sebelum disunting." });
});

describe("the Atom feed", () => {
  it("parses, names the newsroom and carries the published fact-checks newest first, text escaped", async () => {
    const xml = await factCheckAtomFeed(servedAt);
    expect(xml).not.toContain("<beras>");
    expect(xml).toContain("&lt;beras&gt;");
    const doc = new DOMParser().parseFromString(xml, "text/xml");
    const feed = doc.documentElement;
    expect(feed.tagName).toBe("feed");
    expect(feed.getAttribute("xmlns")).toBe("http://www.w3.org/2005/Atom");
    expect(feed.getAttribute("xml:lang")).toBe("id");
    expect(textOf(feed, "title")).toBe("Cek Fakta <Nusantara> & Co");
    expect(textOf(feed, "id")).toBe(`${base}/fact-checks`);
    expect(textOf(feed, "logo")).toBe(`${base}/logo.png`);
    expect(
      childrenNamed(feed, "link").map((link) => [link.getAttribute("rel"), link.getAttribute("type"), link.getAttribute("href")]),
    ).toEqual([
      ["self", "application/atom+xml", `${base}/fact-checks/feed.atom`],
      ["alternate", "text/html", `${base}/fact-checks`],
    ]);

    const entries = childrenNamed(feed, "entry");
    expect(entries.map((entry) => textOf(entry, "id"))).toEqual([`${base}/fact-checks/${troops.slug}`, `${base}/fact-checks/${rice.slug}`]);
    const [troopsEntry, riceEntry] = entries as [Element, Element];
    expect(textOf(riceEntry, "title")).toBe(trickyHeadline);
    expect(textOf(riceEntry, "summary")).toBe("Data BPS menunjukkan harga beras naik.\nStok di gudang Bulog cukup.");
    expect(riceEntry.getAttribute("xml:lang")).toBe("id");
    expect(childrenNamed(riceEntry, "link")[0]?.getAttribute("href")).toBe(`${base}/fact-checks/${rice.slug}`);
    expect(troopsEntry.getAttribute("xml:lang")).toBe("en");
    // The correction: a later `updated`, the same `published`, the corrected summary.
    const stored = await prisma.factCheck.findUniqueOrThrow({
      where: { id: troops.factCheckId },
      select: { firstPublishedAt: true, lastPublishedAt: true },
    });
    expect(textOf(troopsEntry, "published")).toBe(stored.firstPublishedAt.toISOString());
    expect(textOf(troopsEntry, "updated")).toBe(stored.lastPublishedAt.toISOString());
    expect(stored.lastPublishedAt > stored.firstPublishedAt).toBe(true);
    expect(textOf(troopsEntry, "summary")).toBe("Satellite images show a deployment in October.");
    // Taking a fact-check down changes the feed: its `updated` is the withdrawal.
    const gone = await prisma.factCheck.findUniqueOrThrow({ where: { id: withdrawn.factCheckId }, select: { withdrawnAt: true } });
    expect(textOf(feed, "updated")).toBe(gone.withdrawnAt!.toISOString());
  });
});

describe("the ClaimReview DataFeed", () => {
  it("holds one valid ClaimReview per rated claim of each published fact-check, and nothing else", async () => {
    const feed = await claimReviewDataFeed(servedAt);
    expect(feed).toMatchObject({
      "@context": "https://schema.org",
      "@type": "DataFeed",
      name: "Cek Fakta <Nusantara> & Co",
      url: `${base}/fact-checks`,
    });
    expect(new Date(feed.dateModified).toISOString()).toBe(feed.dateModified);
    for (const element of feed.dataFeedElement) expect(claimReviewErrors(element), JSON.stringify(element)).toEqual([]);
    // Rice: two rated claims (the not-checkable one has no ClaimReview); troops: one; the withdrawn one: none.
    expect(feed.dataFeedElement.map((element) => element.url)).toEqual([
      `${base}/fact-checks/${troops.slug}#claim-1`,
      `${base}/fact-checks/${rice.slug}#claim-1`,
      `${base}/fact-checks/${rice.slug}#claim-2`,
    ]);
    const [troopsReview, riceReview] = feed.dataFeedElement as [Record<string, unknown>, Record<string, unknown>];
    expect(riceReview).toMatchObject({
      headline: trickyHeadline,
      inLanguage: "id",
      claimReviewed: "Harga beras turun 50 persen sejak Januari",
      reviewRating: { ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "Keliru" },
      author: { "@type": "Organization", name: "Cek Fakta <Nusantara> & Co", url: `${base}/` },
    });
    expect(riceReview).not.toHaveProperty("dateModified");
    const stored = await prisma.factCheck.findUniqueOrThrow({
      where: { id: troops.factCheckId },
      select: { firstPublishedAt: true, lastPublishedAt: true },
    });
    expect(troopsReview).toMatchObject({
      inLanguage: "en",
      datePublished: stored.firstPublishedAt.toISOString(),
      dateModified: stored.lastPublishedAt.toISOString(),
      reviewRating: { alternateName: "Misleading" },
    });
  });
});

describe("editors' exports", () => {
  it("name the CSV columns in the editor's language", async () => {
    const file = await factCheckCsv(rice.articleId, "id", servedAt);
    const [header] = readCsv(file!.body.slice(1));
    expect(header).toEqual(csvHeader("id"));
    expect(header!.slice(0, 3)).toEqual(["Jangkar", "Kutipan", "Klaim yang diperiksa"]);
  });

  it("write the current version's claims as CSV: BOM, CRLF, one row per claim, formulas kept as text", async () => {
    const file = await factCheckCsv(rice.articleId, "en", servedAt);
    expect(file?.filename).toBe(`${rice.slug}-v1.csv`);
    expect(file!.body.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = readCsv(file!.body.slice(1));
    expect(header).toEqual(csvHeader("en"));
    expect(header!.slice(0, 3)).toEqual(["Anchor", "Quote", "Claim as checked"]);
    expect(rows).toHaveLength(3);
    const row = (index: number) => Object.fromEntries(csvHeader("en").map((column, i) => [column, rows[index]![i]]));
    expect(row(0)).toMatchObject({
      Anchor: "claim-1",
      Quote: "Harga beras turun 50 persen sejak Januari",
      Claimant: "Unggahan Facebook",
      "Claim date": "2025-02-03T00:00:00.000Z",
      Outcome: "rated",
      "Rating value": "1",
      "Rating label (en)": "False",
      "Rating label (id)": "Keliru",
      "Rationale (Markdown)": "**Keliru.** Menurut BPS harga naik 12 persen.",
      Sources: "https://bps.example/brs/2025 | https://bulog.example/stok",
      "Archived copies": "2025-02-04T05:06:07.000Z | pending",
      "Not checkable because": "",
      URL: `${base}/fact-checks/${rice.slug}#claim-1`,
    });
    expect(row(0)["Reviewed by"]).toMatch(/^Test reviewer/);
    expect(row(0)["Approved by"]).toMatch(/^Test editor/);
    // A cell that a spreadsheet would run stays text; its quotes and comma survive the quoting.
    expect(row(1)["Claim as checked"]).toBe(`'=1+1 "kutipan", kata pejabat`);
    expect(row(1)["Rating label (id)"]).toBe("Menyesatkan");
    expect(row(2)).toMatchObject({
      Outcome: "notCheckable",
      "Rating value": "",
      "Not checkable because": "Prediksi; belum dapat diperiksa.",
      URL: `${base}/fact-checks/${rice.slug}#claim-3`,
    });
  });

  it("write the whole record as JSON: versions with their notes, content and valid ClaimReviews", async () => {
    const file = await factCheckJson(troops.articleId, servedAt);
    expect(file?.filename).toBe(`${troops.slug}-v2.json`);
    expect(file!.body).toContain('\n  "slug": ');
    const record = JSON.parse(file!.body) as Record<string, unknown> & {
      versions: unknown[];
      claimReviews: unknown[];
      content: { claims: unknown[] };
    };
    expect(record).toMatchObject({
      slug: troops.slug,
      url: `${base}/fact-checks/${troops.slug}`,
      status: "PUBLISHED",
      version: 2,
      headline: "Misleading: no troops crossed the border",
      summary: "Satellite images show a deployment in October.",
      methodology: "We compared the statement with satellite images.",
    });
    expect(record.versions).toEqual([
      { version: 1, publishedAt: expect.any(String), correctionNote: null },
      { version: 2, publishedAt: expect.any(String), correctionNote: "The summary named the wrong month." },
    ]);
    expect(record.content.claims).toHaveLength(1);
    expect(record.claimReviews).toHaveLength(1);
    for (const review of record.claimReviews) expect(claimReviewErrors(review)).toEqual([]);
  });

  it("still export a withdrawn fact-check, marked as such", async () => {
    const record = JSON.parse((await factCheckJson(withdrawn.articleId, servedAt))!.body) as { status: string; version: number };
    expect(record).toMatchObject({ status: "WITHDRAWN", version: 1 });
  });

  it("find nothing for an article without a fact-check, or a malformed id", async () => {
    const editor = await actorOf("editor");
    const { id: articleId } = await createArticle(editor.id);
    await createClaim(editor, articleId, { start: 0, end: 10 });
    expect(await factCheckCsv(articleId, "en", servedAt)).toBeNull();
    expect(await factCheckJson(articleId, servedAt)).toBeNull();
    expect(await factCheckCsv("not-a-uuid", "en", servedAt)).toBeNull();
    expect(await factCheckJson("00000000-0000-4000-8000-000000000000", servedAt)).toBeNull();
  });
});

describe("feed size", () => {
  it(`keeps the ${feedSize} newest fact-checks`, async () => {
    const editor = await actorOf("editor");
    const start = Date.UTC(2020, 0, 1);
    for (let i = 0; i < feedSize; i++) {
      await bareFactCheck({ publishedById: editor.id, slug: `lama-${i}`, headline: `Lama ${i}`, at: new Date(start + i * 60_000) });
    }
    const doc = new DOMParser().parseFromString(await factCheckAtomFeed(servedAt), "text/xml");
    const ids = [...doc.getElementsByTagName("entry")].map((entry) => textOf(entry, "id"));
    expect(ids).toHaveLength(feedSize);
    expect(ids.slice(0, 3)).toEqual([
      `${base}/fact-checks/${troops.slug}`,
      `${base}/fact-checks/${rice.slug}`,
      `${base}/fact-checks/lama-${feedSize - 1}`,
    ]);
    // The two oldest of the 52 published ones are left out.
    expect(ids).not.toContain(`${base}/fact-checks/lama-0`);
    expect(ids).not.toContain(`${base}/fact-checks/lama-1`);
    expect(ids).toContain(`${base}/fact-checks/lama-2`);
    // The DataFeed covers the same fact-checks (the old ones have no claims, so it still holds three).
    expect((await claimReviewDataFeed(servedAt)).dataFeedElement).toHaveLength(3);
  });
});
