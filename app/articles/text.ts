// Plain-text helpers for article import: pure (no I/O, no Node built-ins), so the browser may use them
// too, e.g. to preview pasted text exactly as it will be stored.
//
// The stored body is plain text, one paragraph per block, blocks separated by exactly "\n\n".
// Newsroom copy-paste arrives with one paragraph per line, so every non-empty line is a paragraph.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { francAll } from "franc-min";
import { Refusal } from "~/utils/refusal";

export const articleLimits = {
  /** Largest pasted text, uploaded file or fetched page (bytes). */
  maxBytes: 5 * 1024 * 1024,
  /** More paragraphs than this is not an article (a 1,000-paragraph long read is fine). */
  maxParagraphs: 5000,
  maxTitleLength: 500,
  /** Author and outlet names are cut to this length. */
  maxNameLength: 200,
  /** Extracted pages with less text than this (characters, over all paragraphs) are not articles… */
  minArticleChars: 200,
  /** …nor are pages with fewer paragraphs than this, unless they have at least `minSingleParagraphChars`. */
  minArticleParagraphs: 2,
  minSingleParagraphChars: 600,
} as const;

// ---------------------------------------------------------------------------------------------------------
// Errors (shared by the import functions and the import form, which maps codes to messages)

export type ImportFailure =
  | "empty"
  | "too_large"
  | "timeout"
  | "refused_address"
  | "unsupported_scheme"
  | "invalid_url"
  | "unsupported_file_type"
  | "unreadable_text"
  | "not_an_article"
  | "http_error"
  | "fetch_failed"
  | "too_many_redirects"
  /** The document is nested deeper than `maxDepth` (checked before any parsing). */
  | "too_deeply_nested"
  /** The document has more than `maxElements` elements. */
  | "too_many_elements"
  /** Reading the document took longer or needed more memory than its worker may use, or crashed it. */
  | "too_complex"
  /** Too many documents are being read in this process right now. */
  | "busy";

/** An article that cannot be imported (422); a pasted article without a headline is "empty" at its title. */
export class ImportError extends Refusal<ImportFailure> {
  /** Values for the message, e.g. `{ status: 404 }`, `{ limitMb: 5 }`, `{ type: "application/pdf" }`, `{ field: "title" }`. */
  readonly detail?: Record<string, string | number>;

