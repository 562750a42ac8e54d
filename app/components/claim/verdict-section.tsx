// The claim page's verdict section: the current verdict (its label in words and its colour), the
// rationale as HTML rendered and sanitised on the server, every version, and the forms to propose,
// return, approve or mark the claim not checkable. The forms post to /claims/:id/verdicts through one
// fetcher; each takes the answer (a FormAnswer) when it names its intent: a refusal is shown on that form and
// what the user typed stays in the fields.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFetcher, useRevalidator } from "react-router";
import { useNewsroomClock } from "~/components/clock";
import { ConflictSentence } from "~/components/edit-conflict";
import { useSchemaForm } from "~/components/schema-form";
import { Alert, SelectField, SubmitButton, TextareaField } from "~/components/ui";
import type { ClaimStatus } from "~/generated/prisma/enums";
import { canMove } from "~/review/lifecycle";
import { verdictBasis } from "~/review/verdict-basis";
import { ApproveVerdict, MarkNotCheckable, ProposeVerdict, rationaleMaxLength, ReopenClaim, ReturnVerdict } from "~/review/verdict-form";
import type { EditConflict, FormAnswer } from "~/utils/form-answer";
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

/** A verdict settled from an earlier fact-check says whose, linking it (decision 0021). */
function CheckedBeforeNote({ checked }: { checked: NonNullable<VerdictItem["checkedBefore"]> }) {
  const { t } = useTranslation();
  const clock = useNewsroomClock();
  return (
    <p className="small verdict__checked-before">
      <a href={checked.url} target="_blank" rel="noopener noreferrer nofollow">
        {t("checkedBefore.checkedBy", { publisher: checked.publisher })}
      </a>{" "}
      ({t("checkedBefore.checkedByDetail", { rating: checked.rating, date: clock.calendarDate(`${checked.datePublished.slice(0, 10)}T00:00:00.000Z`) })})
    </p>
  );
}

/** Who proposed a verdict and when, who decided on it and when, and the decision's note. */
function VerdictByline({ verdict }: { verdict: VerdictItem }) {
  const { t } = useTranslation();
  const when = useNewsroomClock().dateTime;
  return (
    <>
      <p className="muted small">
        {t("verdict.proposedBy", { name: verdict.proposedBy.name, date: when(verdict.createdAt) })}
        {verdict.decidedBy && verdict.decidedAt ? ` · ${t("verdict.decidedBy", { name: verdict.decidedBy.name, date: when(verdict.decidedAt) })}` : ""}
      </p>
      {verdict.decisionNote ? (
        <div className="verdict__note">
          <p className="verdict__note-title">{t("verdict.note")}</p>
          <p>{verdict.decisionNote}</p>
        </div>
      ) : null}
    </>
  );
}

/** Refusals after which the section shows the claim as it is now, the fields keeping what was typed. */
const movedOn = ["verdict.error.conflict", "verdict.error.transition"];

/** A refused verdict form: who changed what meanwhile, or the refusal's message; and that the draft is kept. */
function VerdictRefusal({ errors, conflict, draftKept }: { errors: string[] | null | undefined; conflict?: EditConflict; draftKept: boolean }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <Alert tone="error">
      {conflict ? <ConflictSentence fields={conflict.fields} by={conflict.by} /> : <p>{errors.map((key) => t(key)).join(" ")}</p>}
      {draftKept && errors.some((key) => movedOn.includes(key)) ? <p>{t("verdict.draftKept")}</p> : null}
    </Alert>
  );
}

/** What every verdict form sends besides its fields: the claim version and the verdicts the page showed. */
type FormBasis = { claimId: string; claimVersion: number; seen: string; busy: boolean; answer: FormAnswer | undefined };

function BasisFields({ intent, basis }: { intent: string; basis: FormBasis }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="claimVersion" value={basis.claimVersion} />
      <input type="hidden" name="seen" value={basis.seen} />
    </>
  );
}

/**
 * What a refused verdict form says: the refusal's message, or — when a field the page itself fills in (the
 * intent, the claim version, the verdicts it showed) came back refused — that the form could not be read.
 */
function refusalOf(formErrors: string[] | null | undefined, result: SubmissionResult<string[]> | undefined) {
  if (formErrors?.length) return formErrors;
  return ["intent", "claimVersion", "seen"].some((name) => result?.error?.[name]?.length) ? ["verdict.error.invalid"] : null;
}

/** The fetcher's answer, when it is to the form of `intent`. */
function answerTo(intent: string, answer: FormAnswer | undefined): SubmissionResult<string[]> | undefined {
  return answer?.result.initialValue?.intent === intent ? answer.result : undefined;
}

