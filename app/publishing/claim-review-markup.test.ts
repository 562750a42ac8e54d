import type { ErrorObject } from "ajv/dist/2020.js";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import {
  buildClaimReviews,
  CLAIM_REVIEWED_MAX_LENGTH,
  ClaimReviewInputError,
  serializeJsonLd,
  type ClaimForReview,
  type FactCheckForReview,
  type ScaleForReview,
} from "./claim-review-markup";
import { claimReviewErrors } from "../../tests/support/claim-review-validator";

// ─────────────────────────────── validator ───────────────────────────────

function errorsOf(value: unknown): ErrorObject[] {
  return claimReviewErrors(value);
}

function expectValid(value: unknown) {
  const errors = errorsOf(value);
  expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
}

function expectInvalid(value: unknown, keyword?: string) {
  const errors = errorsOf(value);
  expect(errors.length).toBeGreaterThan(0);
  if (keyword) expect(errors.map((e) => e.keyword)).toContain(keyword);
}

// ─────────────────────────────── fixtures ───────────────────────────────

type Label = { value: number; labelEn: string; labelId: string };

/** best/worst from the scale actually used: the max and min label values. */
function scaleOf(labels: Label[]): ScaleForReview {
  const values = labels.map((l) => l.value);
  return { best: Math.max(...values), worst: Math.min(...values) };
}

function label(labels: Label[], en: string): Label {
  const found = labels.find((l) => l.labelEn === en);
  if (!found) throw new Error(`no label ${en}`);
  return found;
}

const TEMPO: Label[] = [
  { value: 1, labelEn: "False", labelId: "Keliru" },
  { value: 2, labelEn: "Misleading", labelId: "Menyesatkan" },
  { value: 3, labelEn: "Unproven", labelId: "Tidak Terbukti" },
  { value: 4, labelEn: "Partly true", labelId: "Sebagian Benar" },
  { value: 5, labelEn: "True", labelId: "Benar" },
];

const POLITIFACT: Label[] = [
  { value: 0, labelEn: "Pants on Fire", labelId: "Bohong Besar" },
  { value: 1, labelEn: "False", labelId: "Salah" },
  { value: 2, labelEn: "Mostly False", labelId: "Sebagian Besar Salah" },
  { value: 3, labelEn: "Half True", labelId: "Setengah Benar" },
  { value: 4, labelEn: "Mostly True", labelId: "Sebagian Besar Benar" },
  { value: 5, labelEn: "True", labelId: "Benar" },
];

const META: Label[] = [
  { value: 1, labelEn: "False", labelId: "Salah" },
  { value: 2, labelEn: "Altered", labelId: "Diubah" },
  { value: 3, labelEn: "Partly False", labelId: "Sebagian Salah" },
  { value: 4, labelEn: "Missing Context", labelId: "Kurang Konteks" },
  { value: 5, labelEn: "Satire", labelId: "Satire" },
  { value: 6, labelEn: "True", labelId: "Benar" },
];

const NEWSROOM = {
  name: "Cek Fakta Nusantara",
  url: "https://cekfakta.example.id/",
  logoUrl: "https://cekfakta.example.id/static/logo.png",
};

/** Indonesian fact-check, 5-step scale 1..5, claimant a person, all dates known. */
function indonesianFactCheck(): FactCheckForReview {
  return {
    url: "https://cekfakta.example.id/fact-checks/klaim-harga-beras-turun-50-persen",
    headline: "Keliru: Harga beras turun 50 persen sejak Januari",
    language: "id",
    datePublished: new Date("2025-03-12T08:30:00+07:00"),
    dateModified: new Date("2025-03-13T10:00:00+07:00"),
    newsroom: NEWSROOM,
    scale: scaleOf(TEMPO),
    claims: [
      {
        anchor: "claim-1",
        wording: "Harga beras turun 50 persen sejak Januari 2025",
        claimant: { name: "Budi Santoso", kind: "Person" },
        claimDate: new Date("2025-03-03T00:00:00+07:00"),
        appearance: {
          url: "https://berita.example.com/2025/03/03/harga-beras",
          name: "Harga Beras Anjlok, Kata Anggota Dewan",
          datePublished: new Date("2025-03-03T09:15:00+07:00"),
        },
        firstAppearance: {
          url: "https://video.example.com/watch?v=abc123",
          name: "Rapat dengar pendapat Komisi IV",
          datePublished: null,
        },
        rating: { value: label(TEMPO, "False").value, label: "Keliru" },
      },
      {
        anchor: "claim-2",
        wording: "Impor beras 2024 mencapai 4 juta ton",
        claimant: { name: "Kementerian Perdagangan", kind: "Organization" },
        claimDate: new Date("2025-02-20T00:00:00+07:00"),
        appearance: { url: "https://berita.example.com/2025/03/03/harga-beras", name: null, datePublished: null },
        rating: { value: label(TEMPO, "Partly true").value, label: "Sebagian Benar", name: "Sebagian benar: angka 2024 3,5 juta ton" },
      },
    ],
  };
}

