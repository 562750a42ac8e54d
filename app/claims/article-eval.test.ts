// The evaluator of claim suggestions on hand-annotated news articles (./article-eval.ts), on texts written
// for these tests, and the committed English article set (./articles/en.json: offsets and hashes only).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  type AnnotatedArticle,
  articleSetProblems,
  articleSetSchema,
  type ArticleWithText,
  claimSha,
  evaluateArticles,
  formatArticleReport,
  sha256Hex,
  type Suggester,
  textMismatch,
} from "./article-eval.ts";

const text = "The bridge opened in 2019. Will it last? The council said it cost $40 million.";
const at = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
const firstClaim = at("The bridge opened in 2019.");
const secondClaim = at("The council said it cost $40 million.");
const article: ArticleWithText = {
  id: "own-bridge",
  split: "tuning",
  text,
  claims: [
    { ...firstClaim, sha: claimSha("The bridge opened in 2019."), kind: "event" },
    { ...secondClaim, sha: claimSha("The council said it cost $40 million."), kind: "figure" },
  ],
};
const fixed =
  (spans: { start: number; end: number }[]): Suggester =>
  () =>
    spans;

describe("evaluateArticles", () => {
  it("counts a claim as found when a suggestion overlaps it by one character, and not when it only borders it", () => {
    const borders = { start: firstClaim.end, end: firstClaim.end + 1 };
    const overlapsByOne = { start: secondClaim.end - 1, end: secondClaim.end + 5 };
    const metrics = evaluateArticles([article], "en", 0.4, fixed([borders, overlapsByOne]));
    expect(metrics).toMatchObject({ claims: 2, claimsFound: 1, suggestions: 2, suggestionsOnClaims: 1, recall: 0.5, precision: 0.5, f1: 0.5 });
    expect(metrics.missed).toEqual([{ articleId: "own-bridge", ...firstClaim, kind: "event", text: "The bridge opened in 2019." }]);
  });

  it("counts every suggestion, sentences and fragments alike, for precision; a claim touched twice is found once", () => {
    const sentence = secondClaim;
    const fragment = at("$40 million");
    const question = at("Will it last?");
    const metrics = evaluateArticles([article], "en", 0.4, fixed([sentence, fragment, question]));
    expect(metrics).toMatchObject({ claimsFound: 1, suggestions: 3, suggestionsOnClaims: 2, recall: 0.5 });
    expect(metrics.precision).toBeCloseTo(2 / 3);
  });

  it("adds up over articles and passes the language and threshold to the suggester", () => {
    const seen: unknown[] = [];
    const suggester: Suggester = (input, options) => {
      seen.push(options);
      return input === text ? [firstClaim, secondClaim] : [];
    };
    const other: ArticleWithText = { id: "own-empty", split: "heldout", text: "Nothing to see.", claims: [{ start: 0, end: 7, sha: claimSha("Nothing"), kind: "event" }] };
    const metrics = evaluateArticles([article, other], "id", 0.25, suggester);
    expect(metrics).toMatchObject({ language: "id", articles: 2, claims: 3, claimsFound: 2, suggestions: 2, suggestionsOnClaims: 2, precision: 1 });
    expect(metrics.recall).toBeCloseTo(2 / 3);
    expect(seen).toEqual([
      { language: "id", minScore: 0.25 },
      { language: "id", minScore: 0.25 },
    ]);
  });

  it("has zero, not NaN, figures when there is nothing to count", () => {
    const metrics = evaluateArticles([{ ...article, claims: [] }], "en", 0.4, fixed([]));
    expect(metrics).toMatchObject({ recall: 0, precision: 0, f1: 0 });
  });

  it("runs the real suggester by default: a figure attributed to a council is found", () => {
    const metrics = evaluateArticles([article], "en");
    expect(metrics.missed.map((miss) => miss.text)).not.toContain("The council said it cost $40 million.");
  });
});

describe("formatArticleReport", () => {
  const metrics = evaluateArticles([article], "en", 0.4, fixed([]));

  it("lists missed claims by article, offsets and kind, without their text unless asked", () => {
    const report = formatArticleReport("heldout", metrics);
    expect(report).toContain("en heldout: 1 articles, 2 claims — precision 0.000, recall 0.000");
    expect(report).toContain(`missed own-bridge ${firstClaim.start}–${firstClaim.end} (event)`);
    expect(report).not.toContain("The bridge opened");
    expect(formatArticleReport("heldout", metrics, true)).toContain(`(event): The bridge opened in 2019.`);
  });
});

const annotated = (overrides: Partial<AnnotatedArticle> = {}): AnnotatedArticle => ({
  id: "own-bridge",
  url: "https://news.example.org/bridge",
  outlet: "news.example.org",
  split: "tuning",
  sha256: sha256Hex(text),
  length: text.length,
  claims: article.claims,
  ...overrides,
});

