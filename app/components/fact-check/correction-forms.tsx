// The forms of a published (or withdrawn) fact-check (routes/articles.$articleId.fact-check.tsx): a correction —
// or publishing it again after a withdrawal — with its note, the editorial fields and the corrected verdicts
// (`rating-<claimId>`/`rationale-<claimId>`, read by `verdictChanges`), and the withdrawal with its reason.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { useSchemaForm } from "~/components/schema-form";
import { LabelledField, SubmitButton } from "~/components/ui";
import { claimLabel, claimsInOrder, type PublishedClaim } from "~/publishing/content";
import { CorrectFactCheck, type FormFields, WithdrawFactCheck } from "~/publishing/forms";
import { rationaleMaxLength } from "~/review/verdict-form";
import { EditorialFields, RationaleArea, TextArea } from "./editorial-fields";

type Label = { id: string; labelEn: string; labelId: string; value: number };

export function CorrectionForm({
  action,
  busy,
  withdrawn,
  currentVersion,
  saved,
  claims,
  labels,
  lastResult,
}: {
  action: string;
  busy: boolean;
  withdrawn: boolean;
  currentVersion: number;
  saved: { headline: string; summary: string; methodology: string };
  claims: PublishedClaim[];
  labels: Label[];
  /** The action's answer, when it is to this form. */
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useSchemaForm(CorrectFactCheck, { id: "fc-correct", lastResult, defaultValue: { ...saved, correctionNote: "" } });
  // The corrected verdicts are outside the schema: what was typed and their errors come from the answer itself.
  const typed = (lastResult?.initialValue ?? {}) as FormFields;
  const errors = lastResult?.error ?? {};
  const labelText = (l: { labelEn: string; labelId: string }) => (i18n.language === "id" ? l.labelId : l.labelEn);
  return (
    <Form method="post" action={action} {...getFormProps(form)} className="stack" aria-labelledby="correct-title">
      <input type="hidden" name="intent" value="correct" />
      <input type="hidden" name="basedOnVersion" value={currentVersion} />
      <TextArea id="fc-note" meta={fields.correctionNote} label={t("factCheck.correctionNote")} help={t("factCheck.correctionNoteHelp")} />
      <EditorialFields idPrefix="fc-c" fields={fields} />
      <fieldset className="stack">
        <legend>{t("factCheck.correctVerdicts")}</legend>
        {claimsInOrder(claims)
          .filter((claim) => claim.outcome === "rated" && claim.rating)
          .map((claim) => {
            const label = claimLabel(t, claim);
            return (
              <div key={claim.claimId} className="stack">
                <p>
                  <strong>{label}</strong> — {labelText(claim.rating!)}
                </p>
                <LabelledField id={`rating-${claim.claimId}`} label={t("factCheck.newRating", { claim: label })}>
                  <select id={`rating-${claim.claimId}`} name={`rating-${claim.claimId}`} defaultValue={typed[`rating-${claim.claimId}`] ?? ""}>
                    <option value="">{t("factCheck.keepRating")}</option>
                    {labels.map((l) => (
                      <option key={l.id} value={l.id}>
                        {labelText(l)} ({l.value})
                      </option>
                    ))}
                  </select>
                </LabelledField>
                <RationaleArea
                  id={`rationale-${claim.claimId}`}
                  label={t("factCheck.rationale", { claim: label })}
                  max={rationaleMaxLength}
                  defaultValue={typed[`rationale-${claim.claimId}`] ?? claim.rationale ?? ""}
                  errors={errors[`rationale-${claim.claimId}`] ?? errors[`rating-${claim.claimId}`]}
                />
              </div>
            );
          })}
      </fieldset>
      <SubmitButton busy={busy}>{t(withdrawn ? "factCheckConfirm.republish" : "factCheckConfirm.publishCorrection")}</SubmitButton>
    </Form>
  );
}

export function WithdrawForm({ action, busy, lastResult }: { action: string; busy: boolean; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(WithdrawFactCheck, { id: "fc-withdraw", lastResult });
  return (
    <Form method="post" action={action} {...getFormProps(form)} className="stack" aria-labelledby="withdraw-title">
      <input type="hidden" name="intent" value="withdraw" />
      <TextArea id="fc-reason" meta={fields.reason} label={t("factCheck.withdrawalReason")} help={t("factCheck.withdrawalHelp")} />
      <SubmitButton busy={busy} tone="danger">
        {t("factCheckConfirm.withdraw")}
      </SubmitButton>
    </Form>
  );
}
