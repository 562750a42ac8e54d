// The labelled matching set (app/matching/corpus/*.json: earlier fact-checks; new claims, each with the earlier check
// it repeats or none, in a tuning half queries.json and a held-out half heldout.json) and the demo
// neighbour fact-checker's feed (app/demo/claim-reviews/neighbour.json): their shapes and the sizes the evaluation needs. The matching quality itself is measured by the eval.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const read = (relative: string) => JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), "utf8"));

const language = z.enum(["id", "en"]);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const url = z.url({ protocol: /^https$/, hostname: /\.example$/ });
const text = z.string().trim().min(10);

const knownCheck = z.strictObject({
  url,
  claimReviewed: text,
  datePublished: day,
  language,
  author: z.strictObject({ name: z.string().min(1) }),
  reviewRating: z.strictObject({ alternateName: z.string().min(1) }),
  itemReviewed: z.strictObject({ author: z.strictObject({ name: z.string().min(1) }) }).optional(),
});
const query = z.strictObject({ text, language, match: url.nullable(), note: z.string().min(3) });

const organization = z.object({ "@type": z.literal("Organization"), name: z.string().min(1), url: url.optional() });
const claimReview = z.object({
  "@type": z.literal("ClaimReview"),
  url,
  inLanguage: language,
  claimReviewed: text,
  datePublished: day,
  author: organization,
  reviewRating: z
    .object({
      "@type": z.literal("Rating"),
      ratingValue: z.number().int(),
      bestRating: z.number().int(),
      worstRating: z.number().int(),
      alternateName: z.string().min(1),
    })
    .refine((r) => r.worstRating <= r.ratingValue && r.ratingValue <= r.bestRating, "ratingValue outside the scale"),
  itemReviewed: z.object({
    "@type": z.literal("Claim"),
    author: z.object({ "@type": z.enum(["Person", "Organization"]), name: z.string().min(1) }),
    datePublished: day,
    appearance: z.array(z.object({ "@type": z.literal("CreativeWork"), url })).optional(),
  }),
});
const dataFeed = z.object({
  "@context": z.literal("https://schema.org"),
  "@type": z.literal("DataFeed"),
  dataFeedElement: z.array(claimReview),
});

const known = z.array(knownCheck).parse(read("./corpus/known.json"));
const queries = z.array(query).parse(read("./corpus/queries.json"));
const heldout = z.array(query).parse(read("./corpus/heldout.json"));
const knownByUrl = new Map(known.map((check) => [check.url, check]));

describe("the labelled matching set", () => {
  it("has unique fact-check urls and unique query texts", () => {
    expect(knownByUrl.size).toBe(known.length);
    expect(new Set(queries.map((q) => `${q.language} ${q.text}`)).size).toBe(queries.length);
  });

  it("matches every query to an earlier check in the same language, worded differently", () => {
    for (const q of queries) {
      if (q.match === null) continue;
      const check = knownByUrl.get(q.match);
      expect(check, q.text).toBeDefined();
      expect(check!.language, q.text).toBe(q.language);
      expect(q.text.toLowerCase(), q.match).not.toBe(check!.claimReviewed.toLowerCase());
    }
  });

  it.each(["id", "en"] as const)("is big enough in %s", (lang) => {
    expect(known.filter((check) => check.language === lang).length).toBeGreaterThanOrEqual(80);
    expect(queries.filter((q) => q.language === lang && q.match !== null).length).toBeGreaterThanOrEqual(60);
    expect(queries.filter((q) => q.language === lang && q.match === null).length).toBeGreaterThanOrEqual(40);
  });

  it("has no query text that is itself a known claim (a no-match query must not have an exact earlier check)", () => {
    const claims = new Set(known.map((check) => check.claimReviewed.toLowerCase()));
    for (const q of queries) expect(claims.has(q.text.toLowerCase()), q.text).toBe(false);
  });
});

describe("the held-out half (written before tuning; never tuned on)", () => {
  it("has unique query texts, none also in the tuning half", () => {
    const tuning = new Set(queries.map((q) => `${q.language} ${q.text.toLowerCase()}`));
    expect(new Set(heldout.map((q) => `${q.language} ${q.text}`)).size).toBe(heldout.length);
    for (const q of heldout) expect(tuning.has(`${q.language} ${q.text.toLowerCase()}`), q.text).toBe(false);
  });

  it("matches every query to an earlier check in the same language, worded differently", () => {
    for (const q of heldout) {
      if (q.match === null) continue;
      const check = knownByUrl.get(q.match);
      expect(check, q.text).toBeDefined();
      expect(check!.language, q.text).toBe(q.language);
      expect(q.text.toLowerCase(), q.match).not.toBe(check!.claimReviewed.toLowerCase());
    }
  });

  it("has no query text that is itself a known claim", () => {
    const claims = new Set(known.map((check) => check.claimReviewed.toLowerCase()));
    for (const q of heldout) expect(claims.has(q.text.toLowerCase()), q.text).toBe(false);
  });

  it.each(["id", "en"] as const)("is big enough in %s, half of its no-match claims hard", (lang) => {
    const without = heldout.filter((q) => q.language === lang && q.match === null);
    expect(heldout.filter((q) => q.language === lang && q.match !== null).length).toBeGreaterThanOrEqual(30);
    expect(without.length).toBeGreaterThanOrEqual(30);
    expect(without.filter((q) => /^(sulit|hard):/.test(q.note)).length).toBeGreaterThanOrEqual(without.length / 2);
  });
});

describe("the demo neighbour fact-checker's feed", () => {
  const feed = dataFeed.parse(read("../demo/claim-reviews/neighbour.json"));
  const reviews = feed.dataFeedElement;

  it("is a DataFeed of 32+ ClaimReviews with unique urls, in both languages", () => {
    expect(reviews.length).toBeGreaterThanOrEqual(32);
    expect(new Set(reviews.map((review) => review.url)).size).toBe(reviews.length);
    expect(reviews.some((review) => review.inLanguage === "id")).toBe(true);
    expect(reviews.some((review) => review.inLanguage === "en")).toBe(true);
  });

  it("is published by Cek Tetangga on its own domain", () => {
    for (const review of reviews) {
      expect(review.author.name).toBe("Cek Tetangga");
      expect(new URL(review.url).hostname).toBe("cektetangga.example");
    }
  });

  it("covers the demo articles' topics", () => {
    const all = reviews.map((review) => review.claimReviewed).join("\n");
    for (const topic of [/Kursk/, /Rutte/, /beras plastik/, /Rp 25\.000/, /plastic rice/]) expect(all).toMatch(topic);
  });
});