describe("textMismatch", () => {
  it("accepts the text as annotated", () => {
    expect(textMismatch(annotated(), text)).toBeNull();
  });

  it("names a changed text, a changed length and a claim whose hash differs", () => {
    expect(textMismatch(annotated(), `${text} `)).toMatch(/sha256/);
    expect(textMismatch(annotated({ length: text.length + 1 }), text)).toMatch(/length/);
    const shifted = annotated({ claims: [{ ...article.claims[0]!, start: 1 }] });
    expect(textMismatch(shifted, text)).toMatch(/does not hash/);
  });
});

describe("articleSetProblems", () => {
  it("refuses an outlet in both splits, more than five articles from one outlet, a repeated id and an outlet that is not the URL's host", () => {
    const six = Array.from({ length: 6 }, (_, index) => annotated({ id: `own-${index}` }));
    expect(articleSetProblems(six)).toEqual(["outlet news.example.org has 6 articles (at most 5)"]);
    expect(articleSetProblems([annotated(), annotated({ id: "own-other", split: "heldout" })])).toEqual(["outlet news.example.org is in both splits"]);
    expect(articleSetProblems([annotated(), annotated()])).toEqual(["id own-bridge appears twice"]);
    expect(articleSetProblems([annotated({ outlet: "elsewhere.example.org" })])).toEqual(["own-bridge: outlet elsewhere.example.org is not the URL's host"]);
    expect(articleSetProblems([annotated()])).toEqual([]);
  });

  it("takes an outlet's own subdomains (regional and mobile editions) as that outlet, but not a host that merely ends in its name", () => {
    expect(articleSetProblems([annotated({ url: "https://m.news.example.org/own-bridge" })])).toEqual([]);
    expect(articleSetProblems([annotated({ url: "https://regional.news.example.org/own-bridge" })])).toEqual([]);
    expect(articleSetProblems([annotated({ url: "https://othernews.example.org/own-bridge" })])).toEqual(["own-bridge: outlet news.example.org is not the URL's host"]);
  });
});

/** A committed article set as stored (raw JSON) and as parsed. */
function committedArticleSet(language: "en" | "id") {
  const raw: { claims: object[] }[] = JSON.parse(readFileSync(fileURLToPath(new URL(`./articles/${language}.json`, import.meta.url)), "utf8"));
  return { raw, articles: articleSetSchema.parse(raw) };
}

function expectOffsetsAndHashesOnly(raw: { claims: object[] }[]) {
  for (const entry of raw) {
    expect(Object.keys(entry).sort()).toEqual(["claims", "id", "length", "outlet", "sha256", "split", "url"]);
    for (const claim of entry.claims) expect(Object.keys(claim).sort()).toEqual(["end", "kind", "sha", "start"]);
  }
}

describe("the committed English article set", () => {
  const { raw, articles } = committedArticleSet("en");

  it("holds offsets and hashes only — no article or claim text", () => expectOffsetsAndHashesOnly(raw));

  it("has at least 22 articles per split, from at least 5 (tuning) and 6 (held-out) outlets, none shared, at most 5 per outlet", () => {
    expect(articleSetProblems(articles)).toEqual([]);
    const split = (name: string) => articles.filter((entry) => entry.split === name);
    expect(split("tuning").length).toBeGreaterThanOrEqual(22);
    expect(split("heldout").length).toBeGreaterThanOrEqual(22);
    expect(new Set(split("tuning").map((entry) => entry.outlet)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(split("heldout").map((entry) => entry.outlet)).size).toBeGreaterThanOrEqual(6);
  });

  it("annotates claims in every article, in order and without overlaps", () => {
    for (const entry of articles) {
      expect(entry.claims.length, entry.id).toBeGreaterThan(0);
      entry.claims.forEach((claim, index) => {
        if (index > 0) expect(claim.start, entry.id).toBeGreaterThanOrEqual(entry.claims[index - 1]!.end);
      });
    }
  });
});

describe("the committed Indonesian article set", () => {
  const { raw, articles } = committedArticleSet("id");
  const heldout = articles.filter((entry) => entry.split === "heldout");

  it("holds offsets and hashes only — no article or claim text", () => expectOffsetsAndHashesOnly(raw));

  it("has a fresh held-out half: at least 24 articles from at least 8 outlets, at most 4 per outlet, none of them a tuning outlet", () => {
    expect(articleSetProblems(articles)).toEqual([]);
    expect(heldout.length).toBeGreaterThanOrEqual(24);
    const perOutlet = new Map<string, number>();
    for (const entry of heldout) perOutlet.set(entry.outlet, (perOutlet.get(entry.outlet) ?? 0) + 1);
    expect(perOutlet.size).toBeGreaterThanOrEqual(8);
    for (const [outlet, count] of perOutlet) expect(count, outlet).toBeLessThanOrEqual(4);
  });

  it("annotates claims in every held-out article, in order and without overlaps", () => {
    for (const entry of heldout) {
      expect(entry.claims.length, entry.id).toBeGreaterThan(0);
      entry.claims.forEach((claim, index) => {
        if (index > 0) expect(claim.start, entry.id).toBeGreaterThanOrEqual(entry.claims[index - 1]!.end);
      });
    }
  });
});