  constructor(reason: ImportFailure, detail?: Record<string, string | number>, options?: { cause?: unknown; message?: string }) {
    const messageKey = reason === "empty" && detail?.field === "title" ? "import.error.title_required" : `import.error.${reason}`;
    super(reason, { status: 422, messageKey, values: detail, message: options?.message, cause: options?.cause });
    // Named outright: a document worker sends it back by name (~/fetching/untrusted-document/worker.ts).
    this.name = "ImportError";
    if (detail !== undefined) this.detail = detail;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Normalisation

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const lineBreaks = /\r\n?|[\u0085\u2028\u2029]/g;
/** Tabs, vertical tab, form feed and every Unicode space separator except the plain space. */
const oddSpaces = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/**
 * Invisible characters that carry nothing in article text: zero-width space, word joiner, BOM / zero-width
 * no-break space, soft hyphen, Mongolian vowel separator. Zero-width (non-)joiners (U+200C/U+200D) and
 * the bidirectional marks stay: emoji sequences, Persian/Arabic orthography and RTL quotes need them.
 */
const invisibles = /[\u200B\u2060\uFEFF\u00AD\u180E]/g;
/** C0 and C1 control characters other than the line feed (tabs are spaces by the time this runs). */
const controls = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/** Collapses all whitespace (line breaks included) to single spaces and trims: for titles and names. */
export function collapseWhitespace(text: string): string {
  return cleanCharacters(text).replace(/\s+/g, " ").trim();
}

function cleanCharacters(text: string): string {
  return text
    .replace(loneSurrogate, "\uFFFD")
    .normalize("NFC")
    .replace(lineBreaks, "\n")
    .replace(oddSpaces, " ")
    .replace(invisibles, "")
    .replace(controls, "");
}

/** Splits text into clean paragraphs: one per non-empty line, related-article lines dropped. */
export function articleParagraphs(raw: string): string[] {
  const paragraphs: string[] = [];
  for (const line of cleanCharacters(raw).split("\n")) {
    const paragraph = line.replace(/ {2,}/g, " ").trim();
    if (paragraph !== "" && !isRelatedLinkLine(paragraph)) paragraphs.push(paragraph);
  }
  return paragraphs;
}

/**
 * The canonical form of an article body: NFC; every kind of line break → LF; tabs, no-break and other
 * odd spaces → plain spaces; zero-width characters and control characters removed; lines trimmed and runs
 * of spaces collapsed; each non-empty line one paragraph; related-article lines dropped; paragraphs
 * joined by exactly "\n\n", nothing before or after.
 */
export function normaliseArticleText(raw: string): string {
  return articleParagraphs(raw).join("\n\n");
}

// ---------------------------------------------------------------------------------------------------------
// Lines that are not article body

const bullet = String.raw`^[\s\-–—•·*>»›►▶|:]*`;
const relatedPatterns: RegExp[] = [
  // "Baca juga: …", "Baca Juga :", "BACA JUGA", "Baca pula"
  new RegExp(`${bullet}baca\\s*(juga|pula)\\b`, "i"),
  // "Baca selengkapnya …", "Baca berita lainnya", "Baca artikel selengkapnya"
  new RegExp(`${bullet}baca\\s+(selengkapnya|lainnya|berita\\s+(lainnya|selengkapnya|terkait)|artikel\\s+(lainnya|selengkapnya|terkait))\\b`, "i"),
  // "Lihat juga:", "Simak juga:", "Simak juga Video: …", "Tonton juga -", "Cek juga:"
  new RegExp(`${bullet}(lihat|simak|tonton|cek)\\s+(juga|pula)\\s*(video\\b|[:：\\-–—]|$)`, "i"),
  // "Simak:", "Lihat:", "Tonton:" followed by a headline
  new RegExp(`${bullet}(simak|lihat|tonton)\\s*[:：]`, "i"),
  // "Berita terkait:", "Artikel terkait:", "Berita lainnya:"
  new RegExp(`${bullet}(berita|artikel)\\s+(terkait|lainnya|pilihan|populer)\\s*[:：\\-–—]`, "i"),
  // English: "Read more:", "Read also:", "Related:", "See also:", "Related stories:"
  new RegExp(`${bullet}(read|see)\\s+(more|also)\\s*[:：\\-–—]`, "i"),
  new RegExp(`${bullet}related(\\s+(stories|story|articles?|news|coverage|content|links?|reading))?\\s*[:：]`, "i"),
  // Syndication notes: "Artikel ini telah tayang di Tribunnews.com dengan judul …"
  /^artikel\s+ini\s+(telah|sudah)\s+(tayang|terbit|dimuat|tayang)\b/i,
  /^this\s+(article|story)\s+(was\s+)?(originally|first)\s+(published|appeared)\b/i,
];

/** Whole lines that are page furniture, compared case-insensitively after collapsing spaces. */
const furnitureLines = new Set([
  "advertisement",
  "advertisement scroll to continue with content",
  "scroll to continue with content",
  "scroll to resume content",
  "iklan",
  "sponsored",
  "konten bersponsor",
  "baca selengkapnya",
  "read more",
  "continue reading",
  "lanjutkan membaca",
  "lanjut baca",
  "loading",
  "memuat",
]);

/** "Ikuti kami di Google News", "Follow us on Google News", "Gabung saluran WhatsApp …" (short lines only). */
const followPattern =
  /^(ikuti|follow|gabung|bergabung|join|dapatkan|subscribe|langganan|klik)\b.*\b(google\s+news|whatsapp|telegram|saluran|channel|newsletter)\b/i;
/** Credit lines: "Editor: Nuryanti", "Penulis: A | Editor: B", "Reporter : X". */
const creditPattern =
  /^(editor|penyunting|penulis|reporter|pewarta|kontributor|redaktur|fotografer|writer|editing|reporting)\s*[:：]\s*\S/i;
/** Wire credits: "(Reporting by X; Editing by Y)". */
const wireCreditPattern = /^\(?\s*(reporting|writing|editing|additional reporting)\s+by\s+[^()]+\)?$/i;

/**
 * True for a paragraph that is clearly not article body: related-article links ("Baca juga: …"),
 * ad and scroll markers, "Artikel ini telah tayang di …" syndication notes, "follow us on Google News"
 * prompts and short credit lines ("Editor: X"). Only the beginning or the whole of the paragraph is
 * examined, so a body sentence that merely mentions "baca juga" later is kept.
 */
export function isRelatedLinkLine(paragraph: string): boolean {
  const line = paragraph.replace(/\s+/g, " ").trim();
  if (line === "") return false;
  const lower = line.toLowerCase();
  if (furnitureLines.has(lower) || furnitureLines.has(lower.replace(/[\s.…:]+$/, ""))) return true;
  if (relatedPatterns.some((pattern) => pattern.test(line))) return true;
  if (line.length <= 200 && followPattern.test(line)) return true;
  if (line.length <= 120 && line.split(" ").length <= 14 && creditPattern.test(line) && !/[.!?]["”’]?$/.test(line)) return true;
  if (line.length <= 250 && wireCreditPattern.test(line)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------------

/** SHA-256 of the normalised body, lower-case hex: finds an article that was imported before. */
export function bodyHash(normalisedBody: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normalisedBody)));
}

/**
 * Characters that never belong in pasted article text: NUL and other control characters (tab, line
 * breaks, vertical tab and form feed excepted) and lone UTF-16 surrogates (broken text).
 */
export function hasUnreadableCharacters(text: string): boolean {
  return /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/.test(text) || new RegExp(loneSurrogate.source).test(text);
}

// ---------------------------------------------------------------------------------------------------------
// Language

const indonesianGroup = new Set(["ind", "zlm", "zsm", "msa"]);
/** Regional languages franc confuses with Indonesian on Indonesian news text. */
const regionalIndonesian = new Set(["sun", "jav", "mad", "min", "ace", "bug", "ban", "bjn"]);
const minLetters = 60;
const sampleLength = 10_000;

/**
 * "id" for Indonesian (franc often scores Indonesian news as Malay — Tribunnews' Kursk story comes out
 * as `zlm` — so Malay counts as Indonesian here), "en" for English, "und" when the text is too short
 * (fewer than 60 letters), in another language, or too close to call.
 */
export function detectLanguage(text: string): "id" | "en" | "und" {
  const sample = text.slice(0, sampleLength);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < minLetters) return "und";
  const ranking = francAll(sample, { minLength: minLetters });
  const [top] = ranking;
  if (!top || top[0] === "und") return "und";
  const scoreOf = (predicate: (code: string) => boolean) =>
    ranking.find(([code]) => predicate(code))?.[1] ?? 0;
  const [code] = top;
  if (indonesianGroup.has(code)) return "id";
  if (code === "eng") {
    const runnerUp = scoreOf((c) => c !== "eng");
    return runnerUp < 0.97 ? "en" : "und";
  }
  if (regionalIndonesian.has(code) && scoreOf((c) => indonesianGroup.has(c)) >= 0.97) return "id";
  return "und";
}

/** Maps an HTML `lang` attribute ("id-ID", "en-GB", "in") to an article language. */
export function languageFromTag(tag: string | null | undefined): "id" | "en" | "und" {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  if (primary === "id" || primary === "in" || primary === "ind") return "id";
  if (primary === "en" || primary === "eng") return "en";
  return "und";
}
