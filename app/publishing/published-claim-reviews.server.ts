// The ClaimReviews of a published version, as the page, the feed and the export all give them: the page's
// canonical URL on the public address (`baseUrl`, from publicBaseUrl), the page's language, first publication and last change.
import type { Newsroom } from "~/newsroom/settings.server";
import { buildClaimReviews, type JsonLdNode } from "./claim-review-markup";
import { claimReviewInput, pageLanguage, type PublishedContent } from "./content";
import { factCheckPath } from "./public-url.server";

export type ReviewedFactCheck = { slug: string; language: string; headline: string; firstPublishedAt: Date; lastPublishedAt: Date };

/** The newsroom's default interface language, for pages of articles in neither language. */
export function newsroomLanguage(newsroom: Pick<Newsroom, "defaultLanguage">): "en" | "id" {
  return newsroom.defaultLanguage === "id" ? "id" : "en";
}

/** One ClaimReview per rated claim of `content` (throws ClaimReviewInputError on input the builder refuses). */
export function claimReviewsOf(factCheck: ReviewedFactCheck, content: PublishedContent, newsroom: Newsroom, baseUrl: string): JsonLdNode[] {
  return buildClaimReviews(
    claimReviewInput({
      content,
      url: baseUrl + factCheckPath(factCheck.slug),
      headline: factCheck.headline,
      language: pageLanguage(factCheck.language, newsroomLanguage(newsroom)),
      datePublished: factCheck.firstPublishedAt,
      dateModified: factCheck.lastPublishedAt > factCheck.firstPublishedAt ? factCheck.lastPublishedAt : null,
      newsroom: { name: newsroom.name, url: newsroom.publicUrl, logoUrl: newsroom.logoUrl },
    }),
  );
}
