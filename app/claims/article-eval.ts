// Evaluation of claim suggestions on real news articles annotated by hand (app/claims/articles/{en,id}.json).
// Pure: article texts and their claims in, metrics out. The repository holds only offsets and hashes (no
// third-party text); the texts are local copies under .data/claims-articles/ (see ./article-files.server.ts).
//
// recall    = claims touched (overlapping by at least one character) by at least one suggestion / claims
// precision = suggestions (sentences and fragments together) that touch a claim / suggestions
import { createHash } from "node:crypto";
import { z } from "zod";
import { defaultMinScore, type Language, suggestClaims, type Suggestion } from "./suggest.ts";
import { f1Of, ratio } from "./corpus-eval.ts";

export const articleSplits = ["tuning", "heldout"] as const;
export type ArticleSplit = (typeof articleSplits)[number];

const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`), `${length} lowercase hex digits`);

export const annotatedClaimSchema = z
  .strictObject({
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    /** First 8 hex digits of the sha256 of the claim's text (UTF-8). */
    sha: hex(8),
    /** Short label of the pattern: figure, reported_speech, quote, denial, law_office_record, event. */
    kind: z.string().regex(/^[a-z_]{2,32}$/),
  })
  .refine((claim) => claim.end > claim.start, { message: "end must be after start" });

export const annotatedArticleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    url: z.url(),
    outlet: z.string().min(3),
    split: z.enum(articleSplits),
    /** sha256 (hex) of the article text as annotated (UTF-8). */
    sha256: hex(64),
    /** Length of the text in UTF-16 code units (JavaScript string length). */
    length: z.number().int().min(1),
    claims: z.array(annotatedClaimSchema),
  })
  .refine((article) => article.claims.every((claim) => claim.end <= article.length), { message: "a claim ends after the article" });

export const articleSetSchema = z.array(annotatedArticleSchema).min(1);

export type AnnotatedClaim = z.infer<typeof annotatedClaimSchema>;
export type AnnotatedArticle = z.infer<typeof annotatedArticleSchema>;

export const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
export const claimSha = (text: string) => sha256Hex(text).slice(0, 8);

/** Why a local copy does not match its annotation (sha256, length or a claim's hash), or null when it does. */
export function textMismatch(article: AnnotatedArticle, text: string): string | null {
  if (sha256Hex(text) !== article.sha256) return "its sha256 differs from the annotated text";
  if (text.length !== article.length) return `its length is ${text.length}, the annotation says ${article.length}`;
  const bad = article.claims.find((claim) => claimSha(text.slice(claim.start, claim.end)) !== claim.sha);
  return bad ? `the claim at ${bad.start}–${bad.end} does not hash to ${bad.sha}` : null;
}

/** An article with its text, ready to evaluate. */
export type ArticleWithText = Pick<AnnotatedArticle, "id" | "split" | "claims"> & { text: string };

export type MissedClaim = { articleId: string; start: number; end: number; kind: string; text: string };

export type ArticleMetrics = {
  language: Language;
  articles: number;
  claims: number;
  claimsFound: number;
  suggestions: number;
  suggestionsOnClaims: number;
  recall: number;
  precision: number;
  f1: number;
  missed: MissedClaim[];
};

const touches = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** The suggester under evaluation: suggestClaims unless a test names another. */
export type Suggester = (text: string, options: { language: Language; minScore: number }) => Pick<Suggestion, "start" | "end">[];

/** Runs the suggester on each whole article text and counts what it touched. */
export function evaluateArticles(articles: ArticleWithText[], language: Language, minScore = defaultMinScore, suggest: Suggester = suggestClaims): ArticleMetrics {
  let claims = 0;
  let claimsFound = 0;
  let suggestions = 0;
  let suggestionsOnClaims = 0;
  const missed: MissedClaim[] = [];
  for (const article of articles) {
    const suggested = suggest(article.text, { language, minScore });
    suggestions += suggested.length;
    suggestionsOnClaims += suggested.filter((suggestion) => article.claims.some((claim) => touches(suggestion, claim))).length;
    for (const claim of article.claims) {
      claims++;
      if (suggested.some((suggestion) => touches(suggestion, claim))) claimsFound++;
      else missed.push({ articleId: article.id, start: claim.start, end: claim.end, kind: claim.kind, text: article.text.slice(claim.start, claim.end) });
    }
  }
  const recall = ratio(claimsFound, claims);
  const precision = ratio(suggestionsOnClaims, suggestions);
  return {
    language,
    articles: articles.length,
    claims,
    claimsFound,
    suggestions,
    suggestionsOnClaims,
    recall,
    precision,
    f1: f1Of(precision, recall),
    missed,
  };
}

/**
 * One line of metrics, then the missed claims (article, offsets, kind). The claim's text is printed only
 * when `withText` is set — for a local terminal; it is third-party text and must not land in the repository.
 */
export function formatArticleReport(label: string, metrics: ArticleMetrics, withText = false): string {
  const pct = (value: number) => value.toFixed(3);
  const lines = [
    `${metrics.language} ${label}: ${metrics.articles} articles, ${metrics.claims} claims — precision ${pct(metrics.precision)}, recall ${pct(metrics.recall)}, F1 ${pct(metrics.f1)} ` +
      `(claims found ${metrics.claimsFound}/${metrics.claims}, suggestions on a claim ${metrics.suggestionsOnClaims}/${metrics.suggestions})`,
  ];
  for (const miss of metrics.missed) {
    lines.push(`  missed ${miss.articleId} ${miss.start}–${miss.end} (${miss.kind})${withText ? `: ${miss.text}` : ""}`);
  }
  return lines.join("\n");
}

/** The rules of an article set: outlets in one split only, at most `maxPerOutlet` articles each, unique ids. */
export function articleSetProblems(articles: AnnotatedArticle[], maxPerOutlet = 5): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const outletSplits = new Map<string, Set<ArticleSplit>>();
  const outletCounts = new Map<string, number>();
  for (const article of articles) {
    if (ids.has(article.id)) problems.push(`id ${article.id} appears twice`);
    ids.add(article.id);
    // The outlet is the URL's host without "www.", or a domain of which the host is a subdomain (regional and mobile editions).
    const host = new URL(article.url).hostname.replace(/^www\./, "");
    if (host !== article.outlet && !host.endsWith(`.${article.outlet}`)) problems.push(`${article.id}: outlet ${article.outlet} is not the URL's host`);
    outletSplits.set(article.outlet, (outletSplits.get(article.outlet) ?? new Set()).add(article.split));
    outletCounts.set(article.outlet, (outletCounts.get(article.outlet) ?? 0) + 1);
  }
  for (const [outlet, splits] of outletSplits) if (splits.size > 1) problems.push(`outlet ${outlet} is in both splits`);
  for (const [outlet, count] of outletCounts) if (count > maxPerOutlet) problems.push(`outlet ${outlet} has ${count} articles (at most ${maxPerOutlet})`);
  return problems;
}
