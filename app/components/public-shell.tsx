import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { LanguageSwitch } from "./language-switch";
import { useRootData } from "./root-data";
import { DocumentTitle } from "./ui";

type PublicShellProps = { title: string; intro?: string; wide?: boolean; children: React.ReactNode };

/** The frame of pages for people who are not signed in: login, first-run setup, invitations; `wide` for the fact-check index. */
export function PublicShell({ title, intro, wide, children }: PublicShellProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const newsroom = useRootData()?.newsroom.name;
  return (
    <div className="public">
      <DocumentTitle title={title} />
      <header className="public__header">
        <span className="topbar__logo">{t("app.name")}</span>
        <LanguageSwitch redirectTo={location.pathname + location.search} />
      </header>
      <main id="main" className="public__main">
        <section className={wide ? "card card--wide" : "card card--auth"} aria-labelledby="page-title">
          <p className="public__newsroom">{newsroom && newsroom !== t("app.name") ? newsroom : t("app.tagline")}</p>
          <h1 id="page-title">{title}</h1>
          {intro ? <p className="muted">{intro}</p> : null}
          {children}
        </section>
      </main>
    </div>
  );
}
