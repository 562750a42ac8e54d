// The discussion on a claim: its comments (plain text, line breaks kept, @mentions highlighted — React
// escapes every character, nothing is read as HTML) and, for those who may comment, a form that posts to
// /claims/:claimId/comments without leaving the page.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useFetcher } from "react-router";
import { useNewsroomClock } from "~/components/clock";
import { SubmitButton } from "~/components/ui";
import { commentMaxLength, mentionSegments } from "~/discussion/mentions";
import type { CommentActionData } from "~/discussion/comment-form";

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
  const fetcher = useFetcher<CommentActionData>();
  const form = useRef<HTMLFormElement>(null);
  const busy = fetcher.state !== "idle";
  const errors = fetcher.data && !fetcher.data.ok ? fetcher.data.errors.body : undefined;
  const ids = { title: `discussion-${claimId}`, body: `comment-body-${claimId}`, help: `comment-help-${claimId}`, error: `comment-error-${claimId}` };

  // A saved comment empties the form; a refused one keeps what was typed.
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) form.current?.reset();
  }, [fetcher.state, fetcher.data]);

  return (
    <section className="panel discussion" aria-labelledby={ids.title}>
      <h2 id={ids.title}>
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
        <fetcher.Form ref={form} method="post" action={`/claims/${claimId}/comments`} className="stack discussion__form">
          <input type="hidden" name="intent" value="add" />
          <div className="field">
            <label htmlFor={ids.body}>{t("discussion.label")}</label>
            <textarea
              id={ids.body}
              name="body"
              rows={3}
              required
              maxLength={commentMaxLength}
              aria-invalid={errors ? true : undefined}
              aria-describedby={errors ? `${ids.help} ${ids.error}` : ids.help}
            />
            <p className="field__help" id={ids.help}>
              {t("discussion.mentionHelp")}
            </p>
            {errors?.length ? (
              <p className="field__error" id={ids.error}>
                {errors.map((key) => t(key, { max: commentMaxLength })).join(" ")}
              </p>
            ) : null}
          </div>
          <div>
            <SubmitButton busy={busy}>{t("discussion.submit")}</SubmitButton>
          </div>
        </fetcher.Form>
      ) : null}
    </section>
  );
}
