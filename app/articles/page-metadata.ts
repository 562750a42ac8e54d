// An article's details from its page's metadata, read before Readability rewrites the document
// (extract.server.ts):
// - title: og:title, JSON-LD headline, Readability's title, <title>, first <h1> — with a " - Outlet" /
//   " | Outlet" suffix (or prefix) removed when it names the site;
// - author: JSON-LD NewsArticle author names, meta author, article:author (unless they are URLs or
//   the outlet's own name), Readability's byline, a "Penulis: X" credit line;
// - outlet: og:site_name, JSON-LD publisher.name, else the host name without "www.";
// - published: article:published_time, JSON-LD datePublished, <time datetime>, meta date/pubdate — ISO 8601
//   or RFC 2822 only (see parseDate), anything else ignored;
// - canonical URL: <link rel=canonical>, else og:url (both resolved against the page URL, http(s) only),
//   else the page URL.
import { articleLimits, collapseWhitespace } from "./text";

// linkedom's types are its own classes; the DOM lib's names are used here for readability of the code.
type Doc = Document;

function metaContent(document: Doc, selectors: string[]): string | null {
  for (const selector of selectors) {
    for (const element of Array.from(document.querySelectorAll(selector))) {
      const value = collapseWhitespace(element.getAttribute("content") ?? element.getAttribute("datetime") ?? "");
      if (value !== "") return value;
    }
  }
  return null;
}

const articleTypes = new Set([
  "article",
  "newsarticle",
  "reportagenews",
  "analysisnewsarticle",
  "opinionnewsarticle",
  "backgroundnewsarticle",
  "reviewnewsarticle",
  "askpublicnewsarticle",
  "blogposting",
  "liveblogposting",
  "report",
  "socialmediaposting",
]);

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function types(node: JsonObject): string[] {
  const type = node["@type"];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === "string").map((t) => t.toLowerCase().replace(/^.*[/#]/, ""));
}

/** The first JSON-LD node typed as an article (NewsArticle, Article, ReportageNews, BlogPosting, …). */
function jsonLdArticle(document: Doc): JsonObject | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = script.textContent ?? "";
    if (text.length > 1024 * 1024) continue;
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\s*<!--|-->\s*$/g, ""));
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let guard = 0; queue.length > 0 && guard < 500; guard += 1) {
      const node = queue.shift();
      if (Array.isArray(node)) queue.push(...node);
      else if (isObject(node)) {
        if (types(node).some((t) => articleTypes.has(t))) return node;
        if (Array.isArray(node["@graph"])) queue.push(...node["@graph"]);
      }
    }
  }
  return null;
}

function jsonLdNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    const name = typeof item === "string" ? item : isObject(item) && typeof item.name === "string" ? item.name : null;
    if (name) names.push(collapseWhitespace(name));
  }
  return names.filter((name) => name !== "");
}

function jsonLdString(node: JsonObject | null, key: string): string | null {
  const value = node?.[key];
  return typeof value === "string" && value.trim() !== "" ? collapseWhitespace(value) : null;
}

export function comparable(name: string): string {
  return name
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

export function hostWithoutWww(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^www\./, "");
    return host === "" ? null : host;
  } catch {
    return null;
  }
}

/** Removes " - Tribunnews.com" / " | Coastal Herald" (or the same as a prefix) when it names the site. */
export function trimSiteName(title: string, siteNames: Array<string | null>): string {
  const names = new Set<string>();
  for (const name of siteNames) {
    if (!name) continue;
    names.add(comparable(name));
    const firstLabel = name.replace(/^www\./, "").split(".")[0];
    if (firstLabel && /\./.test(name)) names.add(comparable(firstLabel));
  }
  names.delete("");
  if (names.size === 0) return title;
  const separators = /\s+[-|–—·:•»]{1,2}\s+/g;
  const cuts = Array.from(title.matchAll(separators));
  const last = cuts.at(-1);
  if (last?.index !== undefined) {
    const suffix = title.slice(last.index + last[0].length);
    const rest = title.slice(0, last.index).trim();
    if (rest !== "" && names.has(comparable(suffix))) return rest;
  }
  const first = cuts[0];
  if (first?.index !== undefined) {
    const prefix = title.slice(0, first.index);
    const rest = title.slice(first.index + first[0].length).trim();
    if (rest !== "" && names.has(comparable(prefix))) return rest;
  }
  return title;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const rfc2822Date = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*)?\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+(?:GMT|UT|UTC|[+-]\d{4})$/i;

/**
 * Parses the machine-readable dates pages put in their metadata: ISO 8601 (date only = midnight UTC) and
 * RFC 2822. Nothing else: JavaScript's lenient parser reads "10/11/2024" as 11 October where an Indonesian
 * page means 10 November, and guesses at "Senin, 3 Maret 2025". A time without a zone is taken as WIB
 * (+07:00) on Indonesian pages and as UTC elsewhere. Dates before 1990 or in the future are ignored.
 */
