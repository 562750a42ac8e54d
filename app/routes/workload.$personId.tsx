// One person's open claims, as the workload page counts them: overdue first, then by due date; each with
// its article. `?show=overdue` keeps only the overdue ones. For those who assign claims.
import { useTranslation } from "react-i18next";
import { data, Link, useLoaderData } from "react-router";
import { requireUserWithPermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { QueueEntry } from "~/components/queue-entry";
import { useLiveRevalidation } from "~/components/live";
import { topic } from "~/live/topics";
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
  useLiveRevalidation([topic.queue(person.id)]);
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
              <QueueEntry key={item.claim.id} item={item} articleHref={`/articles/${item.claim.article.id}/board`} />
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
