// The public fact-check page, rendered to static HTML once per version (app/publishing/public-pages.server.ts
// caches it). No client JavaScript: it reads fully without it. User content goes through React's escaping;
// rationales come pre-sanitised from renderRationale.
import { createHash } from "node:crypto";
import type { TFunction } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { newsroomClock } from "../newsroom/clock";
import {
  claimLabel,
  claimNumber,
  claimsInOrder,
  type PublishedClaim,
  type PublishedContent,
  type PublishedRating,
  ratingLabel,
} from "./content";
import { publicPageCss } from "./public-page.styles";

export type PageNewsroom = { name: string; url: string | null; logoUrl: string | null; creditReviewers: boolean; timeZone: string };

export type FactCheckPageModel = {
  language: "en" | "id";
  t: TFunction;
  newsroom: PageNewsroom;
  /** Absolute URL of the current version: the canonical link of every version. */
  canonicalUrl: string;
  slug: string;
  version: {
    version: number;
    headline: string;
    summary: string;
    methodology: string;
    publishedAt: Date;
    content: PublishedContent;
  };
  currentVersion: number;
  firstPublishedAt: Date;
  lastPublishedAt: Date;
  corrections: { version: number; publishedAt: Date; note: string }[];
  /** Sanitised HTML of each rated claim's rationale, by claimId. */
  rationaleHtml: Map<string, string>;
  /** JSON-LD (already safe inside a script element) — only on the current version. */
  jsonLd: string | null;
  /**
   * An editor's preview of a publication or correction: a banner above the page (in the editor's language)
   * and `noindex`; everything else is the page exactly as it will be published.
   */
  preview?: { language: "en" | "id"; title: string; text: string };
};

export type RenderedPage = { html: string; contentSecurityPolicy: string };

type Formatters = { day: (value: Date | string) => string; moment: (value: Date | string) => string };

/**
 * Dates in the page's language on the newsroom's clock (app/newsroom/clock.ts). Calendar dates (a claim's,
 * an article's) are stored as UTC midnight and shown as such; moments (publication, corrections, archive
 * copies) in the newsroom's time zone, named.
 */
function formatters(language: "en" | "id", timeZone: string): Formatters {
  const clock = newsroomClock(timeZone, language);
  return { day: clock.calendarDate, moment: clock.longDateTime };
}

function paragraphs(text: string) {
  return text
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, index) => <p key={index}>{part}</p>);
}

function ratingClass(rating: PublishedRating) {
  return `rating-v${rating.value < 0 ? `m${-rating.value}` : rating.value}`;
}

/** A mark that tells the verdict apart without colour: ✓ best, ✗ worst, ◐ between. */
function ratingMark(rating: PublishedRating, scale: PublishedContent["scale"]) {
  if (rating.value === scale.best) return "✓";
  if (rating.value === scale.worst) return "✗";
  return "◐";
}

