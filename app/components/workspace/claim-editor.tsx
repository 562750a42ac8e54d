import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { wordingSoftLimit } from "~/claims/spans";
import { Alert, LabelledField } from "~/components/ui";

export type ClaimDetails = {
  id: string;
  quote: string;
  wording: string;
  claimant: string | null;
  claimantKind: string | null;
  claimDate: string | null;
  appearance: string | null;
  version: number;
};

export type ClaimDraft = { wording: string; claimant: string; claimantKind: string; claimDate: string; appearance: string };

/** Edits one claim. `draft` holds what the editor typed when a save was refused, so nothing is lost. */
export function ClaimEditor({
  claim,
  draft,
  conflict,
  splitPoints,
}: {
  claim: ClaimDetails;
  draft?: ClaimDraft;
  conflict: boolean;
  splitPoints: { at: number; before: string; after: string }[];
}) {
  const { t } = useTranslation();
  const [wording, setWording] = useState(draft?.wording ?? claim.wording);
  const values = draft ?? {
    wording: claim.wording,
    claimant: claim.claimant ?? "",
    claimantKind: claim.claimantKind ?? "",
    claimDate: claim.claimDate?.slice(0, 10) ?? "",
    appearance: claim.appearance ?? "",
  };
  return (
    <section className="panel claim-editor" aria-labelledby="claim-editor-title" key={`${claim.id}:${claim.version}`}>
      <h2 id="claim-editor-title">{t("workspace.quote")}</h2>
      <blockquote className="claim-editor__quote">{claim.quote}</blockquote>
      {conflict ? (
        <Alert tone="error">
          <p>{t("workspace.conflict")}</p>
          <p>
            <strong>{t("workspace.currentVersion")}:</strong> {claim.wording}
            {claim.claimant ? ` — ${claim.claimant}` : ""}
          </p>
        </Alert>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="updateClaim" />
        <input type="hidden" name="claimId" value={claim.id} />
        <input type="hidden" name="version" value={claim.version} />
        <div className="field">
          <label htmlFor="claim-wording">{t("workspace.wording")}</label>
          <textarea
            id="claim-wording"
            name="wording"
            rows={3}
            required
            maxLength={1000}
            value={wording}
            onChange={(event) => setWording(event.target.value)}
            aria-describedby="claim-wording-help claim-wording-length"
          />
          <p className="field__help" id="claim-wording-help">
            {t("workspace.wordingHelp")}
          </p>
          <p
            id="claim-wording-length"
            className={wording.length > wordingSoftLimit ? "field__warning" : "visually-hidden"}
            aria-live="polite"
          >
            {wording.length > wordingSoftLimit ? t("workspace.wordingLong", { count: wording.length }) : ""}
          </p>
        </div>
        <LabelledField id="claim-claimant" label={t("workspace.claimant")} help={t("workspace.claimantHelp")}>
          <input
            id="claim-claimant"
            name="claimant"
            defaultValue={values.claimant}
            maxLength={300}
            aria-describedby="claim-claimant-help"
          />
        </LabelledField>
        <LabelledField id="claim-claimant-kind" label={t("workspace.claimantKind")}>
          <select id="claim-claimant-kind" name="claimantKind" defaultValue={values.claimantKind}>
            <option value="">{t("workspace.claimantKindUnknown")}</option>
            <option value="Person">{t("workspace.claimantKindPerson")}</option>
            <option value="Organization">{t("workspace.claimantKindOrganization")}</option>
          </select>
        </LabelledField>
        <LabelledField id="claim-date" label={t("workspace.claimDate")}>
          <input id="claim-date" name="claimDate" type="date" defaultValue={values.claimDate} />
        </LabelledField>
        <LabelledField id="claim-appearance" label={t("workspace.appearance")} help={t("workspace.appearanceHelp")}>
          <input
            id="claim-appearance"
            name="appearance"
            defaultValue={values.appearance}
            maxLength={2000}
            aria-describedby="claim-appearance-help"
          />
        </LabelledField>
        <button type="submit" className="btn btn--primary">
          {t("workspace.save")}
        </button>
      </Form>
      {splitPoints.length > 0 ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="splitClaim" />
          <input type="hidden" name="claimId" value={claim.id} />
          <input type="hidden" name="version" value={claim.version} />
          <label htmlFor="claim-split">{t("workspace.splitAt")}</label>
          <select id="claim-split" name="at">
            {splitPoints.map((point) => (
              <option key={point.at} value={point.at}>
                {point.before} | {point.after}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn--secondary">
            {t("workspace.splitSubmit")}
          </button>
        </Form>
      ) : null}
      <Form
        method="post"
        onSubmit={(event) => {
          if (!window.confirm(t("workspace.deleteConfirm"))) event.preventDefault();
        }}
      >
        <input type="hidden" name="intent" value="deleteClaim" />
        <input type="hidden" name="claimId" value={claim.id} />
        <input type="hidden" name="version" value={claim.version} />
        <button type="submit" className="btn btn--danger">
          {t("workspace.delete")}
        </button>
      </Form>
    </section>
  );
}
