import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { type ClaimFieldValues, editableClaimFields, formValues } from "~/claims/merge";
import { wordingHardLimit, wordingSoftLimit } from "~/claims/spans";
import { ConflictSentence } from "~/components/edit-conflict";
import { ActionForm, Alert, LabelledField } from "~/components/ui";

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

/** A refused save of this claim: which fields someone else changed meanwhile, and who (when known). */
export type ClaimEditConflict = { fields: string[]; by: string | null };

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const same = (a: string, b: string) => a.trim() === b.trim();

/**
 * The text already typed into this claim's wording box before React took over the server-rendered page.
 * React resets a textarea to its server value while hydrating, so the first render reads it from the page
 * (only then: during later renders the element may belong to another claim's editor).
 */
function typedBeforeHydration(id: string, claimId: string): string | undefined {
  if (typeof document === "undefined" || document.documentElement.dataset.hydrated) return undefined;
  const element = document.getElementById(id);
  return element instanceof HTMLTextAreaElement && element.form?.dataset.claimId === claimId ? element.value : undefined;
}

/**
 * Edits one claim; mount it with `key={claim.id}`, so nothing of one claim's form can reach another's.
 * The fields are uncontrolled: what the editor types is never replaced by a re-render — not while the page
 * hydrates, not when someone else's change to the same claim arrives live. Fields the editor has not
 * touched take the new values; the form sends what it showed when the editor began each field
 * (`loaded`), so the server writes only what they changed and refuses only a real conflict.
 * `draft` holds what the editor typed when a save was refused (for a page rendered without JavaScript).
 */
export function ClaimEditor({
  claim,
  draft,
  conflict,
  splitPoints,
}: {
  claim: ClaimDetails;
  draft?: ClaimDraft;
  conflict: ClaimEditConflict | null;
  splitPoints: { at: number; before: string; after: string }[];
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const current = formValues(claim);
  const values = draft ?? current;
  const [initialWording] = useState(() => typedBeforeHydration("claim-wording", claim.id) ?? values.wording);
  // The server rendered the length hint from the stored wording; the effect below catches up with the box.
  const [wordingLength, setWordingLength] = useState(values.wording.length);
  const [loaded, setLoaded] = useState<ClaimFieldValues>(current);
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;

  // The claim as the server has it now (after a save, a refusal, or someone else's change arriving live):
  // fields the editor left as they were show it; fields they changed keep what they typed.
  const currentKey = JSON.stringify(current);
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const previous = loadedRef.current;
    const next = { ...previous };
    for (const field of editableClaimFields) {
      const element = form.elements.namedItem(field) as Field | null;
      if (!element) continue;
      if (same(element.value, current[field])) next[field] = current[field];
      else if (same(element.value, previous[field])) {
        element.value = current[field];
        next[field] = current[field];
      } else if (conflict) next[field] = current[field]; // refused, and the current version is shown: saving again replaces it
    }
    setWordingLength((form.elements.namedItem("wording") as Field | null)?.value.length ?? 0);
    if (editableClaimFields.some((field) => next[field] !== previous[field])) setLoaded(next);
  }, [currentKey, conflict]);

  return (
    <section className="panel claim-editor" aria-labelledby="claim-editor-title">
      <h2 id="claim-editor-title">{t("workspace.quote")}</h2>
      <blockquote className="claim-editor__quote">{claim.quote}</blockquote>
      {conflict ? (
        <Alert tone="error">
          <ConflictSentence fields={conflict.fields} by={conflict.by} />
          <p>{t("editConflict.keptWorkspace")}</p>
          <p>
            <strong>{t("workspace.currentVersion")}:</strong> {claim.wording}
            {claim.claimant ? ` — ${claim.claimant}` : ""}
          </p>
        </Alert>
      ) : null}
      <Form method="post" className="stack" ref={formRef} data-claim-id={claim.id}>
        <input type="hidden" name="intent" value="updateClaim" />
        <input type="hidden" name="claimId" value={claim.id} />
        <input type="hidden" name="version" value={claim.version} />
        <input type="hidden" name="loaded" value={JSON.stringify(loaded)} />
        <div className="field">
          <label htmlFor="claim-wording">{t("workspace.wording")}</label>
          <textarea
            id="claim-wording"
            name="wording"
            rows={3}
            required
            maxLength={wordingHardLimit}
            defaultValue={initialWording}
            onChange={(event) => setWordingLength(event.target.value.length)}
            aria-describedby="claim-wording-help claim-wording-length"
          />
          <p className="field__help" id="claim-wording-help">
            {t("workspace.wordingHelp")}
          </p>
          <p
            id="claim-wording-length"
            className={wordingLength > wordingSoftLimit ? "field__warning" : "visually-hidden"}
            aria-live="polite"
          >
            {wordingLength > wordingSoftLimit ? t("workspace.wordingLong", { count: wordingLength }) : ""}
          </p>
        </div>
        <ClaimTextField id="claim-claimant" name="claimant" label={t("workspace.claimant")} help={t("workspace.claimantHelp")} defaultValue={values.claimant} maxLength={300} />
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
        <ClaimTextField id="claim-appearance" name="appearance" label={t("workspace.appearance")} help={t("workspace.appearanceHelp")} defaultValue={values.appearance} maxLength={2000} />
        <button type="submit" className="btn btn--primary">
          {t("workspace.save")}
        </button>
      </Form>
      {splitPoints.length > 0 ? (
        <ActionForm intent="splitClaim" fields={{ claimId: claim.id, version: claim.version }} className="inline-form">
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
        </ActionForm>
      ) : null}
      <ActionForm intent="deleteClaim" fields={{ claimId: claim.id, version: claim.version }} confirm={t("workspace.deleteConfirm")}>
        <button type="submit" className="btn btn--danger">
          {t("workspace.delete")}
        </button>
      </ActionForm>
    </section>
  );
}

/** A one-line field of the claim with its help text, which the input names as its description. */
function ClaimTextField({ id, name, label, help, defaultValue, maxLength }: { id: string; name: string; label: string; help: string; defaultValue: string; maxLength: number }) {
  return (
    <LabelledField id={id} label={label} help={help}>
      <input id={id} name={name} defaultValue={defaultValue} maxLength={maxLength} aria-describedby={`${id}-help`} />
    </LabelledField>
  );
}