function ProposeForm({ basis, scale, blind, own, title }: {
  basis: FormBasis;
  scale: ScaleLabel[];
  blind: boolean;
  own: VerdictItem | null;
  title: string;
}) {
  const { t, i18n } = useTranslation();
  const fetcher = useFetcher<FormAnswer>({ key: `verdict:${basis.claimId}` });
  const answered = answerTo("propose", basis.answer);
  const [form, fields] = useSchemaForm(ProposeVerdict, {
    id: `verdict-propose-${basis.claimId}`,
    lastResult: answered,
    defaultValue: { ratingId: own?.rating?.id ?? "", rationale: own?.rationale ?? "" },
  });
  const options = scale.map((label) => ({ value: label.id, label: i18n.language === "id" ? label.labelId : label.labelEn }));
  return (
    <fetcher.Form method="post" action={`/claims/${basis.claimId}/verdicts`} {...getFormProps(form)} className="stack verdict__form">
      <BasisFields intent="propose" basis={basis} />
      {blind ? <input type="hidden" name="blind" value="on" /> : null}
      <h3>{title}</h3>
      {blind ? <p className="field__help">{t("verdict.blindHelp")}</p> : null}
      <VerdictRefusal errors={refusalOf(form.errors, answered)} conflict={answered && basis.answer?.conflict} draftKept />
      <SelectField label={t("verdict.rating")} meta={fields.ratingId} options={options} placeholder={t("verdict.chooseRating")} />
      <TextareaField
        label={t("verdict.rationale")}
        meta={fields.rationale}
        rows={10}
        help={t("verdict.rationaleHelp", { max: rationaleMaxLength.toLocaleString(i18n.language) })}
      />
      <div>
        <SubmitButton busy={basis.busy}>{blind ? t("verdict.proposeBlindSubmit") : t("verdict.proposeSubmit")}</SubmitButton>
      </div>
    </fetcher.Form>
  );
}

