// Download: an article's published fact-check as JSON — every version's date and note, the current
// version's content and its ClaimReviews. A resource route runs only its own loader (not the desk
// layout's), so it checks the permission itself.
import { requireUserWithPermission } from "~/auth/guards.server";
import { downloadHeaders, factCheckJson } from "~/publishing/exports.server";
import { requestOrigin } from "~/publishing/public-url.server";
import type { Route } from "./+types/articles.$articleId.fact-check.json";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireUserWithPermission({ request, context }, "publish:factcheck:any");
  const file = await factCheckJson(params.articleId, requestOrigin(request));
  if (!file)
    return new Response("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  return new Response(file.body, { headers: downloadHeaders(file, "application/json; charset=utf-8") });
}
