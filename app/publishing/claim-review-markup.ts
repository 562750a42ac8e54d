/**
 * schema.org ClaimReview markup for a published fact-check: one ClaimReview per claim.
 *
 * Pure (no I/O). The publishing route maps Article/Claim/Verdict/RatingLabel/NewsroomSettings into
 * `FactCheckForReview`; this module validates that input and builds the JSON-LD nodes. The shape
 * they must have is written down in `claim-review.schema.json` (checked in claim-review-markup.test.ts).
 *
 * Rules (docs: shared notes, "ClaimReview (schema.org), one per claim"):
 * - bestRating/worstRating come from the scale actually used, never hard-coded 5/1;
 * - itemReviewed.datePublished is when the CLAIM was made; when unknown it is omitted, never filled
 *   with the fact-check's date;
 * - `serializeJsonLd` makes the nodes safe inside <script type="application/ld+json">.
 */

export type ScaleForReview = { best: number; worst: number }; // from the scale actually used: max and min label values

export type AppearanceForReview = {
  url: string | null;
  name: string | null;
  datePublished: Date | null;
};

export type ClaimForReview = {
  /** Fragment id on the page, e.g. "claim-1". */
  anchor: string;
  /** claimReviewed: the claim as checked, short, no verdict in it. */
  wording: string;
  claimant: { name: string; kind: "Person" | "Organization" } | null;
  /** When the CLAIM was made (never the check's date). */
  claimDate: Date | null;
  /** Where it appeared (the article). */
  appearance: AppearanceForReview | null;
  /** Where it first appeared, when known. */
  firstAppearance?: AppearanceForReview | null;
  /** alternateName = label (in the page language); name is an optional longer wording. */
  rating: { value: number; label: string; name?: string };
};

export type FactCheckForReview = {
  /** Canonical public URL of the fact-check page (absolute https/http). */
  url: string;
  headline: string;
  language: "id" | "en" | string;
  datePublished: Date;
  dateModified?: Date | null;
  newsroom: { name: string; url: string | null; logoUrl: string | null };
  scale: ScaleForReview;
  claims: ClaimForReview[];
};

export type JsonLdNode = Record<string, unknown>;

/** Hard limit on claimReviewed (the schema's maxLength); 75 characters is only the guidance. */
export const CLAIM_REVIEWED_MAX_LENGTH = 500;
/** Recommended length of claimReviewed; longer wording is allowed but worth a warning. */
export const CLAIM_REVIEWED_RECOMMENDED_LENGTH = 75;

export class ClaimReviewInputError extends Error {
  override name = "ClaimReviewInputError";
}

function fail(message: string): never {
  throw new ClaimReviewInputError(message);
}

/** Trimmed text with runs of whitespace (newlines included) collapsed; "" when blank or missing. */
function cleanText(value: string | null | undefined): string {
  return typeof value === "string" ? value.replace(/\s+/gu, " ").trim() : "";
}

function requireText(value: string | null | undefined, what: string): string {
  const text = cleanText(value);
  if (!text) fail(`${what} must not be empty`);
  return text;
}

