// The few interface pieces every page is built from. Styles live in app/styles/app.css (BEM-style
// classes, design tokens as CSS custom properties); no page styles itself inline.
import { type FieldMetadata, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { FormEvent, ReactNode } from "react";
import { Form } from "react-router";
import { useTranslation } from "react-i18next";
import { passwordRules } from "~/auth/password-rules";
import type { FormNotice } from "~/utils/form-answer";

/**
 * The document's <title>: the page's title, then the app's name. React renders it into <head> wherever it
 * is used, so each page gets one from its heading (PageHeader, PublicShell, the error pages); a page should
 * have one at a time, and none from a route `meta` export besides.
 */
export function DocumentTitle({ title }: { title: string }) {
  const { t } = useTranslation();
  return <title>{`${title} · ${t("app.name")}`}</title>;
}

/** The page's heading (h1), intro and actions; its title (or `documentTitle`) is also the document's title. */
export function PageHeader({ title, intro, documentTitle, children }: { title: string; intro?: string; documentTitle?: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <DocumentTitle title={documentTitle ?? title} />
      <div>
        <h1>{title}</h1>
        {intro ? <p className="page-header__intro">{intro}</p> : null}
      </div>
      {children ? <div className="page-header__actions">{children}</div> : null}
    </header>
  );
}

export function Card({ title, children, id }: { title?: string; children: ReactNode; id?: string }) {
  return (
    <section className="card" aria-labelledby={title && id ? id : undefined}>
      {title ? <h2 id={id}>{title}</h2> : null}
      {children}
    </section>
  );
}

/** A table with a header row naming its columns; its rows are the children. `wrap` lets a wide table scroll sideways on a narrow screen. */
export function DataTable({ columns, wrap = false, children }: { columns: string[]; wrap?: boolean; children: ReactNode }) {
  const table = (
    <table className="table">
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return wrap ? <div className="table-wrap">{table}</div> : table;
}

/**
 * A form that posts one action: its `intent` and hidden `fields` (in this order), with the button (and any
 * visible input) as children. With `confirm`, the browser asks that question first and a "no" sends nothing.
 */
export function ActionForm({ intent, fields, confirm, className, children }: {
  intent: string;
  fields: Record<string, string | number>;
  confirm?: string;
  className?: string;
  children: ReactNode;
}) {
  const onSubmit = confirm
    ? (event: FormEvent<HTMLFormElement>) => {
        if (!window.confirm(confirm)) event.preventDefault();
      }
    : undefined;
  return (
    <Form method="post" className={className} onSubmit={onSubmit}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  );
}

/** The notice a form's answer carries (a success, with its count when it has one), above the form. */
export function FormNoticeAlert({ notice }: { notice: FormNotice | null | undefined }) {
  const { t } = useTranslation();
  if (!notice) return null;
  return (
    <Alert tone={notice.tone}>
      <p>{t(notice.key, { count: notice.count ?? 0 })}</p>
    </Alert>
  );
}

export function Alert({ tone, children }: { tone: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/** A labelled control that is not bound to a conform form: label, the control, optional help text. */
export function LabelledField({ id, label, help, children }: { id: string; label: string; help?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {help ? (
        <p className="field__help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
    </div>
  );
}

/** Errors about the whole form (not one field), e.g. a refused sign-in, translated with `values`. */
export function FormAlert({ id, errors, values }: { id: string; errors: string[] | undefined; values?: Record<string, unknown> }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <Alert tone="error">
      <p id={id}>{errors.map((key) => t(key, values)).join(" ")}</p>
    </Alert>
  );
}

/** Translates validation messages (catalog keys) with the limits they mention (a password's, unless `values` says). */
export function useErrorText(values?: Record<string, unknown>) {
  const { t } = useTranslation();
  return (key: string) => t(key, { min: passwordRules.minLength, max: passwordRules.maxLength, ...values });
}

export function FieldErrors({ id, errors, values }: { id: string; errors: string[] | undefined; values?: Record<string, unknown> }) {
  const errorText = useErrorText(values);
  if (!errors?.length) return null;
  return (
    <p className="field__error" id={id}>
      {errors.map(errorText).join(" ")}
    </p>
  );
}

type InputType = "text" | "email" | "password" | "url" | "date" | "number" | "color";

export function Field<Schema>({
  label,
  meta,
  type = "text",
  autoComplete,
  help,
  className,
}: {
  label: string;
  meta: FieldMetadata<Schema>;
  type?: InputType;
  autoComplete?: string;
  help?: string;
  className?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <input {...getInputProps(meta, { type })} key={meta.key} autoComplete={autoComplete} className={className} />
      {help ? <p className="field__help">{help}</p> : null}
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectField<Schema>({
  label,
  meta,
  options,
  placeholder,
}: {
  label: string;
  meta: FieldMetadata<Schema>;
  options: { value: string; label: string }[];
  /** A first, disabled choice shown while nothing is chosen ("Choose a rating"). */
  placeholder?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <select {...getSelectProps(meta)} key={meta.key}>
        {placeholder ? (
          <option value="" disabled>
            {placeholder}
          </option>
        ) : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** A text area bound to the form; `errorValues` fill its messages' placeholders (a limit, say). */
export function TextareaField<Schema>({
  label,
  meta,
  rows = 3,
  help,
  errorValues,
}: {
  label: string;
  meta: FieldMetadata<Schema>;
  rows?: number;
  help?: string;
  errorValues?: Record<string, unknown>;
}) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <textarea {...getTextareaProps(meta, { ariaDescribedBy: help ? meta.descriptionId : undefined })} key={meta.key} rows={rows} />
      {help ? (
        <p className="field__help" id={meta.descriptionId}>
          {help}
        </p>
      ) : null}
      <FieldErrors id={meta.errorId} errors={meta.errors} values={errorValues} />
    </div>
  );
}

/** A checkbox with its label after it; it sends "on" when checked (a `z.boolean()` field). */
export function CheckboxField<Schema>({ label, meta }: { label: string; meta: FieldMetadata<Schema> }) {
  return (
    <div className="field field--check">
      <input {...getInputProps(meta, { type: "checkbox" })} key={meta.key} />
      <label htmlFor={meta.id}>{label}</label>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SubmitButton({ children, busy, tone = "primary", ...rest }: {
  children: ReactNode;
  busy?: boolean;
  tone?: "primary" | "secondary" | "danger";
} & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="submit" className={`btn btn--${tone}`} aria-busy={busy || undefined} disabled={busy} {...rest}>
      {children}
    </button>
  );
}