/** English PolitiFact-like 6-step scale 0..5; worst verdict value 0. */
function politifactFactCheck(): FactCheckForReview {
  return {
    url: "http://factdesk.example.org/fact-checks/senator-vaccine-claim",
    headline: "Senator's claim about vaccine injuries is Pants on Fire",
    language: "en",
    datePublished: new Date("2025-06-01T12:00:00Z"),
    dateModified: null,
    newsroom: { name: "Factdesk Newsroom", url: "https://factdesk.example.org", logoUrl: null },
    scale: scaleOf(POLITIFACT),
    claims: [
      {
        anchor: "claim-1",
        wording: "Vaccines have injured more people than COVID-19 itself",
        claimant: { name: "Office of Senator Jane Roe", kind: "Organization" },
        claimDate: new Date("2025-05-28T15:00:00Z"),
        appearance: {
          url: "https://news.example.com/politics/senator-vaccines",
          name: "Senator doubles down on vaccine remarks",
          datePublished: new Date("2025-05-29T07:00:00Z"),
        },
        rating: { value: label(POLITIFACT, "Pants on Fire").value, label: "Pants on Fire" },
      },
    ],
  };
}

/** Meta-like scale, a viral post: claimant and claim date unknown. */
function metaFactCheck(): FactCheckForReview {
  return {
    url: "https://cekfakta.example.id/fact-checks/foto-banjir-jakarta",
    headline: "Foto banjir ini bukan dari Jakarta 2025",
    language: "id",
    datePublished: new Date("2025-01-15T04:00:00Z"),
    newsroom: { name: "Cek Fakta Nusantara", url: null, logoUrl: null },
    scale: scaleOf(META),
    claims: [
      {
        anchor: "claim-1",
        wording: "Foto ini menunjukkan banjir di Jakarta pada Januari 2025",
        claimant: null,
        claimDate: null,
        appearance: { url: "https://berita.example.com/viral/foto-banjir", name: "Viral foto banjir", datePublished: null },
        rating: { value: label(META, "Altered").value, label: "Diubah" },
      },
    ],
  };
}

function firstReview(factCheck: FactCheckForReview): Record<string, any> {
  const [review] = buildClaimReviews(factCheck);
  if (!review) throw new Error("no review");
  return structuredClone(review) as Record<string, any>;
}

function withClaim(factCheck: FactCheckForReview, patch: Partial<ClaimForReview>): FactCheckForReview {
  const [claim] = factCheck.claims;
  return { ...factCheck, claims: [{ ...claim!, ...patch }] };
}

// ─────────────────────────────── builder output ───────────────────────────────

