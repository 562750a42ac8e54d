// The public frame every public page shares: head, masthead, an editor's preview banner, colophon.
import type { FactCheckPageModel, ShellModel } from "./model";

export function Document({
  model,
  css,
  title,
  description,
  head,
  children,
}: {
  model: FactCheckPageModel | ShellModel;
  css: string;
  title: string;
  description: string;
  head?: React.ReactNode;
  children: React.ReactNode;
}) {
  const { t, language, newsroom } = model;
  const preview = "preview" in model ? model.preview : undefined;
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${newsroom.name}`}</title>
        <meta name="description" content={description} />
        {head}
        <link rel="alternate" type="application/atom+xml" href="/fact-checks/feed.atom" title={t("publicPage.feed")} />
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        <a className="skip" href="#main">
          {t("publicPage.skipToContent")}
        </a>
        {preview ? (
          <div className="preview-banner" role="note" lang={preview.language === language ? undefined : preview.language}>
            <p>
              <strong>{preview.title}</strong> {preview.text}
            </p>
          </div>
        ) : null}
        <header className="masthead">
          <div className="masthead__inner">
            <a className="masthead__name" href="/fact-checks">
              {newsroom.name}
            </a>
            <nav aria-label={t("publicPage.allFactChecks")}>
              <a href="/fact-checks">{t("publicPage.allFactChecks")}</a>
            </nav>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="colophon">
          <div className="colophon__inner">
            <p>© {newsroom.url ? <a href={newsroom.url}>{newsroom.name}</a> : newsroom.name}</p>
            <nav aria-label={t("publicPage.feed")}>
              <a href="/fact-checks">{t("publicPage.allFactChecks")}</a> · <a href="/fact-checks/feed.atom">{t("publicPage.feed")}</a>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
