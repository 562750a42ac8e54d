// The editor's fact-check page: publish an article's fact-check, publish a correction (or publish it again after
// a withdrawal), withdraw it. Each action has a confirmation step that names what will happen (the action runs
// as a dry run and answers a FormAnswer whose `confirm` is the summary; the final button sends confirmed=yes), with a preview of the page
// readers will get (routes/articles.$articleId.fact-check.preview.ts). A done action redirects here with its
// outcome in the address (?done=published), so the message survives the live refresh the action itself sets off.
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useLoaderData, useNavigation } from "react-router";
import { readableArticle } from "~/articles/articles.server";
import { requireUserWithPermission } from "~/auth/guards.server";
import { useNewsroomClock } from "~/components/clock";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useKeptActionData } from "~/components/kept-action-data";
import { useLiveRevalidation } from "~/components/live";
import { topic } from "~/live/topics";
import { ConfirmationCard } from "~/components/fact-check/confirmation-card";
import { CorrectionForm, WithdrawForm } from "~/components/fact-check/correction-forms";
import { PublishForm } from "~/components/fact-check/publish-form";
import { Alert, PageHeader } from "~/components/ui";
import { correctFactCheck, draftCorrection } from "~/publishing/correction.server";
import { deskFactCheck, factCheckOfArticle } from "~/publishing/desk-fact-check.server";
import { draftPublication, publishFactCheck, requestedSlug, suggestSlug } from "~/publishing/publication.server";
import { publishReadiness } from "~/publishing/readiness.server";
import { PublishRefused } from "~/publishing/refused";
import { draftWithdrawal, withdrawFactCheck } from "~/publishing/withdrawal.server";
import { type Confirmation, FactCheckAction, type FormFields, formValues, verdictChanges } from "~/publishing/forms";
import { activeScale } from "~/rating-scale/rating-scale.server";
import type { Route } from "./+types/articles.$articleId.fact-check";
import { confirmReply, invalidReply, readForm, refusalReply } from "~/utils/form.server";

/** What a done action says, by the outcome it puts in the address. */
const outcomes = {
  published: "factCheck.published",
  corrected: "factCheck.corrected",
  republished: "factCheck.republished",
  withdrawn: "factCheck.withdrawn",
} as const;
type Outcome = keyof typeof outcomes;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const editor = await requireUserWithPermission({ request, context }, "publish:factcheck:any");
  const article = await readableArticle(editor, params.articleId);
  if (!article) throw data(null, { status: 404 });
  const [readiness, factCheck, scale] = await Promise.all([publishReadiness(article.id), deskFactCheck(article.id), activeScale()]);
  const done = new URL(request.url).searchParams.get("done");
  return {
    article,
    readiness,
    // The headline starts as the article's title; the address follows the headline until the editor changes it.
    slugSuggestion: factCheck ? null : await suggestSlug(article.title),
    done: done && done in outcomes ? outcomes[done as Outcome] : null,
    labels: scale?.labels ?? [],
    factCheck: factCheck
      ? {
          id: factCheck.id,
          slug: factCheck.slug,
          status: factCheck.status,
          currentVersion: factCheck.currentVersion,
          withdrawnAt: factCheck.withdrawnAt,
          withdrawalReason: factCheck.withdrawalReason,
          versions: factCheck.versions,
          current: { headline: factCheck.current.headline, summary: factCheck.current.summary, methodology: factCheck.current.methodology },
          claims: factCheck.current.content.claims,
        }
      : null,
  };
}

