import { redirect } from "react-router";
import { safeRedirect } from "~/auth/redirect-target";
import { getSessionUser } from "~/auth/session.server";
import { isLanguage } from "~/i18n/i18n";
import { languageCookie } from "~/i18n/language.server";
import { setUserLanguage } from "~/people/users.server";
import type { Route } from "./+types/language";
import { readForm } from "~/utils/form.server";

// POST only: signed-in users keep their choice on their account, visitors in a cookie.
export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const language = form.get("language");
  if (!isLanguage(language)) throw new Response("Unknown language", { status: 400 });
  const user = await getSessionUser({ request, context });
  if (user) await setUserLanguage(user.id, language);
  return redirect(safeRedirect(form.get("redirectTo"), user ? "/dashboard" : "/login"), {
    headers: { "Set-Cookie": languageCookie(language) },
  });
}

export async function loader() {
  throw new Response("Not found", { status: 404 });
}