export function parseDate(value: string | null | undefined, indonesian = false): Date | null {
  const text = value?.trim() ?? "";
  let time = Number.NaN;
  const iso = isoDate.exec(text);
  if (iso) {
    const [, year, month, day, hour, minute, second, zone] = iso;
    const offset = zone ? (zone.toUpperCase() === "Z" ? "Z" : zone.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")) : hour && indonesian ? "+07:00" : "Z";
    time = Date.parse(`${year}-${month}-${day}T${hour ?? "00"}:${minute ?? "00"}:${second ?? "00"}${hour ? offset : "Z"}`);
  } else if (rfc2822Date.test(text)) {
    time = Date.parse(text);
  }
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  if (date.getUTCFullYear() < 1990 || time > Date.now() + 2 * 24 * 60 * 60 * 1000) return null;
  return date;
}

function httpUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href || href.trim() === "") return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

function looksLikeUrl(value: string): boolean {
  return /^(https?:)?\/\//i.test(value) || /^www\./i.test(value);
}

export function cleanAuthor(value: string | null | undefined, outletNames: Array<string | null>): string | null {
  if (!value) return null;
  let name = collapseWhitespace(value)
    .replace(/^(oleh|by|penulis|reporter|author|written by)\s*[:：]?\s+/i, "")
    .replace(/^(penulis|reporter|author)\s*[:：]\s*/i, "")
    .trim();
  name = name.split(/\s+\|\s+|\s+[-–—]\s+(?=(editor|penyunting)\b)/i)[0]?.trim() ?? "";
  if (name === "" || looksLikeUrl(name)) return null;
  const key = comparable(name);
  if (outletNames.some((outlet) => outlet && comparable(outlet) === key)) return null;
  return name.slice(0, articleLimits.maxNameLength);
}

export const creditLine = /^penulis\s*[:：]\s*(.+)$/i;

/** "Penulis: Nadia Rahmawati" in a small element anywhere on the page. */
function creditLineAuthor(document: Doc): string | null {
  const candidates = document.querySelectorAll("p, div, span, li, td");
  let checked = 0;
  for (const element of Array.from(candidates)) {
    if (element.childElementCount > 3) continue;
    if ((checked += 1) > 5000) break;
    const text = collapseWhitespace(element.textContent ?? "");
    if (text.length > 120) continue;
    const match = creditLine.exec(text);
    if (match?.[1]) return match[1];
  }
  return null;
}

type Metadata = {
  titles: Array<string | null>;
  authors: Array<string | null>;
  outlet: string | null;
  publishedAt: Date | null;
  canonicalUrl: string | null;
  htmlLang: string | null;
  creditAuthor: string | null;
};

export function readMetadata(document: Doc, pageUrl: string | null): Metadata {
  const ld = jsonLdArticle(document);
  const canonicalUrl =
    httpUrl(document.querySelector('link[rel~="canonical" i]')?.getAttribute("href"), pageUrl) ??
    httpUrl(metaContent(document, ['meta[property="og:url"]']), pageUrl) ??
    httpUrl(pageUrl, null);
  const publisher = ld?.publisher;
  const outlet =
    metaContent(document, ['meta[property="og:site_name"]']) ??
    (isObject(publisher) ? jsonLdNames(publisher)[0] ?? null : null) ??
    hostWithoutWww(pageUrl ?? canonicalUrl);
  const htmlLang = document.documentElement?.getAttribute("lang")?.trim() || null;
  const indonesian = /^(id|in)\b/i.test(htmlLang ?? "") || /\.id$/i.test(hostWithoutWww(pageUrl ?? canonicalUrl) ?? "");
  const date = (value: string | null | undefined) => parseDate(value, indonesian);
  const firstTime = Array.from(document.querySelectorAll("time[datetime]"))
    .map((element) => element.getAttribute("datetime"))
    .find((value) => date(value) !== null);
  const publishedAt =
    date(metaContent(document, ['meta[property="article:published_time"]'])) ??
    date(jsonLdString(ld, "datePublished")) ??
    date(firstTime) ??
    date(
      metaContent(document, [
        'meta[itemprop="datePublished"]',
        'meta[name="pubdate"]',
        'meta[name="publishdate"]',
        'meta[name="publish-date"]',
        'meta[name="date"]',
        'meta[name="DC.date.issued"]',
        'meta[name="dc.date"]',
        'meta[name="parsely-pub-date"]',
      ]),
    );
  const title = document.querySelector("title")?.textContent ?? null;
  const h1 = document.querySelector("h1")?.textContent ?? null;
  return {
    titles: [metaContent(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']), jsonLdString(ld, "headline"), title, h1],
    authors: [
      ld ? jsonLdNames(ld.author).join(", ") || null : null,
      metaContent(document, ['meta[name="author"]']),
      metaContent(document, ['meta[property="article:author"]']),
    ],
    outlet: outlet ? collapseWhitespace(outlet).slice(0, articleLimits.maxNameLength) : null,
    publishedAt,
    canonicalUrl,
    htmlLang,
    creditAuthor: creditLineAuthor(document),
  };
}
