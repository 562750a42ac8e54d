// One entry of a reviewer's queue: the claim (a link to its page), the article it comes from (claims with the
// same wording are told apart by it), the due date on the newsroom's clock, the status and the editor's note.
// The reviewer's own queue and an editor's view of a person's workload list the same entries.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useNewsroomClock } from "~/components/clock";

export type QueueEntryItem = {
  claim: { id: string; wording: string; status: string; article: { id: string; title: string } };
  dueAt: Date | string | null;
  overdue: boolean;
  note?: string | null;
};

export function QueueEntry({ item, articleHref }: { item: QueueEntryItem; articleHref: string }) {
  const { t } = useTranslation();
  const clock = useNewsroomClock();
  return (
    <li className={`queue__item${item.overdue ? " queue__item--overdue" : ""}`}>
      <Link to={`/claims/${item.claim.id}`} className="queue__link">
        {item.claim.wording}
      </Link>
      <p className="queue__article small">
        {t("queue.inArticle")} <Link to={articleHref}>{item.claim.article.title}</Link>
      </p>
      <p className="muted small">
        {item.overdue ? <strong className="badge badge--danger">{t("queue.overdue")}</strong> : null}{" "}
        {item.dueAt ? t("queue.due", { date: clock.date(item.dueAt) }) : t("queue.noDue")} ·{" "}
        <span className="badge badge--muted">{t(`claimStatus.${item.claim.status}`)}</span>
      </p>
      {item.note ? <p className="small">{t("queue.note", { note: item.note })}</p> : null}
    </li>
  );
}
