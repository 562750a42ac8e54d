// From a news page's HTML to plain-text paragraphs and the article's details.
//
// The page is parsed by linkedom (a DOM implementation that never runs scripts, loads nothing and has no
// layout) and handed to Mozilla's Readability, which finds the article's main content. Nothing of the
// HTML is kept: the output is the text content of block elements (p, h1–h6, li, blockquote, pre, table
// rows, …), so markup, attributes (`onerror=`), scripts, styles, SVG, iframes and forms never survive.
// A `<br>` ends a paragraph (sites that build paragraphs from line breaks put "Baca juga" links on their
// own line; dropping such a line must not drop the body text next to it).
//
// The article's details come from the page's metadata (page-metadata.ts) before Readability rewrites the
// document.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { checkDocumentShape, documentLimits } from "~/fetching/untrusted-document/limits";
import { cleanAuthor, comparable, creditLine, hostWithoutWww, parseDate, readMetadata, trimSiteName } from "./page-metadata";
import { articleLimits, collapseWhitespace, ImportError, isRelatedLinkLine } from "./text";

export type ExtractedArticle = {
  title: string;
  paragraphs: string[];
  author: string | null;
  outlet: string | null;
  publishedAt: Date | null;
  canonicalUrl: string | null;
  htmlLang: string | null;
};

/**
 * Readability's cost grows with the number of elements times their depth: a 5 MB page of 2,000 nested
 * <div>s keeps it busy for minutes. Real news pages are a few thousand elements, rarely nested more than
 * 40 deep. Depth and element count are checked before any DOM is built (checkDocumentShape, in
 * asDocument); the sum of all elements' depths only on the built tree, before Readability runs: a page
 * within the other limits but over this one is not an article.
 */
const complexityLimits = { ...documentLimits, maxDepthSum: 800_000 };

/** True when the document is too large or too deeply nested to hand to Readability. */
function tooComplex(root: Element): boolean {
  let elements = 0;
  let depthSum = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    elements += 1;
    depthSum += depth;
    if (depth > complexityLimits.maxDepth || elements > complexityLimits.maxElements || depthSum > complexityLimits.maxDepthSum) {
      return true;
    }
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return false;
}

// linkedom's types are its own classes; the DOM lib's names are used here for readability of the code.
type Doc = Document;

// ---------------------------------------------------------------------------------------------------------
// Text of block elements

/** Elements whose content is never article text. */
const skippedTags = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "FRAME", "OBJECT", "EMBED", "APPLET", "SVG", "MATH",
  "CANVAS", "VIDEO", "AUDIO", "PICTURE", "SOURCE", "TRACK", "IMG", "MAP", "AREA", "BUTTON", "INPUT", "SELECT",
  "OPTION", "TEXTAREA", "FORM", "NAV", "ASIDE", "FOOTER", "FIGCAPTION", "DIALOG", "HEAD", "LINK", "META", "TITLE",
]);

/** Elements that stay inside a paragraph; every other element starts and ends one. */
const inlineTags = new Set([
  "A", "ABBR", "B", "BDI", "BDO", "CITE", "CODE", "DATA", "DEL", "DFN", "EM", "FONT", "I", "INS", "KBD", "LABEL",
  "MARK", "Q", "RUBY", "RB", "RP", "RT", "S", "SAMP", "SMALL", "SPAN", "STRIKE", "STRONG", "SUB", "SUP", "TIME",
  "TT", "U", "VAR", "WBR", "NOBR", "BIG",
]);

type Block = { text: string; linkText: string };

function isHidden(element: Element): boolean {
  return element.hasAttribute("hidden") || element.getAttribute("aria-hidden") === "true";
}