describe("buildClaimReviews", () => {
  it("builds one valid ClaimReview per claim for an Indonesian fact-check (scale 1..5)", () => {
    const fc = indonesianFactCheck();
    const reviews = buildClaimReviews(fc);
    expect(reviews).toHaveLength(2);
    reviews.forEach(expectValid);

    expect(reviews[0]).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://cekfakta.example.id/fact-checks/klaim-harga-beras-turun-50-persen#claim-1",
      claimReviewed: "Harga beras turun 50 persen sejak Januari 2025",
      author: {
        "@type": "Organization",
        name: "Cek Fakta Nusantara",
        url: "https://cekfakta.example.id/",
        logo: { "@type": "ImageObject", url: "https://cekfakta.example.id/static/logo.png" },
      },
      datePublished: "2025-03-12T01:30:00.000Z",
      dateModified: "2025-03-13T03:00:00.000Z",
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Budi Santoso" },
        datePublished: "2025-03-02T17:00:00.000Z",
        appearance: {
          "@type": "CreativeWork",
          url: "https://berita.example.com/2025/03/03/harga-beras",
          name: "Harga Beras Anjlok, Kata Anggota Dewan",
          datePublished: "2025-03-03T02:15:00.000Z",
        },
        firstAppearance: {
          "@type": "CreativeWork",
          url: "https://video.example.com/watch?v=abc123",
          name: "Rapat dengar pendapat Komisi IV",
        },
      },
      reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "Keliru" },
      inLanguage: "id",
      headline: "Keliru: Harga beras turun 50 persen sejak Januari",
    });

    const second = reviews[1] as Record<string, any>;
    expect(second.url).toBe(`${fc.url}#claim-2`);
    expect(second.itemReviewed.author).toEqual({ "@type": "Organization", name: "Kementerian Perdagangan" });
    expect(second.itemReviewed.appearance).toEqual({
      "@type": "CreativeWork",
      url: "https://berita.example.com/2025/03/03/harga-beras",
    });
    expect(second.reviewRating).toEqual({
      "@type": "Rating",
      ratingValue: 4,
      bestRating: 5,
      worstRating: 1,
      alternateName: "Sebagian Benar",
      name: "Sebagian benar: angka 2024 3,5 juta ton",
    });
  });

  it("takes best/worst from a PolitiFact-like 0..5 scale, not a hard-coded 5/1", () => {
    const review = firstReview(politifactFactCheck());
    expectValid(review);
    expect(review.reviewRating).toEqual({
      "@type": "Rating",
      ratingValue: 0,
      bestRating: 5,
      worstRating: 0,
      alternateName: "Pants on Fire",
    });
    expect(review.inLanguage).toBe("en");
    expect(review.author).toEqual({ "@type": "Organization", name: "Factdesk Newsroom", url: "https://factdesk.example.org/" });
    expect(review.itemReviewed.author).toEqual({ "@type": "Organization", name: "Office of Senator Jane Roe" });
    expect(review).not.toHaveProperty("dateModified");
  });

  it("handles a Meta-like 1..6 scale with unknown claimant and claim date", () => {
    const fc = metaFactCheck();
    const review = firstReview(fc);
    expectValid(review);
    expect(review.reviewRating).toMatchObject({ ratingValue: 2, bestRating: 6, worstRating: 1, alternateName: "Diubah" });
    expect(review.itemReviewed).not.toHaveProperty("author");
    expect(review.author).toEqual({ "@type": "Organization", name: "Cek Fakta Nusantara" });
  });

  it("omits the claim's datePublished when unknown and never uses the check's date", () => {
    for (const fc of [metaFactCheck(), withClaim(indonesianFactCheck(), { claimDate: null, appearance: null, firstAppearance: null })]) {
      const review = firstReview(fc);
      expectValid(review);
      expect(review.itemReviewed).not.toHaveProperty("datePublished");
      const checkDate = fc.datePublished.toISOString();
      expect(review.datePublished).toBe(checkDate);
      expect(JSON.stringify(review.itemReviewed)).not.toContain(checkDate);
      expect(JSON.stringify(review.itemReviewed)).not.toContain(checkDate.slice(0, 10));
    }
  });

  it("uses the claim's own date when known, distinct from the check's date", () => {
    const fc = politifactFactCheck();
    const review = firstReview(fc);
    expect(review.itemReviewed.datePublished).toBe("2025-05-28T15:00:00.000Z");
    expect(review.itemReviewed.datePublished).not.toBe(review.datePublished);
  });

  it("distinguishes a claimant person from an organisation and drops a blank claimant name", () => {
    const person = firstReview(withClaim(politifactFactCheck(), { claimant: { name: "Jane Roe", kind: "Person" } }));
    expect(person.itemReviewed.author).toEqual({ "@type": "Person", name: "Jane Roe" });
    const org = firstReview(withClaim(politifactFactCheck(), { claimant: { name: "WHO", kind: "Organization" } }));
    expect(org.itemReviewed.author).toEqual({ "@type": "Organization", name: "WHO" });
    const blank = firstReview(withClaim(politifactFactCheck(), { claimant: { name: "  ", kind: "Person" } }));
    expect(blank.itemReviewed).not.toHaveProperty("author");
    [person, org, blank].forEach(expectValid);
  });

  it("omits an appearance with nothing known and drops a fragment already on the page URL", () => {
    const fc = withClaim(
      { ...politifactFactCheck(), url: "https://factdesk.example.org/fact-checks/x#top" },
      { appearance: { url: null, name: "  ", datePublished: null } },
    );
    const review = firstReview(fc);
    expectValid(review);
    expect(review.itemReviewed).toEqual({ "@type": "Claim", author: expect.anything(), datePublished: expect.any(String) });
    expect(review.url).toBe("https://factdesk.example.org/fact-checks/x#claim-1");
  });

  it("collapses whitespace in the wording and returns no reviews for no claims", () => {
    const review = firstReview(withClaim(politifactFactCheck(), { wording: "  Vaccines\n  injured   many \t people " }));
    expect(review.claimReviewed).toBe("Vaccines injured many people");
    expect(buildClaimReviews({ ...politifactFactCheck(), claims: [] })).toEqual([]);
  });

  describe("rejects bad input", () => {
    const fc = politifactFactCheck();
    const cases: [string, () => FactCheckForReview][] = [
      ["rating above the scale", () => withClaim(fc, { rating: { value: 6, label: "True" } })],
      ["rating below the scale", () => withClaim(fc, { rating: { value: -1, label: "Worse" } })],
      ["rating NaN", () => withClaim(fc, { rating: { value: Number.NaN, label: "False" } })],
      ["empty label", () => withClaim(fc, { rating: { value: 1, label: "  " } })],
      ["empty wording", () => withClaim(fc, { wording: "" })],
      ["blank wording", () => withClaim(fc, { wording: " \n\t " })],
      ["wording too long", () => withClaim(fc, { wording: "a".repeat(CLAIM_REVIEWED_MAX_LENGTH + 1) })],
      ["scale best = worst", () => ({ ...fc, scale: { best: 3, worst: 3 } })],
      ["scale reversed", () => ({ ...fc, scale: { best: 0, worst: 5 } })],
      ["relative page url", () => ({ ...fc, url: "/fact-checks/x" })],
      ["javascript: page url", () => ({ ...fc, url: "javascript:alert(1)" })],
      ["bad newsroom url", () => ({ ...fc, newsroom: { ...fc.newsroom, url: "ftp://example.org" } })],
      ["bad appearance url", () => withClaim(fc, { appearance: { url: "not a url", name: null, datePublished: null } })],
      ["empty headline", () => ({ ...fc, headline: "" })],
      ["empty newsroom name", () => ({ ...fc, newsroom: { ...fc.newsroom, name: " " } })],
      ["bad language", () => ({ ...fc, language: "" })],
      ["invalid check date", () => ({ ...fc, datePublished: new Date("nope") })],
      ["invalid claim date", () => withClaim(fc, { claimDate: new Date("nope") })],
      ["modified before published", () => ({ ...fc, dateModified: new Date("2020-01-01T00:00:00Z") })],
      ["anchor with a space", () => withClaim(fc, { anchor: "claim 1" })],
      ["anchor with a hash", () => withClaim(fc, { anchor: "#claim-1" })],
      ["bad claimant kind", () => withClaim(fc, { claimant: { name: "X", kind: "Thing" as "Person" } })],
      ["duplicate anchors", () => ({ ...fc, claims: [fc.claims[0]!, fc.claims[0]!] })],
    ];
    it.each(cases)("%s", (_name, make) => {
      expect(() => buildClaimReviews(make())).toThrow(ClaimReviewInputError);
    });
  });
});

