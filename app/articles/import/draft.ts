// What every way of importing an article ends in: an ArticleDraft — a title, a normalised plain-text body
// (paragraphs separated by "\n\n") and what is known about the article. The three ways an article reaches
// the desk (paste.ts, file.server.ts, url.server.ts) each build one with finishDraft. Nothing here touches
// the database; failures are ImportErrors with a code the import form turns into a message.
import { articleLimits, collapseWhitespace, detectLanguage, ImportError, languageFromTag } from "../text";

export type ImportMethod = "PASTE" | "URL" | "FILE";

export type ArticleDraft = {
  title: string;
  /** Normalised: see normaliseArticleText. */
  body: string;
  language: "id" | "en" | "und";
  outlet: string | null;
  author: string | null;
  publishedAt: Date | null;
  originalUrl: string | null;
  canonicalUrl: string | null;
  method: ImportMethod;
};

export const limitMb = Math.round(articleLimits.maxBytes / (1024 * 1024));
export const tooLarge = () => new ImportError("too_large", { limitMb });

type DraftParts = {
  title: string;
  paragraphs: string[];
  outlet?: string | null;
  author?: string | null;
  publishedAt?: Date | null;
  originalUrl?: string | null;
  canonicalUrl?: string | null;
  htmlLang?: string | null;
  method: ImportMethod;
};

function optionalName(value: string | null | undefined): string | null {
  const name = collapseWhitespace(value ?? "");
  return name === "" ? null : name.slice(0, articleLimits.maxNameLength);
}

function shortenTitle(title: string): string {
  if (title.length <= articleLimits.maxTitleLength) return title;
  return `${title.slice(0, articleLimits.maxTitleLength - 1).replace(/\s+\S*$/, "")}…`;
}

export function finishDraft(parts: DraftParts): ArticleDraft {
  const paragraphs = parts.paragraphs.filter((p) => p !== "");
  if (paragraphs.length === 0) throw new ImportError("empty", { field: "body" });
  if (paragraphs.length > articleLimits.maxParagraphs) {
    throw new ImportError("too_large", { limitMb, maxParagraphs: articleLimits.maxParagraphs });
  }
  const body = paragraphs.join("\n\n");
  const title = shortenTitle(collapseWhitespace(parts.title)) || shortenTitle(paragraphs[0] ?? "");
  let language = detectLanguage(`${title}\n${body}`);
  if (language === "und") language = languageFromTag(parts.htmlLang);
  return {
    title,
    body,
    language,
    outlet: optionalName(parts.outlet),
    author: optionalName(parts.author),
    publishedAt: parts.publishedAt ?? null,
    originalUrl: parts.originalUrl ?? null,
    canonicalUrl: parts.canonicalUrl ?? null,
    method: parts.method,
  };
}

/** The first paragraph when it reads like a headline (short, no closing punctuation), else null. */
function headlineOf(paragraphs: string[]): string | null {
  const [first] = paragraphs;
  if (!first || paragraphs.length < 2) return null;
  if (first.length > 150 || /[.,;:]$/.test(first)) return null;
  return first;
}

/** Splits off a headline-like first paragraph as the title, else uses `fallback`. */
export function titleAndBody(paragraphs: string[], fallback: string): { title: string; paragraphs: string[] } {
  const headline = headlineOf(paragraphs);
  if (headline) return { title: headline, paragraphs: paragraphs.slice(1) };
  return { title: fallback, paragraphs };
}
