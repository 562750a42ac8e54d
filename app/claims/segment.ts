// Sentence segmentation for Indonesian and English news text.
//
// The base is ICU's sentence segmenter (`Intl.Segmenter`), run one paragraph at a time (newlines are hard
// boundaries) and on chunks of at most a few KB: ICU's iterator costs time proportional to the whole string
// per step, so one call on a 1 MB string is quadratic (seconds), while chunks keep it linear. ICU's breaks are
// then repaired where newsroom text trips it up:
// - abbreviations and titles before a name: "dr. Andi", "Prof. Budi", "H. Ahmad", "Jl. Sudirman No. 5",
//   "Mr. Smith", "Jenderal Pol. Listyo", initials "Joko S. Widodo";
// - ambiguous abbreviations ("U.S.", "a.m.", "dkk.", "Inc."): joined unless the next word is a typical
//   sentence opener ("The", "He", "Ia", "Namun" …);
// - a quotation that spans several sentences stays one unit with its attribution: `"A. B," kata X.`;
// - a quote ending in ! or ? followed by its attribution: `“Menang!” kata pelatih.`, `"Why?" Smith asked.`;
// - a break before a lowercase word is never a sentence start ("… palsu.” kata dia", "ellipsis… lalu").
// Spans are trimmed of whitespace and never include line breaks.
import type { Language, Span } from "./types.ts";
import { wordSet } from "./word-set.ts";

/** Longest a sentence grows by joining pieces (a stray abbreviation every few words must not glue a book). */
const maxSentenceLength = 4000;
/** Quotations longer than this are not kept together (an unclosed quote must not swallow a paragraph). */
const maxQuoteLength = 1500;
/** ICU is run on chunks of about this size; cuts fall after a sentence-final mark where possible. */
const chunkTarget = 1500;
const chunkMax = 3000;

const lineBreak = /\r\n|[\n\r\u2028\u2029\u0085\u000B\u000C]/g;

/** Calls `visit(start, end)` for each line (paragraph) of `text`, line-break characters excluded. */
export function forEachParagraph(text: string, visit: (start: number, end: number) => void): void {
  lineBreak.lastIndex = 0;
  let start = 0;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    visit(start, match.index);
    start = match.index + match[0].length;
  }
  visit(start, text.length);
}

export function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0x85
  );
}

/** Words in text[start, end); stops counting at `enough`. */
export function countWords(text: string, start: number, end: number, enough = Infinity): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end && words < enough; i++) {
    const code = text.charCodeAt(i);
    // "10.000" and "2,5" are one word: a separator between digits does not split.
    const inNumber = (code === 0x2c || code === 0x2e) && isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1));
    const isWordChar = inNumber || (!isSpaceCode(code) && !isPunctuationCode(code));
    if (isWordChar && !inWord) words++;
    inWord = isWordChar;
  }
  return words;
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isPunctuationCode(code: number): boolean {
  return (
    (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e) || (code >= 0x2010 && code <= 0x206f)
  );
}

/** The span with leading and trailing whitespace (including zero-width spaces and BOM) removed. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

// ---------------------------------------------------------------------------------------------------------
// Quotations

export type Quote = { open: number; close: number };

const quoteChars = new Set(['"', "“", "”", "„", "‟", "«", "»", "＂", "〝", "〞"]);
const quoteCodes = new Set([...quoteChars].map((char) => char.charCodeAt(0)));
const defaultOpeners = new Set(["“", "„", "‟", "«", "〝"]);
const defaultClosers = new Set(["”", "»", "〞"]);
const openingContext = new Set(["(", "[", "{", "—", "–", "-", "/", ":", ...quoteChars, "‘", "'"]);
const closingContext = new Set([".", ",", ";", ":", "!", "?", ")", "]", "}", "…", "—", "–", "-", ...quoteChars, "’", "'"]);

export function isQuoteChar(char: string): boolean {
  return quoteChars.has(char);
}

/**
 * Double-quote pairs in text[start, end): straight, curly, low-9 and guillemets, including the mixed and
 * Kompas-style pairs seen in Indonesian news (`"…”`, `”…”`). A quote mark opens when it sits before a word
 * after a space or an opening bracket, closes when it sits after a word; otherwise its shape decides (a
 * straight quote toggles). An opener with no closer is dropped. Linear, no regex.
 */
