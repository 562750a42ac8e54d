// "Checked before": the known fact-checks a claim may repeat (app/matching/checked-before.server.ts), each with
// its publisher, the rating it gave, the day it was published and a link to it; those likely the same come
// first, marked. Used by the workspace (each claim and suggestion, compact) and the claim page (with an
// action per match, e.g. linking it as a source).
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNewsroomClock } from "~/components/clock";

type DateLike = Date | string;

/** What the list shows of a match (a CheckedBefore as it reaches the browser). */
export type CheckedBeforeItem = {
  id: string;
  url: string;
  claimReviewed: string;
  publisher: string;
  rating: string;
  datePublished: DateLike;
  likelySame: boolean;
  score: number;
};

export type CheckedBeforeListProps = {
  matches: CheckedBeforeItem[];
  /** Shows only the publisher, rating and date on one line each (the workspace); the claim page shows the wording too. */
  compact?: boolean;
  /** Something to do with a match (the claim page's "Link" form). */
  actionFor?: (match: CheckedBeforeItem) => ReactNode;
  /** The heading's id, for landmarks (`aria-labelledby`). */
  headingId?: string;
  /** False where the page already heads the list (the claim page's section). */
  showTitle?: boolean;
};

export function CheckedBeforeList({ matches, compact = false, actionFor, headingId, showTitle = true }: CheckedBeforeListProps) {
  const { t } = useTranslation();
  const clock = useNewsroomClock();
  if (matches.length === 0) return null;
  return (
    <div className={`checked-before${compact ? " checked-before--compact" : ""}`}>
      {showTitle ? (
        <p className="checked-before__title" id={headingId}>
          {t("checkedBefore.title")}
        </p>
      ) : null}
      <ul className="checked-before__list">
        {matches.map((match) => (
          <li key={match.id} className={`checked-before__item${match.likelySame ? " checked-before__item--same" : ""}`}>
            {match.likelySame ? <strong className="badge checked-before__same">{t("checkedBefore.likelySame")}</strong> : null}{" "}
            <a href={match.url} target="_blank" rel="noopener noreferrer nofollow" className="checked-before__link">
              {compact ? match.publisher : match.claimReviewed}
            </a>
            <span className="checked-before__meta">
              {compact
                ? t("checkedBefore.ratedCompact", { rating: match.rating, date: clock.calendarDate(match.datePublished) })
                : t("checkedBefore.rated", { publisher: match.publisher, rating: match.rating, date: clock.calendarDate(match.datePublished) })}
            </span>
            {actionFor ? <span className="checked-before__action">{actionFor(match)}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
