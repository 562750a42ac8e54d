// Download: the claims of an article's published fact-check (current version) as a spreadsheet.
// A resource route runs only its own loader (not the desk layout's), so it checks the permission itself.
import { requireUserWithPermission } from "~/auth/guards.server";
import { requestLanguage } from "~/i18n/language.server";
import { getNewsroom } from "~/newsroom/settings.server";
import { downloadHeaders, factCheckCsv } from "~/publishing/exports.server";
import { requestOrigin } from "~/publishing/public-url.server";
import type { Route } from "./+types/articles.$articleId.fact-check.csv";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const editor = await requireUserWithPermission({ request, context }, "publish:factcheck:any");
  const language = requestLanguage(request, editor, (await getNewsroom()).defaultLanguage);
  const file = await factCheckCsv(params.articleId, language, requestOrigin(request));
  if (!file)
    return new Response("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  return new Response(file.body, { headers: downloadHeaders(file, "text/csv; charset=utf-8") });
}
