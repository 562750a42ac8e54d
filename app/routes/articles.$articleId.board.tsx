import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import { readableArticle } from "~/articles/articles.server";
import { requireUserWithPermission } from "~/auth/guards.server";
import { useNewsroomClock } from "~/components/clock";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLiveRevalidation } from "~/components/live";
import { Alert, LabelledField, PageHeader } from "~/components/ui";
import { isCalendarDay } from "~/newsroom/clock";
import { AssignmentRefused, assignableReviewers, assignClaims, deadlineOn, unassignClaim } from "~/review/assignments.server";
import { articleBoard, claimsBelongTo } from "~/review/board.server";
import { boardColumns, TransitionRefused } from "~/review/lifecycle";
import type { Route } from "./+types/articles.$articleId.board";
import { readForm } from "~/utils/form.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const editor = await requireUserWithPermission({ request, context }, "assign:claim:any");
  const article = await readableArticle(editor, params.articleId);
  if (!article) throw data(null, { status: 404 });
  const expandParam = new URL(request.url).searchParams.get("expand");
  const expand = boardColumns.find((status) => status === expandParam) ?? null;
  const [board, reviewers] = await Promise.all([articleBoard(article.id, { expand }), assignableReviewers()]);
  return { article, board, reviewers };
}

const BoardAction = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("assign"),
    claimId: z.array(z.uuid(), { error: "board.chooseClaims" }).min(1, { error: "board.chooseClaims" }),
    reviewerId: z.uuid({ error: "board.reviewerRequired" }),
    // A calendar day from the date input; it is due at the end of that day in the newsroom's zone.
    dueAt: z.string().refine(isCalendarDay, { error: "clock.badDueDate" }).optional(),
    note: z.string().trim().max(1000).optional(),
  }),
  z.object({ intent: z.literal("unassign"), claimId: z.uuid() }),
]);

type Notice = { tone: "success" | "error"; key: string; count?: number };
/** Field errors of the assign form (catalog keys). */
type AssignErrors = { claimId?: string; reviewerId?: string; dueAt?: string };

function refused(errors: AssignErrors, status = 400) {
  return data<{ notice?: Notice; errors: AssignErrors }>(
    { notice: errors.claimId ? { tone: "error", key: errors.claimId } : undefined, errors },
    { status },
  );
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const editor = await requireUserWithPermission({ request, context }, "assign:claim:any");
  const article = await readableArticle(editor, params.articleId);
  if (!article) throw data(null, { status: 404 });
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: BoardAction });
  if (submission.status !== "success") {
    const fieldErrors = submission.error ?? {};
    const first = (name: string) => fieldErrors[name]?.[0] ?? Object.entries(fieldErrors).find(([key]) => key.startsWith(`${name}[`))?.[1]?.[0];
    if (formData.get("intent") !== "assign") return refused({ claimId: "board.chooseClaims" });
    return refused({ claimId: first("claimId"), reviewerId: first("reviewerId"), dueAt: first("dueAt") });
  }
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
      return { notice: { tone: "success", key: "board.assigned", count } as Notice };
    }
    await unassignClaim(editor, value.claimId);
    return { notice: { tone: "success", key: "board.unassigned" } as Notice };
  } catch (error) {
    // The board says a refused move in its own words.
    if (error instanceof TransitionRefused) return data({ notice: { tone: "error", key: "board.refused" } as Notice }, { status: error.status });
    if (error instanceof AssignmentRefused) return refused(error.reason === "notReviewer" ? { reviewerId: error.messageKey } : { claimId: error.messageKey }, error.status);
    throw error;
  }
}

export default function ArticleBoard() {
  const { t, i18n } = useTranslation();
  const { article, board, reviewers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: AssignErrors = actionData && "errors" in actionData ? actionData.errors : {};
  useLiveRevalidation([`article:${article.id}`]);
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
      {actionData?.notice ? (
        <Alert tone={actionData.notice.tone}>
          <p>{t(actionData.notice.key, { count: actionData.notice.count ?? 0 })}</p>
        </Alert>
      ) : null}
      <Form method="post" id="assign-claims" className="assign-bar">
        <input type="hidden" name="intent" value="assign" />
        <LabelledField id="assign-reviewer" label={t("board.assignTo")}>
          <select
            id="assign-reviewer"
            name="reviewerId"
            required
            defaultValue=""
            aria-invalid={errors.reviewerId ? true : undefined}
            aria-describedby={errors.reviewerId ? "assign-reviewer-error" : undefined}
          >
            <option value="">{t("board.chooseReviewer")}</option>
            {reviewers.map((reviewer) => (
              <option key={reviewer.id} value={reviewer.id}>
                {t("board.reviewerOption", { name: reviewer.name, open: reviewer.open, overdue: reviewer.overdue })}
              </option>
            ))}
          </select>
          {errors.reviewerId ? (
            <p className="field__error" id="assign-reviewer-error" role="alert">
              {t(errors.reviewerId)}
            </p>
          ) : null}
        </LabelledField>
        <LabelledField id="assign-due" label={t("board.due")} help={t("clock.dueHelp", { zone: clock.timeZone.replace(/_/g, " ") })}>
          <input id="assign-due" name="dueAt" type="date" aria-describedby={errors.dueAt ? "assign-due-help assign-due-error" : "assign-due-help"} aria-invalid={errors.dueAt ? true : undefined} />
          {errors.dueAt ? (
            <p className="field__error" id="assign-due-error" role="alert">
              {t(errors.dueAt)}
            </p>
          ) : null}
        </LabelledField>
        <LabelledField id="assign-note" label={t("board.note")}>
          <input id="assign-note" name="note" maxLength={1000} />
        </LabelledField>
        <button type="submit" className="btn btn--primary">
          {t("board.assign")}
        </button>
      </Form>
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
                      <Form method="post">
                        <input type="hidden" name="intent" value="unassign" />
                        <input type="hidden" name="claimId" value={claim.id} />
                        <button type="submit" className="btn btn--ghost small">
                          {t("board.unassign")}
                        </button>
                      </Form>
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
