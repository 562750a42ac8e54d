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

/** The editorial fields in the order they are shown, with their rows and whether they have help. */
const editorialFields = [
  { name: "headline", rows: 2, help: false },
  { name: "summary", rows: 3, help: true },
  { name: "methodology", rows: 5, help: true },
] as const;

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
      {editorialFields.map(({ name, rows, help }) => (
        <TextArea
          key={name}
          id={`${idPrefix}-${name}`}
          name={name}
          label={t(`factCheck.${name}`)}
          help={help ? t(`factCheck.${name}Help`) : undefined}
          rows={rows}
          max={publishingLimits[name]}
          defaultValue={failed[name] ?? saved[name]}
          errors={errors[name]}
        />
      ))}
    </>
  );
}