/** The fields a confirmation sends again: what was checked, without the step's own markers. */
function confirmedFields(values: FormFields, overrides: FormFields = {}): FormFields {
  const { confirmed: _confirmed, suggestedSlug: _suggested, ...fields } = { ...values, ...overrides };
  return fields;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const editor = await requireUserWithPermission({ request, context }, "publish:factcheck:any");
  const article = await readableArticle(editor, params.articleId);
  if (!article) throw data(null, { status: 404 });
  const formData = await readForm(request);
  const values = formValues(formData);
  const submission = parseWithZod(formData, { schema: FactCheckAction });
  if (submission.status !== "success") return invalidReply(submission);
  const value = submission.value;
  const done = (outcome: Outcome) => redirect(`/articles/${article.id}/fact-check?done=${outcome}`);
  const confirm = (step: Confirmation, fields: FormFields, shown?: FormFields) => confirmReply(submission, { step, fields }, shown);
  try {
    if (value.intent === "publish") {
      const slug = await requestedSlug(value);
      const input = { articleId: article.id, slug, headline: value.headline, summary: value.summary, methodology: value.methodology };
      if (value.confirmed) {
        await publishFactCheck(editor, input);
        return done("published");
      }
      const draft = await draftPublication(editor, input);
      const claims = draft.version.content.claims;
      // The form shows the address that will be used; it keeps following the headline if it did.
      const following = !value.slug || value.slug === value.suggestedSlug;
      return confirm(
        {
          intent: "publish",
          headline: draft.version.headline,
          path: `/fact-checks/${draft.slug}`,
          rated: claims.filter((claim) => claim.outcome === "rated").length,
          notCheckable: claims.filter((claim) => claim.outcome === "notCheckable").length,
        },
        confirmedFields(values, { slug: draft.slug }),
        { slug: draft.slug, suggestedSlug: following ? draft.slug : (value.suggestedSlug ?? "") },
      );
    }
    const factCheck = await factCheckOfArticle(article.id);
    if (!factCheck) throw data(null, { status: 404 });
    if (value.intent === "correct") {
      const input = { factCheckId: factCheck.id, ...value, verdicts: verdictChanges(formData) };
      const republishing = factCheck.status === "WITHDRAWN";
      if (value.confirmed) {
        await correctFactCheck(editor, input);
        return done(republishing ? "republished" : "corrected");
      }
      const { page, changes } = await draftCorrection(editor, input);
      return confirm(
        {
          intent: "correct",
          republishing,
          headline: page.version.headline,
          path: `/fact-checks/${page.slug}`,
          version: page.currentVersion,
          note: page.corrections.at(-1)?.note ?? "",
          changes: changes.map(({ anchor, wording, from, to }) => ({ anchor, wording, from, to })),
        },
        confirmedFields(values),
      );
    }
    if (value.confirmed) {
      await withdrawFactCheck(editor, { factCheckId: factCheck.id, reason: value.reason });
      return done("withdrawn");
    }
    const withdrawn = await draftWithdrawal(editor, { factCheckId: factCheck.id, reason: value.reason });
    return confirm({ intent: "withdraw", path: `/fact-checks/${withdrawn.slug}`, reason: value.reason.trim() }, confirmedFields(values));
  } catch (error) {
    // Every refusal is said above the forms; one about a field is said at the field too.
    if (error instanceof PublishRefused) return refusalReply(submission, error, { field: error.detail?.field, above: true });
    throw error;
  }
}

