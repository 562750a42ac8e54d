// What a published fact-check version shows, frozen at publication (FactCheckVersion.content).
// Pure: the shape, claim anchors and numbers, and the mapping to ClaimReview input. Later desk work changes nothing here;
// a correction publishes a new version.
import type { TFunction } from "i18next";
import type { ClaimForReview, FactCheckForReview } from "./claim-review-markup";
import { slugMaxLength } from "./slug";
import type { CheckedBeforeBasis } from "~/review/checked-before-basis";

export type PublishedRating = { value: number; labelEn: string; labelId: string; colour: string };

export type PublishedArchive = {
  snapshotId: string;
  status: "PENDING" | "ARCHIVED" | "FAILED";
  /** When the archive copy was taken (ISO), for ARCHIVED. */
  archivedAt: string | null;
  sha256: string | null;
};

export type PublishedSource = {
  sourceId: string;
  url: string;
  title: string | null;
  publisher: string | null;
  kind: string;
  stance: "SUPPORTS" | "REFUTES" | "CONTEXT";
  /** The archive copy as it stood at publication; readers see the source's latest copy (publicFactCheck). */
  archive: PublishedArchive | null;
};

export type PublishedClaim = {
  claimId: string;
  /** Fragment id on the page ("claim-1"); a claim keeps its anchor through corrections. */
  anchor: string;
  /** The words as they appeared in the article. */
  quote: string;
  /** The claim as checked. */
  wording: string;
  claimant: string | null;
  claimantKind: "Person" | "Organization" | null;
  /** When the claim was made (ISO), never the check's date. */
  claimDate: string | null;
  /** Where it appeared: a URL or a description. */
  appearance: string | null;
  outcome: "rated" | "notCheckable";
  rating: PublishedRating | null;
  /** Markdown; rendered through the sanitiser (app/review/markdown.server.ts). */
  rationale: string | null;
  notCheckableReason: string | null;
  sources: PublishedSource[];
  /** Who researched and who approved the verdict (shown when the newsroom credits reviewers). */
  reviewedBy: string | null;
  approvedBy: string | null;
  /** Set when the approved verdict was settled from an earlier fact-check; absent in versions frozen before. */
  checkedBefore?: CheckedBeforeBasis | null;
};

export type PublishedContent = {
  article: {
    title: string;
    outlet: string | null;
    author: string | null;
    /** ISO date of the article. */
    publishedAt: string | null;
    url: string | null;
    language: string;
  };
  scale: { best: number; worst: number; labels: PublishedRating[] };
  claims: PublishedClaim[];
};

export const publishingLimits = {
  headline: 200,
  summary: 1_000,
  methodology: 5_000,
  correctionNote: 2_000,
  withdrawalReason: 2_000,
  slug: slugMaxLength,
} as const;

/** Anchors for the claims of a new version: each claim keeps the one it had; new claims get the next free number. */
export function assignAnchors(claimIds: string[], previous: Map<string, string>): Map<string, string> {
  const anchors = new Map<string, string>();
  let next = 1;
  const used = new Set(previous.values());
  for (const id of claimIds) {
    const kept = previous.get(id);
    if (kept) {
      anchors.set(id, kept);
      continue;
    }
    while (used.has(`claim-${next}`)) next++;
    anchors.set(id, `claim-${next}`);
    used.add(`claim-${next}`);
  }
  return anchors;
}

/**
 * A claim's number, the one in its anchor ("claim-3" → 3). Anchors are given in text order among all the
 * claims of the first publication and kept by every correction (a claim added later gets the next free
 * one), so "Claim 3" is #claim-3 on every version, on the public page, in its ClaimReview URL and on the desk.
 */
export function claimNumber(anchor: string): number {
  const match = /^claim-(\d+)$/.exec(anchor);
  return match ? Number(match[1]) : Number.NaN;
}

/** The claims in the order the page lists them: by number. */
export function claimsInOrder<T extends { anchor: string }>(claims: readonly T[]): T[] {
  return [...claims].sort((a, b) => claimNumber(a.anchor) - claimNumber(b.anchor));
}

/** The first `count` words of `text`, with "…" when some were left out. */
export function firstWords(text: string, count = 8): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(" ")}…` : words.join(" ");
}

/** How the desk and the public page name a claim in short: "Claim 3: Sekitar 10.000 tentara asal Korea Utara…". */
export function claimLabel(t: TFunction, claim: { anchor: string; wording: string }): string {
  return t("publicPage.claimLabel", { n: claimNumber(claim.anchor), words: firstWords(claim.wording) });
}

/** The page's language: the article's when it is one the interface speaks, else the newsroom's. */
export function pageLanguage(articleLanguage: string, fallback: "en" | "id"): "en" | "id" {
  return articleLanguage === "en" || articleLanguage === "id" ? articleLanguage : fallback;
}

export function ratingLabel(rating: PublishedRating, language: "en" | "id"): string {
  return language === "id" ? rating.labelId : rating.labelEn;
}

/** Claim.appearance is one string (a URL or a description); when it is the checked article, the article names and dates it. */
function appearanceOf(value: string | null, article: PublishedContent["article"]) {
  const text = value?.trim();
  if (!text) return null;
  if (!/^https?:\/\//i.test(text)) return { url: null, name: text, datePublished: null };
  const isArticle = article.url !== null && text === article.url;
  return {
    url: text,
    name: isArticle ? article.title : null,
    datePublished: isArticle && article.publishedAt ? new Date(article.publishedAt) : null,
  };
}

/** ClaimReview input for a version: only rated claims get a ClaimReview (a not-checkable claim has no rating). */
export function claimReviewInput(input: {
  content: PublishedContent;
  url: string;
  headline: string;
  language: "en" | "id";
  datePublished: Date;
  dateModified: Date | null;
  newsroom: { name: string; url: string | null; logoUrl: string | null };
}): FactCheckForReview {
  const { content, language } = input;
  const claims: ClaimForReview[] = content.claims
    .filter((claim) => claim.outcome === "rated" && claim.rating)
    .map((claim) => ({
      anchor: claim.anchor,
      wording: claim.wording,
      claimant: claim.claimant && claim.claimantKind ? { name: claim.claimant, kind: claim.claimantKind } : null,
      claimDate: claim.claimDate ? new Date(claim.claimDate) : null,
      appearance: appearanceOf(claim.appearance, content.article),
      rating: { value: claim.rating!.value, label: ratingLabel(claim.rating!, language) },
    }));
  return {
    url: input.url,
    headline: input.headline,
    language,
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    newsroom: input.newsroom,
    scale: { best: content.scale.best, worst: content.scale.worst },
    claims,
  };
}
