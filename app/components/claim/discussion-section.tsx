// The discussion on a claim: its comments (plain text, line breaks kept, @mentions highlighted — React
// escapes every character, nothing is read as HTML) and, for those who may comment, a form that posts to
// /claims/:claimId/comments without leaving the page.
import { getFormProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { useFetcher } from "react-router";
import { useNewsroomClock } from "~/components/clock";
import { useSchemaForm } from "~/components/schema-form";
import { SubmitButton, TextareaField } from "~/components/ui";
import { AddComment } from "~/discussion/comment-form";
import { commentMaxLength, mentionSegments } from "~/discussion/mentions";
import type { FormAnswer } from "~/utils/form-answer";

export type DiscussionComment = {
  id: string;
  body: string;
  createdAt: Date | string;
  author: { id: string; name: string };
};

/** A date and time in the newsroom's time zone, named (the same text on the server and in the browser). */
export function Timestamp({ value }: { value: Date | string }) {
  const clock = useNewsroomClock();
  const date = new Date(value);
  return <time dateTime={date.toISOString()}>{clock.dateTime(date)}</time>;
}

export function CommentBody({ body }: { body: string }) {
  return (
    <p className="comment__body">
      {mentionSegments(body).map((segment, index) =>
        segment.mention ? (
          <span key={index} className="comment__mention">
            {segment.text}
          </span>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
}

export function DiscussionSection({ claimId, comments, canComment }: { claimId: string; comments: DiscussionComment[]; canComment: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<FormAnswer>();
  const busy = fetcher.state !== "idle";
  // A saved comment empties the form (the reply says reset); a refused one keeps what was typed.
  const [form, fields] = useSchemaForm(AddComment, { id: `comment-${claimId}`, lastResult: fetcher.data?.result });
  const title = `discussion-${claimId}`;

  return (
    <section className="panel discussion" aria-labelledby={title}>
      <h2 id={title}>
        {t("discussion.title")} <span className="count">{t("discussion.count", { count: comments.length })}</span>
      </h2>
      {comments.length ? (
        <ol className="discussion__list">
          {comments.map((comment) => (
            <li key={comment.id} className="comment">
              <p className="comment__meta">
                <strong>{comment.author.name}</strong> <Timestamp value={comment.createdAt} />
              </p>
              <CommentBody body={comment.body} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t("discussion.empty")}</p>
      )}
      {canComment ? (
        <fetcher.Form method="post" action={`/claims/${claimId}/comments`} {...getFormProps(form)} className="stack discussion__form">
          <input type="hidden" name="intent" value="add" />
          <TextareaField label={t("discussion.label")} meta={fields.body} help={t("discussion.mentionHelp")} errorValues={{ max: commentMaxLength }} />
          <div>
            <SubmitButton busy={busy}>{t("discussion.submit")}</SubmitButton>
          </div>
        </fetcher.Form>
      ) : null}
    </section>
  );
}
