// The public fact-check page, rendered to static HTML once per version (app/publishing/public-page/serve.server.ts
// caches it). No client JavaScript: it reads fully without it. User content goes through React's escaping;
// rationales come pre-sanitised from renderRationale.
import { createHash } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import type { PublishedContent } from "../content";
import { ratingClass } from "./badges";
import { Document } from "./document";
import { FactCheckPage } from "./fact-check-page";
import { type FactCheckPageModel, formatters, type RenderedPage, type ShellModel } from "./model";
import { publicPageCss } from "./styles";

/** Per-page styles: the scale's colours as the badges' edge (the label and mark carry the meaning). */
function ratingStyles(content: PublishedContent | null) {
  if (!content) return "";
  return content.scale.labels
    .filter((label) => /^#[0-9a-f]{6}$/i.test(label.colour))
    .map((label) => `.${ratingClass(label)}{border-left-color:${label.colour}}`)
    .join("");
}

function finish(markup: string, css: string): RenderedPage {
  const styleHash = createHash("sha256").update(css).digest("base64");
  return {
    html: `<!DOCTYPE html>${markup}`,
    contentSecurityPolicy: `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'self' https: data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
  };
}

export function renderFactCheckPage(model: FactCheckPageModel): RenderedPage {
  const css = publicPageCss + ratingStyles(model.version.content);
  return finish(renderToStaticMarkup(<FactCheckPage model={model} css={css} />), css);
}

/** A small page in the public frame that search engines should not index (withdrawn notices, archive copies). */
function renderNoticePage(model: ShellModel, title: string, body: React.ReactNode): RenderedPage {
  const markup = renderToStaticMarkup(
    <Document model={model} css={publicPageCss} title={title} description={title} head={<meta name="robots" content="noindex" />}>
      {body}
    </Document>,
  );
  return finish(markup, publicPageCss);
}

export function renderGonePage(model: ShellModel & { headline: string; withdrawnAt: Date; reason: string }): RenderedPage {
  const { t } = model;
  const dates = formatters(model.language, model.newsroom.timeZone);
  return renderNoticePage(
    model,
    t("publicPage.goneTitle"),
    <div className="notice notice--gone" role="note">
      <h1>{t("publicPage.goneTitle")}</h1>
      <p>
        <cite>{model.headline}</cite>
      </p>
      <p>{t("publicPage.goneText", { newsroom: model.newsroom.name, date: dates.moment(model.withdrawnAt) })}</p>
      {model.reason ? (
        <p>
          <strong>{t("publicPage.goneReason")}</strong> {model.reason}
        </p>
      ) : null}
    </div>,
  );
}

export function renderArchivePage(
  model: ShellModel & { slug: string; headline: string; url: string; archivedAt: Date; sha256: string | null; text: string | null },
): RenderedPage {
  const { t } = model;
  const dates = formatters(model.language, model.newsroom.timeZone);
  return renderNoticePage(
    model,
    t("publicPage.archiveTitle"),
    <>
      <p className="kicker">{t("publicPage.archiveTitle")}</p>
      <h1>{model.headline}</h1>
      <p>{t("publicPage.archiveIntro", { url: model.url, date: dates.moment(model.archivedAt), headline: model.headline })}</p>
      {model.sha256 ? <p className="meta">{t("publicPage.archiveHash", { hash: model.sha256 })}</p> : null}
      <p>
        <a href={`/fact-checks/${model.slug}`}>{t("publicPage.archiveBack")}</a>
      </p>
      {model.text ? <div className="archive-text">{model.text}</div> : <p>{t("publicPage.archiveNoText")}</p>}
    </>,
  );
}

/** A short message in the public frame, not indexed: e.g. why an editor's preview cannot be shown. */
export function renderMessagePage(model: ShellModel, title: string, message: string): RenderedPage {
  return renderNoticePage(
    model,
    title,
    <div className="notice" role="note">
      <h1>{title}</h1>
      <p>{message}</p>
    </div>,
  );
}