export function findQuotes(text: string, start: number, end: number): Quote[] {
  const quotes: Quote[] = [];
  let open = -1;
  for (let i = start; i < end; i++) {
    if (!quoteCodes.has(text.charCodeAt(i))) continue;
    const char = text[i]!;
    const prev = i > start ? text[i - 1]! : " ";
    const next = i + 1 < end ? text[i + 1]! : " ";
    const prevSpace = isSpaceCode(prev.charCodeAt(0));
    const nextSpace = isSpaceCode(next.charCodeAt(0));
    const canOpen = !nextSpace && (prevSpace || openingContext.has(prev));
    const canClose = !prevSpace && (nextSpace || closingContext.has(next));
    let opens: boolean;
    if (canOpen && !canClose) opens = true;
    else if (canClose && !canOpen) opens = false;
    else if (defaultOpeners.has(char)) opens = true;
    else if (defaultClosers.has(char)) opens = false;
    else opens = open === -1;
    if (opens) open = i;
    else if (open !== -1) {
      quotes.push({ open, close: i });
      open = -1;
    }
  }
  return quotes;
}

// ---------------------------------------------------------------------------------------------------------
// Abbreviations

/** Always followed by more of the same sentence (titles, street and number prefixes). Case-sensitive. */
const titles = wordSet(
  "Dr dr drg Prof prof H Hj Jl Jln Mr Mrs Ms Mt Messrs Gen Lt Col Sgt Capt Cmdr Adm Rev Sen Rep Gov Pres Supt Insp " +
    "Jend Brigjen Mayjen Letjen Laksda Marsda Kol Letkol Kombes Kompol Pol Ir Drs Dra Sdr Sdri Bpk Ny Tn KH Kec Kab Kel Prov " +
    "Gg Ds Vol Fig Art vs Nos Nr approx Yth St Ste Dept Univ Assoc Ave Blvd",
);

/** May end a sentence or not: joined unless the next word is a typical sentence opener. Case-sensitive. */
const ambiguousAbbreviations = wordSet(
  "No Rp RS Inc Ltd Co Corp Jr Sr Bros Tbk etc dll dsb dst dkk al hlm hal a.m p.m am pm Jan Feb Mar Apr Jun Jul Aug " +
    "Sep Sept Oct Nov Dec Agu Agt Okt Des cf ca est",
);

/** Words that typically open a sentence; an ambiguous abbreviation followed by one of them ends its sentence. */
const sentenceOpeners = wordSet(
  "The A An He She It They We I You This That These Those There His Her Their Its Our My In On At But And Or So Yet " +
    "If When While After Before Since As Then However Meanwhile Still Also Police Officials Now " +
    "Ia Dia Beliau Mereka Kami Kita Saya Aku Anda Namun Tetapi Tapi Sementara Selain Dalam Pada Di Ke Dari Hal Ini Itu " +
    "Sebelumnya Kemudian Lalu Menurut Adapun Sedangkan Sejak Saat Ketika Setelah Sebelum Untuk Dengan Jika Bila Apabila " +
    "Karena Oleh Para Sebanyak Sekitar Akibatnya Bahkan Padahal Terkait Selanjutnya Polisi",
);

const terminalMarks = new Set([".", "!", "?", "…", "。", "！", "？", "؟", "۔", "।", "‼", "⁇", "⁈", "⁉", "｡", "፧", "።"]);
const trailingClosers = new Set([...quoteChars, "’", "'", ")", "]", "}", "»"]);

const letter = /\p{L}/u;
const digit = /\d/;
const lowercaseStart = /\p{Ll}/u;
const uppercaseLetter = /\p{Lu}/u;
const dottedAcronym = /^(?:\p{L}\.)+\p{L}$/u;

/**
 * After a quote closed on ! ? or . : is the next piece its attribution ("Smith said.", "said the coach",
 * "Kata Rutte")? Sticky: only tried at the start of the next piece. Bounded: at most four name words.
 */
const attributionTail =
  /\s*(?:(?:\p{Lu}[\p{L}\p{M}'’.-]*|the|a|an|her|his|their|its)\s+){0,4}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|explained|insisted|warned|replied|answered|recalled|noted|continued|shouted|Kata|Ujar|Tanya|Tutur|Ucap|Imbuh|kata|ujar|tanya|tutur|ucap|imbuh|sebut|lanjut)(?![\p{L}])/uy;

// ---------------------------------------------------------------------------------------------------------

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: Language): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: "sentence" });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/** Sentence spans of `text`, in order, trimmed, never empty, never crossing a line break. */
export function segmentSentences(text: string, language: Language): Span[] {
  const sentences: Span[] = [];
  forEachParagraph(text, (start, end) => segmentParagraph(text, start, end, language, sentences));
  return sentences;
}

