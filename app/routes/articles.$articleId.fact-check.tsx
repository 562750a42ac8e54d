import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from "react-router";
import { z } from "zod";
import { readableArticle } from "~/articles/articles.server";
import { requireUserWithPermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLiveRevalidation } from "~/components/live";
import { Alert, LabelledField, PageHeader, SubmitButton } from "~/components/ui";
import { claimLabel, claimsInOrder, publishingLimits } from "~/publishing/content";
import {
  correctFactCheck,
  deskFactCheck,
  factCheckOfArticle,
  PublishRefused,
  publishFactCheck,
  publishReadiness,
  suggestSlug,
  unpublishFactCheck,
} from "~/publishing/fact-checks.server";
import { activeScale } from "~/scale/scale.server";
import type { Route } from "./+types/articles.$articleId.fact-check";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const editor = await requireUserWithPermission({ request, context }, "publish:factcheck:any");
  const article = await readableArticle(editor, params.articleId);
  if (!article) throw data(null, { status: 404 });
  const [readiness, factCheck, scale] = await Promise.all([publishReadiness(article.id), deskFactCheck(article.id), activeScale()]);
  return {
    article,
    readiness,
    slugSuggestion: factCheck ? null : await suggestSlug(article.title),
    labels: scale?.labels ?? [],
    factCheck: factCheck
      ? {
          id: factCheck.id,
          slug: factCheck.slug,
          status: factCheck.status,
          currentVersion: factCheck.currentVersion,
          unpublishedAt: factCheck.unpublishedAt,
          unpublishReason: factCheck.unpublishReason,
          versions: factCheck.versions,
          current: { headline: factCheck.current.headline, summary: factCheck.current.summary, methodology: factCheck.current.methodology },
          claims: factCheck.current.content.claims,
        }
      : null,
  };
}

const text = (max: number) => z.string({ error: "form.required" }).trim().min(1, "form.required").max(max, "form.tooLong");

const FactCheckAction = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("publish"),
    headline: text(publishingLimits.headline),
    summary: text(publishingLimits.summary),
    methodology: text(publishingLimits.methodology),
    slug: text(publishingLimits.slug),
  }),
  z.object({
    intent: z.literal("correct"),
    basedOnVersion: z.coerce.number().int().positive(),
    headline: text(publishingLimits.headline),
    summary: text(publishingLimits.summary),
    methodology: text(publishingLimits.methodology),
    correctionNote: text(publishingLimits.correctionNote),
  }),
  z.object({ intent: z.literal("unpublish"), reason: text(publishingLimits.unpublishReason) }),
]);

type Notice = { tone: "success" | "error"; key: string; claims?: { id: string; wording: string }[] };
type Values = Record<string, string>;

/** Verdict corrections come as rating-<claimId> and rationale-<claimId> pairs. */
function verdictChanges(formData: FormData) {
  const changes: { claimId: string; ratingId: string; rationale: string }[] = [];
  for (const [key, value] of formData) {
    const match = /^rating-([0-9a-f-]{36})$/.exec(key);
    if (!match || typeof value !== "string" || !value) continue;
    const rationale = formData.get(`rationale-${match[1]}`);
    changes.push({ claimId: match[1]!, ratingId: value, rationale: typeof rationale === "string" ? rationale : "" });
  }
  return changes;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const editor = await requireUserWithPermission({ request, context }, "publish:factcheck:any");
  const article = await readableArticle(editor, params.articleId);
  if (!article) throw data(null, { status: 404 });
  const formData = await request.formData();
  const values = Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string")) as Values;
  const submission = parseWithZod(formData, { schema: FactCheckAction });
  if (submission.status !== "success") {
    return data(
      { notice: { tone: "error", key: "factCheck.fillIn" } as Notice, values, fieldErrors: submission.reply().error ?? {} },
      { status: 400 },
    );
  }
  const value = submission.value;
  try {
    if (value.intent === "publish") {
      await publishFactCheck(editor, { articleId: article.id, ...value });
      return { notice: { tone: "success", key: "factCheck.published" } as Notice, values: {} as Values, fieldErrors: {} };
    }
    const factCheck = await factCheckOfArticle(article.id);
    if (!factCheck) throw data(null, { status: 404 });
    if (value.intent === "correct") {
      await correctFactCheck(editor, { factCheckId: factCheck.id, ...value, verdicts: verdictChanges(formData) });
      const key = factCheck.status === "UNPUBLISHED" ? "factCheck.republished" : "factCheck.corrected";
      return { notice: { tone: "success", key } as Notice, values: {}, fieldErrors: {} };
    }
    await unpublishFactCheck(editor, { factCheckId: factCheck.id, reason: value.reason });
    return { notice: { tone: "success", key: "factCheck.unpublished" } as Notice, values: {}, fieldErrors: {} };
  } catch (error) {
    if (error instanceof PublishRefused) {
      const status =
        error.reason === "notAllowed"
          ? 403
          : error.reason === "stale" || error.reason === "alreadyPublished" || error.reason === "notReady"
            ? 409
            : 400;
      const notice: Notice = { tone: "error", key: `factCheck.refused.${error.reason}`, claims: error.detail?.claims };
      return data(
        { notice, values, fieldErrors: error.detail?.field ? { [error.detail.field]: [`factCheck.refused.${error.reason}`] } : {} },
        { status },
      );
    }
    throw error;
  }
}

