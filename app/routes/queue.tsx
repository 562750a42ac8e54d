import { useTranslation } from "react-i18next";
import { Link, useLoaderData } from "react-router";
import { requireUserWithPermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { QueueEntry } from "~/components/queue-entry";
import { useLiveRevalidation } from "~/components/live";
import { topic } from "~/live/topics";
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
  useLiveRevalidation([topic.myQueue]);
  return (
    <>
      <PageHeader title={t("queue.title")} intro={t("queue.intro")} />
      <Card>
        {items.length === 0 ? (
          <p className="muted">{t("queue.empty")}</p>
        ) : (
          <ol className="queue">
            {items.map((item) => (
              <QueueEntry key={item.claim.id} item={item} articleHref={`/articles/${item.claim.article.id}`} />
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
