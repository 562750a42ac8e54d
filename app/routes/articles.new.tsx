// The import page: an article from a web address, a file, or pasted text. Each form posts here; success opens
// the article, anything else answers a FormAnswer on the form that was sent: an ImportError (422, its code and
// values), or an article already on the desk (409, with its title and a link to it).
import { type FieldMetadata, getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation } from "react-router";
import type { z } from "zod";
import { ImportAction, ImportFromFile, ImportFromUrl, ImportPasted } from "~/articles/import-form";
import { importArticle } from "~/articles/articles.server";
import type { ArticleDraft } from "~/articles/import/draft";
import { draftFromFile } from "~/articles/import/file.server";
import { draftFromPaste } from "~/articles/import/paste";
import { draftFromUrl } from "~/articles/import/url.server";
import { articleLimits, ImportError } from "~/articles/text";
import { requireUserWithPermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useSchemaForm } from "~/components/schema-form";
import { Alert, Card, LabelledField, PageHeader } from "~/components/ui";
import { getNewsroom } from "~/newsroom/settings.server";
import type { FormAnswer } from "~/utils/form-answer";
import { badInput, readForm, refusalReply } from "~/utils/form.server";
import type { Route } from "./+types/articles.new";

const limitMb = Math.round(articleLimits.maxBytes / (1024 * 1024));

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUserWithPermission({ request, context }, "create:article:any");
  return { limitMb };
}

/** The key of the answer that says the article is already on the desk (its values: the article's id and title). */
const duplicateKey = "import.duplicate";

function readImportForm(request: Request) {
  return readForm(request, {
    maxBytes: articleLimits.maxBytes + 256 * 1024,
    maxFileSize: articleLimits.maxBytes,
    maxFiles: 1,
    tooLarge: () => new ImportError("too_large", { limitMb }),
  });
}

