import { useTranslation } from "react-i18next";
import { Form, Link, useLoaderData, useSearchParams } from "react-router";
import { canReadArticle, listArticles } from "~/articles/articles.server";
import { requireUserWithPermission } from "~/auth/guards.server";
import { userCan } from "~/auth/permissions";
import { useNewsroomClock } from "~/components/clock";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, DataTable, PageHeader } from "~/components/ui";
import { ArticleStatus } from "~/generated/prisma/enums";
import type { Route } from "./+types/articles";

const statuses = Object.values(ArticleStatus);
const articleLanguages = ["id", "en", "und"] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission({ request, context }, "read:article:own");
  const params = new URL(request.url).searchParams;
  const status = statuses.find((s) => s === params.get("status"));
  const language = articleLanguages.find((l) => l === params.get("lang"));
  const q = params.get("q")?.trim().slice(0, 200) || undefined;
  const page = await listArticles(viewer, { q, status, language, cursor: params.get("after") });
  return { ...page, canImport: userCan(viewer, "create:article:any"), seesAll: canReadArticle(viewer) && userCan(viewer, "read:article:any") };
}

export default function Articles() {
  const { t, i18n } = useTranslation();
  const { articles, nextCursor, canImport, seesAll } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const clock = useNewsroomClock();
  const nextParams = new URLSearchParams(params);
  if (nextCursor) nextParams.set("after", nextCursor);
  const firstParams = new URLSearchParams(params);
  firstParams.delete("after");
  return (
    <>
      <PageHeader title={t("articles.title")} intro={t("articles.intro")}>
        {canImport ? (
          <Link className="btn btn--primary" to="/articles/new">
            {t("articles.new")}
          </Link>
        ) : null}
      </PageHeader>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="article-q">{t("articles.search")}</label>
          <input id="article-q" name="q" type="search" defaultValue={params.get("q") ?? ""} />
        </div>
        <FilterSelect
          id="article-status"
          name="status"
          label={t("articles.filterStatus")}
          options={statuses.map((status) => ({ value: status, label: t(`articleStatus.${status}`) }))}
        />
        <FilterSelect
          id="article-lang"
          name="lang"
          label={t("articles.filterLanguage")}
          options={articleLanguages.map((language) => ({ value: language, label: t(`articleLanguage.${language}`) }))}
        />
        <button type="submit" className="btn btn--secondary">
          {t("articles.searchSubmit")}
        </button>
      </Form>
      <Card>
        {articles.length === 0 ? (
          <p className="muted">{seesAll ? t("articles.empty") : t("articles.emptyReviewer")}</p>
        ) : (
          <DataTable
            wrap
            columns={[
              t("articles.colTitle"),
              t("articles.colStatus"),
              t("articles.colLanguage"),
              t("articles.colClaims"),
              t("articles.colPeople"),
              t("articles.colImported"),
            ]}
          >
            {articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <Link to={`/articles/${article.id}`}>{article.title}</Link>
                  {article.outlet ? <div className="muted small">{article.outlet}</div> : null}
                </td>
                <td>
                  <span className="badge badge--muted">{t(`articleStatus.${article.status}`)}</span>
                </td>
                <td>{t(`articleLanguage.${article.language}`, { defaultValue: article.language })}</td>
                <td>
                  {t("articles.claimsCount", { count: article.claimCount })}
                  {article.openSuggestions ? (
                    <div className="muted small">{t("articles.suggestionsCount", { count: article.openSuggestions })}</div>
                  ) : null}
                </td>
                <td>{article.reviewers.length ? article.reviewers.join(", ") : <span className="muted">{t("articles.nobody")}</span>}</td>
                <td>
                  {clock.date(article.createdAt)}
                  <div className="muted small">{t("articles.importedBy", { name: article.importedBy })}</div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <nav className="pager" aria-label={t("articles.title")}>
          {params.get("after") ? <Link to={`?${firstParams}`}>{t("articles.first")}</Link> : <span />}
          {nextCursor ? <Link to={`?${nextParams}`}>{t("articles.next")}</Link> : null}
        </nav>
      </Card>
    </>
  );
}

/** A filter of the list: one of `options`, or any ("" leaves the filter off); it starts at the one in the URL. */
function FilterSelect({ id, name, label, options }: { id: string; name: string; label: string; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={params.get(name) ?? ""}>
        <option value="">{t("articles.any")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
