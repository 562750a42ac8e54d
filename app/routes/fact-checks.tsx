// The public index of published fact-checks: a search (a plain GET form, so it works without JavaScript),
// newest first, a page at a time. Open to everyone, signed in or not: it shows only what is published.
import { useTranslation } from "react-i18next";
import { Form, Link, useLoaderData } from "react-router";
import { useNewsroomClock } from "~/components/clock";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useRootData } from "~/components/root-data";
import { PublicShell } from "~/components/public-shell";
import { isLanguage, translator } from "~/i18n/i18n";
import { pageLanguage } from "~/publishing/content";
import { feedPaths } from "~/publishing/feeds.server";
import { type VerdictCount, listPublishedFactChecks, searchMaxLength, searchText } from "~/publishing/public-index.server";
import { factCheckPath } from "~/publishing/public-url.server";
import type { Route } from "./+types/fact-checks";

export async function loader({ request }: Route.LoaderArgs) {
  // Public on purpose: published fact-checks are for everyone; nothing here depends on who asks.
  const params = new URL(request.url).searchParams;
  const q = searchText(params.get("q"));
  const page = await listPublishedFactChecks({ q, cursor: params.get("cursor") });
  return {
    ...page,
    items: page.items.map((item) => ({ ...item, path: factCheckPath(item.slug) })),
    q,
    searchMaxLength,
    atomPath: feedPaths.atom,
  };
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const root = matches.find((match) => match?.id === "root")?.loaderData as { language?: string; newsroom?: { name: string } } | undefined;
  const t = translator(isLanguage(root?.language) ? root.language : "en");
  const newsroom = root?.newsroom?.name;
  return [
    {
      tagName: "link",
      rel: "alternate",
      type: "application/atom+xml",
      href: loaderData?.atomPath ?? "/fact-checks/feed.atom",
      title: t("factChecks.atomFeed"),
    },
  ];
};

function Verdicts({ verdicts, language }: { verdicts: VerdictCount[]; language: "en" | "id" }) {
  const { t } = useTranslation();
  return (
    <ul className="fact-index__verdicts" lang={language} aria-label={t("factChecks.verdicts")}>
      {verdicts.map((verdict) => (
        <li key={`${verdict.value}-${verdict.labelEn}`} className="rating-badge">
          <svg className="rating-badge__swatch" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <circle cx="6" cy="6" r="6" fill={verdict.colour} />
          </svg>
          <span>{language === "id" ? verdict.labelId : verdict.labelEn}</span>
          {verdict.count > 1 ? <span className="fact-index__count">× {verdict.count}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export default function FactChecks() {
  const { t, i18n } = useTranslation();
  const { items, newer, older, q, searchMaxLength, atomPath } = useLoaderData<typeof loader>();
  const signedIn = Boolean(useRootData()?.user);
  const interfaceLanguage = isLanguage(i18n.language) ? i18n.language : "en";
  const clock = useNewsroomClock();
  const pageLink = (cursor: string) => `?${new URLSearchParams({ ...(q ? { q } : {}), cursor })}`;
  return (
    <PublicShell title={t("factChecks.title")} intro={t("factChecks.intro")} wide>
      {signedIn ? (
        <p className="small">
          <Link to="/dashboard">{t("factChecks.backToDesk")}</Link>
        </p>
      ) : null}
      <Form method="get" className="fact-index__search" role="search">
        <label htmlFor="fact-check-q">{t("factChecks.search")}</label>
        <div className="fact-index__search-row">
          <input id="fact-check-q" name="q" type="search" defaultValue={q ?? ""} maxLength={searchMaxLength} />
          <button type="submit" className="btn btn--secondary">
            {t("factChecks.searchSubmit")}
          </button>
        </div>
      </Form>
      {q && items.length > 0 ? <p className="muted">{t("factChecks.resultsFor", { q })}</p> : null}
      {items.length === 0 ? (
        <p className="fact-index__empty">{q ? t("factChecks.noResults", { q }) : t("factChecks.empty")}</p>
      ) : (
        <ol className="fact-index">
          {items.map((item) => {
            const firstPublished = new Date(item.firstPublishedAt);
            const lastPublished = new Date(item.lastPublishedAt);
            return (
              <li key={item.slug} className="fact-index__item">
                <article lang={item.language}>
                  <h2 className="fact-index__headline">
                    {/* Fact-check pages are served outside this app's router: a plain link, a full page load. */}
                    <a href={item.path}>{item.headline}</a>
                  </h2>
                  <p className="fact-index__summary">{item.summary}</p>
                  {item.verdicts.length ? (
                    <Verdicts verdicts={item.verdicts} language={pageLanguage(item.language, interfaceLanguage)} />
                  ) : null}
                  <p className="muted small" lang={interfaceLanguage}>
                    {t("factChecks.published")} <time dateTime={firstPublished.toISOString()}>{clock.longDate(firstPublished)}</time>
                    {item.currentVersion > 1 ? (
                      <>
                        {" · "}
                        {t("factChecks.updated")} <time dateTime={lastPublished.toISOString()}>{clock.longDate(lastPublished)}</time>
                      </>
                    ) : null}
                    {" · "}
                    {t("factChecks.claimsCount", { count: item.claims })}
                  </p>
                </article>
              </li>
            );
          })}
        </ol>
      )}
      <nav className="pager" aria-label={t("factChecks.pages")}>
        {newer ? (
          <Link to={pageLink(newer)} rel="prev">
            {t("factChecks.newer")}
          </Link>
        ) : (
          <span />
        )}
        {older ? (
          <Link to={pageLink(older)} rel="next">
            {t("factChecks.older")}
          </Link>
        ) : null}
      </nav>
      <p className="fact-index__feeds small">
        <a href={atomPath} type="application/atom+xml">
          {t("factChecks.atomFeed")}
        </a>
      </p>
    </PublicShell>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