function TextArea({
  id,
  name,
  label,
  help,
  defaultValue,
  rows = 3,
  max,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  help?: string;
  defaultValue: string;
  rows?: number;
  max: number;
  errors?: string[];
}) {
  const { t } = useTranslation();
  return (
    <LabelledField id={id} label={label} help={help}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={max}
        required
        defaultValue={defaultValue}
        aria-describedby={help ? `${id}-help` : undefined}
        aria-invalid={errors?.length ? true : undefined}
      />
      {errors?.length ? <p className="field__error">{errors.map((key) => t(key)).join(" ")}</p> : null}
    </LabelledField>
  );
}

/** Headline, summary and methodology: what the editor writes at publication and may change in a correction. */
function EditorialFields({
  idPrefix,
  saved,
  failed,
  errors,
}: {
  idPrefix: string;
  saved: { headline: string; summary: string; methodology: string };
  failed: Values;
  errors: Record<string, string[] | undefined>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextArea
        id={`${idPrefix}-headline`}
        name="headline"
        label={t("factCheck.headline")}
        rows={2}
        max={publishingLimits.headline}
        defaultValue={failed.headline ?? saved.headline}
        errors={errors.headline}
      />
      <TextArea
        id={`${idPrefix}-summary`}
        name="summary"
        label={t("factCheck.summary")}
        help={t("factCheck.summaryHelp")}
        max={publishingLimits.summary}
        defaultValue={failed.summary ?? saved.summary}
        errors={errors.summary}
      />
      <TextArea
        id={`${idPrefix}-methodology`}
        name="methodology"
        label={t("factCheck.methodology")}
        help={t("factCheck.methodologyHelp")}
        rows={5}
        max={publishingLimits.methodology}
        defaultValue={failed.methodology ?? saved.methodology}
        errors={errors.methodology}
      />
    </>
  );
}

