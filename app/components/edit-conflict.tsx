// The sentence a refused save shows: which fields someone else changed since the page was loaded, and who.
import { useTranslation } from "react-i18next";

export function conflictSentence(
  t: (key: string, options?: Record<string, unknown>) => string,
  language: string,
  conflict: { fields: string[]; by: string | null },
) {
  const fields = new Intl.ListFormat(language, { type: "conjunction" }).format(
    conflict.fields.map((field) => t(`editConflict.field.${field}`)),
  );
  return conflict.by ? t("editConflict.changedBy", { name: conflict.by, fields }) : t("editConflict.changedByUnknown", { fields });
}

/** "Someone else changed this claim since you opened it: Budi Santoso changed the checkable wording." */
export function ConflictSentence({ fields, by }: { fields: string[]; by: string | null }) {
  const { t, i18n } = useTranslation();
  return <p className="edit-conflict">{conflictSentence(t, i18n.language, { fields, by })}</p>;
}
