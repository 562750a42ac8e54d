// An Atom 1.0 feed document (RFC 4287), written as text. Pure, no I/O.
// Every piece of text goes through `xmlText`/`xmlAttribute`: headlines are the newsroom's words and may
// hold "<", "&" or quotes; characters XML 1.0 cannot carry at all (most control characters) are dropped,
// so the document always parses.

/** Characters XML 1.0 allows in a document; anything else (NUL, most C0 controls, lone surrogates, U+FFFE/U+FFFF) is dropped. */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(value: string): string {
  return value.replace(notXmlChar, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function xmlAttribute(value: string): string {
  return xmlText(value)
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

export type AtomEntry = {
  /** A permanent IRI: here the fact-check's absolute URL. */
  id: string;
  title: string;
  url: string;
  summary: string;
  /** xml:lang of the entry (the fact-check's language). */
  language: string;
  published: Date;
  updated: Date;
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string | null;
  language: string;
  updated: Date;
  selfUrl: string;
  alternateUrl: string;
  author: { name: string; uri?: string | null };
  logoUrl?: string | null;
  entries: AtomEntry[];
};

function element(name: string, text: string, indent: string) {
  return `${indent}<${name}>${xmlText(text)}</${name}>\n`;
}

function link(rel: string, type: string, href: string, indent: string) {
  return `${indent}<link rel="${xmlAttribute(rel)}" type="${xmlAttribute(type)}" href="${xmlAttribute(href)}"/>\n`;
}

export function atomDocument(feed: AtomFeed): string {
  let xml = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlAttribute(feed.language)}">\n`;
  xml += element("id", feed.id, "  ");
  xml += `  <title type="text">${xmlText(feed.title)}</title>\n`;
  if (feed.subtitle) xml += `  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>\n`;
  xml += element("updated", feed.updated.toISOString(), "  ");
  xml += link("self", "application/atom+xml", feed.selfUrl, "  ");
  xml += link("alternate", "text/html", feed.alternateUrl, "  ");
  xml += `  <author>\n${element("name", feed.author.name, "    ")}${feed.author.uri ? element("uri", feed.author.uri, "    ") : ""}  </author>\n`;
  xml += `  <generator>Factdesk</generator>\n`;
  if (feed.logoUrl) xml += element("logo", feed.logoUrl, "  ");
  for (const entry of feed.entries) {
    xml += `  <entry xml:lang="${xmlAttribute(entry.language)}">\n`;
    xml += element("id", entry.id, "    ");
    xml += `    <title type="text">${xmlText(entry.title)}</title>\n`;
    xml += link("alternate", "text/html", entry.url, "    ");
    xml += element("published", entry.published.toISOString(), "    ");
    xml += element("updated", entry.updated.toISOString(), "    ");
    xml += `    <summary type="text">${xmlText(entry.summary)}</summary>\n`;
    xml += `  </entry>\n`;
  }
  return `${xml}</feed>\n`;
}
