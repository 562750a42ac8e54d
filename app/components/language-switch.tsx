import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { useRootData } from "~/components/root-data";

/** Switches the interface language; a plain form, so it works before (or without) JavaScript. */
export function LanguageSwitch({ redirectTo }: { redirectTo: string }) {
  const { t } = useTranslation();
  const current = useRootData()?.language ?? "en";
  const next = current === "en" ? "id" : "en";
  return (
    <Form method="post" action="/language" className="language-switch">
      <input type="hidden" name="language" value={next} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <button type="submit" className="btn btn--ghost" lang={next} aria-label={`${t("nav.language")}: ${t("nav.switchTo")}`}>
        {t("nav.switchTo")}
      </button>
    </Form>
  );
}
