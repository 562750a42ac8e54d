// A verdict's badge: its label, with a mark that tells it apart without colour; the scale's colour is its edge.
import type { TFunction } from "i18next";
import { type PublishedContent, type PublishedRating, ratingLabel } from "../content";

export function ratingClass(rating: PublishedRating) {
  return `rating-v${rating.value < 0 ? `m${-rating.value}` : rating.value}`;
}

/** A mark that tells the verdict apart without colour: ✓ best, ✗ worst, ◐ between. */
export function ratingMark(rating: PublishedRating, scale: PublishedContent["scale"]) {
  if (rating.value === scale.best) return "✓";
  if (rating.value === scale.worst) return "✗";
  return "◐";
}

export function Badge({ rating, scale, language }: { rating: PublishedRating | null; scale: PublishedContent["scale"]; language: "en" | "id" }) {
  if (!rating) return null;
  return (
    <span className={`badge ${ratingClass(rating)}`}>
      <span className="badge__mark" aria-hidden="true">
        {ratingMark(rating, scale)}
      </span>
      {ratingLabel(rating, language)}
    </span>
  );
}

export function NotCheckableBadge({ t }: { t: TFunction }) {
  return (
    <span className="badge rating-none">
      <span className="badge__mark" aria-hidden="true">
        ?
      </span>
      {t("publicPage.notCheckable")}
    </span>
  );
}
