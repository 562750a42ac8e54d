// What an archived page keeps: its text and a sanitised copy of its HTML (see archive.server.ts for the
// snapshot's life). Everything here reads the fetched page, an untrusted document: archive.server.ts runs
// `snapshotPageContent` in a worker with time and memory limits (~/fetching/untrusted-document), never on
// the request thread. Nothing here touches the database.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import sanitizeHtml from "sanitize-html";
import { extractArticle, htmlFragmentParagraphs } from "~/articles/extract.server";
import { DocumentRefusal } from "~/fetching/untrusted-document/limits";

// ---------------------------------------------------------------------------------------------------------
// Sanitising

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Only small inline raster pictures are kept as images; SVG (which can carry script) never. */
const inlineImage = /^data:image\/(png|gif|jpeg|webp);base64,[a-z0-9+/=\s]+$/i;

function absoluteHttpUrl(href: string | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * HTML that is safe to show from our own origin and loads nothing: a fixed list of text and table
 * elements; links made absolute (against the page's final URL, so they say where they pointed) and
 * inert in the sandboxed frame; images without their remote `src`/`srcset` (their alt text stays).
 */
export function sanitizeSnapshotHtml(html: string, pageUrl: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== "nav"), "img"],
    allowedAttributes: {
      a: ["href", "title", "rel"],
      img: ["src", "alt", "title", "width", "height"],
      td: ["colspan", "rowspan"],
      th: ["colspan", "rowspan", "scope"],
      ol: ["start", "reversed"],
      time: ["datetime"],
      abbr: ["title"],
      "*": ["lang", "dir"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["data"] },
    allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
    allowProtocolRelative: false,
    // script, style, textarea, option, noscript: dropped with their content; every other element not
    // listed (form, iframe, object, video, svg, …) is dropped, its text kept.
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "title", "select", "button"],
    disallowedTagsMode: "discard",
    transformTags: {
      a: (tagName, attribs) => {
        const href = absoluteHttpUrl(attribs.href, pageUrl);
        const kept: Record<string, string> = { rel: "noopener noreferrer nofollow" };
        if (href) kept.href = href;
        if (attribs.title) kept.title = attribs.title;
        return { tagName, attribs: kept };
      },
      img: (tagName, attribs) => {
        const kept: Record<string, string> = {};
        if (attribs.src && inlineImage.test(attribs.src)) kept.src = attribs.src;
        for (const name of ["alt", "title", "width", "height"]) {
          const value = attribs[name];
          if (value !== undefined) kept[name] = value;
        }
        return { tagName, attribs: kept };
      },
    },
    exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src && !frame.attribs.alt,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Content

export type SnapshotContent = { text: string | null; sanitizedHtml: string | null };

/** Readability's article HTML. Called only after extractArticle accepted the page (its size and depth checks passed). */
function readableContentHtml(html: string): string | null {
  try {
    const { document } = parseHTML(html);
    const parsed = new Readability(document as unknown as Document).parse();
    return parsed?.content ?? null;
  } catch {
    return null;
  }
}

/**
 * The text and sanitised HTML of a fetched HTML page: the article (Readability) when there is one, else
 * the whole page's text and body. Throws a DocumentRefusal when the page is too deep or too large to read.
 */
export function snapshotPageContent(html: string, pageUrl: string): SnapshotContent {
  try {
    // extractArticle refuses pages that are too large or too deep for Readability before running it.
    const article = extractArticle(html, pageUrl);
    const text = [article.title, ...article.paragraphs].filter(Boolean).join("\n\n");
    const content = readableContentHtml(html);
    const heading = article.title ? `<h1>${escapeHtml(article.title)}</h1>` : "";
    return { text, sanitizedHtml: content ? sanitizeSnapshotHtml(`${heading}${content}`, pageUrl) : null };
  } catch (error) {
    // Too deep or too large: no other reading of it is safe either.
    if (error instanceof DocumentRefusal) throw error;
    // Not an article (a statement page, a data table, a short post): keep the whole page's text and body.
    const { heading, paragraphs } = htmlFragmentParagraphs(html);
    const text = [heading, ...paragraphs].filter(Boolean).join("\n\n");
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
    return { text: text || null, sanitizedHtml: sanitizeSnapshotHtml(body, pageUrl) || null };
  }
}
