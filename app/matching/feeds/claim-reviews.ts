// Reading other fact-checkers' ClaimReviews (pure, no I/O): from a schema.org DataFeed (like ours at
// /fact-checks/feed.json), from the JSON-LD blocks of a page (already cut out of the HTML by page-json-ld.server.ts),
// from an uploaded JSON file (a DataFeed, an array of ClaimReviews, or the Fact Check Tools API's
// `claims:search` answer) and from an uploaded CSV file with a header row.
//
// Each review becomes one KnownClaimReview: its absolute http(s) URL (fragment kept: one page may hold several
// reviews, ours are `…#claim-1`), the claim's wording, the publisher, the rating's label as written, the review's
// date (the calendar day as written, stored as UTC midnight) and its language ("id" or "en": from
// inLanguage/languageCode, else detected from the wording the way an article's language is detected). A review
// that lacks any of these, is too long, or is in another language is skipped and counted, never fatal. What is
// fatal is said by a FeedReadError: nothing that looks like a ClaimReview at all, more than `maxReviews`, a CSV
// that cannot be parsed or lacks the columns that matter.
import { parse as parseCsv } from "csv-parse/sync";
import { detectLanguage, languageFromTag } from "~/articles/text";
import { wordingHardLimit } from "~/claims/spans";
import type { Language } from "~/claims/types";
import type { KnownReview } from "~/matching/known-review";

/** A review as read from a feed or file (its calendar day at UTC midnight). */
export type KnownClaimReview = KnownReview;

export type ReadClaimReviews = {
  reviews: KnownClaimReview[];
  /** ClaimReviews seen (valid or not). */
  found: number;
  /** Seen but not kept: incomplete, too long, another language, a URL given twice. */
  skipped: number;
};

export const readingLimits = {
  /** Reviews one source may hold; a source with more is refused whole (a half-read source would remove the rest). */
  maxReviews: 100_000,
  maxUrlLength: 2_000,
  maxClaimLength: wordingHardLimit,
  maxPublisherLength: 200,
  maxRatingLength: 200,
  /** How deep the JSON walk goes looking for ClaimReviews (DataFeed → item → ClaimReview is 3). */
  maxDepth: 12,
} as const;

/** Why a source could not be read at all (the code is what the admin page shows, translated). */
export type FeedReadFailure = "not_json" | "no_claim_reviews" | "no_valid_claim_reviews" | "too_many_reviews" | "unreadable_csv" | "csv_columns_missing";

export class FeedReadError extends Error {
  constructor(readonly code: FeedReadFailure, message?: string) {
    super(message ?? code);
    this.name = "FeedReadError";
  }
}

/** Fills in what a source's reviews may leave out: the publisher (the source's name). */
export type ReadOptions = { defaultPublisher?: string };

// ---------------------------------------------------------------------------------------------------------
// One review's fields

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

function text(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const cleaned = value.replace(/\s+/g, " ").trim();
  return cleaned === "" ? null : cleaned;
}

/** The first of `values` that is text (a JSON-LD property may be a value, an array of values, or a node with a name). */
function firstText(...values: unknown[]): string | null {
  for (const value of values) {
    if (Array.isArray(value)) {
      const found = firstText(...value);
      if (found) return found;
    } else if (isNode(value)) {
      const found = firstText(value.name, value.alternateName, value["@value"]);
      if (found) return found;
    } else {
      const found = text(value);
      if (found) return found;
    }
  }
  return null;
}

/** An absolute http(s) URL without credentials, normalised by the WHATWG parser (host lower case, default port dropped). */
export function normaliseReviewUrl(value: unknown): string | null {
  const raw = text(value);
  if (!raw || raw.length > readingLimits.maxUrlLength) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password || !url.hostname) return null;
  if (url.hash === "#") url.hash = "";
  return url.href.length > readingLimits.maxUrlLength ? null : url.href;
}

/** The calendar day a date or date-time was written with ("2024-10-20", "2024-10-20T23:00:00-05:00"), at UTC midnight. */
export function reviewDay(value: unknown): Date | null {
  const raw = text(value);
  const match = raw ? /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(raw) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900) return null;
  return date;
}

function languageOf(tag: string | null, claimReviewed: string): Language | null {
  const fromTag = tag ? languageFromTag(tag) : "und";
  if (fromTag !== "und") return fromTag;
  if (tag) return null; // a language we do not match (e.g. "de")
  const detected = detectLanguage(claimReviewed);
  return detected === "und" ? null : detected;
}

