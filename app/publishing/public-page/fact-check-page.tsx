// A version of a published fact-check as readers get it: metadata and JSON-LD in the head, the summary, the
// checked article, the verdicts at a glance, every claim, the methodology and the corrections.
import { claimLabel, claimsInOrder } from "../content";
import { Badge, NotCheckableBadge } from "./badges";
import { ClaimSection } from "./claim-section";
import { Document } from "./document";
import { type FactCheckPageModel, formatters } from "./model";

function paragraphs(text: string) {
  return text
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, index) => <p key={index}>{part}</p>);
}

export function FactCheckPage({ model, css }: { model: FactCheckPageModel; css: string }) {
  const { t, language, version, newsroom } = model;
  const { content } = version;
  const dates = formatters(language, model.newsroom.timeZone);
  const isCurrent = version.version === model.currentVersion;
  const claims = claimsInOrder(content.claims);
  const shownCorrections = model.corrections.filter((correction) => correction.version <= version.version);
  const updated = isCurrent ? model.lastPublishedAt : version.publishedAt;
  const head = (
    <>
      <link rel="canonical" href={model.canonicalUrl} />
      {isCurrent && !model.preview ? null : <meta name="robots" content="noindex" />}
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={newsroom.name} />
      <meta property="og:title" content={version.headline} />
      <meta property="og:description" content={version.summary} />
      <meta property="og:url" content={model.canonicalUrl} />
      <meta property="og:locale" content={language === "id" ? "id_ID" : "en_GB"} />
      {newsroom.logoUrl ? <meta property="og:image" content={newsroom.logoUrl} /> : null}
      <meta property="article:published_time" content={model.firstPublishedAt.toISOString()} />
      <meta property="article:modified_time" content={updated.toISOString()} />
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={version.headline} />
      <meta name="twitter:description" content={version.summary} />
      {model.jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: model.jsonLd }} /> : null}
    </>
  );
  return (
    <Document model={model} css={css} title={version.headline} description={version.summary} head={head}>
      <article>
        {isCurrent ? null : (
          <div className="notice" role="note">
            <p>
              {t("publicPage.earlierVersion", {
                version: version.version,
                total: model.currentVersion,
                date: dates.moment(version.publishedAt),
              })}
            </p>
            <p>
              <a href={`/fact-checks/${model.slug}`}>{t("publicPage.readCurrent")}</a>
            </p>
          </div>
        )}
        <p className="kicker">{t("publicPage.kicker")}</p>
        <h1>{version.headline}</h1>
        <p className="meta">
          {t("publicPage.byNewsroom", { newsroom: newsroom.name })} ·{" "}
          <time dateTime={model.firstPublishedAt.toISOString()}>
            {t("publicPage.published", { date: dates.moment(model.firstPublishedAt) })}
          </time>
          {shownCorrections.length ? (
            <>
              {" · "}
              <time dateTime={updated.toISOString()}>{t("publicPage.updated", { date: dates.moment(updated) })}</time>
            </>
          ) : null}
        </p>
        {shownCorrections.length ? (
          <aside className="notice" aria-labelledby="corrections-notice">
            <p id="corrections-notice">
              <strong>{t("publicPage.correctionsNotice")}</strong>
            </p>
            {shownCorrections.map((correction) => (
              <p key={correction.version}>
                <strong>{t("publicPage.correctedOn", { date: dates.moment(correction.publishedAt) })}</strong> {correction.note}
              </p>
            ))}
          </aside>
        ) : null}
        <div className="summary">{paragraphs(version.summary)}</div>

        <section className="panel checked" aria-labelledby="checked-article">
          <h2 id="checked-article">{t("publicPage.checkedArticle")}</h2>
          <p>
            <cite>{content.article.title}</cite>
            {content.article.outlet ? ` — ${content.article.outlet}` : ""}
            {content.article.author ? `, ${t("publicPage.articleBy", { author: content.article.author })}` : ""}
            {content.article.publishedAt ? (
              <>
                {", "}
                <time dateTime={content.article.publishedAt.slice(0, 10)}>{dates.day(content.article.publishedAt)}</time>
              </>
            ) : null}
          </p>
          {content.article.url ? (
            <p>
              <a href={content.article.url} rel="nofollow noopener noreferrer">
                {t("publicPage.articleLink")}
              </a>
            </p>
          ) : null}
        </section>

        <section className="panel" aria-labelledby="at-a-glance">
          <h2 id="at-a-glance">{t("publicPage.verdictsAtAGlance")}</h2>
          <ul className="glance">
            {claims.map((claim) => (
              <li key={claim.anchor}>
                {claim.rating ? <Badge rating={claim.rating} scale={content.scale} language={language} /> : <NotCheckableBadge t={t} />}
                <a href={`#${claim.anchor}`}>{claimLabel(t, claim)}</a>
              </li>
            ))}
          </ul>
        </section>

        {claims.map((claim) => (
          <ClaimSection key={claim.anchor} claim={claim} model={model} />
        ))}

        <section aria-labelledby="methodology">
          <h2 id="methodology">{t("publicPage.methodology")}</h2>
          {paragraphs(version.methodology)}
        </section>

        <section id="corrections" aria-labelledby="corrections-title">
          <h2 id="corrections-title">{t("publicPage.corrections")}</h2>
          {model.corrections.length ? (
            <ul className="corrections">
              {model.corrections.map((correction) => (
                <li key={correction.version}>
                  <strong>{t("publicPage.correctedOn", { date: dates.moment(correction.publishedAt) })}</strong> {correction.note}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("publicPage.noCorrections")}</p>
          )}
          {model.currentVersion > 1 ? (
            <>
              <h3>{t("publicPage.versions")}</h3>
              <ol className="corrections">
                {Array.from({ length: model.currentVersion }, (_, i) => i + 1).map((n) => {
                  const at = n === 1 ? model.firstPublishedAt : model.corrections.find((c) => c.version === n)?.publishedAt;
                  const label = `${t("publicPage.versionItem", { version: n, date: at ? dates.moment(at) : "" })}${n === model.currentVersion ? ` (${t("publicPage.currentVersion")})` : ""}`;
                  return (
                    <li key={n}>
                      {n === version.version ? (
                        <strong aria-current="page">{label}</strong>
                      ) : (
                        <a href={n === model.currentVersion ? `/fact-checks/${model.slug}` : `/fact-checks/${model.slug}/v/${n}`}>
                          {label}
                        </a>
                      )}
                    </li>
                  );
                })}
              </ol>
            </>
          ) : null}
        </section>
      </article>
    </Document>
  );
}
