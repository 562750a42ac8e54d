// Other fact-checkers' ClaimReviews (admins): the sources, each with its last run, and the forms that add a URL
// source, upload a JSON or CSV file, change a schedule, run a source now and delete one. Every form posts here and
// is answered with a FormAnswer: field errors (400), a refusal (its status, said in the admin's language).
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { useEffect } from "react";
import { Form, useActionData, useLoaderData, useRevalidator } from "react-router";
import { requireUserWithPermission } from "~/auth/guards.server";
import { useNewsroomClock } from "~/components/clock";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useSchemaForm } from "~/components/schema-form";
import { ActionForm, Card, DataTable, Field, FormAlert, FormNoticeAlert, LabelledField, PageHeader, SubmitButton } from "~/components/ui";
import {
  addUrlSource,
  ClaimReviewSourceRefused,
  deleteSource,
  importFileSource,
  listClaimReviewSources,
  runSourceNow,
  updateSourceSchedule,
} from "~/matching/feeds/claim-review-sources.server";
import { AddUrlSource, SourceAction, sourceFormLimits as sourceLimits, UploadSource } from "~/matching/feeds/source-form";
import type { FormAnswer } from "~/utils/form-answer";
import { invalidReply, readForm, refusalReply } from "~/utils/form.server";
import type { Route } from "./+types/admin.claim-reviews";

const permission = "update:settings:any" as const;
const limitMb = sourceLimits.maxFileBytes / (1024 * 1024);

export async function loader({ request, context }: Route.LoaderArgs) {
  const admin = await requireUserWithPermission({ request, context }, permission);
  return { sources: await listClaimReviewSources(admin), limitMb };
}

export async function action({ request, context }: Route.ActionArgs) {
  const admin = await requireUserWithPermission({ request, context }, permission);
  let form: FormData;
  try {
    form = await readForm(request, {
      maxBytes: sourceLimits.maxFileBytes + 256 * 1024,
      maxFileSize: sourceLimits.maxFileBytes,
      maxFiles: 1,
      tooLarge: () => new ClaimReviewSourceRefused("file_too_large", { limitMb }),
    });
  } catch (error) {
    if (!(error instanceof ClaimReviewSourceRefused)) throw error;
    // A file too large to read was not read: the refusal is said on the upload form (and nothing else about it).
    const upload = new FormData();
    upload.set("intent", "upload");
    return refusalReply(parseWithZod(upload, { schema: UploadSource.pick({ intent: true }) }), error);
  }
  const submission = parseWithZod(form, { schema: SourceAction });
  if (submission.status !== "success") return invalidReply(submission);
  const value = submission.value;
  try {
    switch (value.intent) {
      case "addUrl":
        await addUrlSource(admin, { name: value.name, url: value.url, everyHours: value.everyHours ?? null });
        break;
      case "upload": {
        const file = value.file instanceof File ? value.file : null;
        const bytes = file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
        const { counts } = await importFileSource(admin, { name: value.name, file: { name: file?.name ?? "", type: file?.type ?? "", bytes } });
        return {
          result: submission.reply({ resetForm: true }),
          notice: { tone: "success", key: "claimReviewFeeds.uploaded", count: counts.added + counts.updated },
        } satisfies FormAnswer;
      }
      case "schedule":
        await updateSourceSchedule(admin, value.id, value.everyHours ?? null);
        break;
      case "run":
        await runSourceNow(admin, value.id);
        return { result: submission.reply(), notice: { tone: "success", key: "claimReviewFeeds.queued" } } satisfies FormAnswer;
      case "delete":
        await deleteSource(admin, value.id);
        break;
    }
  } catch (error) {
    if (!(error instanceof ClaimReviewSourceRefused)) throw error;
    return refusalReply(submission, error);
  }
  return { result: submission.reply({ resetForm: value.intent === "addUrl" }), notice: { tone: "success", key: "form.saved" } } satisfies FormAnswer;
}

type Source = Awaited<ReturnType<typeof loader>>["sources"][number];
type Answer = FormAnswer | undefined;

/** The answer belongs to the form that was sent. */
function answerFor(answer: Answer, intent: string) {
  return answer?.result.initialValue?.intent === intent ? answer.result : undefined;
}

/** A run's failure in the admin's words: `http_error:404` reads "The address answered HTTP 404". */
function useFailureText() {
  const { t } = useTranslation();
  return (code: string) => {
    const [reason, status] = code.split(":");
    return t(`claimReviewFeeds.failure.${reason}`, { status: status ?? "", defaultValue: t("claimReviewFeeds.failure.run_failed") });
  };
}

function LastRun({ source }: { source: Source }) {
  const { t } = useTranslation();
  const clock = useNewsroomClock();
  const failureText = useFailureText();
  if (!source.lastStatus) return <span className="muted">{t("claimReviewFeeds.never")}</span>;
  const counts = source.lastCounts;
  return (
    <div className="stack">
      <strong data-status={source.lastStatus}>{t(`claimReviewFeeds.status.${source.lastStatus}`)}</strong>
      {source.lastRunAt ? <span className="muted small">{clock.dateTime(source.lastRunAt)}</span> : null}
      {source.lastStatus === "FAILED" && source.lastError ? (
        <p className="field__error" data-error-code={source.lastError}>
          {failureText(source.lastError)}
        </p>
      ) : null}
      {counts ? <p className="small">{t("claimReviewFeeds.counts", { ...counts })}</p> : null}
    </div>
  );
}

