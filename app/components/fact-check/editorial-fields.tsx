// The fact-check page's text fields (routes/articles.$articleId.fact-check.tsx): a labelled text area with its
// limit and errors, and the editorial fields (headline, summary, methodology) that publication and a
// correction share.
import { useTranslation } from "react-i18next";
import { LabelledField } from "~/components/ui";
import { publishingLimits } from "~/publishing/content";
import type { FormFields } from "~/publishing/forms";

export function TextArea({
  id,
  name,
  label,
  help,
  defaultValue,
  rows = 3,
  max,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  help?: string;
  defaultValue: string;
  rows?: number;
  max: number;
  errors?: string[];
}) {
  const { t } = useTranslation();
  return (
    <LabelledField id={id} label={label} help={help}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={max}
        required
        defaultValue={defaultValue}
        aria-describedby={help ? `${id}-help` : undefined}
        aria-invalid={errors?.length ? true : undefined}
      />
      {errors?.length ? <p className="field__error">{errors.map((key) => t(key)).join(" ")}</p> : null}
    </LabelledField>
  );
}

/** Headline, summary and methodology: what the editor writes at publication and may change in a correction. */
export function EditorialFields({
  idPrefix,
  saved,
  failed,
  errors,
}: {
  idPrefix: string;
  saved: { headline: string; summary: string; methodology: string };
  failed: FormFields;
  errors: Record<string, string[] | undefined>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextArea
        id={`${idPrefix}-headline`}
        name="headline"
        label={t("factCheck.headline")}
        rows={2}
        max={publishingLimits.headline}
        defaultValue={failed.headline ?? saved.headline}
        errors={errors.headline}
      />
      <TextArea
        id={`${idPrefix}-summary`}
        name="summary"
        label={t("factCheck.summary")}
        help={t("factCheck.summaryHelp")}
        max={publishingLimits.summary}
        defaultValue={failed.summary ?? saved.summary}
        errors={errors.summary}
      />
      <TextArea
        id={`${idPrefix}-methodology`}
        name="methodology"
        label={t("factCheck.methodology")}
        help={t("factCheck.methodologyHelp")}
        rows={5}
        max={publishingLimits.methodology}
        defaultValue={failed.methodology ?? saved.methodology}
        errors={errors.methodology}
      />
    </>
  );
}
