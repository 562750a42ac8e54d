import { useTranslation } from "react-i18next";
import { Link, useLoaderData } from "react-router";
import { requireUserWithPermission } from "~/auth/guards.server";
import { useNewsroomClock } from "~/components/clock";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLiveRevalidation } from "~/components/live";
import { Card, PageHeader } from "~/components/ui";
import { reviewerQueue } from "~/review/assignments.server";
import { secondReviewQueue } from "~/review/claim-page.server";
import type { Route } from "./+types/queue";

export async function loader({ request, context }: Route.LoaderArgs) {
  const reviewer = await requireUserWithPermission({ request, context }, "propose:verdict:own");
  const [items, secondReview] = await Promise.all([reviewerQueue(reviewer.id), secondReviewQueue(reviewer.id)]);
  return { reviewerId: reviewer.id, items, secondReview };
}

export default function Queue() {
  const { t, i18n } = useTranslation();
  const { items, secondReview } = useLoaderData<typeof loader>();
  useLiveRevalidation(["queue:me"]);
  const clock = useNewsroomClock();
  return (
    <>
      <PageHeader title={t("queue.title")} intro={t("queue.intro")} />
      <Card>
        {items.length === 0 ? (
          <p className="muted">{t("queue.empty")}</p>
        ) : (
          <ol className="queue">
            {items.map((item) => (
              <li key={item.claim.id} className={`queue__item${item.overdue ? " queue__item--overdue" : ""}`}>
                <Link to={`/claims/${item.claim.id}`} className="queue__link">
                  {item.claim.wording}
                </Link>
                {/* The article tells apart claims with the same wording; a reviewer may open the article of a claim assigned to them. */}
                <p className="queue__article small">
                  {t("queue.inArticle")} <Link to={`/articles/${item.claim.article.id}`}>{item.claim.article.title}</Link>
                </p>
                <p className="muted small">
                  {item.overdue ? <strong className="badge badge--danger">{t("queue.overdue")}</strong> : null}{" "}
                  {item.dueAt ? t("queue.due", { date: clock.date(item.dueAt) }) : t("queue.noDue")} ·{" "}
                  <span className="badge badge--muted">{t(`claimStatus.${item.claim.status}`)}</span>
                </p>
                {item.note ? <p className="small">{t("queue.note", { note: item.note })}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
      {secondReview.length ? (
        <Card title={t("queue.secondReview")} id="second-review">
          <p className="muted">{t("queue.secondReviewIntro")}</p>
          <ul className="queue">
            {secondReview.map((claim) => (
              <li key={claim.id} className="queue__item">
                <Link to={`/claims/${claim.id}`} className="queue__link">
                  {claim.wording}
                </Link>
                <p className="queue__article small">{t("queue.from", { title: claim.article.title })}</p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
