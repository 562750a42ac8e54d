// The signed-in person's notifications, newest first, updating live; each links to its claim and can be
// marked read (one, or all at once). Those forms are a button each, with no field to validate in the browser.
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { Form, Link, useLoaderData, useNavigation } from "react-router";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { CommentBody, Timestamp } from "~/components/claim/discussion-section";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLiveRevalidation } from "~/components/live";
import { topic } from "~/live/topics";
import { ActionForm, Card, PageHeader, SubmitButton } from "~/components/ui";
import { listNotifications, markRead, unreadCount } from "~/notifications/notifications.server";
import type { Route } from "./+types/notifications";
import type { FormAnswer } from "~/utils/form-answer";
import { invalidReply, readForm } from "~/utils/form.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser({ request, context });
  const [notifications, unread] = await Promise.all([listNotifications(user.id, { limit: 100 }), unreadCount(user.id)]);
  return { notifications, unread };
}

const NotificationAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.uuid() }),
  z.object({ intent: z.literal("readAll") }),
]);

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser({ request, context });
  const submission = parseWithZod(await readForm(request), { schema: NotificationAction });
  if (submission.status !== "success") return invalidReply(submission);
  const value = submission.value;
  await markRead(user.id, value.intent === "readAll" ? "all" : [value.id]);
  return { result: submission.reply() } satisfies FormAnswer;
}

export default function Notifications() {
  const { t } = useTranslation();
  const { notifications, unread } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formAction === "/notifications";
  useLiveRevalidation([topic.myNotifications]);
  return (
    <>
      <PageHeader title={t("notifications.title")} intro={t("notifications.intro")}>
        {unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="readAll" />
            <SubmitButton tone="secondary" busy={busy}>
              {t("notifications.markAllRead")}
            </SubmitButton>
          </Form>
        ) : null}
      </PageHeader>
      <Card>
        {notifications.length ? (
          <ol className="notifications" aria-label={t("notifications.title")}>
            {notifications.map((item) => (
              <li key={item.id} className={`notification${item.readAt ? "" : " notification--unread"}`} data-kind={item.kind}>
                <div className="notification__main">
                  <p className="notification__what">
                    {item.readAt ? null : <span className="visually-hidden">{t("notifications.unreadMarker")} </span>}
                    {t(`notifications.kind.${item.kind}`, { actor: item.actor?.name ?? t("notifications.someone") })}
                  </p>
                  {item.claim && !item.claim.deletedAt ? (
                    <p className="notification__claim">
                      <Link to={`/claims/${item.claim.id}`}>{item.claim.wording}</Link>
                      <span className="muted small"> — {item.claim.article.title}</span>
                    </p>
                  ) : item.claim ? (
                    <p className="muted small">{t("notifications.claimGone")}</p>
                  ) : null}
                  {item.excerpt ? (
                    <blockquote className="notification__excerpt">
                      <CommentBody body={item.excerpt} />
                    </blockquote>
                  ) : null}
                  <p className="muted small">
                    <Timestamp value={item.createdAt} />
                  </p>
                </div>
                {item.readAt ? null : (
                  <ActionForm intent="read" fields={{ id: item.id }} className="notification__read">
                    <button type="submit" className="btn btn--ghost">
                      {t("notifications.markRead")}
                    </button>
                  </ActionForm>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("notifications.empty")}</p>
        )}
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
