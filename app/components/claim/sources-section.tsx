// The claim page's sources: each source with its kind, stance, publisher, excerpt and note, and how its
// archiving went (pending; archived, with a link to the archived copy; failed, with the reason and a
// button to try again); an address that is on the claim twice is pointed out. Those who may change the
// claim's sources get the add form. Everything posts to /claims/:claimId/sources through fetchers, so a
// refused form keeps what was typed.
import type { TFunction } from "i18next";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useFetcher } from "react-router";
import { sourceKinds, sourceLimits, sourceStances, type SourceActionData } from "~/sources/source-form";
import type { SourceListItem } from "~/sources/sources.server";
import { useNewsroomClock } from "../clock";
import { Alert, LabelledField } from "../ui";

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
 * when it brought new data.
 */
function useSourceAction(onSuccess?: (submitted: FormData | undefined) => void) {
  const fetcher = useFetcher<SourceActionData>();
  const [refusal, setRefusal] = useState<SourceActionData | null>(null);
  const pending = useRef<{ before: SourceActionData | undefined; submitted: FormData | undefined } | null>(null);
  const succeeded = useRef(onSuccess);
  succeeded.current = onSuccess;
  useEffect(() => {
    if (fetcher.state === "submitting" && !pending.current) pending.current = { before: fetcher.data, submitted: fetcher.formData };
    if (fetcher.state === "idle" && pending.current) {
      const { before, submitted } = pending.current;
      const fresh = fetcher.data !== before ? fetcher.data : undefined;
      pending.current = null;
      setRefusal(fresh?.error ? fresh : null);
      if (!fresh?.error) succeeded.current?.(submitted);
    }
  }, [fetcher.state, fetcher.data, fetcher.formData]);
  return { fetcher, refusal };
}

/**
 * Empties the fields that still hold what was just submitted. Whatever was typed while the page was
 * reloading after the add (the next source's address, say) stays.
 */
function clearSubmitted(form: HTMLFormElement | null, submitted: FormData | undefined) {
  if (!form || !submitted) return;
  for (const control of Array.from(form.elements)) {
    if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement)) continue;
    if (!control.name || control.type === "hidden" || control.value !== (submitted.get(control.name) ?? "")) continue;
    if (control instanceof HTMLSelectElement) {
      control.value = (Array.from(control.options).find((option) => option.defaultSelected) ?? control.options[0])?.value ?? "";
    } else {
      control.value = control.defaultValue;
    }
  }
}

function useDateTime() {
  return useNewsroomClock().dateTime;
}

function ArchiveStatus({ source, canEdit, claimId }: { source: SourceSectionItem; canEdit: boolean; claimId: string }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const { fetcher, refusal } = useSourceAction();
  const snapshot = source.snapshot;
  const busy = fetcher.state !== "idle";
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
        <fetcher.Form method="post" action={`/claims/${claimId}/sources`} className="inline-form sources__retry">
          <input type="hidden" name="intent" value="retry" />
          <input type="hidden" name="sourceId" value={source.id} />
          <button type="submit" className="btn btn--secondary" disabled={busy}>
            {t("sources.retry")}
          </button>
        </fetcher.Form>
      ) : null}
      {refusal ? <p className="field__error">{t(refusal.error)}</p> : null}
    </div>
  );
}

function SourceEntry({ source, canEdit, claimId }: { source: SourceSectionItem; canEdit: boolean; claimId: string }) {
  const { t } = useTranslation();
  const { fetcher: remover, refusal } = useSourceAction();
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
        <remover.Form method="post" action={`/claims/${claimId}/sources`} className="inline-form">
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="sourceId" value={source.id} />
          <button type="submit" className="btn btn--ghost" disabled={remover.state !== "idle"}>
            {t("sources.remove")}
          </button>
          {refusal ? <span className="field__error">{t(refusal.error)}</span> : null}
        </remover.Form>
      ) : null}
    </li>
  );
}

function AddSourceForm({ claimId }: { claimId: string }) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  // After a successful add the form starts empty again; after a refusal it keeps what was typed.
  const { fetcher, refusal } = useSourceAction((submitted) => clearSubmitted(form.current, submitted));
  const busy = fetcher.state !== "idle";
  const error = refusal?.error;
  const invalid = (field: string) => (refusal?.fields?.includes(field) ? true : undefined);

  const id = (name: string) => `source-${claimId}-${name}`;
  return (
    <fetcher.Form ref={form} method="post" action={`/claims/${claimId}/sources`} className="stack sources__form" aria-labelledby={id("title")}>
      <h3 id={id("title")}>{t("sources.form.title")}</h3>
      <input type="hidden" name="intent" value="add" />
      {error ? (
        <Alert tone="error">
          <p>{t(error)}</p>
        </Alert>
      ) : null}
      <LabelledField id={id("url")} label={t("sources.form.url")} help={t("sources.form.urlHelp")}>
        <input id={id("url")} name="url" type="url" required maxLength={sourceLimits.url} inputMode="url" aria-invalid={invalid("url")} aria-describedby={`${id("url")}-help`} />
      </LabelledField>
      <div className="grid grid--fields">
        <LabelledField id={id("sourceTitle")} label={t("sources.form.sourceTitle")}>
          <input id={id("sourceTitle")} name="title" maxLength={sourceLimits.title} aria-invalid={invalid("title")} />
        </LabelledField>
        <LabelledField id={id("publisher")} label={t("sources.form.publisher")}>
          <input id={id("publisher")} name="publisher" maxLength={sourceLimits.publisher} aria-invalid={invalid("publisher")} />
        </LabelledField>
        <LabelledField id={id("kind")} label={t("sources.form.kind")}>
          <select id={id("kind")} name="kind" defaultValue="OTHER" aria-invalid={invalid("kind")}>
            {sourceKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`sources.kind.${kind}`)}
              </option>
            ))}
          </select>
        </LabelledField>
        <LabelledField id={id("stance")} label={t("sources.form.stance")}>
          <select id={id("stance")} name="stance" defaultValue="CONTEXT" aria-invalid={invalid("stance")}>
            {sourceStances.map((stance) => (
              <option key={stance} value={stance}>
                {t(`sources.stance.${stance}`)}
              </option>
            ))}
          </select>
        </LabelledField>
      </div>
      <LabelledField id={id("excerpt")} label={t("sources.form.excerpt")} help={t("sources.form.excerptHelp")}>
        <textarea id={id("excerpt")} name="excerpt" rows={3} maxLength={sourceLimits.excerpt} aria-invalid={invalid("excerpt")} aria-describedby={`${id("excerpt")}-help`} />
      </LabelledField>
      <LabelledField id={id("note")} label={t("sources.form.note")}>
        <textarea id={id("note")} name="note" rows={2} maxLength={sourceLimits.note} aria-invalid={invalid("note")} />
      </LabelledField>
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
