// Verdict rationales are Markdown written by reviewers; they are shown to editors and, later, published.
// They become HTML only here, on the server: `marked` turns the Markdown into HTML and `sanitize-html`
// keeps only a short list of harmless elements (docs/decisions/0009). The browser never sanitises.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/** The only elements a rendered rationale can contain. */
export const rationaleTags = ["p", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "a", "h3", "h4", "br"] as const;

/** The only link targets kept; anything else (javascript:, data:, relative, protocol-relative) loses its link. */
const linkSchemes = new Set(["http:", "https:", "mailto:"]);

function escapeHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

// One parser for the process. Raw HTML typed into a rationale is shown as text, not interpreted (a checker
// quoting a suspicious post's markup must see the markup); images are reduced to their description.
const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    image: ({ text }) => escapeHtml(text),
    // Tables are not among the allowed elements: each row becomes a line, its cells separated by " | ".
    table(token) {
      const rows = [token.header, ...token.rows].map((cells) => cells.map((cell) => this.parser.parseInline(cell.tokens)).join(" | "));
      return `<p>${rows.join("<br>")}</p>\n`;
    },
  },
});

function safeLink(href: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim());
    return linkSchemes.has(url.protocol) ? url.href : null;
  } catch {
    return null; // relative or malformed
  }
}

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [...rationaleTags],
  allowedAttributes: { a: ["href", "rel", "target"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  allowedStyles: {},
  allowVulnerableTags: false,
  // Deeper nesting (quotes in lists in quotes…) is flattened to text.
  nestingLimit: 20,
  // Disallowed elements go; their text stays, except in these, whose content goes with them.
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template", "title", "svg", "math", "select", "xmp", "noembed", "noframes"],
  transformTags: {
    h1: "h3",
    h2: "h3",
    h5: "h4",
    h6: "h4",
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = safeLink(attribs.href);
      // A span is not allowed either, so a refused link becomes its plain text.
      if (!href) return { tagName: "span", attribs: {} };
      return { tagName: "a", attribs: { href, rel: "noopener noreferrer nofollow", target: "_blank" } };
    },
  },
};

// marked's time grows steeply with nesting depth (2,000 lines of ever deeper quotes: seconds). Real
// rationales nest a few levels, so deeper quotes and indentation are flattened before parsing.
const maxQuoteDepth = 8;
const maxIndent = 16;

/** One line with at most `maxQuoteDepth` quote markers and `maxIndent` columns of indentation after them. */
function limitLine(line: string): string {
  let depth = 0;
  let quoteEnd = 0;
  for (let at = 0; ; ) {
    while (line[at] === " " || line[at] === "\t") at++;
    if (line[at] !== ">") break;
    depth++;
    at++;
    quoteEnd = at;
  }
  let end = quoteEnd;
  let width = 0;
  while (line[end] === " " || line[end] === "\t") width += line[end++] === "\t" ? 4 : 1;
  if (depth <= maxQuoteDepth && width <= maxIndent) return line;
  const quote = depth > maxQuoteDepth ? ">".repeat(maxQuoteDepth) : line.slice(0, quoteEnd);
  const indent = width > maxIndent ? " ".repeat(maxIndent) : line.slice(quoteEnd, end);
  return quote + indent + line.slice(end);
}

/** Flattens nesting deeper than any rationale needs; fenced code blocks are left as they are. */
export function limitNesting(source: string): string {
  let fence: string | null = null;
  return source
    .split("\n")
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1] ?? null;
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      return limitLine(line);
    })
    .join("\n");
}

/** The rationale as escaped paragraphs of plain text: what is shown when the Markdown cannot be parsed. */
function plainParagraphs(source: string) {
  return source
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

function render(source: string): string {
  let html: string;
  try {
    html = markdown.parse(limitNesting(source), { async: false });
  } catch {
    // marked recurses per nesting level and may still overflow the stack on some shape not limited above.
    // Rendering runs on every read, so one such rationale must not break the claim page: show plain text.
    html = plainParagraphs(source);
  }
  return sanitizeHtml(html, sanitizeOptions).trim();
}

// A verdict's rationale never changes once proposed, so renders are kept (the most recent few hundred).
const cacheSize = 500;
const rendered = new Map<string, string>();

/** Safe HTML for a rationale written in Markdown (empty for an empty rationale). Never throws. */
export function renderRationale(source: string): string {
  if (!source.trim()) return "";
  const cached = rendered.get(source);
  if (cached !== undefined) {
    rendered.delete(source);
    rendered.set(source, cached);
    return cached;
  }
  const html = render(source);
  rendered.set(source, html);
  if (rendered.size > cacheSize) rendered.delete(rendered.keys().next().value!);
  return html;
}
