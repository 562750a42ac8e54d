// Which language a page renders in: the user's choice, else the visitor's cookie, else the browser's
// Accept-Language, else the newsroom's default.
import { parseCookie, stringifySetCookie } from "cookie";
import { inProduction } from "~/utils/env.server";
import { isLanguage, type Language, languageFromAcceptLanguage } from "./i18n";

export const languageCookieName = "factdesk_lang";

export function requestLanguage(
  request: Request,
  user: { language: string | null } | null,
  newsroomDefault: string,
): Language {
  if (user && isLanguage(user.language)) return user.language;
  const cookieHeader = request.headers.get("Cookie");
  const chosen = cookieHeader ? parseCookie(cookieHeader)[languageCookieName] : undefined;
  if (isLanguage(chosen)) return chosen;
  return languageFromAcceptLanguage(request.headers.get("Accept-Language"), isLanguage(newsroomDefault) ? newsroomDefault : "en");
}

export function languageCookie(language: Language): string {
  return stringifySetCookie(languageCookieName, language, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: inProduction(),
    maxAge: 365 * 24 * 60 * 60,
  });
}