// ─────────────────────────────── the schema rejects broken objects ───────────────────────────────

describe("claim-review.schema.json", () => {
  const good = () => firstReview(indonesianFactCheck());

  it("accepts a claim date given as a plain date and an appearance given as a URL", () => {
    const review = good();
    review.itemReviewed.datePublished = "2025-03-03";
    review.itemReviewed.appearance = "https://berita.example.com/a";
    expectValid(review);
  });

  it("rejects a Rating without alternateName", () => {
    const review = good();
    delete review.reviewRating.alternateName;
    expectInvalid(review, "required");
  });

  it("rejects bestRating/worstRating hard-coded to 5/1 on a 0..5 scale (rating out of range)", () => {
    const review = firstReview(politifactFactCheck());
    expectValid(review);
    review.reviewRating.bestRating = 5;
    review.reviewRating.worstRating = 1; // the defect: value 0 ("Pants on Fire") now lies outside
    expectInvalid(review, "x-ratingWithinScale");
  });

  it("rejects a rating above best, a reversed scale, and non-numeric values", () => {
    const above = good();
    above.reviewRating.ratingValue = 7;
    expectInvalid(above, "x-ratingWithinScale");
    const reversed = good();
    reversed.reviewRating.bestRating = 1;
    reversed.reviewRating.worstRating = 5;
    expectInvalid(reversed, "x-ratingWithinScale");
    const text = good();
    text.reviewRating.ratingValue = "1";
    expectInvalid(text, "type");
  });

  it("rejects an author without a name, a blank name, or a Person as the reviewing author", () => {
    const noName = good();
    delete noName.author.name;
    expectInvalid(noName, "required");
    const blank = good();
    blank.author.name = "   ";
    expectInvalid(blank, "pattern");
    const person = good();
    person.author["@type"] = "Person";
    expectInvalid(person);
    const missing = good();
    delete missing.author;
    expectInvalid(missing, "required");
  });

  it("rejects wrong @type values on every known node", () => {
    const mutations: ((r: Record<string, any>) => void)[] = [
      (r) => (r["@type"] = "Review"),
      (r) => (r.itemReviewed["@type"] = "Thing"),
      (r) => (r.reviewRating["@type"] = "AggregateRating"),
      (r) => (r.author["@type"] = "Corporation"),
      (r) => (r.author.logo["@type"] = "Photo"),
      (r) => (r.itemReviewed.author["@type"] = "Robot"),
      (r) => (r.itemReviewed.appearance["@type"] = "Tweet"),
      (r) => delete r.itemReviewed["@type"],
      (r) => delete r.reviewRating["@type"],
    ];
    for (const mutate of mutations) {
      const review = good();
      mutate(review);
      expectInvalid(review);
    }
  });

  it("rejects missing or malformed required fields", () => {
    const mutations: ((r: Record<string, any>) => void)[] = [
      (r) => delete r["@context"],
      (r) => (r["@context"] = "https://example.org"),
      (r) => delete r.url,
      (r) => (r.url = "not a url"),
      (r) => (r.url = "javascript:alert(1)"),
      (r) => delete r.claimReviewed,
      (r) => (r.claimReviewed = ""),
      (r) => (r.claimReviewed = "x".repeat(501)),
      (r) => delete r.datePublished,
      (r) => (r.datePublished = "12 March 2025"),
      (r) => (r.itemReviewed.datePublished = "kemarin"),
      (r) => delete r.itemReviewed,
      (r) => delete r.reviewRating,
      (r) => (r.inLanguage = "bahasa indonesia"),
    ];
    for (const mutate of mutations) {
      const review = good();
      mutate(review);
      expectInvalid(review);
    }
  });

  it("allows extra properties", () => {
    const review = good();
    review.image = "https://cekfakta.example.id/img.png";
    review.reviewRating.image = "https://cekfakta.example.id/rating.png";
    expectValid(review);
  });
});

