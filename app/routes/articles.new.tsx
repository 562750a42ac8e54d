import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation } from "react-router";
import { importArticle } from "~/articles/articles.server";
import type { ArticleDraft } from "~/articles/import/draft";
import { draftFromFile } from "~/articles/import/file.server";
import { draftFromPaste } from "~/articles/import/paste";
import { draftFromUrl } from "~/articles/import/url.server";
import { ImportError } from "~/articles/text";
import { articleLimits } from "~/articles/text";
import { requireUserWithPermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert, Card, LabelledField, PageHeader } from "~/components/ui";
import { getNewsroom } from "~/newsroom/settings.server";
import { badInput, readForm } from "~/utils/form.server";
import type { Route } from "./+types/articles.new";

const limitMb = Math.round(articleLimits.maxBytes / (1024 * 1024));

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUserWithPermission({ request, context }, "create:article:any");
  return { limitMb };
}

type Failure = { code: string; detail?: Record<string, string | number> };
type ActionResult = { intent: string; error?: Failure; duplicate?: { id: string; title: string }; values?: Record<string, string> };

function readImportForm(request: Request) {
  return readForm(request, {
    maxBytes: articleLimits.maxBytes + 256 * 1024,
    maxFileSize: articleLimits.maxBytes,
    maxFiles: 1,
    tooLarge: () => new ImportError("too_large", { limitMb }),
  });
}

function text(form: FormData, name: string) {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export async function action({ request, context }: Route.ActionArgs) {
  const editor = await requireUserWithPermission({ request, context }, "create:article:any");
  let intent = "paste";
  let values: Record<string, string> = {};
  try {
    const form = await readImportForm(request);
    intent = text(form, "intent");
    let draft: ArticleDraft;
    if (intent === "url") {
      values = { url: text(form, "url") };
      draft = await draftFromUrl(values.url!.trim());
    } else if (intent === "file") {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) throw new ImportError("empty");
      draft = await draftFromFile({ name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) });
    } else if (intent === "paste" || intent === "") {
      intent = "paste";
      values = Object.fromEntries(
        ["title", "body", "outlet", "author", "publishedAt", "originalUrl"].map((name) => [name, text(form, name)]),
      );
      draft = draftFromPaste({
        title: values.title!,
        body: values.body!,
        outlet: values.outlet,
        author: values.author,
        publishedAt: values.publishedAt,
        originalUrl: values.originalUrl,
        timeZone: (await getNewsroom()).timeZone,
      });
    } else {
      throw badInput("badInput.malformedForm", 400);
    }
    const outcome = await importArticle(editor, draft);
    if (outcome.created) return redirect(`/articles/${outcome.articleId}`);
    return data<ActionResult>({ intent, values, duplicate: { id: outcome.articleId, title: outcome.title } }, { status: 409 });
  } catch (error) {
    if (error instanceof ImportError) {
      // The message's key names the failure (a pasted article without a headline: title_required).
      const code = error.messageKey.replace(/^import\.error\./, "");
      return data<ActionResult>({ intent, values, error: { code, detail: error.detail } }, { status: error.status });
    }
    throw error;
  }
}

function ImportProblem({ result }: { result: ActionResult }) {
  const { t } = useTranslation();
  const { limitMb } = useLoaderData<typeof loader>();
  if (result.duplicate) {
    return (
      <Alert tone="info">
        <p>{t("import.duplicate", { title: result.duplicate.title })}</p>
        <p>
          <Link to={`/articles/${result.duplicate.id}`}>{t("import.openExisting")}</Link>
        </p>
      </Alert>
    );
  }
  if (!result.error) return null;
  const { code, detail = {} } = result.error;
  const type = typeof detail.type === "string" ? `: ${detail.type}` : "";
  return (
    <Alert tone="error">
      <p data-error-code={code}>
        {t(`import.error.${code}`, {
          defaultValue: t("import.error.unknown"),
          limitMb,
          status: detail.status ?? "",
          detail: type,
          ...detail,
        })}
      </p>
    </Alert>
  );
}

function ImportForm({
  intent,
  title,
  submitLabel,
  busy,
  problem,
  children,
}: {
  intent: "url" | "file" | "paste";
  title: string;
  submitLabel: string;
  busy: boolean;
  problem: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Card title={title} id={`import-${intent}`}>
      {problem}
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="intent" value={intent} />
        {children}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {submitLabel}
        </button>
      </Form>
    </Card>
  );
}

export default function ImportArticle() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formAction === "/articles/new";
  const problemFor = (intent: string) => (result && result.intent === intent ? <ImportProblem result={result} /> : null);
  const pasted = result?.intent === "paste" ? result.values : undefined;
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
        <ImportForm intent="url" title={t("import.url")} submitLabel={t("import.submitUrl")} busy={busy} problem={problemFor("url")}>
          <LabelledField id="import-url-input" label={t("import.urlLabel")} help={t("import.urlHelp")}>
            <input
              id="import-url-input"
              name="url"
              type="url"
              required
              defaultValue={result?.intent === "url" ? result.values?.url : ""}
              placeholder="https://"
            />
          </LabelledField>
        </ImportForm>
        <ImportForm intent="file" title={t("import.file")} submitLabel={t("import.submitFile")} busy={busy} problem={problemFor("file")}>
          <LabelledField id="import-file-input" label={t("import.fileLabel")} help={t("import.fileHelp")}>
            <input
              id="import-file-input"
              name="file"
              type="file"
              required
              accept=".html,.htm,.txt,.md,.docx,text/html,text/plain,text/markdown"
            />
          </LabelledField>
        </ImportForm>
      </div>
      <ImportForm intent="paste" title={t("import.paste")} submitLabel={t("import.submitPaste")} busy={busy} problem={problemFor("paste")}>
        <LabelledField id="import-title" label={t("import.articleTitle")}>
          <input id="import-title" name="title" required maxLength={500} defaultValue={pasted?.title} />
        </LabelledField>
        <LabelledField id="import-body" label={t("import.body")} help={t("import.bodyHelp")}>
          <textarea id="import-body" name="body" required rows={14} defaultValue={pasted?.body} />
        </LabelledField>
        <div className="grid grid--fields">
          <LabelledField id="import-outlet" label={t("import.outlet")}>
            <input id="import-outlet" name="outlet" defaultValue={pasted?.outlet} />
          </LabelledField>
          <LabelledField id="import-author" label={t("import.author")}>
            <input id="import-author" name="author" defaultValue={pasted?.author} />
          </LabelledField>
          <LabelledField id="import-date" label={t("import.publishedAt")}>
            <input id="import-date" name="publishedAt" type="date" defaultValue={pasted?.publishedAt} />
          </LabelledField>
          <LabelledField id="import-original" label={t("import.originalUrl")}>
            <input id="import-original" name="originalUrl" type="url" defaultValue={pasted?.originalUrl} />
          </LabelledField>
        </div>
      </ImportForm>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
