// Interface languages. Catalogs are plain JSON (app/i18n/locales); i18next does the lookup, plurals and
// interpolation. One instance per language is created once and shared by server and browser renders.
import i18next, { type i18n, type TFunction } from "i18next";
import Negotiator from "negotiator";
import en from "./locales/en.json";
import id from "./locales/id.json";

export const languages = ["en", "id"] as const;
export type Language = (typeof languages)[number];
export const catalogs: Record<Language, typeof en> = { en, id };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

const instances = new Map<Language, i18n>();

export function i18nFor(language: Language): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: false,
      resources: { [language]: { translation: catalogs[language] } },
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes everything it renders
      returnNull: false,
    });
    instances.set(language, instance);
  }
  return instance;
}

export function translator(language: Language): TFunction {
  return i18nFor(language).t;
}

/** The best interface language for an `Accept-Language` header (quality values honoured). */
export function languageFromAcceptLanguage(header: string | null, fallback: Language): Language {
  if (!header) return fallback;
  const best = new Negotiator({ headers: { "accept-language": header } }).language([...languages]);
  return isLanguage(best) ? best : fallback;
}
