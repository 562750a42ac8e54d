// The claim page's verdict section: the current verdict (its label in words and its colour), the
// rationale as HTML rendered and sanitised on the server, every version, and the forms to propose,
// return, approve or mark the claim not checkable. The forms post to /claims/:id/verdicts through a
// fetcher: a refusal is shown here and what the user typed stays in the fields.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFetcher, useRevalidator } from "react-router";
import { useNewsroomClock } from "~/components/clock";
import { ConflictSentence } from "~/components/edit-conflict";
import { Alert, LabelledField } from "~/components/ui";
import type { ClaimStatus } from "~/generated/prisma/enums";
import { canMove } from "~/review/lifecycle";
import { verdictBasis } from "~/review/verdict-basis";
import { noteMaxLength, rationaleMaxLength, type VerdictActionData } from "~/review/verdict-form";
import type { VerdictAbilities, VerdictView } from "~/review/verdict-views.server";
import type { ScaleLabel } from "~/rating-scale/rating-scale.server";

type Dated<T> = Omit<T, "decidedAt" | "createdAt"> & { decidedAt: Date | string | null; createdAt: Date | string };
export type VerdictItem = Dated<VerdictView>;
type Rating = Pick<ScaleLabel, "labelEn" | "labelId" | "colour">;


export type VerdictSectionProps = {
  claim: { id: string; status: ClaimStatus; version: number };
  /** From listVerdicts (newest first). */
  verdicts: VerdictItem[];
  /** The active scale's labels in value order. */
  scale: ScaleLabel[];
  /** From verdictAbilities: `propose` the primary verdict, `proposeBlind` a blind second one, `decide` as an editor. */
  can: Pick<VerdictAbilities, "propose" | "decide"> & { proposeBlind?: boolean };
  viewerId: string;
};

/** A rating as words plus a colour swatch (an SVG fill, which the style CSP allows; never colour alone). */
export function RatingBadge({ rating }: { rating: Rating }) {
  const { i18n } = useTranslation();
  return (
    <span className="rating-badge">
      <svg className="rating-badge__swatch" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
        <circle cx="6" cy="6" r="6" fill={rating.colour} />
      </svg>
      <span className="rating-badge__label">{i18n.language === "id" ? rating.labelId : rating.labelEn}</span>
    </span>
  );
}

function Rationale({ html }: { html: string | null }) {
  if (!html) return null;
  // Rendered from Markdown and sanitised on the server (app/review/markdown.server.ts).
  return <div className="verdict__rationale" dangerouslySetInnerHTML={{ __html: html }} />;
}

