// The claim page's sources: each source with its kind, stance, publisher, excerpt and note, and how its
// archiving went (pending; archived, with a link to the archived copy; failed, with the reason and a
// button to try again); an address that is on the claim twice is pointed out. Those who may change the
// claim's sources get the add form. Everything posts to /claims/:claimId/sources through fetchers and is
// answered with a FormAnswer, so a refused form keeps what was typed.
import { getFormProps } from "@conform-to/react";
import type { TFunction } from "i18next";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useFetcher } from "react-router";
import { useSchemaForm } from "~/components/schema-form";
import { AddSource, sourceKinds, sourceStances } from "~/sources/source-form";
import type { SourceListItem } from "~/sources/sources.server";
import type { FormAnswer } from "~/utils/form-answer";
import { useNewsroomClock } from "../clock";
import { Field, FormAlert, SelectField, TextareaField } from "../ui";

type DateLike = Date | string;
type Snapshot = Omit<NonNullable<SourceListItem["snapshot"]>, "fetchedAt" | "createdAt"> & { fetchedAt: DateLike | null; createdAt: DateLike };
export type SourceSectionItem = Omit<SourceListItem, "createdAt" | "snapshot"> & { createdAt: DateLike; snapshot: Snapshot | null };

export type SourcesSectionProps = { claimId: string; sources: SourceSectionItem[]; canEdit: boolean };

const knownFailures = new Set([
  "invalid_url",
  "unsupported_scheme",
  "refused_address",
  "dns_failed",
  "timeout",
  "too_large",
  "too_many_redirects",
  "connection_failed",
  "too_deeply_nested",
  "too_many_elements",
  "too_slow",
  "too_much_memory",
  "unreadable",
  "archive_failed",
]);

/** An archive failure reason (`refused_address`, `http_error:404`, …) in the reader's language. */
export function archiveFailureText(t: TFunction, reason: string | null): string {
  const [code = "", detail] = (reason ?? "").split(":");
  if (code === "http_error") return t("sources.failure.http_error", { status: detail ?? "?" });
  if (knownFailures.has(code)) return t(`sources.failure.${code}`);
  return t("sources.failure.other", { reason: reason ?? "?" });
}

/**
 * A fetcher for the sources route and the refusal of its latest submission. A success redirects, which
 * leaves `fetcher.data` as it was (possibly an earlier refusal), so a submission counts as refused only
 * when it brought a new answer.
 */
function useSourceAction(onSuccess?: (submitted: FormData | undefined) => void) {
  const fetcher = useFetcher<FormAnswer>();
  const [refusal, setRefusal] = useState<FormAnswer | null>(null);
  const pending = useRef<{ before: FormAnswer | undefined; submitted: FormData | undefined } | null>(null);
  const succeeded = useRef(onSuccess);
  succeeded.current = onSuccess;
  useEffect(() => {
    if (fetcher.state === "submitting" && !pending.current) pending.current = { before: fetcher.data, submitted: fetcher.formData };
    if (fetcher.state === "idle" && pending.current) {
      const { before, submitted } = pending.current;
      const fresh = fetcher.data !== before ? fetcher.data : undefined;
      pending.current = null;
      setRefusal(fresh ?? null);
      if (!fresh) succeeded.current?.(submitted);
    }
  }, [fetcher.state, fetcher.data, fetcher.formData]);
  return { fetcher, refusal };
}

/** A refusal's messages (catalog keys): its form errors, else its fields' errors. */
function refusalKeys(refusal: FormAnswer | null): string[] {
  const errors = refusal?.result.error ?? {};
  return errors[""]?.length ? errors[""] : Object.values(errors).flatMap((keys) => keys ?? []);
}

/** What the add form starts with; a field that still holds what was just added goes back to it. */
const addDefaults: Record<string, string> = { kind: "OTHER", stance: "CONTEXT" };

/**
 * Empties the fields that still hold what was just submitted. Whatever was typed while the page was
 * reloading after the add (the next source's address, say) stays.
 */
function clearSubmitted(form: HTMLFormElement | null, submitted: FormData | undefined) {
  if (!form || !submitted) return;
  for (const control of Array.from(form.elements)) {
    if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement)) continue;
    if (!control.name || control.type === "hidden" || control.value !== (submitted.get(control.name) ?? "")) continue;
    control.value = addDefaults[control.name] ?? "";
  }
}

/** A one-button form on a source (archive it again, remove it), with its refusal said beside it. */
function SourceButton({ claimId, sourceId, intent, label, className, buttonClass, inline }: {
  claimId: string;
  sourceId: string;
  intent: "retry" | "remove";
  label: string;
  className: string;
  buttonClass: string;
  /** The refusal said within the form's line rather than below it. */
  inline?: boolean;
}) {
  const { t } = useTranslation();
  const { fetcher, refusal } = useSourceAction();
  const refused = refusalKeys(refusal).map((key) => t(key)).join(" ");
  return (
    <>
      <fetcher.Form method="post" action={`/claims/${claimId}/sources`} className={className}>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="sourceId" value={sourceId} />
        <button type="submit" className={buttonClass} disabled={fetcher.state !== "idle"}>
          {label}
        </button>
        {inline && refused ? <span className="field__error">{refused}</span> : null}
      </fetcher.Form>
      {!inline && refused ? <p className="field__error">{refused}</p> : null}
    </>
  );
}

function useDateTime() {
  return useNewsroomClock().dateTime;
}

