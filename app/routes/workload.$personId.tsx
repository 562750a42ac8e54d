// One person's open claims, as the workload page counts them: overdue first, then by due date; each with
// its article. `?show=overdue` keeps only the overdue ones. For those who assign claims.
import { useTranslation } from "react-i18next";
import { data, Link, useLoaderData } from "react-router";
import { requireUserWithPermission } from "~/auth/guards.server";
import { useNewsroomClock } from "~/components/clock";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLiveRevalidation } from "~/components/live";
import { Card, PageHeader } from "~/components/ui";
import { reviewerLoad, reviewerQueue } from "~/review/assignments.server";
import type { Route } from "./+types/workload.$personId";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireUserWithPermission({ request, context }, "assign:claim:any");
  const person = await reviewerLoad(params.personId);
  if (!person) throw data(null, { status: 404 });
  const overdueOnly = new URL(request.url).searchParams.get("show") === "overdue";
  const items = await reviewerQueue(person.id);
  return { person, overdueOnly, items: overdueOnly ? items.filter((item) => item.overdue) : items };
}

export default function PersonWorkload() {
  const { t } = useTranslation();
  const { person, overdueOnly, items } = useLoaderData<typeof loader>();
  useLiveRevalidation([`queue:${person.id}`]);
  const clock = useNewsroomClock();
  return (
    <>
      <PageHeader title={t("workload.personTitle", { name: person.name })} intro={t("workload.personIntro")}>
        <Link className="btn btn--ghost" to="/workload">
          {t("workload.back")}
        </Link>
      </PageHeader>
      <nav className="workload-filter" aria-label={t("workload.filter")}>
        <Link to={`/workload/${person.id}`} aria-current={overdueOnly ? undefined : "page"}>
          {t("workload.allOpen", { count: person.open })}
        </Link>
        <Link to={`/workload/${person.id}?show=overdue`} aria-current={overdueOnly ? "page" : undefined}>
          {t("workload.onlyOverdue", { count: person.overdue })}
        </Link>
      </nav>
      <Card>
        {items.length === 0 ? (
          <p className="muted">{t(overdueOnly ? "workload.noneOverdue" : "workload.noneOpen")}</p>
        ) : (
          <ol className="queue">
            {items.map((item) => (
              <li key={item.claim.id} className={`queue__item${item.overdue ? " queue__item--overdue" : ""}`}>
                <Link to={`/claims/${item.claim.id}`} className="queue__link">
                  {item.claim.wording}
                </Link>
                <p className="queue__article small">
                  <Link to={`/articles/${item.claim.article.id}/board`}>{item.claim.article.title}</Link>
                </p>
                <p className="muted small">
                  {item.overdue ? <strong className="badge badge--danger">{t("queue.overdue")}</strong> : null}{" "}
                  {item.dueAt ? t("queue.due", { date: clock.date(item.dueAt) }) : t("queue.noDue")} ·{" "}
                  <span className="badge badge--muted">{t(`claimStatus.${item.claim.status}`)}</span>
                </p>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