function Badge({ rating, scale, language }: { rating: PublishedRating | null; scale: PublishedContent["scale"]; language: "en" | "id" }) {
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

function NotCheckableBadge({ t }: { t: TFunction }) {
  return (
    <span className="badge rating-none">
      <span className="badge__mark" aria-hidden="true">
        ?
      </span>
      {t("publicPage.notCheckable")}
    </span>
  );
}

function scaleEnds(content: PublishedContent, language: "en" | "id") {
  const best = content.scale.labels.find((label) => label.value === content.scale.best);
  const worst = content.scale.labels.find((label) => label.value === content.scale.worst);
  return {
    bestLabel: best ? ratingLabel(best, language) : String(content.scale.best),
    worstLabel: worst ? ratingLabel(worst, language) : String(content.scale.worst),
  };
}

/** One claim, rated or not checkable, under its number: the page lists every claim in number order. */
function ClaimSection({ claim, model }: { claim: PublishedClaim; model: FactCheckPageModel }) {
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

function Document({
  model,
  css,
  title,
  description,
  head,
  children,
}: {
  model: FactCheckPageModel | ShellModel;
  css: string;
  title: string;
  description: string;
  head?: React.ReactNode;
  children: React.ReactNode;
}) {
  const { t, language, newsroom } = model;
  const preview = "preview" in model ? model.preview : undefined;
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${newsroom.name}`}</title>
        <meta name="description" content={description} />
        {head}
        <link rel="alternate" type="application/atom+xml" href="/fact-checks/feed.atom" title={t("publicPage.feed")} />
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        <a className="skip" href="#main">
          {t("publicPage.skipToContent")}
        </a>
        {preview ? (
          <div className="preview-banner" role="note" lang={preview.language === language ? undefined : preview.language}>
            <p>
              <strong>{preview.title}</strong> {preview.text}
            </p>
          </div>
        ) : null}
        <header className="masthead">
          <div className="masthead__inner">
            <a className="masthead__name" href="/fact-checks">
              {newsroom.name}
            </a>
            <nav aria-label={t("publicPage.allFactChecks")}>
              <a href="/fact-checks">{t("publicPage.allFactChecks")}</a>
            </nav>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="colophon">
          <div className="colophon__inner">
            <p>© {newsroom.url ? <a href={newsroom.url}>{newsroom.name}</a> : newsroom.name}</p>
            <nav aria-label={t("publicPage.feed")}>
              <a href="/fact-checks">{t("publicPage.allFactChecks")}</a> · <a href="/fact-checks/feed.atom">{t("publicPage.feed")}</a>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}

function FactCheckPage({ model, css }: { model: FactCheckPageModel; css: string }) {
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

export type ShellModel = { language: "en" | "id"; t: TFunction; newsroom: PageNewsroom };

/** Per-page styles: the scale's colours as the badges' edge (the label and mark carry the meaning). */
function ratingStyles(content: PublishedContent | null) {
  if (!content) return "";
  return content.scale.labels
    .filter((label) => /^#[0-9a-f]{6}$/i.test(label.colour))
    .map((label) => `.${ratingClass(label)}{border-left-color:${label.colour}}`)
    .join("");
}

function finish(markup: string, css: string): RenderedPage {
  const styleHash = createHash("sha256").update(css).digest("base64");
  return {
    html: `<!DOCTYPE html>${markup}`,
    contentSecurityPolicy: `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'self' https: data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
  };
}

export function renderFactCheckPage(model: FactCheckPageModel): RenderedPage {
  const css = publicPageCss + ratingStyles(model.version.content);
  return finish(renderToStaticMarkup(<FactCheckPage model={model} css={css} />), css);
}

/** A small page in the public frame that search engines should not index (withdrawn notices, archive copies). */
function renderNoticePage(model: ShellModel, title: string, body: React.ReactNode): RenderedPage {
  const markup = renderToStaticMarkup(
    <Document model={model} css={publicPageCss} title={title} description={title} head={<meta name="robots" content="noindex" />}>
      {body}
    </Document>,
  );
  return finish(markup, publicPageCss);
}

export function renderGonePage(model: ShellModel & { headline: string; unpublishedAt: Date; reason: string }): RenderedPage {
  const { t } = model;
  const dates = formatters(model.language, model.newsroom.timeZone);
  return renderNoticePage(
    model,
    t("publicPage.goneTitle"),
    <div className="notice notice--gone" role="note">
      <h1>{t("publicPage.goneTitle")}</h1>
      <p>
        <cite>{model.headline}</cite>
      </p>
      <p>{t("publicPage.goneText", { newsroom: model.newsroom.name, date: dates.moment(model.unpublishedAt) })}</p>
      {model.reason ? (
        <p>
          <strong>{t("publicPage.goneReason")}</strong> {model.reason}
        </p>
      ) : null}
    </div>,
  );
}

export function renderArchivePage(
  model: ShellModel & { slug: string; headline: string; url: string; archivedAt: Date; sha256: string | null; text: string | null },
): RenderedPage {
  const { t } = model;
  const dates = formatters(model.language, model.newsroom.timeZone);
  return renderNoticePage(
    model,
    t("publicPage.archiveTitle"),
    <>
      <p className="kicker">{t("publicPage.archiveTitle")}</p>
      <h1>{model.headline}</h1>
      <p>{t("publicPage.archiveIntro", { url: model.url, date: dates.moment(model.archivedAt), headline: model.headline })}</p>
      {model.sha256 ? <p className="meta">{t("publicPage.archiveHash", { hash: model.sha256 })}</p> : null}
      <p>
        <a href={`/fact-checks/${model.slug}`}>{t("publicPage.archiveBack")}</a>
      </p>
      {model.text ? <div className="archive-text">{model.text}</div> : <p>{t("publicPage.archiveNoText")}</p>}
    </>,
  );
}

/** A short message in the public frame, not indexed: e.g. why an editor's preview cannot be shown. */
export function renderMessagePage(model: ShellModel, title: string, message: string): RenderedPage {
  return renderNoticePage(
    model,
    title,
    <div className="notice" role="note">
      <h1>{title}</h1>
      <p>{message}</p>
    </div>,
  );
}
