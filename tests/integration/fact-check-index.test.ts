// The public index of fact-checks against a real PostgreSQL: full-text search in each fact-check's own
// language (Indonesian and English stemming), only published ones, newest first, keyset pages both ways
// that neither skip nor repeat, verdict counts, and searches that are never SQL.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db/client.server";
import { withdrawFactCheck } from "~/publishing/withdrawal.server";
import { decodeIndexCursor, encodeIndexCursor, listPublishedFactChecks, searchText } from "~/publishing/public-index.server";
import { actorOf } from "../support/fixtures";
import { bareFactCheck, publishTestFactCheck } from "../support/fact-checks";

const slugs = (page: { items: { slug: string }[] }) => page.items.map((item) => item.slug);

async function search(q: string) {
  return slugs(await listPublishedFactChecks({ q, limit: 100 }));
}

describe("searching published fact-checks", () => {
  let indonesian = "";
  let english = "";
  let withdrawn = "";

  beforeAll(async () => {
    // What PostgreSQL's stemmers do with these words (checked with psql): indonesian turns both
    // "pengerahan" and "mengerahkan" into "erah"; english turns "troops" into "troop", "deployed" and
    // "deployment" into "deploy".
    indonesian = (
      await publishTestFactCheck({
        headline: "Keliru: pengerahan pasukan Korea Utara ke Kursk sudah berakhir",
        summary: "Pejabat Ukraina dan Korea Selatan menyebut pasukan masih di Kursk.",
        body: "Korea Utara disebut sudah menarik seluruh pasukannya dari Kursk pada Oktober 2024. Sumber lain membantah.",
        language: "id",
        claims: [
          {
            quote: "Korea Utara disebut sudah menarik seluruh pasukannya dari Kursk",
            wording: "Korea Utara menarik semua tentaranya dari wilayah Kursk",
            claimant: "Unggahan media sosial",
          },
        ],
      })
    ).slug;
    english = (
      await publishTestFactCheck({
        headline: "Misleading: not a single troop crossed the border, the ministry says",
        summary: "Satellite images and officials describe a deployment in October.",
        body: "The ministry said no soldiers had been sent abroad this year. Satellite images show otherwise.",
        language: "en",
        claims: [
          { quote: "The ministry said no soldiers had been sent abroad this year", rating: "Misleading", claimant: "Ministry of Defence" },
        ],
      })
    ).slug;
    const gone = await publishTestFactCheck({
      headline: "Keliru: pengerahan tentara ke perbatasan dibatalkan",
      body: "Pemerintah disebut membatalkan pengerahan tentara ke perbatasan. Kabar itu tidak benar.",
      language: "id",
      claims: [{ quote: "Pemerintah disebut membatalkan pengerahan tentara ke perbatasan" }],
    });
    withdrawn = gone.slug;
    await withdrawFactCheck(gone.editorActor, { factCheckId: gone.factCheckId, reason: "Diterbitkan sebelum waktunya." });
  });

  it("finds an Indonesian fact-check by another form of the word (indonesian stemming)", async () => {
    // "mengerahkan" never appears; "pengerahan" does. Both stem to "erah".
    expect(await search("mengerahkan")).toEqual([indonesian]);
    expect(await search("pengerahan pasukan")).toEqual([indonesian]);
    // The claim's wording is indexed too ("tentaranya" → "tentara").
    expect(await search("tentara Kursk")).toEqual([indonesian]);
  });

  it("finds an English fact-check by another form of the word (english stemming)", async () => {
    expect(await search("troops")).toEqual([english]);
    expect(await search("deployed")).toEqual([english]);
    // websearch syntax: a quoted phrase, and a word ruled out.
    expect(await search('"single troop"')).toEqual([english]);
    expect(await search("troops -border")).toEqual([]);
  });

  it("searches each fact-check in its own language only", async () => {
    // An English word with no Indonesian match, and the other way round.
    expect(await search("ministry")).toEqual([english]);
    expect(await search("pasukan")).toEqual([indonesian]);
  });

  it("never shows a withdrawn fact-check, in the list or in a search", async () => {
    expect(await search("dibatalkan")).toEqual([]);
    expect(await search("pengerahan")).toEqual([indonesian]);
    const all = slugs(await listPublishedFactChecks({ limit: 100 }));
    expect(all).toEqual(expect.arrayContaining([indonesian, english]));
    expect(all).not.toContain(withdrawn);
  });

  it("treats a blank search as no search, and cuts a long one", async () => {
    const all = slugs(await listPublishedFactChecks({ limit: 100 }));
    expect(slugs(await listPublishedFactChecks({ q: "   \n\t ", limit: 100 }))).toEqual(all);
    expect(searchText("   ")).toBeNull();
    expect(searchText("\u0000 \u0007")).toBeNull();
    expect(searchText(`  troop   ${"x".repeat(500)}`)).toHaveLength(200);
    expect(await search(`troops ${"x".repeat(500)}`)).toEqual([]);
  });

  it("takes quotes, operators and SQL in a search as words, never as SQL or tsquery syntax", async () => {
    const nasty = [
      "'",
      '"',
      "' OR 1=1 --",
      '\'); DROP TABLE "FactCheck"; --',
      "&",
      "!",
      ":*",
      "troop:*",
      "troop & !",
      "!!troop",
      "a & | b",
      "(",
      "))",
      "<->",
      "\\",
      "%",
      "_",
      "-",
      "or",
      "\u0000",
      "troop\u0000s",
      "\ud800",
      "😀",
    ];
    for (const q of nasty) {
      const result = await listPublishedFactChecks({ q });
      expect(Array.isArray(result.items), q).toBe(true);
    }
    // Operators are ignored around real words: "troop:*" is still a search for troop.
    expect(await search("troop:*")).toEqual([english]);
    expect(await prisma.factCheck.count()).toBeGreaterThanOrEqual(3);
  });

  it("sums up the verdicts of the current version", async () => {
    const published = await publishTestFactCheck({
      headline: "Sebagian klaim soal harga beras keliru",
      body: "Harga beras naik 12 persen. Harga cabai naik 40 persen. Harga gula turun 5 persen. Harga beras akan naik lagi pada Maret.",
      language: "id",
      claims: [
        { quote: "Harga beras naik 12 persen", rating: "True" },
        { quote: "Harga cabai naik 40 persen", rating: "False" },
        { quote: "Harga gula turun 5 persen", rating: "False" },
        { quote: "Harga beras akan naik lagi pada Maret", notCheckable: "Prediksi." },
      ],
    });
    const item = (await listPublishedFactChecks({ q: "harga beras keliru" })).items.find((row) => row.slug === published.slug);
    expect(item).toMatchObject({ claims: 4, currentVersion: 1, language: "id" });
    expect(item!.verdicts).toEqual([
      { value: 1, labelEn: "False", labelId: "Keliru", colour: expect.stringMatching(/^#/), count: 2 },
      { value: 5, labelEn: "True", labelId: "Benar", colour: expect.stringMatching(/^#/), count: 1 },
    ]);
  });
});

describe("paging through published fact-checks", () => {
  /** Fact-checks written directly: published at chosen times, some at the very same millisecond. */
  async function publishedAt(times: Date[]) {
    const editor = await actorOf("editor");
    const made: string[] = [];
    for (const [index, at] of times.entries()) {
      const slug = `halaman-${index}-${randomUUID().slice(0, 8)}`;
      await bareFactCheck({ publishedById: editor.id, slug, headline: `Halaman ${index}`, at });
      made.push(slug);
    }
    return made;
  }

  it("go newest first and visit every fact-check exactly once, older and back newer", async () => {
    const base = Date.UTC(2024, 0, 1);
    // 23 fact-checks; every third shares its millisecond with the next, so the id breaks ties.
    const times = Array.from({ length: 23 }, (_, i) => new Date(base + Math.floor(i / 2) * 60_000 + (i % 3 === 0 ? 0 : i)));
    const made = new Set(await publishedAt(times));
    const expected = (
      await prisma.factCheck.findMany({
        where: { status: "PUBLISHED" },
        orderBy: [{ firstPublishedAt: "desc" }, { id: "desc" }],
        select: { slug: true },
      })
    ).map((row) => row.slug);
    expect(expected.filter((slug) => made.has(slug))).toHaveLength(23);

    // Down, five at a time.
    const pages: string[][] = [];
    let page = await listPublishedFactChecks({ limit: 5 });
    expect(page.newer).toBeNull();
    pages.push(slugs(page));
    while (page.older) {
      page = await listPublishedFactChecks({ limit: 5, cursor: page.older });
      expect(page.newer).not.toBeNull();
      pages.push(slugs(page));
    }
    expect(pages.flat()).toEqual(expected);
    expect(pages.every((slugsOfPage) => slugsOfPage.length <= 5)).toBe(true);

    // And back up from the last page, through the "newer" links.
    const back: string[][] = [slugs(page)];
    while (page.newer) {
      page = await listPublishedFactChecks({ limit: 5, cursor: page.newer });
      expect(page.older).not.toBeNull();
      back.unshift(slugs(page));
    }
    expect(back.flat()).toEqual(expected);
    expect(back[0]).toEqual(pages[0]);
  });

  it("is not shifted by a fact-check published between two pages", async () => {
    const first = await listPublishedFactChecks({ limit: 3 });
    await publishedAt([new Date()]);
    const second = await listPublishedFactChecks({ limit: 3, cursor: first.older });
    const again = await listPublishedFactChecks({ limit: 6 });
    // The new one tops the list, but the second page still starts right after the first.
    expect(slugs(again).slice(1, 4)).toEqual(slugs(first));
    expect(slugs(again).slice(4, 6)).toEqual(slugs(second).slice(0, 2));
  });

  it("ignores a cursor it did not make", async () => {
    const firstPage = slugs(await listPublishedFactChecks({ limit: 4 }));
    for (const cursor of [
      "garbage",
      "",
      Buffer.from("o|not a date|x").toString("base64url"),
      Buffer.from("x|2024-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000").toString("base64url"),
    ]) {
      expect(decodeIndexCursor(cursor)).toBeNull();
      expect(slugs(await listPublishedFactChecks({ limit: 4, cursor }))).toEqual(firstPage);
    }
    const cursor = { direction: "newer" as const, at: new Date("2024-05-06T07:08:09.010Z"), id: "00000000-0000-4000-8000-000000000000" };
    expect(decodeIndexCursor(encodeIndexCursor(cursor))).toEqual(cursor);
  });
});