export default function FactCheckDesk() {
  const { t } = useTranslation();
  const { article, readiness, slugSuggestion, done, labels, factCheck } = useLoaderData<typeof loader>();
  const answer = useKeptActionData<typeof action>();
  const navigation = useNavigation();
  useLiveRevalidation([topic.article(article.id)]);
  const busy = navigation.state !== "idle";
  const clock = useNewsroomClock();
  const result = answer?.result;
  // Each form takes the answer to itself; after a refusal, and at the confirmation step, it shows what was typed.
  const answerTo = (intent: string) => (result?.initialValue?.intent === intent ? result : undefined);
  const typed = (answerTo("publish")?.initialValue ?? {}) as FormFields;
  // Above the forms: a refusal's message, or, when fields need attention, that nothing was published.
  const refusal = result?.error?.[""]?.[0] ?? (Object.values(result?.error ?? {}).some((errors) => errors?.length) ? "factCheck.fillIn" : null);
  const confirm = answer?.confirm ?? null;
  const current = factCheck?.current;
  const publicPath = factCheck ? `/fact-checks/${factCheck.slug}` : null;
  const withdrawn = factCheck?.status === "WITHDRAWN";
  // Forms post to the bare address: a done outcome (?done=…) belongs to the action that was done.
  const formAction = `/articles/${article.id}/fact-check`;

  return (
    <>
      <PageHeader title={t("factCheck.title")} intro={article.title}>
        <Link className="btn btn--ghost" to={`/articles/${article.id}/board`}>
          {t("factCheck.board")}
        </Link>
      </PageHeader>
      {refusal ? (
        <Alert tone="error">
          <p>{t(refusal)}</p>
          {refusal === "factCheck.refused.notReady" && readiness.open.length ? (
            <ul>
              {readiness.open.map((claim) => (
                <li key={claim.id}>
                  <Link to={`/claims/${claim.id}`}>{claim.wording}</Link>
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : done && !confirm ? (
        <Alert tone="success">
          <p>{t(done)}</p>
        </Alert>
      ) : null}
      {confirm ? (
        <ConfirmationCard
          confirm={confirm}
          action={formAction}
          busy={busy}
          headline={current?.headline ?? ""}
          currentVersion={factCheck?.currentVersion ?? null}
        />
      ) : null}

      {!factCheck ? (
        <section className="card" aria-labelledby="publish-title">
          <h2 id="publish-title">{t("factCheck.publishTitle")}</h2>
          {readiness.open.length ? (
            <Alert tone="info">
              <p>{t("factCheck.notReady", { count: readiness.open.length })}</p>
              <ul>
                {readiness.open.map((claim) => (
                  <li key={claim.id}>
                    <Link to={`/claims/${claim.id}`}>{claim.wording}</Link> — {t(`claimStatus.${claim.status}`)}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : readiness.rated === 0 ? (
            <Alert tone="info">
              <p>{t("factCheck.nothingRated")}</p>
            </Alert>
          ) : (
            <p>{t("factCheck.ready", { count: readiness.rated })}</p>
          )}
          {readiness.notCheckable.length ? (
            <>
              <p>{t("factCheck.leftOut")}</p>
              <ul>
                {readiness.notCheckable.map((claim) => (
                  <li key={claim.id}>
                    {claim.wording} — <em>{claim.reason}</em>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <PublishForm
            key={`${typed.slug ?? slugSuggestion}|${typed.suggestedSlug ?? slugSuggestion}`}
            action={formAction}
            ready={readiness.ready}
            busy={busy}
            defaults={{
              headline: typed.headline ?? article.title,
              summary: typed.summary ?? "",
              methodology: typed.methodology ?? "",
              slug: typed.slug ?? slugSuggestion ?? "",
              suggestedSlug: typed.suggestedSlug ?? slugSuggestion ?? "",
            }}
            lastResult={answerTo("publish")}
          />
        </section>
      ) : (
        <>
          <section className="card" aria-labelledby="status-title">
            <h2 id="status-title">{t(factCheck.status === "PUBLISHED" ? "factCheck.isPublished" : "factCheck.isWithdrawn")}</h2>
            {factCheck.status === "PUBLISHED" ? (
              <p>
                <a href={publicPath!}>{publicPath}</a> · {t("factCheck.version", { version: factCheck.currentVersion })}
              </p>
            ) : (
              <p>
                {t("factCheck.withdrawnOn", { date: factCheck.withdrawnAt ? clock.dateTime(factCheck.withdrawnAt) : "" })}{" "}
                <em>{factCheck.withdrawalReason}</em>
              </p>
            )}
            <p>
              <a href={`/articles/${article.id}/fact-check.csv`} download>
                {t("factCheck.exportCsv")}
              </a>{" "}
              ·{" "}
              <a href={`/articles/${article.id}/fact-check.json`} download>
                {t("factCheck.exportJson")}
              </a>
            </p>
            <h3>{t("factCheck.versions")}</h3>
            <ol reversed>
              {factCheck.versions.map((version) => (
                <li key={version.version}>
                  {factCheck.status === "PUBLISHED" ? (
                    <a href={version.version === factCheck.currentVersion ? publicPath! : `${publicPath}/v/${version.version}`}>
                      {t("factCheck.version", { version: version.version })}
                    </a>
                  ) : (
                    t("factCheck.version", { version: version.version })
                  )}{" "}
                  — {clock.dateTime(version.publishedAt)}, {version.publishedBy.name}
                  {version.correctionNote ? (
                    <>
                      : <em>{version.correctionNote}</em>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>

          {current ? (
            <>
              <section className="card" aria-labelledby="correct-title">
                <h2 id="correct-title">{t(withdrawn ? "factCheck.republishTitle" : "factCheck.correctTitle")}</h2>
                <p className="muted">{t(withdrawn ? "factCheck.republishIntro" : "factCheck.correctIntro")}</p>
                <CorrectionForm
                  action={formAction}
                  busy={busy}
                  withdrawn={withdrawn}
                  currentVersion={factCheck.currentVersion}
                  saved={current}
                  claims={factCheck.claims}
                  labels={labels}
                  lastResult={answerTo("correct")}
                />
              </section>
              {withdrawn ? null : (
                <section className="card" aria-labelledby="withdraw-title">
                  <h2 id="withdraw-title">{t("factCheck.withdrawTitle")}</h2>
                  <WithdrawForm action={formAction} busy={busy} lastResult={answerTo("withdraw")} />
                </section>
              )}
            </>
          ) : null}
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