function ApproveForm({ basis, viewerIsRater }: { basis: FormBasis; viewerIsRater: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<FormAnswer>({ key: `verdict:${basis.claimId}` });
  const answered = answerTo("approve", basis.answer);
  const [form] = useSchemaForm(ApproveVerdict, { id: `verdict-approve-${basis.claimId}`, lastResult: answered });
  return (
    <fetcher.Form method="post" action={`/claims/${basis.claimId}/verdicts`} {...getFormProps(form)} className="stack">
      <BasisFields intent="approve" basis={basis} />
      <VerdictRefusal errors={refusalOf(form.errors, answered)} conflict={answered && basis.answer?.conflict} draftKept />
      {viewerIsRater ? <p className="field__help">{t("verdict.fourEyesNote")}</p> : null}
      <div>
        <SubmitButton busy={basis.busy} disabled={basis.busy || viewerIsRater}>
          {t("verdict.approve")}
        </SubmitButton>
      </div>
    </fetcher.Form>
  );
}

/** An editor's note to the desk: returning a verdict (with a comment), settling a claim as not checkable or reopening a settled one (with a reason). */
const noteForms = {
  return: { schema: ReturnVerdict, name: "comment", label: "verdict.returnLabel", help: "verdict.returnHelp", rows: 3, submit: "verdict.returnSubmit", tone: "secondary" },
  notCheckable: { schema: MarkNotCheckable, name: "reason", label: "verdict.notCheckableLabel", help: null, rows: 2, submit: "verdict.notCheckableSubmit", tone: "danger" },
  reopen: { schema: ReopenClaim, name: "reason", label: "verdict.reopenLabel", help: "verdict.reopenHelp", rows: 2, submit: "verdict.reopenSubmit", tone: "secondary" },
} as const;

function NoteForm({ intent, basis }: { intent: keyof typeof noteForms; basis: FormBasis }) {
  const { t } = useTranslation();
  const note = noteForms[intent];
  const fetcher = useFetcher<FormAnswer>({ key: `verdict:${basis.claimId}` });
  const answered = answerTo(intent, basis.answer);
  const [form, fields] = useSchemaForm<typeof ReturnVerdict | typeof MarkNotCheckable | typeof ReopenClaim>(note.schema, {
    id: `verdict-${intent}-${basis.claimId}`,
    lastResult: answered,
  });
  const [sent, setSent] = useState(false);
  // A decision that went through (the action redirected, so there is no answer): clear its note.
  useEffect(() => {
    if (fetcher.state !== "idle" || !sent) return;
    if (!fetcher.data) form.reset();
    setSent(false);
  }, [fetcher.state, fetcher.data, sent]);
  const meta = (fields as Record<string, Parameters<typeof TextareaField>[0]["meta"]>)[note.name]!;
  return (
    <fetcher.Form
      method="post"
      action={`/claims/${basis.claimId}/verdicts`}
      {...getFormProps(form)}
      className="stack"
      onSubmit={(event) => {
        form.onSubmit(event);
        if (!event.defaultPrevented) setSent(true);
      }}
    >
      <BasisFields intent={intent} basis={basis} />
      <VerdictRefusal errors={refusalOf(form.errors, answered)} conflict={answered && basis.answer?.conflict} draftKept />
      <TextareaField label={t(note.label)} meta={meta} rows={note.rows} help={note.help ? t(note.help) : undefined} />
      <div>
        <SubmitButton busy={basis.busy} tone={note.tone}>
          {t(note.submit)}
        </SubmitButton>
      </div>
    </fetcher.Form>
  );
}

export function VerdictSection({ claim, verdicts, scale, can, viewerId }: VerdictSectionProps) {
  const { t } = useTranslation();
  // Keyed, so the refusal and the draft survive the section being re-mounted by a reload of the page data.
  const fetcher = useFetcher<FormAnswer>({ key: `verdict:${claim.id}` });
  const revalidator = useRevalidator();
  const answer = fetcher.data;

  const current = verdicts.find((verdict) => verdict.current) ?? null;
  const own = verdicts.find((verdict) => verdict.proposedBy.id === viewerId && !verdict.hidden) ?? null;
  const blindMode = !can.propose && Boolean(can.proposeBlind);
  const latestBlind = verdicts.filter(
    (verdict, index) => verdict.blind && verdicts.findIndex((v) => v.blind && v.proposedBy.id === verdict.proposedBy.id) === index,
  );
  const hiddenCount = verdicts.filter((verdict) => verdict.hidden).length;
  const disagreement = latestBlind.some((verdict) => verdict.disagrees === true);
  const viewerIsRater = verdicts.some((verdict) => verdict.status === "PROPOSED" && verdict.proposedBy.id === viewerId);

  // A refusal because the claim moved on: reload the page data so the section shows the claim as it is
  // now (and its new version), while the fields keep what was typed.
  const formErrors = refusalOf(answer?.result.error?.[""], answer?.result);
  useEffect(() => {
    if (formErrors?.some((key) => movedOn.includes(key))) revalidator.revalidate();
  }, [answer]);

  const basis: FormBasis = {
    claimId: claim.id,
    claimVersion: claim.version,
    // The verdicts this page shows, sent with every form: only a change to them since refuses a save.
    seen: verdictBasis(verdicts),
    busy: fetcher.state !== "idle",
    answer,
  };
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
  const answeredIntent = answer?.result.initialValue?.intent;

  return (
    <section id="verdict" className="panel verdict" aria-labelledby="verdict-title">
      <h2 id="verdict-title">{t("verdict.title")}</h2>
      {typeof answeredIntent === "string" && !shownIntents.includes(answeredIntent) ? (
        // A refusal whose form is gone (the claim moved on, e.g. another editor decided): said here instead.
        <VerdictRefusal errors={formErrors} conflict={answer?.conflict} draftKept={false} />
      ) : null}

      {current && !current.hidden && current.rating ? (
        <div className="verdict__current">
          <p className="verdict__headline">
            <span className="visually-hidden">{t("verdict.current")}: </span>
            <RatingBadge rating={current.rating} />
            <span className="badge badge--muted">{t(`verdict.status.${current.status}`)}</span>
          </p>
          {current.checkedBefore ? <CheckedBeforeNote checked={current.checkedBefore} /> : null}
          <Rationale html={current.rationaleHtml} />
          <VerdictByline verdict={current} />
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
        <ProposeForm
          basis={basis}
          scale={scale}
          blind={blindMode}
          own={own}
          title={blindMode ? t("verdict.proposeBlindTitle") : own ? t("verdict.reviseTitle") : t("verdict.proposeTitle")}
        />
      ) : waiting && own && !can.decide ? (
        <p className="muted">{t("verdict.waiting")}</p>
      ) : null}

      {mayReturnOrApprove || mayMarkNotCheckable || mayReopen ? (
        <div className="verdict__decide">
          <h3>{t("verdict.decideTitle")}</h3>
          {mayReturnOrApprove ? <ApproveForm basis={basis} viewerIsRater={viewerIsRater} /> : null}
          {mayReturnOrApprove ? <NoteForm key="return" intent="return" basis={basis} /> : null}
          {mayMarkNotCheckable ? <NoteForm key="notCheckable" intent="notCheckable" basis={basis} /> : null}
          {mayReopen ? <NoteForm key="reopen" intent="reopen" basis={basis} /> : null}
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
                <VerdictByline verdict={verdict} />
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