type RawReview = { url: unknown; claimReviewed: unknown; publisher: unknown; rating: unknown; date: unknown; language: unknown };

function reviewOf(raw: RawReview, options: ReadOptions): KnownClaimReview | null {
  const url = normaliseReviewUrl(raw.url);
  const claimReviewed = firstText(raw.claimReviewed);
  const publisher = firstText(raw.publisher) ?? text(options.defaultPublisher);
  const rating = firstText(raw.rating);
  const datePublished = reviewDay(raw.date);
  if (!url || !claimReviewed || !publisher || !rating || !datePublished) return null;
  if (
    claimReviewed.length > readingLimits.maxClaimLength ||
    publisher.length > readingLimits.maxPublisherLength ||
    rating.length > readingLimits.maxRatingLength
  )
    return null;
  const language = languageOf(firstText(raw.language), claimReviewed);
  if (!language) return null;
  return { url, claimReviewed, publisher, rating, datePublished, language };
}

/** A schema.org ClaimReview node's fields (our own feed's shape: app/publishing/claim-review-markup.ts). */
function fromClaimReviewNode(node: Node): RawReview {
  const rating = isNode(node.reviewRating) ? node.reviewRating : Array.isArray(node.reviewRating) ? node.reviewRating.find(isNode) : undefined;
  const item = isNode(node.itemReviewed) ? node.itemReviewed : undefined;
  return {
    url: node.url ?? node["@id"],
    claimReviewed: node.claimReviewed ?? item?.name ?? item?.text,
    publisher: node.author ?? node.publisher,
    rating: rating ? [rating.alternateName, rating.name] : node.textualRating,
    date: node.datePublished ?? node.dateCreated,
    language: node.inLanguage,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Finding the reviews in JSON

function hasType(node: Node, type: string): boolean {
  const types = Array.isArray(node["@type"]) ? node["@type"] : [node["@type"]];
  return types.some((t) => typeof t === "string" && (t === type || t.endsWith(`/${type}`) || t.endsWith(`:${type}`)));
}

/** Every ClaimReview in a parsed JSON document, as raw fields: DataFeeds, @graph, ItemLists, arrays, Fact Check Tools answers. */
function rawReviewsIn(document: unknown): RawReview[] {
  const found: RawReview[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > readingLimits.maxDepth) return;
    if (found.length > readingLimits.maxReviews) throw new FeedReadError("too_many_reviews");
    if (Array.isArray(value)) {
      for (const element of value) visit(element, depth + 1);
      return;
    }
    if (!isNode(value)) return;
    if (hasType(value, "ClaimReview")) {
      found.push(fromClaimReviewNode(value));
      return;
    }
    // The Fact Check Tools API's claims:search answer: {claims: [{text, claimant, claimDate, claimReview: [...]}]}.
    if (Array.isArray(value.claims) && !("@type" in value)) {
      for (const claim of value.claims) {
        if (!isNode(claim) || !Array.isArray(claim.claimReview)) continue;
        for (const review of claim.claimReview) {
          if (!isNode(review)) continue;
          const publisher = isNode(review.publisher) ? [review.publisher.name, review.publisher.site] : undefined;
          found.push({ url: review.url, claimReviewed: claim.text, publisher, rating: review.textualRating, date: review.reviewDate, language: review.languageCode });
          if (found.length > readingLimits.maxReviews) throw new FeedReadError("too_many_reviews");
        }
      }
      return;
    }
    for (const key of ["@graph", "dataFeedElement", "itemListElement", "item", "mainEntity"]) {
      if (key in value) visit(value[key], depth + 1);
    }
  };
  visit(document, 0);
  return found;
}

function settle(raws: RawReview[], options: ReadOptions): ReadClaimReviews {
  if (raws.length === 0) throw new FeedReadError("no_claim_reviews");
  if (raws.length > readingLimits.maxReviews) throw new FeedReadError("too_many_reviews");
  const reviews: KnownClaimReview[] = [];
  const seen = new Set<string>();
  for (const raw of raws) {
    const review = reviewOf(raw, options);
    if (!review || seen.has(review.url)) continue;
    seen.add(review.url);
    reviews.push(review);
  }
  if (reviews.length === 0) throw new FeedReadError("no_valid_claim_reviews");
  return { reviews, found: raws.length, skipped: raws.length - reviews.length };
}

/** The ClaimReviews of parsed JSON documents (a DataFeed, a page's JSON-LD blocks, an uploaded file). */
export function claimReviewsFromJson(documents: unknown[], options: ReadOptions = {}): ReadClaimReviews {
  return settle(documents.flatMap(rawReviewsIn), options);
}

/** The ClaimReviews of a JSON text; `not_json` when it does not parse. */
export function claimReviewsFromJsonText(json: string, options: ReadOptions = {}): ReadClaimReviews {
  let document: unknown;
  try {
    document = JSON.parse(json.replace(/^\uFEFF/, ""));
  } catch {
    throw new FeedReadError("not_json");
  }
  return claimReviewsFromJson([document], options);
}

/** Parses each JSON-LD block, leaving out those that do not parse (a page's other, broken markup is not our concern). */
export function claimReviewsFromJsonLdBlocks(blocks: string[], options: ReadOptions = {}): ReadClaimReviews {
  const documents: unknown[] = [];
  for (const block of blocks) {
    try {
      documents.push(JSON.parse(block));
    } catch {
      // skipped: not JSON
    }
  }
  return claimReviewsFromJson(documents, options);
}

// ---------------------------------------------------------------------------------------------------------
// CSV

/** The header names each field may have (compared case-insensitively, spaces and underscores ignored). */
const csvColumns = {
  url: ["url", "reviewurl", "claimreviewurl"],
  claimReviewed: ["claimreviewed", "claim", "text"],
  publisher: ["publisher", "author"],
  rating: ["rating", "textualrating"],
  date: ["datepublished", "reviewdate", "date"],
  language: ["language", "languagecode", "inlanguage"],
} as const;

const headerKey = (name: string) => name.replace(/^\uFEFF/, "").toLowerCase().replace(/[\s_-]+/g, "");

/** The ClaimReviews of a CSV text with a header row (comma or semicolon separated, quoted as RFC 4180). */
export function claimReviewsFromCsv(csv: string, options: ReadOptions = {}): ReadClaimReviews {
  const firstLine = csv.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let rows: string[][];
  try {
    rows = parseCsv(csv, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 64 * 1024,
      to: readingLimits.maxReviews + 2,
    }) as string[][];
  } catch (error) {
    throw new FeedReadError("unreadable_csv", (error as Error).message);
  }
  const [header, ...records] = rows;
  if (!header) throw new FeedReadError("no_claim_reviews");
  const keys = header.map(headerKey);
  const column = (names: readonly string[]) => keys.findIndex((key) => names.includes(key));
  const at = Object.fromEntries(Object.entries(csvColumns).map(([field, names]) => [field, column(names)])) as Record<keyof typeof csvColumns, number>;
  if (at.url < 0 || at.claimReviewed < 0 || at.rating < 0 || at.date < 0) throw new FeedReadError("csv_columns_missing");
  if (records.length > readingLimits.maxReviews) throw new FeedReadError("too_many_reviews");
  const cell = (record: string[], index: number) => (index < 0 ? undefined : record[index]);
  return settle(
    records.map((record) => ({
      url: cell(record, at.url),
      claimReviewed: cell(record, at.claimReviewed),
      publisher: cell(record, at.publisher),
      rating: cell(record, at.rating),
      date: cell(record, at.date),
      language: cell(record, at.language),
    })),
    options,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Uploaded files

export type UploadedFormat = "json" | "csv";

/** JSON when the file starts like JSON; CSV when it is named or typed as CSV; null for anything else. */
export function uploadedFormat(file: { name: string; type: string; text: string }): UploadedFormat | null {
  const start = file.text.replace(/^\uFEFF/, "").trimStart()[0];
  if (start === "{" || start === "[") return "json";
  if (/\.csv$/i.test(file.name) || /^text\/(csv|comma-separated-values)\b/i.test(file.type)) return "csv";
  if (/\.json$/i.test(file.name) || /json/i.test(file.type)) return "json";
  return null;
}

/** The ClaimReviews of an uploaded file in `format`. */
export function claimReviewsFromFile(format: UploadedFormat, text: string, options: ReadOptions = {}): ReadClaimReviews {
  return format === "json" ? claimReviewsFromJsonText(text, options) : claimReviewsFromCsv(text, options);
}
