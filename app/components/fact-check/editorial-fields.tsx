// The fact-check page's text fields (routes/articles.$articleId.fact-check.tsx): a labelled text area bound to its
// conform form (its limits from the schema, its own id, which the confirmation's "keep editing" link points to), a
// corrected verdict's rationale (a field named by its claim, outside the schema), and the editorial fields
// (headline, summary, methodology) that publication and a correction share.
import { type FieldMetadata, getTextareaProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, LabelledField } from "~/components/ui";

export function TextArea<Schema>({
  id,
  meta,
  label,
  help,
  rows = 3,
}: {
  id: string;
  meta: FieldMetadata<Schema>;
  label: string;
  help?: string;
  rows?: number;
}) {
  return (
    <LabelledField id={id} label={label} help={help}>
      <textarea {...getTextareaProps(meta, { ariaDescribedBy: help ? `${id}-help` : undefined })} key={meta.key} id={id} rows={rows} />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </LabelledField>
  );
}

/** A corrected verdict's rationale: named by its claim (`rationale-<id>`), read by `verdictChanges`, not by the schema. */
export function RationaleArea({
  id,
  label,
  defaultValue,
  max,
  errors,
}: {
  id: string;
  label: string;
  defaultValue: string;
  max: number;
  errors?: string[] | null;
}) {
  const { t } = useTranslation();
  return (
    <LabelledField id={id} label={label}>
      <textarea id={id} name={id} rows={4} maxLength={max} required defaultValue={defaultValue} aria-invalid={errors?.length ? true : undefined} />
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

type EditorialName = (typeof editorialFields)[number]["name"];

/** Headline, summary and methodology: what the editor writes at publication and may change in a correction. */
export function EditorialFields<Schema>({ idPrefix, fields }: { idPrefix: string; fields: Record<EditorialName, FieldMetadata<Schema>> }) {
  const { t } = useTranslation();
  return (
    <>
      {editorialFields.map(({ name, rows, help }) => (
        <TextArea
          key={name}
          id={`${idPrefix}-${name}`}
          meta={fields[name]}
          label={t(`factCheck.${name}`)}
          help={help ? t(`factCheck.${name}Help`) : undefined}
          rows={rows}
        />
      ))}
    </>
  );
}
