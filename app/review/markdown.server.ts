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

/** Safe HTML for a rationale written in Markdown (empty for an empty rationale). */
export function renderRationale(source: string): string {
  if (!source.trim()) return "";
  const html = markdown.parse(source, { async: false });
  return sanitizeHtml(html, sanitizeOptions).trim();
}
