// An editor's preview of a publication or correction: the public page exactly as publishing the posted form
// would make it — the same dry-run writes, the same reader, the same renderer and JSON-LD — with a banner
// above it and `noindex`. It is answered with the public page's own Content-Security-Policy (no script, its
// stylesheet by hash), never the app's (app/server/security-headers.ts leaves this path to it).
// A resource route runs only its own loader and action, so both check the permission themselves.
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import { readableArticle } from "~/articles/articles.server";
import { requireUserWithPermission } from "~/auth/guards.server";
import { translator } from "~/i18n/i18n";
import { requestLanguage } from "~/i18n/language.server";
import { getNewsroom } from "~/newsroom/settings.server";
import { draftCorrection } from "~/publishing/correction.server";
import { factCheckOfArticle } from "~/publishing/desk-fact-check.server";
import { draftPublication, requestedSlug } from "~/publishing/publication.server";
import { PublishRefused } from "~/publishing/refused";
import { FactCheckAction, verdictChanges } from "~/publishing/forms";
import type { RenderedPage } from "~/publishing/public-page/model";
import { renderMessagePage } from "~/publishing/public-page/render";
import { renderPublishedPage } from "~/publishing/public-page/serve.server";
import { requestOrigin } from "~/publishing/public-url.server";
import type { Route } from "./+types/articles.$articleId.fact-check.preview";
import { readForm } from "~/utils/form.server";

function htmlResponse(page: RenderedPage, language: string, status = 200) {
  return new Response(page.html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Language": language,
      "Content-Security-Policy": page.contentSecurityPolicy,
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}

/** The preview is the answer to the editor's form; there is nothing to show at a bare address. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUserWithPermission({ request, context }, "publish:factcheck:any");
  throw data(null, { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const editor = await requireUserWithPermission({ request, context }, "publish:factcheck:any");
  const article = await readableArticle(editor, params.articleId);
  if (!article) throw data(null, { status: 404 });
  const newsroom = await getNewsroom();
  const language = requestLanguage(request, editor, newsroom.defaultLanguage);
  const t = translator(language);
  const shell = { language, t, newsroom: { ...newsroom, url: newsroom.publicUrl } };
  const refused = (key: string, status: number) =>
    htmlResponse(renderMessagePage(shell, t("factCheckPreview.refused"), t(key)), language, status);

  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: FactCheckAction });
  if (submission.status !== "success" || submission.value.intent === "withdraw") return refused("factCheck.fillIn", 400);
  const value = submission.value;
  try {
    if (value.intent === "publish") {
      const slug = await requestedSlug(value);
      const draft = await draftPublication(editor, { ...value, articleId: article.id, slug });
      const path = `/fact-checks/${draft.slug}`;
      const banner = { language, title: t("factCheckPreview.title"), text: t("factCheckPreview.publication", { path }) };
      const { page, language: pageLanguage } = renderPublishedPage(draft, newsroom, requestOrigin(request), banner);
      return htmlResponse(page, pageLanguage);
    }
    const factCheck = await factCheckOfArticle(article.id);
    if (!factCheck) throw data(null, { status: 404 });
    const { page: draft } = await draftCorrection(editor, { factCheckId: factCheck.id, ...value, verdicts: verdictChanges(formData) });
    const path = `/fact-checks/${draft.slug}`;
    const banner = {
      language,
      title: t("factCheckPreview.title"),
      text: t("factCheckPreview.correction", { path, version: draft.currentVersion }),
    };
    const { page, language: pageLanguage } = renderPublishedPage(draft, newsroom, requestOrigin(request), banner);
    return htmlResponse(page, pageLanguage);
  } catch (error) {
    if (error instanceof PublishRefused) return refused(error.messageKey, error.status);
    throw error;
  }
}