export function VerdictSection({ claim, verdicts, scale, can, viewerId }: VerdictSectionProps) {
  const { t, i18n } = useTranslation();
  // Keyed, so the refusal and the draft survive the section being re-mounted by a reload of the page data.
  const fetcher = useFetcher<VerdictActionData>({ key: `verdict:${claim.id}` });
  const revalidator = useRevalidator();
  const result = fetcher.data;
  const draft = result?.draft;
  const busy = fetcher.state !== "idle";
  const when = useNewsroomClock().dateTime;
  const ratingText = (rating: Rating) => (i18n.language === "id" ? rating.labelId : rating.labelEn);

  const current = verdicts.find((verdict) => verdict.current) ?? null;
  const own = verdicts.find((verdict) => verdict.proposedBy.id === viewerId && !verdict.hidden) ?? null;
  const blindMode = !can.propose && Boolean(can.proposeBlind);
  const latestBlind = verdicts.filter(
    (verdict, index) => verdict.blind && verdicts.findIndex((v) => v.blind && v.proposedBy.id === verdict.proposedBy.id) === index,
  );
  const hiddenCount = verdicts.filter((verdict) => verdict.hidden).length;
  const disagreement = latestBlind.some((verdict) => verdict.disagrees === true);
  const viewerIsRater = verdicts.some((verdict) => verdict.status === "PROPOSED" && verdict.proposedBy.id === viewerId);

  const [ratingId, setRatingId] = useState(() => draft?.ratingId || own?.rating?.id || "");
  const [rationale, setRationale] = useState(() => draft?.rationale || own?.rationale || "");
  const [comment, setComment] = useState(() => draft?.comment ?? "");
  const [reason, setReason] = useState(() => draft?.reason ?? "");
  const [submitted, setSubmitted] = useState<string | null>(null);

  // A refusal because the claim moved on: reload the page data so the section shows the claim as it is
  // now (and its new version), while the fields keep what was typed.
  const errorKey = result?.verdictError.key ?? null;
  useEffect(() => {
    if (errorKey === "verdict.error.conflict" || errorKey === "verdict.error.transition") revalidator.revalidate();
  }, [result]);
  // A decision that went through (the action redirected, so there is no data): clear its note.
  useEffect(() => {
    if (fetcher.state !== "idle" || !submitted) return;
    if (!fetcher.data) {
      if (submitted === "return") setComment("");
      if (submitted === "notCheckable" || submitted === "reopen") setReason("");
    }
    setSubmitted(null);
  }, [fetcher.state, fetcher.data, submitted]);

  const actionUrl = `/claims/${claim.id}/verdicts`;
  // The verdicts this page shows, sent with every form: only a change to them since refuses a save.
  const seen = verdictBasis(verdicts);
  const errorFor = (intent: string) =>
    errorKey && result?.intent === intent ? (
      <Alert tone="error">
        {result?.conflict ? <ConflictSentence fields={result.conflict.fields} by={result.conflict.by} /> : <p>{t(errorKey)}</p>}
        {errorKey === "verdict.error.conflict" || errorKey === "verdict.error.transition" ? <p>{t("verdict.draftKept")}</p> : null}
      </Alert>
    ) : null;
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="claimVersion" value={claim.version} />
      <input type="hidden" name="seen" value={seen} />
    </>
  );
  const onSubmit = (intent: string) => () => setSubmitted(intent);
  const waiting = claim.status === "VERDICT_PROPOSED";
  const mayReturnOrApprove = can.decide && canMove(claim.status, "approveVerdict");
  const mayMarkNotCheckable = can.decide && canMove(claim.status, "markNotCheckable");
  const mayReopen = can.decide && (canMove(claim.status, "reopen") || canMove(claim.status, "reopenApproved"));
  const shownIntents = [
    ...(can.propose || blindMode ? ["propose"] : []),
    ...(mayReturnOrApprove ? ["approve", "return"] : []),
    ...(mayMarkNotCheckable ? ["notCheckable"] : []),
    ...(mayReopen ? ["reopen"] : []),
  ];

  return (
    <section id="verdict" className="panel verdict" aria-labelledby="verdict-title">
      <h2 id="verdict-title">{t("verdict.title")}</h2>
      {errorKey && !shownIntents.includes(result?.intent ?? "") ? (
        // A refusal whose form is gone (the claim moved on, e.g. another editor decided): said here instead.
        <Alert tone="error">{result?.conflict ? <ConflictSentence fields={result.conflict.fields} by={result.conflict.by} /> : <p>{t(errorKey)}</p>}</Alert>
      ) : null}

      {current && !current.hidden && current.rating ? (
        <div className="verdict__current">
          <p className="verdict__headline">
            <span className="visually-hidden">{t("verdict.current")}: </span>
            <RatingBadge rating={current.rating} />
            <span className="badge badge--muted">{t(`verdict.status.${current.status}`)}</span>
          </p>
          <Rationale html={current.rationaleHtml} />
          <p className="muted small">
            {t("verdict.proposedBy", { name: current.proposedBy.name, date: when(current.createdAt) })}
            {current.decidedBy && current.decidedAt
              ? ` · ${t("verdict.decidedBy", { name: current.decidedBy.name, date: when(current.decidedAt) })}`
              : ""}
          </p>
          {current.decisionNote ? (
            <div className="verdict__note">
              <p className="verdict__note-title">{t("verdict.note")}</p>
              <p>{current.decisionNote}</p>
            </div>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t("verdict.none")}</p>
      )}

      {hiddenCount > 0 ? <p className="verdict__blind-note">{t("verdict.hiddenNote")}</p> : null}

      {can.decide && latestBlind.some((verdict) => !verdict.hidden && verdict.rating) ? (
        <div className="verdict__blind">
          <h3>{t("verdict.blindTitle")}</h3>
          {disagreement ? (
            <Alert tone="info">
              <p>{t("verdict.disagreement")}</p>
            </Alert>
          ) : null}
          <ul className="verdict__blind-list">
            {latestBlind.map((verdict) =>
              verdict.rating ? (
                <li key={verdict.id}>
                  <p className="verdict__headline">
                    <RatingBadge rating={verdict.rating} />
                    <span className="muted small">{verdict.proposedBy.name}</span>
                    {verdict.disagrees === null ? null : (
                      <span className={`badge ${verdict.disagrees ? "badge--warning" : "badge--ok"}`}>
                        {verdict.disagrees ? t("verdict.disagrees") : t("verdict.agrees")}
                      </span>
                    )}
                  </p>
                  <Rationale html={verdict.rationaleHtml} />
                </li>
              ) : null,
            )}
          </ul>
        </div>
      ) : null}

      {can.propose || blindMode ? (
        <fetcher.Form method="post" action={actionUrl} className="stack verdict__form" onSubmit={onSubmit("propose")}>
          {hidden("propose")}
          {blindMode ? <input type="hidden" name="blind" value="on" /> : null}
          <h3>{blindMode ? t("verdict.proposeBlindTitle") : own ? t("verdict.reviseTitle") : t("verdict.proposeTitle")}</h3>
          {blindMode ? <p className="field__help">{t("verdict.blindHelp")}</p> : null}
          {errorFor("propose")}
          <div className="field">
            <label htmlFor="verdict-rating">{t("verdict.rating")}</label>
            <select id="verdict-rating" name="ratingId" required value={ratingId} onChange={(event) => setRatingId(event.target.value)}>
              <option value="" disabled>
                {t("verdict.chooseRating")}
              </option>
              {scale.map((label) => (
                <option key={label.id} value={label.id}>
                  {ratingText(label)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="verdict-rationale">{t("verdict.rationale")}</label>
            <textarea
              id="verdict-rationale"
              name="rationale"
              rows={10}
              required
              maxLength={rationaleMaxLength}
              value={rationale}
              onChange={(event) => setRationale(event.target.value)}
              aria-describedby="verdict-rationale-help"
            />
            <p className="field__help" id="verdict-rationale-help">
              {t("verdict.rationaleHelp", { max: rationaleMaxLength.toLocaleString(i18n.language) })}
            </p>
          </div>
          <div>
            <button type="submit" className="btn btn--primary" disabled={busy} aria-busy={busy || undefined}>
              {blindMode ? t("verdict.proposeBlindSubmit") : t("verdict.proposeSubmit")}
            </button>
          </div>
        </fetcher.Form>
      ) : waiting && own && !can.decide ? (
        <p className="muted">{t("verdict.waiting")}</p>
      ) : null}

      {mayReturnOrApprove || mayMarkNotCheckable || mayReopen ? (
        <div className="verdict__decide">
          <h3>{t("verdict.decideTitle")}</h3>
          {mayReturnOrApprove ? (
            <fetcher.Form method="post" action={actionUrl} className="stack" onSubmit={onSubmit("approve")}>
              {hidden("approve")}
              {errorFor("approve")}
              {viewerIsRater ? <p className="field__help">{t("verdict.fourEyesNote")}</p> : null}
              <div>
                <button type="submit" className="btn btn--primary" disabled={busy || viewerIsRater} aria-busy={busy || undefined}>
                  {t("verdict.approve")}
                </button>
              </div>
            </fetcher.Form>
          ) : null}
          {(
            [
              mayReturnOrApprove && {
                intent: "return",
                name: "comment",
                label: t("verdict.returnLabel"),
                help: t("verdict.returnHelp"),
                rows: 3,
                value: comment,
                set: setComment,
                submit: t("verdict.returnSubmit"),
                tone: "secondary",
              },
              mayMarkNotCheckable && {
                intent: "notCheckable",
                name: "reason",
                label: t("verdict.notCheckableLabel"),
                help: undefined,
                rows: 2,
                value: reason,
                set: setReason,
                submit: t("verdict.notCheckableSubmit"),
                tone: "danger",
              },
              mayReopen && {
                intent: "reopen",
                name: "reason",
                label: t("verdict.reopenLabel"),
                help: t("verdict.reopenHelp"),
                rows: 2,
                value: reason,
                set: setReason,
                submit: t("verdict.reopenSubmit"),
                tone: "secondary",
              },
            ] as const
          ).map((form) =>
            form ? (
              // An editor's note to the desk: returning a verdict (with a comment), settling a claim as not checkable or reopening a settled one (with a reason).
              <fetcher.Form key={form.intent} method="post" action={actionUrl} className="stack" onSubmit={onSubmit(form.intent)}>
                {hidden(form.intent)}
                {errorFor(form.intent)}
                <LabelledField id={`verdict-${form.name}`} label={form.label} help={form.help}>
                  <textarea
                    id={`verdict-${form.name}`}
                    name={form.name}
                    rows={form.rows}
                    required
                    maxLength={noteMaxLength}
                    value={form.value}
                    onChange={(event) => form.set(event.target.value)}
                    aria-describedby={form.help ? `verdict-${form.name}-help` : undefined}
                  />
                </LabelledField>
                <div>
                  <button type="submit" className={`btn btn--${form.tone}`} disabled={busy} aria-busy={busy || undefined}>
                    {form.submit}
                  </button>
                </div>
              </fetcher.Form>
            ) : null,
          )}
        </div>
      ) : null}

      {verdicts.length > 0 ? (
        <div className="verdict-history">
          <h3>{t("verdict.versions")}</h3>
          <ol className="verdict-history__list">
            {verdicts.map((verdict) => (
              <li key={verdict.id} className={`verdict-history__item${verdict.current ? " verdict-history__item--current" : ""}`}>
                <p className="verdict__headline">
                  <strong>{t("verdict.version", { version: verdict.version })}</strong>
                  {verdict.rating ? <RatingBadge rating={verdict.rating} /> : <span className="muted">{t("verdict.hidden")}</span>}
                  <span className="badge badge--muted">{t(`verdict.status.${verdict.status}`)}</span>
                  {verdict.blind ? <span className="badge badge--muted">{t("verdict.blind")}</span> : null}
                </p>
                <p className="muted small">
                  {t("verdict.proposedBy", { name: verdict.proposedBy.name, date: when(verdict.createdAt) })}
                  {verdict.decidedBy && verdict.decidedAt
                    ? ` · ${t("verdict.decidedBy", { name: verdict.decidedBy.name, date: when(verdict.decidedAt) })}`
                    : ""}
                </p>
                {verdict.decisionNote ? (
                  <div className="verdict__note">
                    <p className="verdict__note-title">{t("verdict.note")}</p>
                    <p>{verdict.decisionNote}</p>
                  </div>
                ) : null}
                {verdict.rationaleHtml && !verdict.current ? (
                  <details>
                    <summary>{t("verdict.showRationale")}</summary>
                    <Rationale html={verdict.rationaleHtml} />
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
