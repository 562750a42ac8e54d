// What matching knows of a published ClaimReview, ours or another fact-checker's: the one shape a feed reads, a
// row is written from, a match returns and a linked check shows.
import type { Language } from "~/claims/types";

export type KnownReview = {
  /** The ClaimReview's URL: one known fact-check per review. */
  url: string;
  claimReviewed: string;
  publisher: string;
  /** The rating's label as the publisher wrote it ("Salah", "False"). */
  rating: string;
  /** The review's calendar day, at UTC midnight. */
  datePublished: Date;
  language: Language;
};
