// One archive attempt of a source: where and when it was fetched, what the server answered, the SHA-256
// of the bytes received, the extracted text, and the archived page itself — shown in a sandboxed frame
// from /snapshots/:id/raw, so nothing in it runs or loads anything. For whoever may read the claim.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { data, Link, useLoaderData } from "react-router";
import { requireUserWithPermission } from "~/auth/guards.server";
import { useNewsroomClock } from "~/components/clock";
import { archiveFailureText } from "~/components/claim/sources-section";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert, PageHeader } from "~/components/ui";
import { getSnapshot } from "~/sources/sources.server";
import type { Route } from "./+types/snapshots.$snapshotId";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission({ request, context }, "read:article:own");
  const snapshot = await getSnapshot(viewer, params.snapshotId);
  if (!snapshot) throw data(null, { status: 404 });
  return { snapshot };
}

export default function SnapshotPage() {
  const { t, i18n } = useTranslation();
  const { snapshot } = useLoaderData<typeof loader>();
  const { source } = snapshot;
  const clock = useNewsroomClock();
  const statusText =
    snapshot.status === "ARCHIVED"
      ? t("sources.snapshot.archived")
      : snapshot.status === "FAILED"
        ? t("sources.status.failed")
        : t("sources.status.pending");
  return (
    <div className="stack">
      <PageHeader title={t("sources.snapshot.title")} intro={source.title ?? source.url}>
        <Link className="btn btn--ghost" to={`/claims/${source.claimId}#sources`}>
          {t("sources.snapshot.back")}
        </Link>
      </PageHeader>
      {source.removed ? (
        <Alert tone="info">
          <p>{t("sources.snapshot.removed")}</p>
        </Alert>
      ) : null}
      <section className="panel" aria-labelledby="snapshot-details">
        <h2 id="snapshot-details">{t("sources.snapshot.details")}</h2>
        <dl className="snapshot__meta">
          <Detail term={t("sources.snapshot.claim")}>{source.claimWording}</Detail>
          <Detail term={t("sources.snapshot.url")} className="snapshot__value">{source.url}</Detail>
          {snapshot.finalUrl && snapshot.finalUrl !== source.url ? (
            <Detail term={t("sources.snapshot.finalUrl")} className="snapshot__value">{snapshot.finalUrl}</Detail>
          ) : null}
          <Detail term={t("sources.snapshot.status")}>
            {statusText}
            {snapshot.status === "FAILED" ? ` — ${archiveFailureText(t, snapshot.failureReason)}` : null}
          </Detail>
          {snapshot.fetchedAt ? (
            <Detail term={t("sources.snapshot.fetchedAt")}>
              <time dateTime={new Date(snapshot.fetchedAt).toISOString()}>{clock.preciseDateTime(snapshot.fetchedAt)}</time>
            </Detail>
          ) : null}
          {snapshot.httpStatus !== null ? (
            <Detail term={t("sources.snapshot.httpStatus")}>{snapshot.httpStatus}</Detail>
          ) : null}
          {snapshot.contentType ? (
            <Detail term={t("sources.snapshot.contentType")} className="snapshot__value">{snapshot.contentType}</Detail>
          ) : null}
          {snapshot.sha256 ? (
            <Detail term={t("sources.snapshot.sha256")} className="snapshot__value snapshot__hash">{snapshot.sha256}</Detail>
          ) : null}
        </dl>
        {snapshot.sha256 ? <p className="muted small">{t("sources.snapshot.sha256Help")}</p> : null}
      </section>
      {snapshot.status === "ARCHIVED" ? (
        <section className="panel snapshot" aria-labelledby="snapshot-page">
          <h2 id="snapshot-page">{t("sources.snapshot.page")}</h2>
          {snapshot.text ? (
            <details className="snapshot__text-toggle">
              <summary>{t("sources.snapshot.showText")}</summary>
              <pre className="snapshot__text">{snapshot.text}</pre>
            </details>
          ) : (
            <p className="muted">{t("sources.snapshot.noText")}</p>
          )}
          {snapshot.hasHtml ? (
            <iframe
              className="snapshot__frame"
              sandbox=""
              src={`/snapshots/${snapshot.id}/raw`}
              title={t("sources.snapshot.frameTitle", { url: source.url })}
              referrerPolicy="no-referrer"
            />
          ) : (
            <p className="muted">{t("sources.snapshot.noPage")}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}

/** One line of the snapshot's details: what it is, then its value. */
function Detail({ term, className, children }: { term: string; className?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