/** Appends the sentences of the paragraph text[start, end) (no line breaks inside) to `out`. */
export function segmentParagraph(text: string, start: number, end: number, language: Language, out: Span[]): void {
  const trimmed = trimSpan(text, start, end);
  if (trimmed.start === trimmed.end) return;
  start = trimmed.start;
  end = trimmed.end;

  const cuts = rawBoundaries(text, start, end, language);
  const quotes = findQuotes(text, start, end).filter((quote) => quote.close - quote.open <= maxQuoteLength);
  let quoteIndex = 0;

  let pieceStart = start;
  for (let i = 0; i <= cuts.length; i++) {
    const cut = i < cuts.length ? cuts[i]! : end;
    if (cut < end) {
      // Quotes that close before this cut can no longer hold it together.
      while (quoteIndex < quotes.length && quotes[quoteIndex]!.close < cut) quoteIndex++;
      const next = i + 1 < cuts.length ? cuts[i + 1]! : end;
      if (next - pieceStart <= maxSentenceLength && shouldJoin(text, pieceStart, cut, next, quotes, quoteIndex)) continue;
    }
    const span = trimSpan(text, pieceStart, cut);
    if (span.start < span.end) out.push(span);
    pieceStart = cut;
  }
}

/** Break positions inside text[start, end): ICU's, on chunks of at most `chunkMax` characters. */
function rawBoundaries(text: string, start: number, end: number, language: Language): number[] {
  const cuts: number[] = [];
  const segmenter = segmenterFor(language);
  let chunkStart = start;
  while (chunkStart < end) {
    const chunkEnd = end - chunkStart <= chunkMax ? end : chunkCut(text, chunkStart, end);
    const chunk = text.slice(chunkStart, chunkEnd);
    for (const segment of segmenter.segment(chunk)) {
      const boundary = chunkStart + segment.index + segment.segment.length;
      if (boundary < chunkEnd) cuts.push(boundary);
    }
    if (chunkEnd < end) cuts.push(chunkEnd);
    chunkStart = chunkEnd;
  }
  return cuts;
}

/** Where to end a chunk starting at `start`: after a sentence mark and space, else at a space, else anywhere. */
function chunkCut(text: string, start: number, end: number): number {
  const limit = Math.min(end, start + chunkMax);
  let space = -1;
  for (let i = start + chunkTarget; i < limit; i++) {
    if (!isSpaceCode(text.charCodeAt(i))) continue;
    if (space === -1) space = i + 1;
    if (terminalMarks.has(text[i - 1]!)) return i + 1;
  }
  if (space !== -1) return space;
  // No space at all: cut anywhere, but never between the halves of a surrogate pair.
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}

/** Should the break at `cut` between text[pieceStart, cut) and text[cut, next) be undone? */
function shouldJoin(text: string, pieceStart: number, cut: number, next: number, quotes: Quote[], quoteIndex: number): boolean {
  const before = trimSpan(text, pieceStart, cut);
  const after = trimSpan(text, cut, next);
  if (before.start === before.end || after.start === after.end) return true;

  // A quotation opened before the break closes after it.
  const quote = quotes[quoteIndex];
  if (quote && quote.open < before.end - 1 && quote.close >= after.start && quote.open >= pieceStart) return true;

  // The next piece does not start like a sentence: lowercase word, or punctuation that continues one.
  const first = text[after.start]!;
  if (lowercaseStart.test(first) || ",;:)]}%".includes(first)) return true;

  // Find the mark that ended the piece, looking through closing quotes and brackets.
  let markEnd = before.end;
  while (markEnd > before.start && trailingClosers.has(text[markEnd - 1]!)) markEnd--;
  const mark = text[markEnd - 1] ?? "";
  if (!terminalMarks.has(mark)) return true; // a chunk cut, not a sentence end
  const closedQuote = markEnd < before.end;

  if (closedQuote) {
    // “Menang!” kata pelatih. / "We won." Smith said.
    attributionTail.lastIndex = after.start;
    return attributionTail.test(text);
  }
  if (mark !== ".") return false;

  // The word before the period: an abbreviation or an initial?
  let tokenStart = markEnd - 1;
  while (tokenStart > before.start && !isSpaceCode(text.charCodeAt(tokenStart - 1))) tokenStart--;
  while (tokenStart < markEnd - 1 && !letter.test(text[tokenStart]!) && !digit.test(text[tokenStart]!)) tokenStart++;
  const token = text.slice(tokenStart, markEnd - 1);
  if (!token) return false;
  if (titles.has(token)) return true;
  const initial = token.length === 1 && uppercaseLetter.test(token);
  if (!initial && !ambiguousAbbreviations.has(token) && !dottedAcronym.test(token)) return false;
  return !startsWithOpener(text, after.start, after.end);
}

function startsWithOpener(text: string, start: number, end: number): boolean {
  let wordEnd = start;
  while (wordEnd < end && letter.test(text[wordEnd]!)) wordEnd++;
  if (wordEnd === start) return !digit.test(text[start]!); // "No. 5" continues; a quote or bracket starts anew
  return sentenceOpeners.has(text.slice(start, wordEnd));
}