/** An absolute http(s) URL, normalised by the URL parser; null when blank or missing. */
function optionalHttpUrl(value: string | null | undefined, what: string): string | null {
  const text = typeof value === "string" ? value.trim() : "";
  if (!text) return null;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    fail(`${what} must be an absolute http(s) URL, got ${JSON.stringify(text)}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    fail(`${what} must be an http(s) URL, got ${JSON.stringify(text)}`);
  }
  if (parsed.username || parsed.password) fail(`${what} must not contain credentials`);
  return parsed.href;
}

function isoDate(value: unknown, what: string): string {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail(`${what} must be a valid Date`);
  return value.toISOString();
}

function optionalIsoDate(value: Date | null | undefined, what: string): string | null {
  return value == null ? null : isoDate(value, what);
}

function requireFiniteNumber(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(`${what} must be a finite number`);
  return value;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/u;
const ANCHOR = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/u;

function creativeWork(appearance: AppearanceForReview | null | undefined, what: string): JsonLdNode | null {
  if (!appearance) return null;
  const url = optionalHttpUrl(appearance.url, `${what}.url`);
  const name = cleanText(appearance.name);
  const datePublished = optionalIsoDate(appearance.datePublished, `${what}.datePublished`);
  if (!url && !name && !datePublished) return null;
  return {
    "@type": "CreativeWork",
    ...(url ? { url } : {}),
    ...(name ? { name } : {}),
    ...(datePublished ? { datePublished } : {}),
  };
}

function validateScale(scale: ScaleForReview): ScaleForReview {
  if (!scale) fail("scale is required");
  const best = requireFiniteNumber(scale.best, "scale.best");
  const worst = requireFiniteNumber(scale.worst, "scale.worst");
  if (!(worst < best)) fail(`scale.worst (${worst}) must be lower than scale.best (${best})`);
  return { best, worst };
}

function buildClaimReview(
  claim: ClaimForReview,
  index: number,
  page: {
    url: string;
    headline: string;
    language: string;
    datePublished: string;
    dateModified: string | null;
    author: JsonLdNode;
    scale: ScaleForReview;
  },
): JsonLdNode {
  const where = `claims[${index}]`;
  if (!claim) fail(`${where} is missing`);

  const anchor = typeof claim.anchor === "string" ? claim.anchor.trim() : "";
  if (!ANCHOR.test(anchor)) fail(`${where}.anchor must be a fragment id like "claim-1", got ${JSON.stringify(claim.anchor)}`);

  const wording = requireText(claim.wording, `${where}.wording`);
  if (wording.length > CLAIM_REVIEWED_MAX_LENGTH) {
    fail(`${where}.wording is ${wording.length} characters; the limit is ${CLAIM_REVIEWED_MAX_LENGTH}`);
  }

  // Rating: from the scale actually used.
  if (!claim.rating) fail(`${where}.rating is required`);
  const ratingValue = requireFiniteNumber(claim.rating.value, `${where}.rating.value`);
  if (ratingValue < page.scale.worst || ratingValue > page.scale.best) {
    fail(`${where}.rating.value ${ratingValue} is outside the scale [${page.scale.worst}, ${page.scale.best}]`);
  }
  const label = requireText(claim.rating.label, `${where}.rating.label`);
  const ratingName = cleanText(claim.rating.name);

  // The claim itself.
  let claimAuthor: JsonLdNode | null = null;
  if (claim.claimant) {
    const name = cleanText(claim.claimant.name);
    const kind = claim.claimant.kind;
    if (kind !== "Person" && kind !== "Organization") {
      fail(`${where}.claimant.kind must be "Person" or "Organization", got ${JSON.stringify(kind)}`);
    }
    if (name) claimAuthor = { "@type": kind, name };
  }
  // Never fall back to the fact-check's date: an unknown claim date is omitted.
  const claimDate = optionalIsoDate(claim.claimDate, `${where}.claimDate`);
  const appearance = creativeWork(claim.appearance, `${where}.appearance`);
  const firstAppearance = creativeWork(claim.firstAppearance, `${where}.firstAppearance`);

  const itemReviewed: JsonLdNode = {
    "@type": "Claim",
    ...(claimAuthor ? { author: claimAuthor } : {}),
    ...(claimDate ? { datePublished: claimDate } : {}),
    ...(appearance ? { appearance } : {}),
    ...(firstAppearance ? { firstAppearance } : {}),
  };

  const reviewRating: JsonLdNode = {
    "@type": "Rating",
    ratingValue,
    bestRating: page.scale.best,
    worstRating: page.scale.worst,
    alternateName: label,
    ...(ratingName ? { name: ratingName } : {}),
  };

  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `${page.url}#${anchor}`,
    claimReviewed: wording,
    author: page.author,
    datePublished: page.datePublished,
    ...(page.dateModified ? { dateModified: page.dateModified } : {}),
    itemReviewed,
    reviewRating,
    inLanguage: page.language,
    headline: page.headline,
  };
}

/** One ClaimReview node per claim (none for a fact-check without claims). Throws ClaimReviewInputError on bad input. */
export function buildClaimReviews(factCheck: FactCheckForReview): JsonLdNode[] {
  if (!factCheck) fail("factCheck is required");

  const pageUrl = optionalHttpUrl(factCheck.url, "url");
  if (!pageUrl) fail("url must not be empty");
  const url = pageUrl.replace(/#.*$/su, "");

  const headline = requireText(factCheck.headline, "headline");
  const language = typeof factCheck.language === "string" ? factCheck.language.trim() : "";
  if (!LANGUAGE_TAG.test(language)) fail(`language must be a language tag like "id" or "en", got ${JSON.stringify(factCheck.language)}`);

  const datePublished = isoDate(factCheck.datePublished, "datePublished");
  const dateModified = optionalIsoDate(factCheck.dateModified, "dateModified");
  if (dateModified && factCheck.dateModified! < factCheck.datePublished) {
    fail("dateModified must not be earlier than datePublished");
  }

  if (!factCheck.newsroom) fail("newsroom is required");
  const newsroomName = requireText(factCheck.newsroom.name, "newsroom.name");
  const newsroomUrl = optionalHttpUrl(factCheck.newsroom.url, "newsroom.url");
  const logoUrl = optionalHttpUrl(factCheck.newsroom.logoUrl, "newsroom.logoUrl");
  const author: JsonLdNode = {
    "@type": "Organization",
    name: newsroomName,
    ...(newsroomUrl ? { url: newsroomUrl } : {}),
    ...(logoUrl ? { logo: { "@type": "ImageObject", url: logoUrl } } : {}),
  };

  const scale = validateScale(factCheck.scale);
  if (!Array.isArray(factCheck.claims)) fail("claims must be an array");

  const seen = new Set<string>();
  return factCheck.claims.map((claim, index) => {
    const review = buildClaimReview(claim, index, { url, headline, language, datePublished, dateModified, author, scale });
    const reviewUrl = review.url as string;
    if (seen.has(reviewUrl)) fail(`claims[${index}].anchor ${JSON.stringify(claim.anchor)} is used twice`);
    seen.add(reviewUrl);
    return review;
  });
}

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/gu;

/**
 * JSON for an inline <script type="application/ld+json">: "<", ">", "&", U+2028 and U+2029 are
 * written as \uXXXX escapes, so the text can never close the script element (or open a comment),
 * and it parses back to the same value.
 */
export function serializeJsonLd(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError("value is not serialisable as JSON");
  return json.replace(SCRIPT_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
