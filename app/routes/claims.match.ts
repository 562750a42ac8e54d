// `GET /claims/match?text=…[&lang=id|en|auto][&limit=N]`: the known fact-checks a claim may repeat, as JSON — what
// staff see under "Checked before?" (app/matching/match-lookup.server.ts), the same objects `factdesk match`
// prints. Any signed-in staff member may ask; anonymous visitors go to sign in, like the desk's other JSON routes.
// Bad input is a 400 with `{ error, field }`, the message in the asker's language.
import { requireUser } from "~/auth/guards.server";
import { translator } from "~/i18n/i18n";
import { requestLanguage } from "~/i18n/language.server";
import { lookUpCheckedBefore } from "~/matching/match-lookup.server";
import { matchLimitMax, MatchRequest, matchRequestProblem, matchTextLimit } from "~/matching/match-request";
import { getNewsroom } from "~/newsroom/settings.server";
import type { Route } from "./+types/claims.match";

const headers = { "Cache-Control": "no-store" };

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser({ request, context });
  const query = new URL(request.url).searchParams;
  const asked = MatchRequest.safeParse({ text: query.get("text") ?? undefined, lang: query.get("lang") ?? undefined, limit: query.get("limit") ?? undefined });
  if (!asked.success) {
    const { field, messageKey } = matchRequestProblem(asked.error);
    const language = requestLanguage(request, user, (await getNewsroom()).defaultLanguage);
    const error = translator(language)(messageKey, { limit: matchTextLimit.toLocaleString(language), max: matchLimitMax });
    return Response.json({ error, field }, { status: 400, headers });
  }
  const matches = await lookUpCheckedBefore(asked.data.text, { language: asked.data.lang, limit: asked.data.limit });
  return Response.json(matches, { headers });
}