function ScheduleForm({ source }: { source: Source }) {
  const { t } = useTranslation();
  const id = `schedule-${source.id}`;
  return (
    <ActionForm intent="schedule" fields={{ id: source.id }} className="inline-form">
      <LabelledField id={id} label={t("claimReviewFeeds.everyHours")}>
        <input id={id} name="everyHours" type="number" min={1} max={sourceLimits.maxEveryHours} defaultValue={source.everyHours ?? ""} className="input--narrow" />
      </LabelledField>
      <button type="submit" className="btn btn--secondary">
        {t("claimReviewFeeds.saveSchedule")}
      </button>
    </ActionForm>
  );
}

function SourceRow({ source }: { source: Source }) {
  const { t } = useTranslation();
  const clock = useNewsroomClock();
  return (
    <tr>
      <td>
        <strong>{source.name}</strong>
        <div className="muted small">{t("claimReviewFeeds.reviewCount", { count: source.reviews })}</div>
      </td>
      <td>{t(`claimReviewFeeds.kind.${source.kind}`)}</td>
      <td>{source.kind === "URL" ? source.url : source.fileName}</td>
      <td>
        {source.kind === "URL" ? (
          <>
            <p className="small">
              {source.everyHours ? t("claimReviewFeeds.every", { count: source.everyHours }) : t("claimReviewFeeds.onDemand")}
              {source.nextRunAt ? ` · ${t("claimReviewFeeds.next", { time: clock.dateTime(source.nextRunAt) })}` : ""}
            </p>
            <ScheduleForm source={source} />
          </>
        ) : (
          <span className="muted">{t("claimReviewFeeds.once")}</span>
        )}
      </td>
      <td>
        <LastRun source={source} />
      </td>
      <td>
        <div className="stack">
          {source.kind === "URL" ? (
            <ActionForm intent="run" fields={{ id: source.id }}>
              <button type="submit" className="btn btn--secondary" disabled={source.lastStatus === "RUNNING"}>
                {t("claimReviewFeeds.runNow")}
              </button>
            </ActionForm>
          ) : null}
          <ActionForm intent="delete" fields={{ id: source.id }} confirm={t("claimReviewFeeds.deleteConfirm", { name: source.name })}>
            <button type="submit" className="btn btn--danger" aria-label={t("claimReviewFeeds.deleteLabel", { name: source.name })}>
              {t("claimReviewFeeds.delete")}
            </button>
          </ActionForm>
        </div>
      </td>
    </tr>
  );
}

function AddUrlForm({ answer }: { answer: Answer }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(AddUrlSource, { id: "claim-review-url", lastResult: answerFor(answer, "addUrl") });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value="addUrl" />
      <Field label={t("claimReviewFeeds.name")} meta={fields.name} />
      <Field label={t("claimReviewFeeds.url")} meta={fields.url} type="url" help={t("claimReviewFeeds.urlHelp")} />
      <Field label={t("claimReviewFeeds.everyHours")} meta={fields.everyHours} type="number" help={t("claimReviewFeeds.everyHoursHelp")} className="input--narrow" />
      <SubmitButton>{t("claimReviewFeeds.addUrl")}</SubmitButton>
    </Form>
  );
}

function UploadForm({ answer }: { answer: Answer }) {
  const { t } = useTranslation();
  const { limitMb } = useLoaderData<typeof loader>();
  const [form, fields] = useSchemaForm(UploadSource, { id: "claim-review-upload", lastResult: answerFor(answer, "upload") });
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value="upload" />
      <Field label={t("claimReviewFeeds.name")} meta={fields.name} />
      <LabelledField id="claim-review-file" label={t("claimReviewFeeds.file")} help={t("claimReviewFeeds.fileHelp", { limitMb })}>
        <input id="claim-review-file" name="file" type="file" accept=".json,.csv,application/json,text/csv" aria-describedby="claim-review-file-help" />
      </LabelledField>
      <SubmitButton>{t("claimReviewFeeds.upload")}</SubmitButton>
    </Form>
  );
}

/** While a run is on its way, reads the page again every few seconds so its outcome shows without a reload. */
function useFollowRuns(running: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") void revalidator.revalidate();
    }, 3_000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
}

export default function ClaimReviewSources() {
  const { t } = useTranslation();
  const { sources } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormAnswer | undefined;
  useFollowRuns(sources.some((source) => source.lastStatus === "RUNNING"));
  return (
    <>
      <PageHeader title={t("claimReviewFeeds.title")} intro={t("claimReviewFeeds.intro")} />
      <FormNoticeAlert notice={actionData?.notice} />
      <FormAlert id="claim-review-refused" errors={actionData?.result.error?.[""] ?? undefined} values={{ limitMb, ...actionData?.values }} />
      <Card>
        {sources.length === 0 ? (
          <p className="muted">{t("claimReviewFeeds.empty")}</p>
        ) : (
          <DataTable
            wrap
            columns={[
              t("claimReviewFeeds.column.name"),
              t("claimReviewFeeds.column.kind"),
              t("claimReviewFeeds.column.address"),
              t("claimReviewFeeds.column.schedule"),
              t("claimReviewFeeds.column.lastRun"),
              t("claimReviewFeeds.column.actions"),
            ]}
          >
            {sources.map((source) => (
              <SourceRow key={`${source.id}:${source.everyHours ?? ""}`} source={source} />
            ))}
          </DataTable>
        )}
      </Card>
      <div className="grid">
        <Card title={t("claimReviewFeeds.addUrlTitle")} id="claim-review-url-title">
          <AddUrlForm answer={actionData} />
        </Card>
        <Card title={t("claimReviewFeeds.uploadTitle")} id="claim-review-upload-title">
          <UploadForm answer={actionData} />
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