async function draftOf(value: z.output<typeof ImportAction>): Promise<ArticleDraft> {
  switch (value.intent) {
    case "url":
      return draftFromUrl((value.url ?? "").trim());
    case "file":
      if (!(value.file instanceof File) || value.file.size === 0) throw new ImportError("empty");
      return draftFromFile({ name: value.file.name, type: value.file.type, bytes: new Uint8Array(await value.file.arrayBuffer()) });
    case "paste":
      return draftFromPaste({
        title: value.title ?? "",
        body: value.body ?? "",
        outlet: value.outlet ?? "",
        author: value.author ?? "",
        publishedAt: value.publishedAt ?? "",
        originalUrl: value.originalUrl ?? "",
        timeZone: (await getNewsroom()).timeZone,
      });
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const editor = await requireUserWithPermission({ request, context }, "create:article:any");
  let form: FormData;
  try {
    form = await readImportForm(request);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    // A form too large to read was not read: its refusal is said on the paste form.
    form = new FormData();
    form.set("intent", "paste");
    return refusalReply(parseWithZod(form, { schema: ImportAction }), error);
  }
  // A form sent without its intent is the paste form.
  if (!form.get("intent")) form.set("intent", "paste");
  const submission = parseWithZod(form, { schema: ImportAction });
  if (submission.status !== "success") throw badInput("badInput.malformedForm", 400);
  try {
    const outcome = await importArticle(editor, await draftOf(submission.value));
    if (outcome.created) return redirect(`/articles/${outcome.articleId}`);
    return data<FormAnswer>(
      { result: submission.reply({ formErrors: [duplicateKey] }), values: { id: outcome.articleId, title: outcome.title } },
      { status: 409 },
    );
  } catch (error) {
    if (error instanceof ImportError) return refusalReply(submission, error);
    throw error;
  }
}

/** What the action said about the form that was sent: the article already on the desk, or why it cannot be imported. */
function ImportProblem({ answer }: { answer: FormAnswer }) {
  const { t } = useTranslation();
  const { limitMb } = useLoaderData<typeof loader>();
  const key = answer.result.error?.[""]?.[0];
  const values = answer.values ?? {};
  if (!key) return null;
  if (key === duplicateKey) {
    return (
      <Alert tone="info">
        <p>{t("import.duplicate", { title: values.title })}</p>
        <p>
          <Link to={`/articles/${values.id}`}>{t("import.openExisting")}</Link>
        </p>
      </Alert>
    );
  }
  // The message's key names the failure (a pasted article without a headline: title_required).
  const code = key.replace(/^import\.error\./, "");
  const type = typeof values.type === "string" ? `: ${values.type}` : "";
  return (
    <Alert tone="error">
      <p data-error-code={code}>
        {t(key, { defaultValue: t("import.error.unknown"), limitMb, status: values.status ?? "", detail: type, ...values })}
      </p>
    </Alert>
  );
}

type ImportFormProps = { title: string; submitLabel: string; busy: boolean; answer: FormAnswer | undefined };

function ImportCard({ intent, form, props, children }: {
  intent: "url" | "file" | "paste";
  /** The form's props from conform (`getFormProps`). */
  form: ReturnType<typeof getFormProps>;
  props: ImportFormProps;
  children: ReactNode;
}) {
  return (
    <Card title={props.title} id={`import-${intent}`}>
      {props.answer ? <ImportProblem answer={props.answer} /> : null}
      <Form method="post" encType="multipart/form-data" {...form} className="stack">
        <input type="hidden" name="intent" value={intent} />
        {children}
        <button type="submit" className="btn btn--primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
      </Form>
    </Card>
  );
}

// The fields keep their own ids (the labels, the help and the page's anchors name them); what makes a value
// importable is the import's to say, so `required` only asks the browser not to send an empty form.
const singleFields = {
  url: { schema: ImportFromUrl, label: "import.urlLabel", help: "import.urlHelp", input: { type: "url", placeholder: "https://" } },
  file: {
    schema: ImportFromFile,
    label: "import.fileLabel",
    help: "import.fileHelp",
    input: { type: "file", accept: ".html,.htm,.txt,.md,.docx,text/html,text/plain,text/markdown" },
  },
} as const;

/** The address form and the file form: one field each, named like its intent. */
function SingleFieldForm({ intent, ...props }: ImportFormProps & { intent: keyof typeof singleFields }) {
  const { t } = useTranslation();
  const field = singleFields[intent];
  const [form, fields] = useSchemaForm<typeof ImportFromUrl | typeof ImportFromFile>(field.schema, {
    id: `import-${intent}-form`,
    lastResult: props.answer?.result,
  });
  const meta = (fields as Record<string, FieldMetadata<unknown>>)[intent]!;
  const id = `import-${intent}-input`;
  return (
    <ImportCard intent={intent} form={getFormProps(form)} props={props}>
      <LabelledField id={id} label={t(field.label)} help={t(field.help)}>
        <input {...getInputProps(meta, { type: field.input.type })} key={meta.key} {...field.input} id={id} required />
      </LabelledField>
    </ImportCard>
  );
}

function PasteForm(props: ImportFormProps) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(ImportPasted, { id: "import-paste-form", lastResult: props.answer?.result });
  const input = (name: "title" | "outlet" | "author" | "publishedAt" | "originalUrl", id: string, type: "text" | "date" | "url" = "text") => (
    <input {...getInputProps(fields[name], { type })} key={fields[name].key} id={id} required={name === "title" || undefined} maxLength={name === "title" ? articleLimits.maxTitleLength : undefined} />
  );
  return (
    <ImportCard intent="paste" form={getFormProps(form)} props={props}>
      <LabelledField id="import-title" label={t("import.articleTitle")}>
        {input("title", "import-title")}
      </LabelledField>
      <LabelledField id="import-body" label={t("import.body")} help={t("import.bodyHelp")}>
        <textarea {...getTextareaProps(fields.body)} key={fields.body.key} id="import-body" required rows={14} />
      </LabelledField>
      <div className="grid grid--fields">
        <LabelledField id="import-outlet" label={t("import.outlet")}>
          {input("outlet", "import-outlet")}
        </LabelledField>
        <LabelledField id="import-author" label={t("import.author")}>
          {input("author", "import-author")}
        </LabelledField>
        <LabelledField id="import-date" label={t("import.publishedAt")}>
          {input("publishedAt", "import-date", "date")}
        </LabelledField>
        <LabelledField id="import-original" label={t("import.originalUrl")}>
          {input("originalUrl", "import-original", "url")}
        </LabelledField>
      </div>
    </ImportCard>
  );
}

export default function ImportArticle() {
  const { t } = useTranslation();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formAction === "/articles/new";
  const answerTo = (intent: string) => (answer?.result.initialValue?.intent === intent ? answer : undefined);
  return (
    <>
      <PageHeader title={t("import.title")} intro={t("import.intro")} />
      {busy ? (
        <div className="progress" role="status" aria-live="polite">
          <span className="progress__bar" aria-hidden="true" />
          {t("import.working")}
        </div>
      ) : null}
      <div className="grid grid--import">
        <SingleFieldForm intent="url" title={t("import.url")} submitLabel={t("import.submitUrl")} busy={busy} answer={answerTo("url")} />
        <SingleFieldForm intent="file" title={t("import.file")} submitLabel={t("import.submitFile")} busy={busy} answer={answerTo("file")} />
      </div>
      <PasteForm title={t("import.paste")} submitLabel={t("import.submitPaste")} busy={busy} answer={answerTo("paste")} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