export default function FactCheckDesk() {
  const { t, i18n } = useTranslation();
  const { article, readiness, slugSuggestion, labels, factCheck } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  useLiveRevalidation([`article:${article.id}`]);
  const busy = navigation.state !== "idle";
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  // After a refusal the form shows what the editor typed, not the saved text: nothing typed is lost.
  const failed: Values = actionData?.notice.tone === "error" ? (actionData.values as Values) : {};
  const errors = (actionData?.fieldErrors ?? {}) as Record<string, string[] | undefined>;
  const current = factCheck?.current;
  const labelText = (l: { labelEn: string; labelId: string }) => (i18n.language === "id" ? l.labelId : l.labelEn);
  const publicPath = factCheck ? `/fact-checks/${factCheck.slug}` : null;
  const withdrawn = factCheck?.status === "UNPUBLISHED";

  return (
    <>
      <PageHeader title={t("factCheck.title")} intro={article.title}>
        <Link className="btn btn--ghost" to={`/articles/${article.id}/board`}>
          {t("factCheck.board")}
        </Link>
      </PageHeader>
      {actionData?.notice ? (
        <Alert tone={actionData.notice.tone}>
          <p>{t(actionData.notice.key)}</p>
          {actionData.notice.claims?.length ? (
            <ul>
              {actionData.notice.claims.map((claim) => (
                <li key={claim.id}>
                  <Link to={`/claims/${claim.id}`}>{claim.wording}</Link>
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
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
          <Form method="post" className="stack" aria-labelledby="publish-title">
            <input type="hidden" name="intent" value="publish" />
            <EditorialFields
              idPrefix="fc"
              saved={{ headline: article.title, summary: "", methodology: "" }}
              failed={failed}
              errors={errors}
            />
            <LabelledField id="fc-slug" label={t("factCheck.slug")} help={t("factCheck.slugHelp")}>
              <input
                id="fc-slug"
                name="slug"
                required
                maxLength={publishingLimits.slug}
                pattern="[a-z0-9]+(-[a-z0-9]+)*"
                defaultValue={failed.slug ?? slugSuggestion ?? ""}
                aria-describedby="fc-slug-help"
                aria-invalid={errors.slug?.length ? true : undefined}
              />
              {errors.slug?.length ? <p className="field__error">{errors.slug.map((key) => t(key)).join(" ")}</p> : null}
            </LabelledField>
            <SubmitButton busy={busy} disabled={busy || !readiness.ready}>
              {t("factCheck.publish")}
            </SubmitButton>
          </Form>
        </section>
      ) : (
        <>
          <section className="card" aria-labelledby="status-title">
            <h2 id="status-title">{t(factCheck.status === "PUBLISHED" ? "factCheck.isPublished" : "factCheck.isUnpublished")}</h2>
            {factCheck.status === "PUBLISHED" ? (
              <p>
                <a href={publicPath!}>{publicPath}</a> · {t("factCheck.version", { version: factCheck.currentVersion })}
              </p>
            ) : (
              <p>
                {t("factCheck.unpublishedOn", { date: factCheck.unpublishedAt ? dates.format(new Date(factCheck.unpublishedAt)) : "" })}{" "}
                <em>{factCheck.unpublishReason}</em>
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
                  — {dates.format(new Date(version.publishedAt))}, {version.publishedBy.name}
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
                <Form method="post" className="stack" aria-labelledby="correct-title">
                  <input type="hidden" name="intent" value="correct" />
                  <input type="hidden" name="basedOnVersion" value={factCheck.currentVersion} />
                  <TextArea
                    id="fc-note"
                    name="correctionNote"
                    label={t("factCheck.correctionNote")}
                    help={t("factCheck.correctionNoteHelp")}
                    max={publishingLimits.correctionNote}
                    defaultValue={failed.correctionNote ?? ""}
                    errors={errors.correctionNote}
                  />
                  <EditorialFields idPrefix="fc-c" saved={current} failed={failed} errors={errors} />
                  <fieldset className="stack">
                    <legend>{t("factCheck.correctVerdicts")}</legend>
                    {claimsInOrder(factCheck.claims)
                      .filter((claim) => claim.outcome === "rated" && claim.rating)
                      .map((claim) => {
                        const label = claimLabel(t, claim);
                        return (
                          <div key={claim.claimId} className="stack">
                            <p>
                              <strong>{label}</strong> — {labelText(claim.rating!)}
                            </p>
                            <LabelledField id={`rating-${claim.claimId}`} label={t("factCheck.newRating", { claim: label })}>
                              <select
                                id={`rating-${claim.claimId}`}
                                name={`rating-${claim.claimId}`}
                                defaultValue={failed[`rating-${claim.claimId}`] ?? ""}
                              >
                                <option value="">{t("factCheck.keepRating")}</option>
                                {labels.map((l) => (
                                  <option key={l.id} value={l.id}>
                                    {labelText(l)} ({l.value})
                                  </option>
                                ))}
                              </select>
                            </LabelledField>
                            <TextArea
                              id={`rationale-${claim.claimId}`}
                              name={`rationale-${claim.claimId}`}
                              label={t("factCheck.rationale", { claim: label })}
                              rows={4}
                              max={20_000}
                              defaultValue={failed[`rationale-${claim.claimId}`] ?? claim.rationale ?? ""}
                              errors={errors[`rationale-${claim.claimId}`] ?? errors[`rating-${claim.claimId}`]}
                            />
                          </div>
                        );
                      })}
                  </fieldset>
                  <SubmitButton busy={busy}>{t(withdrawn ? "factCheck.republish" : "factCheck.publishCorrection")}</SubmitButton>
                </Form>
              </section>
              {withdrawn ? null : (
                <section className="card" aria-labelledby="unpublish-title">
                  <h2 id="unpublish-title">{t("factCheck.unpublishTitle")}</h2>
                  <Form method="post" className="stack" aria-labelledby="unpublish-title">
                    <input type="hidden" name="intent" value="unpublish" />
                    <TextArea
                      id="fc-reason"
                      name="reason"
                      label={t("factCheck.unpublishReason")}
                      help={t("factCheck.unpublishHelp")}
                      max={publishingLimits.unpublishReason}
                      defaultValue={failed.reason ?? ""}
                      errors={errors.reason}
                    />
                    <SubmitButton busy={busy} tone="danger">
                      {t("factCheck.unpublish")}
                    </SubmitButton>
                  </Form>
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
