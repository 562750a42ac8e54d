import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, useActionData, useLoaderData } from "react-router";
import { readableArticle } from "~/articles/articles.server";
import { requireUserWithPermission } from "~/auth/guards.server";
import { useNewsroomClock } from "~/components/clock";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLiveRevalidation } from "~/components/live";
import { topic } from "~/live/topics";
import { isCalendarDay } from "~/newsroom/clock";
import { useSchemaForm } from "~/components/schema-form";
import { ActionForm, Field, FormAlert, FormNoticeAlert, PageHeader, SelectField } from "~/components/ui";
import { AssignClaims, BoardAction } from "~/review/assign-form";
import { AssignmentRefused, assignableReviewers, assignClaims, deadlineOn, type ReviewerLoad, unassignClaim } from "~/review/assignments.server";
import { articleBoard, claimsBelongTo } from "~/review/board.server";
import { boardColumns, TransitionRefused } from "~/review/lifecycle";
import type { Route } from "./+types/articles.$articleId.board";
import type { FormAnswer } from "~/utils/form-answer";
import { invalidReply, readForm, refusalReply } from "~/utils/form.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const editor = await requireUserWithPermission({ request, context }, "assign:claim:any");
  const article = await readableArticle(editor, params.articleId);
  if (!article) throw data(null, { status: 404 });
  const expandParam = new URL(request.url).searchParams.get("expand");
  const expand = boardColumns.find((status) => status === expandParam) ?? null;
  const [board, reviewers] = await Promise.all([articleBoard(article.id, { expand }), assignableReviewers()]);
  return { article, board, reviewers };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const editor = await requireUserWithPermission({ request, context }, "assign:claim:any");
  const article = await readableArticle(editor, params.articleId);
  if (!article) throw data(null, { status: 404 });
  const submission = parseWithZod(await readForm(request), { schema: BoardAction });
  if (submission.status !== "success") return invalidReply(submission);
  const value = submission.value;
  const claimIds = value.intent === "assign" ? value.claimId : [value.claimId];
  if (!(await claimsBelongTo(article.id, claimIds))) throw data(null, { status: 404 });
  try {
    if (value.intent === "assign") {
      const count = await assignClaims(editor, {
        claimIds,
        reviewerId: value.reviewerId,
        dueAt: value.dueAt ? await deadlineOn(value.dueAt) : null,
        note: value.note || null,
      });
      return { result: submission.reply({ resetForm: true }), notice: { tone: "success", key: "board.assigned", count } } satisfies FormAnswer;
    }
    await unassignClaim(editor, value.claimId);
    return { result: submission.reply(), notice: { tone: "success", key: "board.unassigned" } } satisfies FormAnswer;
  } catch (error) {
    // The board says a refused move in its own words.
    if (error instanceof TransitionRefused) return refusalReply(submission, error, { messageKey: "board.refused" });
    if (error instanceof AssignmentRefused) return refusalReply(submission, error, { field: error.reason === "notReviewer" ? "reviewerId" : "claimId" });
    throw error;
  }
}

/** The assign bar: the reviewer, the due day and a note for the claims ticked on the board (they join by `form`). */
function AssignForm({ answer, reviewers }: { answer: FormAnswer | undefined; reviewers: ReviewerLoad[] }) {
  const { t } = useTranslation();
  const clock = useNewsroomClock();
  const [form, fields] = useSchemaForm(AssignClaims, {
    id: "assign-claims",
    lastResult: answer?.result.initialValue?.intent === "assign" ? answer.result : undefined,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="assign-bar">
      <input type="hidden" name="intent" value="assign" />
      <SelectField
        label={t("board.assignTo")}
        meta={fields.reviewerId}
        options={[
          { value: "", label: t("board.chooseReviewer") },
          ...reviewers.map((reviewer) => ({ value: reviewer.id, label: t("board.reviewerOption", { name: reviewer.name, open: reviewer.open, overdue: reviewer.overdue }) })),
        ]}
      />
      <Field label={t("board.due")} meta={fields.dueAt} type="date" help={t("clock.dueHelp", { zone: clock.timeZone.replace(/_/g, " ") })} />
      <Field label={t("board.note")} meta={fields.note} />
      <button type="submit" className="btn btn--primary">
        {t("board.assign")}
      </button>
    </Form>
  );
}

export default function ArticleBoard() {
  const { t, i18n } = useTranslation();
  const { article, board, reviewers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // Refusals about the claims (none ticked, a move the claim's state does not allow) are said above the board.
  const claimErrors = actionData ? [...(actionData.result.error?.[""] ?? []), ...Object.entries(actionData.result.error ?? {}).filter(([name]) => name.startsWith("claimId")).flatMap(([, errors]) => errors ?? [])] : [];
  useLiveRevalidation([topic.article(article.id)]);
  const clock = useNewsroomClock();
  return (
    <>
      <PageHeader title={article.title} intro={t("board.intro")} documentTitle={t("board.documentTitle", { title: article.title })}>
        <Link className="btn btn--ghost" to={`/articles/${article.id}`}>
          {t("board.workspace")}
        </Link>
        <Link className="btn btn--ghost" to={`/articles/${article.id}/fact-check`}>
          {t("factCheck.nav")}
        </Link>
      </PageHeader>
      <FormNoticeAlert notice={actionData?.notice} />
      <FormAlert id="board-refused" errors={claimErrors} />
      <AssignForm answer={actionData} reviewers={reviewers} />
      <div className="board" role="region" tabIndex={0} aria-label={t("layout.boardRegion")}>
        {board.columns.map((column) => (
          <section key={column.status} className="board__column" aria-labelledby={`column-${column.status}`}>
            <h2 id={`column-${column.status}`}>
              {t(`claimStatus.${column.status}`)} <span className="count">{column.total}</span>
            </h2>
            {column.claims.length === 0 ? <p className="muted small">{t("board.empty")}</p> : null}
            <ul className="board__cards">
              {column.claims.map((claim) => (
                <li key={claim.id} className={`board__card${claim.overdue ? " board__card--overdue" : ""}`}>
                  <label className="board__select">
                    <input type="checkbox" name="claimId" value={claim.id} form="assign-claims" />
                    <span className="visually-hidden">{t("board.select", { claim: claim.wording })}</span>
                  </label>
                  <div className="board__card-body">
                    <Link to={`/claims/${claim.id}`}>{claim.wording}</Link>
                    <p className="muted small">
                      {claim.reviewer ?? t("board.nobody")}
                      {claim.dueAt ? ` · ${t("claim.due", { date: clock.date(claim.dueAt) })}` : ""}
                    </p>
                    {claim.verdict ? (
                      <span className="verdict-badge" data-value={claim.verdict.value}>
                        {i18n.language === "id" ? claim.verdict.labelId : claim.verdict.labelEn}
                      </span>
                    ) : null}
                    {claim.reviewer && (claim.status === "ASSIGNED" || claim.status === "IN_RESEARCH") ? (
                      <ActionForm intent="unassign" fields={{ claimId: claim.id }}>
                        <button type="submit" className="btn btn--ghost small">
                          {t("board.unassign")}
                        </button>
                      </ActionForm>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
            {column.claims.length < column.total ? (
              <Link className="board__more" to={`?expand=${column.status}`} preventScrollReset>
                {t("board.showAll", { count: column.total })}
              </Link>
            ) : null}
          </section>
        ))}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