function ArchiveStatus({ source, canEdit, claimId }: { source: SourceSectionItem; canEdit: boolean; claimId: string }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const snapshot = source.snapshot;
  const retry = canEdit && (snapshot === null || snapshot.status === "FAILED");
  return (
    <div className="sources__archive">
      {snapshot === null ? <span className="badge badge--muted">{t("sources.status.none")}</span> : null}
      {snapshot?.status === "PENDING" ? (
        <span className="badge badge--muted" role="status">
          {t("sources.status.pending")}
        </span>
      ) : null}
      {snapshot?.status === "ARCHIVED" ? (
        <>
          <span className="badge badge--ok">{t("sources.status.archived", { date: dateTime(snapshot.fetchedAt ?? snapshot.createdAt) })}</span>{" "}
          <Link to={`/snapshots/${snapshot.id}`}>{t("sources.viewSnapshot")}</Link>
        </>
      ) : null}
      {snapshot?.status === "FAILED" ? (
        <>
          <span className="badge badge--danger">{t("sources.status.failed")}</span>{" "}
          <span className="sources__reason">{archiveFailureText(t, snapshot.failureReason)}</span>{" "}
          <Link to={`/snapshots/${snapshot.id}`} className="small">
            {t("sources.attemptDetails")}
          </Link>
        </>
      ) : null}
      {retry ? (
        <SourceButton claimId={claimId} sourceId={source.id} intent="retry" label={t("sources.retry")} className="inline-form sources__retry" buttonClass="btn btn--secondary" />
      ) : null}
    </div>
  );
}

function SourceEntry({ source, canEdit, claimId }: { source: SourceSectionItem; canEdit: boolean; claimId: string }) {
  const { t } = useTranslation();
  return (
    <li className="sources__item" data-stance={source.stance}>
      <p className="sources__heading">
        <a href={source.url} rel="noopener noreferrer nofollow" target="_blank" className="sources__link">
          {source.title ?? source.url}
        </a>
      </p>
      <p className="muted small">
        {[t(`sources.kind.${source.kind}`), t(`sources.stance.${source.stance}`), source.publisher].filter(Boolean).join(" · ")}
      </p>
      {source.title ? <p className="small sources__url">{source.url}</p> : null}
      {source.duplicateUrl ? <p className="field__warning">{t("sources.duplicate")}</p> : null}
      {source.excerpt ? <blockquote className="sources__excerpt">{source.excerpt}</blockquote> : null}
      {source.note ? (
        <p className="small">
          <strong>{t("sources.noteLabel")}</strong> {source.note}
        </p>
      ) : null}
      <p className="muted small">{t("sources.addedBy", { name: source.addedBy.name })}</p>
      <ArchiveStatus source={source} canEdit={canEdit} claimId={claimId} />
      {canEdit ? (
        <SourceButton claimId={claimId} sourceId={source.id} intent="remove" label={t("sources.remove")} className="inline-form" buttonClass="btn btn--ghost" inline />
      ) : null}
    </li>
  );
}

function AddSourceForm({ claimId }: { claimId: string }) {
  const { t } = useTranslation();
  const element = useRef<HTMLFormElement>(null);
  // After a successful add the form starts empty again; after a refusal it keeps what was typed.
  const { fetcher, refusal } = useSourceAction((submitted) => clearSubmitted(element.current, submitted));
  const [form, fields] = useSchemaForm(AddSource, { id: `source-${claimId}`, lastResult: refusal?.result, defaultValue: addDefaults });
  const busy = fetcher.state !== "idle";
  const title = `source-${claimId}-title`;
  return (
    <fetcher.Form ref={element} method="post" action={`/claims/${claimId}/sources`} {...getFormProps(form)} className="stack sources__form" aria-labelledby={title}>
      <h3 id={title}>{t("sources.form.title")}</h3>
      <input type="hidden" name="intent" value="add" />
      {/* The refusal of the latest submission only: a later add that went through clears it. */}
      <FormAlert id={form.errorId} errors={refusal?.result.error?.[""] ?? undefined} />
      <Field label={t("sources.form.url")} meta={fields.url} type="url" help={t("sources.form.urlHelp")} />
      <div className="grid grid--fields">
        <Field label={t("sources.form.sourceTitle")} meta={fields.title} />
        <Field label={t("sources.form.publisher")} meta={fields.publisher} />
        <SelectField label={t("sources.form.kind")} meta={fields.kind} options={sourceKinds.map((kind) => ({ value: kind, label: t(`sources.kind.${kind}`) }))} />
        <SelectField
          label={t("sources.form.stance")}
          meta={fields.stance}
          options={sourceStances.map((stance) => ({ value: stance, label: t(`sources.stance.${stance}`) }))}
        />
      </div>
      <TextareaField label={t("sources.form.excerpt")} meta={fields.excerpt} help={t("sources.form.excerptHelp")} />
      <TextareaField label={t("sources.form.note")} meta={fields.note} rows={2} />
      <p>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t("sources.form.saving") : t("sources.form.submit")}
        </button>
      </p>
    </fetcher.Form>
  );
}

export function SourcesSection({ claimId, sources, canEdit }: SourcesSectionProps) {
  const { t } = useTranslation();
  return (
    <section className="panel sources" id="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">{t("sources.title")}</h2>
      {sources.length === 0 ? <p className="muted">{t("sources.empty")}</p> : null}
      {sources.length > 0 ? (
        <ul className="sources__list">
          {sources.map((source) => (
            <SourceEntry key={source.id} source={source} canEdit={canEdit} claimId={claimId} />
          ))}
        </ul>
      ) : null}
      {canEdit ? <AddSourceForm claimId={claimId} /> : null}
    </section>
  );
}