// ─────────────────────────────── JSON-LD in a script element ───────────────────────────────

describe("serializeJsonLd of the ClaimReviews", () => {
  const hostile = "Menteri bilang </script><script>alert(1)</script> & <!-- harga\u2028naik\u2029 -->";

  it("cannot break out of a script element and round-trips the text", () => {
    const fc = withClaim(indonesianFactCheck(), { wording: hostile });
    const json = serializeJsonLd(buildClaimReviews(fc));
    expect(json).not.toMatch(/[<>&\u2028\u2029]/u);
    expect(json.toLowerCase()).not.toContain("</script");
    expect(json).toContain("\\u003c/script\\u003e");
    // The builder folds U+2028/U+2029 (whitespace) into a space; serializeJsonLd escapes any left.

    const parsed = JSON.parse(json) as Record<string, any>[];
    expect(parsed).toEqual(JSON.parse(JSON.stringify(buildClaimReviews(fc))));
    expect(parsed[0]!.claimReviewed).toBe(hostile.replace(/\s+/gu, " ").trim());
    parsed.forEach(expectValid);

    const { document } = parseHTML(
      `<!doctype html><html><head><script type="application/ld+json">${json}</script></head><body></body></html>`,
    );
    const scripts = document.querySelectorAll("script");
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0]!.textContent ?? "")).toEqual(parsed);
  });

  it("escapes U+2028/U+2029 kept inside a value (serializeJsonLd)", () => {
    const json = serializeJsonLd({ text: "a\u2028b\u2029c</SCRIPT>" });
    expect(json).toBe('{"text":"a\\u2028b\\u2029c\\u003c/SCRIPT\\u003e"}');
    expect(JSON.parse(json)).toEqual({ text: "a\u2028b\u2029c</SCRIPT>" });
  });
});
