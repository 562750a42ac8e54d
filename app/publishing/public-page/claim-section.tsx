// One claim on the public page, under its number: as it appeared, its verdict, and for a rated claim the
// rationale, sources (with their archive copies) and credits.
import { claimNumber, type PublishedClaim, type PublishedContent, ratingLabel } from "../content";
import { Badge, NotCheckableBadge } from "./badges";
import { type FactCheckPageModel, formatters } from "./model";

function scaleEnds(content: PublishedContent, language: "en" | "id") {
  const best = content.scale.labels.find((label) => label.value === content.scale.best);
  const worst = content.scale.labels.find((label) => label.value === content.scale.worst);
  return {
    bestLabel: best ? ratingLabel(best, language) : String(content.scale.best),
    worstLabel: worst ? ratingLabel(worst, language) : String(content.scale.worst),
  };
}

/** One claim, rated or not checkable, under its number: the page lists every claim in number order. */
export function ClaimSection({ claim, model }: { claim: PublishedClaim; model: FactCheckPageModel }) {
  const { t, language, version } = model;
  const { content } = version;
  const dates = formatters(language, model.newsroom.timeZone);
  const ends = scaleEnds(content, language);
  return (
    <section className="claim" id={claim.anchor} aria-labelledby={`${claim.anchor}-title`}>
      <p className="kicker">{t("publicPage.claimNumber", { n: claimNumber(claim.anchor) })}</p>
      <h2 id={`${claim.anchor}-title`}>{claim.wording}</h2>
      <h3>{t("publicPage.asItAppeared")}</h3>
      <blockquote cite={content.article.url ?? undefined}>
        <p>“{claim.quote}”</p>
      </blockquote>
      <dl className="facts">
        {claim.claimant ? (
          <>
            <dt>{t("publicPage.claimant")}</dt>
            <dd>{claim.claimant}</dd>
          </>
        ) : null}
        {claim.appearance ? (
          <>
            <dt>{t("publicPage.appearance")}</dt>
            <dd>
              {/^https?:\/\//i.test(claim.appearance) ? (
                <a href={claim.appearance} rel="nofollow noopener noreferrer">
                  {claim.appearance === content.article.url ? content.article.title : claim.appearance}
                </a>
              ) : (
                claim.appearance
              )}
            </dd>
          </>
        ) : null}
        {claim.claimDate ? (
          <>
            <dt>{t("publicPage.claimDate")}</dt>
            <dd>
              <time dateTime={claim.claimDate.slice(0, 10)}>{dates.day(claim.claimDate)}</time>
            </dd>
          </>
        ) : null}
      </dl>
      <p className="verdict">
        <strong>{t("publicPage.verdict")}:</strong>{" "}
        {claim.rating ? <Badge rating={claim.rating} scale={content.scale} language={language} /> : <NotCheckableBadge t={t} />}
        {claim.rating ? (
          <span className="verdict__scale">
            {t("publicPage.ratingPosition", {
              label: ratingLabel(claim.rating, language),
              position: claim.rating.value,
              worst: content.scale.worst,
              best: content.scale.best,
              ...ends,
            })}
          </span>
        ) : null}
      </p>
      {claim.rating && claim.checkedBefore ? (
        <p className="checked-before">
          <a href={claim.checkedBefore.url} rel="nofollow noopener noreferrer">
            {t("checkedBefore.checkedBy", { publisher: claim.checkedBefore.publisher })}
          </a>{" "}
          ({t("checkedBefore.checkedByDetail", { rating: claim.checkedBefore.rating, date: dates.day(`${claim.checkedBefore.datePublished.slice(0, 10)}T00:00:00.000Z`) })})
        </p>
      ) : null}
      {claim.outcome === "notCheckable" ? (
        <p>
          <strong>{t("publicPage.why")}:</strong> {claim.notCheckableReason}
        </p>
      ) : null}
      {claim.outcome === "rated" ? <Rated claim={claim} model={model} /> : null}
    </section>
  );
}

/** A rated claim's rationale, sources and credits. */
function Rated({ claim, model }: { claim: PublishedClaim; model: FactCheckPageModel }) {
  const { t } = model;
  const dates = formatters(model.language, model.newsroom.timeZone);
  const credits = model.newsroom.creditReviewers && (claim.reviewedBy || claim.approvedBy);
  return (
    <>
      <h3>{t("publicPage.rationale")}</h3>
      <div className="rationale" dangerouslySetInnerHTML={{ __html: model.rationaleHtml.get(claim.claimId) ?? "" }} />
      <h3>{t("publicPage.sources")}</h3>
      {claim.sources.length ? (
        <ol className="sources">
          {claim.sources.map((source, sourceIndex) => (
            <li key={sourceIndex}>
              <a href={source.url} rel="nofollow noopener noreferrer">
                {source.title || source.url}
              </a>
              <span className="source__meta">
                {source.publisher ? ` — ${source.publisher}` : ""} ({t(`publicPage.stance.${source.stance}`)})
                {source.archive ? (
                  source.archive.status === "ARCHIVED" && source.archive.archivedAt ? (
                    <>
                      {" · "}
                      <a href={`/fact-checks/${model.slug}/archive/${source.archive.snapshotId}`}>
                        {t("publicPage.archivedOn", { date: dates.moment(source.archive.archivedAt) })}
                      </a>
                    </>
                  ) : (
                    ` · ${t(source.archive.status === "FAILED" ? "publicPage.archiveFailed" : "publicPage.archivePending")}`
                  )
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("publicPage.noSources")}</p>
      )}
      {credits ? (
        <p className="credits">
          {[
            claim.reviewedBy ? t("publicPage.reviewedBy", { name: claim.reviewedBy }) : null,
            claim.approvedBy ? t("publicPage.approvedBy", { name: claim.approvedBy }) : null,
          ]
            .filter(Boolean)
            .join(", ")}
        </p>
      ) : null}
    </>
  );
}