function textBlocks(root: Node): Block[] {
  const blocks: Block[] = [];
  let text = "";
  let linkText = "";
  const flush = () => {
    if (text.trim() !== "") blocks.push({ text, linkText });
    text = "";
    linkText = "";
  };
  const visit = (node: Node, inLink: boolean) => {
    if (node.nodeType === 3 /* text */) {
      const data = node.textContent ?? "";
      text += data;
      if (inLink) linkText += data;
      return;
    }
    if (node.nodeType !== 1 /* element */) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (skippedTags.has(tag) || isHidden(element)) return;
    if (tag === "BR" || tag === "HR") {
      flush();
      return;
    }
    if (tag === "TR") {
      flush();
      const cells = Array.from(element.children)
        .filter((cell) => !isHidden(cell))
        .map((cell) => collapseWhitespace(cell.textContent ?? ""))
        .filter((cell) => cell !== "");
      if (cells.length > 0) blocks.push({ text: cells.join(" | "), linkText: "" });
      return;
    }
    const inline = inlineTags.has(tag);
    if (!inline) flush();
    for (const child of Array.from(element.childNodes)) visit(child, inLink || tag === "A");
    if (!inline) flush();
  };
  visit(root, false);
  flush();
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * The document linkedom builds from `html` (a fragment is wrapped in html/body). Throws a DocumentRefusal
 * before building anything when the HTML is too deep or has too many elements (checkDocumentShape).
 * Untrusted HTML reaches this only inside a document worker (~/fetching/untrusted-document).
 */
function asDocument(html: string): Doc {
  checkDocumentShape(html);
  const source = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(source).document as unknown as Doc;
}

/**
 * Extracts the article from a page. Throws ImportError("not_an_article") when Readability finds no
 * article or the text is too short (under `articleLimits.minArticleChars`, or a single paragraph under
 * `articleLimits.minSingleParagraphChars`).
 */
export function extractArticle(html: string, pageUrl: string | null): ExtractedArticle {
  const document = asDocument(html);
  const meta = readMetadata(document, pageUrl);

  if (!document.documentElement || tooComplex(document.documentElement)) {
    throw new ImportError("not_an_article", undefined, { message: "page too large or too deeply nested to extract" });
  }
  let parsed: ReturnType<Readability<Node>["parse"]>;
  try {
    parsed = new Readability<Node>(document, { serializer: (node) => node }).parse();
  } catch (error) {
    throw new ImportError("not_an_article", undefined, { cause: error, message: "Readability could not parse the page" });
  }
  if (!parsed?.content) throw new ImportError("not_an_article");

  const outletNames = [meta.outlet, hostWithoutWww(pageUrl ?? meta.canonicalUrl)];
  const rawTitle = [...meta.titles.slice(0, 2), parsed.title, ...meta.titles.slice(2)]
    .map((candidate) => (candidate ? collapseWhitespace(candidate) : ""))
    .find((candidate) => candidate !== "");
  let title = rawTitle ? trimSiteName(rawTitle, outletNames) : "";
  if (title.length > articleLimits.maxTitleLength) {
    title = `${title.slice(0, articleLimits.maxTitleLength - 1).replace(/\s+\S*$/, "")}…`;
  }

  let creditAuthor = meta.creditAuthor;
  const paragraphs: string[] = [];
  const titleKey = comparable(title);
  for (const block of textBlocks(parsed.content)) {
    const text = collapseWhitespace(block.text);
    if (text === "") continue;
    const credit = creditLine.exec(text);
    if (credit?.[1] && text.length <= 120) creditAuthor ??= credit[1];
    if (isRelatedLinkLine(text)) continue;
    // Readability leftovers: lists of links, "Sign up for our newsletter" links, the headline again.
    if (block.linkText !== "" && comparable(block.linkText) === comparable(text)) continue;
    if (paragraphs.length < 3 && titleKey !== "" && comparable(text) === titleKey) continue;
    paragraphs.push(text);
  }

  const chars = paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
  const tooShort =
    chars < articleLimits.minArticleChars ||
    (paragraphs.length < articleLimits.minArticleParagraphs && chars < articleLimits.minSingleParagraphChars);
  if (tooShort) throw new ImportError("not_an_article");

  const author =
    [...meta.authors, parsed.byline, creditAuthor].map((candidate) => cleanAuthor(candidate, outletNames)).find((name) => name !== null) ??
    null;

  return {
    title,
    paragraphs,
    author,
    outlet: meta.outlet,
    publishedAt: meta.publishedAt ?? parseDate(parsed.publishedTime, /^(id|in)\b/i.test(meta.htmlLang ?? "")),
    canonicalUrl: meta.canonicalUrl,
    htmlLang: meta.htmlLang ?? (parsed.lang?.trim() || null),
  };
}

/**
 * Paragraphs of an HTML fragment taken as it is, without Readability: the HTML that mammoth makes of a
 * Word document, raw HTML inside Markdown. The first heading (h1 preferred, else the first h2–h6) is
 * returned apart, for a title; related-article lines are dropped as for pages.
 */
export function htmlFragmentParagraphs(html: string): { heading: string | null; paragraphs: string[] } {
  const document = asDocument(html);
  const body = document.body ?? document.documentElement;
  if (!body) return { heading: null, paragraphs: [] };
  const headingElement = body.querySelector("h1") ?? body.querySelector("h2, h3, h4, h5, h6");
  const heading = headingElement ? collapseWhitespace(headingElement.textContent ?? "") || null : null;
  headingElement?.remove();
  const paragraphs = textBlocks(body)
    .map((block) => collapseWhitespace(block.text))
    .filter((text) => text !== "" && !isRelatedLinkLine(text));
  return { heading, paragraphs };
}
