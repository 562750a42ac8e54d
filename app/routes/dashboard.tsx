import { useTranslation } from "react-i18next";
import { Link, useLoaderData } from "react-router";
import { requireUserWithPermission } from "~/auth/guards.server";
import { userCan } from "~/auth/permissions";
import { useNewsroomClock } from "~/components/clock";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLiveRevalidation } from "~/components/live";
import { topic } from "~/live/topics";
import { Card, PageHeader } from "~/components/ui";
import { deskSummary, readyToPublish, recentFactChecks } from "~/desk/dashboard.server";
import { waitAge } from "~/review/age";
import { waitingDecisionCount, waitingDecisions } from "~/review/decisions.server";
import type { Route } from "./+types/dashboard";

/** How many waiting decisions the dashboard lists (the navigation counts them all). */
const decisionsShown = 50;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUserWithPermission({ request, context }, "read:dashboard:any");
  const publisher = userCan(user, "publish:factcheck:any");
  const decider = userCan(user, "approve:verdict:any");
  const [summary, ready, recent, waiting, waitingTotal] = await Promise.all([
    deskSummary(),
    publisher ? readyToPublish() : null,
    publisher ? recentFactChecks() : null,
    decider ? waitingDecisions(user, { limit: decisionsShown }) : null,
    decider ? waitingDecisionCount(user) : 0,
  ]);
  return { name: user.name, role: user.role, summary, ready, recent, decisions: waiting ? { items: waiting, total: waitingTotal } : null };
}

export default function Dashboard() {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language);
  const { name, role, summary, ready, recent, decisions } = useLoaderData<typeof loader>();
  useLiveRevalidation(decisions ? [topic.decisions] : []);
  const clock = useNewsroomClock();
  const figures = [
    { key: "dashboard.articles", value: summary.articles },
    { key: "dashboard.claims", value: summary.claims },
    { key: "dashboard.openClaims", value: summary.openClaims },
    { key: "dashboard.published", value: summary.published },
  ];
  return (
    <>
      <PageHeader title={t("dashboard.welcome", { name })} documentTitle={t("nav.dashboard")} intro={t("dashboard.roleLine", { role: t(`role.${role}`) })} />
      <dl className="figures">
        {figures.map((figure) => (
          <div className="figures__item" key={figure.key}>
            <dt>{t(figure.key)}</dt>
            <dd>{numbers.format(figure.value)}</dd>
          </div>
        ))}
      </dl>
      {decisions ? (
        <Card title={t("decisions.title")} id="decisions-title">
          {decisions.items.length ? (
            <ol className="plain-list decisions">
              {decisions.items.map((item) => {
                const age = waitAge(item.ageMinutes);
                return (
                  <li key={item.claim.id} className="decisions__item">
                    <Link to={`/claims/${item.claim.id}`} className="decisions__claim">
                      {item.claim.wording}
                    </Link>
                    <p className="small decisions__article">
                      {t("decisions.inArticle")} <Link to={`/articles/${item.article.id}/board`}>{item.article.title}</Link>
                    </p>
                    <p className="muted small">
                      {t("decisions.proposedBy", { name: item.proposedBy.name, age: t(`decisions.age.${age.unit}`, { count: age.count }) })}
                    </p>
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="muted">{t("decisions.none")}</p>
          )}
          {decisions.total > decisions.items.length ? (
            <p className="muted small">{t("decisions.more", { count: decisions.total - decisions.items.length })}</p>
          ) : null}
        </Card>
      ) : null}
      {ready ? (
        <Card title={t("dashboard.readyTitle")} id="ready-title">
          {ready.length ? (
            <ul className="plain-list">
              {ready.map((article) => (
                <li key={article.id}>
                  <Link to={`/articles/${article.id}/fact-check`}>{article.title}</Link> <span className="muted">· {t("dashboard.readyClaims", { count: article.claims })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("dashboard.readyNone")}</p>
          )}
        </Card>
      ) : null}
      {recent?.length ? (
        <Card title={t("dashboard.recentTitle")} id="recent-title">
          <ul className="plain-list">
            {recent.map((factCheck) => (
              <li key={factCheck.slug}>
                {factCheck.status === "PUBLISHED" ? <a href={`/fact-checks/${factCheck.slug}`}>{factCheck.headline}</a> : factCheck.headline}{" "}
                <span className="muted">
                  · {t(factCheck.status === "PUBLISHED" ? (factCheck.version > 1 ? "dashboard.recentCorrected" : "dashboard.recentPublished") : "dashboard.recentWithdrawn", { date: clock.date(factCheck.at), version: factCheck.version })} ·{" "}
                  <Link to={`/articles/${factCheck.articleId}/fact-check`}>{t("dashboard.recentManage")}</Link>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {summary.articles === 0 ? (
        <Card>
          <p className="muted">{t("dashboard.emptyDesk")}</p>
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
