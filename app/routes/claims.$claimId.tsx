import { useTranslation } from "react-i18next";
import { data, Link, useLoaderData, useSearchParams } from "react-router";
import { claimHistory } from "~/audit/history.server";
import { requireUserWithPermission } from "~/auth/guards.server";
import { userCan } from "~/auth/permissions";
import { useNewsroomClock } from "~/components/clock";
import { CheckedBeforeSection } from "~/components/claim/checked-before-section";
import { DiscussionSection } from "~/components/claim/discussion-section";
import { SourcesSection } from "~/components/claim/sources-section";
import { VerdictSection } from "~/components/claim/verdict-section";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLiveRevalidation } from "~/components/live";
import { topic } from "~/live/topics";
import { listComments } from "~/discussion/comments.server";
import { claimCheckedBefore } from "~/matching/link.server";
import { verdictBasis } from "~/review/verdict-basis";
import { verdictSection } from "~/review/verdict-views.server";
import { listSources } from "~/sources/sources.server";
import { PageHeader } from "~/components/ui";
import { readableClaim } from "~/review/claim-page.server";
import type { Route } from "./+types/claims.$claimId";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission({ request, context }, "read:article:own");
  const claim = await readableClaim(viewer, params.claimId);
  if (!claim) throw data(null, { status: 404 });
  const tab = new URL(request.url).searchParams.get("tab") === "history" ? "history" : "work";
  // What the viewer may see of the others' work (a blind second review) is cut by claim.access, in every section.
  const { access, ...shown } = claim;
  if (tab === "history") {
    const history = await claimHistory(claim.id, viewer, access);
    return { claim: shown, viewerId: viewer.id, canAssign: userCan(viewer, "assign:claim:any"), history, work: null };
  }
  const [verdict, sources, comments] = await Promise.all([
    verdictSection(viewer, claim.id, access),
    listSources(viewer, access, claim.id),
    listComments(viewer, access, claim.id),
  ]);
  const checkedBefore = await claimCheckedBefore(viewer, claim, access, verdict.scale);
  return {
    claim: shown,
    viewerId: viewer.id,
    canAssign: userCan(viewer, "assign:claim:any"),
    history: null,
    work: { verdict, sources, canEditSources: access.mayEditSources, canComment: access.mayComment, comments, checkedBefore },
  };
}

export default function ClaimPage() {
  const { t, i18n } = useTranslation();
  const { claim, canAssign, history, work, viewerId } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  useLiveRevalidation([topic.claim(claim.id)]);
  const clock = useNewsroomClock();
  const tab = params.get("tab") === "history" ? "history" : "work";
  const claimInContext = (
    <section className="panel claim-context" aria-labelledby="claim-context-title">
      <h2 id="claim-context-title">{t("claim.context")}</h2>
      <p className="claim-context__text">
        {claim.context.before}
        <mark className="mark mark--claim mark--active">{claim.context.quote}</mark>
        {claim.context.after}
      </p>
      <p className="muted small">
        <Link to={`/articles/${claim.article.id}?claim=${claim.id}`}>{t("claim.article", { title: claim.article.title })}</Link>
        {claim.claimant ? ` · ${t("claim.claimant", { name: claim.claimant })}` : ""}
      </p>
      {claim.status === "NOT_CHECKABLE" && claim.notCheckableReason ? <p>{t("claim.notCheckable", { reason: claim.notCheckableReason })}</p> : null}
    </section>
  );
  return (
    <>
      <PageHeader
        title={claim.wording}
        intro={[
          t(`claimStatus.${claim.status}`),
          claim.assignment ? t("claim.assignedTo", { name: claim.assignment.reviewer.name }) : t("claim.unassigned"),
          claim.assignment?.dueAt ? t("claim.due", { date: clock.date(claim.assignment.dueAt) }) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      >
        {canAssign ? (
          <Link className="btn btn--ghost" to={`/articles/${claim.article.id}/board`}>
            {t("board.open")}
          </Link>
        ) : null}
      </PageHeader>
      <nav className="tabs" aria-label={t("claim.tabWork")}>
        <Link to="?" className={`tabs__tab${tab === "work" ? " tabs__tab--active" : ""}`} aria-current={tab === "work" ? "page" : undefined}>
          {t("claim.tabWork")}
        </Link>
        <Link to="?tab=history" className={`tabs__tab${tab === "history" ? " tabs__tab--active" : ""}`} aria-current={tab === "history" ? "page" : undefined}>
          {t("claim.tabHistory")}
        </Link>
      </nav>
      {work ? (
        // On wide screens the claim, its earlier checks and its sources, with the verdict and the discussion beside them; in
        // this order, one column, on narrow ones.
        <div className="claim-layout">
          <div className="claim-layout__main">
            {claimInContext}
            {/* Before the sources: whether someone checked it already is the first thing research asks. */}
            <CheckedBeforeSection
              claimId={claim.id}
              claimVersion={claim.version}
              seen={verdictBasis(work.verdict.verdicts)}
              {...work.checkedBefore}
              scale={work.verdict.scale}
            />
            <SourcesSection claimId={claim.id} sources={work.sources} canEdit={work.canEditSources} />
          </div>
          <div className="claim-layout__side">
            <VerdictSection
              claim={{ id: claim.id, status: claim.status, version: claim.version }}
              verdicts={work.verdict.verdicts}
              scale={work.verdict.scale}
              can={work.verdict.can}
              viewerId={viewerId}
            />
            <DiscussionSection claimId={claim.id} comments={work.comments} canComment={work.canComment} />
          </div>
        </div>
      ) : (
        claimInContext
      )}
      {tab === "history" && history ? (
        <section className="panel" aria-labelledby="history-title">
          <h2 id="history-title">{t("claim.tabHistory")}</h2>
          {history.length === 0 ? <p className="muted">{t("claim.historyEmpty")}</p> : null}
          <ol className="history">
            {history.map((entry) => (
              <li key={entry.id} className="history__entry" data-action={entry.action}>
                <p>
                  <strong>{entry.actor ?? t("claim.system")}</strong>{" "}
                  {t(`history.${entry.action}`, { defaultValue: t("history.other", { action: entry.action }) })}{" "}
                  <time className="muted small" dateTime={new Date(entry.at).toISOString()}>
                    {clock.dateTime(entry.at)}
                  </time>
                </p>
                {entry.changes.length ? (
                  <dl className="history__changes">
                    {entry.changes.map((change) => (
                      <div key={change.field}>
                        <dt>{change.field}</dt>
                        <dd>
                          {change.before !== null ? <del>{change.before}</del> : null} {change.after !== null ? <ins>{change.after}</ins> : null}
                        </dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
