// Claim suggestions: which sentences, and which fragments of them, an editor may want to check.
//
// Pure and synchronous, no I/O. The text is cut into paragraphs (line breaks) and sentences (./segment.ts);
// each sentence is scanned once for cues (./cues.ts) and scored; then its clauses, quotations and amounts
// ("Sekitar 10.000 tentara", "Rp 5 triliun") are scored as fragments from the same cues.
//
// Score (./score.ts): a noisy-OR of the reasons that fired (each reason counts once, with its weight), times
// a factor for each kind of hedge present (opinion, prediction, "should", feelings, colour), times a factor for
// questions, related-article links ("Baca juga: …") and headings (below). Fragments: ./fragments.ts. Weights and factors are set from general
// cues (ClaimBuster, Full Fact) and checked on the labelled corpus in ./corpus/ (`npm run claims:eval`).
// Everything is linear in the text length.
import { type Cue, detectTextLanguage, findCues, lexiconFor } from "./cues.ts";
import { amountPhrases, type Candidate, clauses, dedupe, quoteContent } from "./fragments.ts";
import { combine, reasonOrder, scoreSpan, weights } from "./score.ts";
import { countWords, findQuotes, forEachParagraph, segmentParagraph } from "./segment.ts";
import type { Language, Span, Suggestion, SuggestionReason } from "./types.ts";

export { detectTextLanguage } from "./cues.ts";
export { segmentSentences } from "./segment.ts";
export type { Language, Suggestion, SuggestionReason } from "./types.ts";

/** Suggestions scoring below this are left out unless `minScore` says otherwise. */
export const defaultMinScore = 0.35;

/**
 * A whole declarative sentence (a full stop, several words, not a question) with any cue at all gets this much
 * on top of its cues: recall first, every checkable assertion is a candidate and the cues rank it.
 */
const declarativeWeight = 0.3;
const declarativeMinWords = 5;

/** A direct quote of this many words carries a statement of its own (weight below), attributed or not. */
const statementQuoteWords = 6;
const statementQuoteWeight = 0.3;

const questionFactor = 0.3;
const linkLineFactor = 0.2;
const headingFactor = 0.3;
const callToActionFactor = 0.2;

/** A quotation counts as a direct quote from this many words; a quoted fragment from this many. */
const quoteMinWords = 3;
const quoteFragmentMinWords = 4;
/** A clause covering more than this share of its sentence adds nothing to the sentence itself. */
const nearlyWholeSentence = 0.85;

/** Related-article links, bylines and photo credits that importers usually drop. */
const linkLine =
  /^\s*[([]?\s*(?:baca juga|baca|simak juga|simak|lihat juga|lihat|read also|read more|also read|see also|related|artikel terkait|berita terkait|editor|penulis|reporter|sumber|foto|photo|video|advertisement|scroll to continue|follow us|ikuti kami)\s*[:：|]/iu;
/** A byline or credit line: "By Sarah Johnson, …", "Oleh: Tim Redaksi", "Reporting by …", "Laporan wartawan …". */
const bylineLine = /^\s*(?:by|oleh|reporting by|written by|laporan wartawan|laporan reporter|kontributor)\s*:?\s+\p{Lu}/iu;
/** The publisher talking to the reader: "Sign up …", "Share this article", "Ikuti terus …", "Yuk, …". */
const callToAction =
  /^\s*(?:sign up|subscribe|click|tap|share|download|follow|join|don't miss|do not miss|send us|send your|get the|watch|listen|visit|register|ikuti|bagikan|klik|unduh|dapatkan|jangan lewatkan|jangan lupa|yuk|ayo|mari|kirimkan|kunjungi|tonton|dengarkan|daftar(?:kan)?|simak|berlangganan|langganan)(?![\p{L}])/iu;
const questionMark = /[?？؟](?=$|\s|["”’'»)\]])/u;

export function suggestClaims(text: string, options: { language?: Language | "auto"; minScore?: number } = {}): Suggestion[] {
  const requested = options.language ?? "auto";
  const language = requested === "auto" ? detectTextLanguage(text) : requested;
  const lexicon = lexiconFor(language);
  const segmentLanguage: Language = language === "und" ? "en" : language;
  const minScore = options.minScore ?? defaultMinScore;

  const out: Suggestion[] = [];
  const sentences: Span[] = [];
  let previousSpoken = false;
  forEachParagraph(text, (start, end) => {
    sentences.length = 0;
    segmentParagraph(text, start, end, segmentLanguage, sentences);
    if (sentences.length === 0) return;
    let factor = 1;
    const first = sentences[0]!;
    const opening = text.slice(first.start, Math.min(first.end, first.start + 40));
    if (linkLine.test(opening) || bylineLine.test(opening)) factor *= linkLineFactor;
    else if (sentences.length === 1 && isHeading(text, first)) factor *= headingFactor;
    const cuesOf = sentences.map((sentence) => findCues(text, sentence.start, sentence.end, lexicon));
    sentences.forEach((sentence, index) => {
      const sentenceFactor = callToAction.test(text.slice(sentence.start, Math.min(sentence.end, sentence.start + 24))) ? factor * callToActionFactor : factor;
      // A quotation whose speaker is named in the sentence before (in this paragraph or the last one) or after.
      const speakerNearby = previousSpoken || (index > 0 && hasSpeech(cuesOf[index - 1]!)) || (index + 1 < sentences.length && hasSpeech(cuesOf[index + 1]!));
      suggestForSentence(text, sentence, cuesOf[index]!, speakerNearby, sentenceFactor, minScore, lexicon.language === "en", out);
      previousSpoken = false;
    });
    previousSpoken = hasSpeech(cuesOf.at(-1)!);
  });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Does a sentence name a speaker or source ("said", "kata", "spoke", "in a statement")? */
function hasSpeech(cues: Cue[]): boolean {
  return cues.some((cue) => cue.kind === "attribution");
}

function suggestForSentence(
  text: string,
  sentence: Span,
  cues: Cue[],
  speakerNearby: boolean,
  paragraphFactor: number,
  minScore: number,
  english: boolean,
  out: Suggestion[],
) {
  const quotes = findQuotes(text, sentence.start, sentence.end);
  const attributed = hasSpeech(cues);
  for (const quote of quotes) {
    const words = countWords(text, quote.open + 1, quote.close);
    if (words >= statementQuoteWords) cues.push({ start: quote.open, end: quote.close + 1, kind: "direct_quote", weight: statementQuoteWeight });
    else if (words >= quoteMinWords) cues.push({ start: quote.open, end: quote.close + 1, kind: "direct_quote" });
    else continue;
    // "The harbour master confirmed it. “No foreign ship has entered the port.”": the quote opening the sentence
    // is attributed by its neighbour.
    if (!attributed && speakerNearby && quote.open === sentence.start) cues.push({ start: quote.open, end: quote.close + 1, kind: "attribution" });
  }
  let factor = paragraphFactor;
  if (questionMark.test(text.slice(sentence.start, sentence.end))) factor *= questionFactor;

  const base = isDeclarative(text, sentence) ? declarativeWeight : 0;
  const sentenceScore = scoreSpan(cues, sentence.start, sentence.end, factor, base, base > 0 && namesSomeone(text, sentence));
  if (sentenceScore.score >= minScore && sentenceScore.reasons.size > 0) out.push(toSuggestion(text, sentence, sentenceScore, "sentence"));
  if (cues.length === 0) return;

  const candidates: Candidate[] = [];
  for (const clause of clauses(text, sentence, quotes, cues)) {
    const clauseScore = scoreSpan(cues, clause.start, clause.end, factor);
    if ((clause.end - clause.start) / (sentence.end - sentence.start) <= nearlyWholeSentence) {
      candidates.push({ ...clause, reasons: clauseScore.reasons, score: clauseScore.score });
    }
    for (const amount of amountPhrases(text, clause, cues, english)) {
      const { reasons } = scoreSpan(cues, amount.start, amount.end, 1);
      candidates.push({ ...amount, reasons, score: combine(reasons, clauseScore.factor) });
    }
  }
  for (const quote of quotes) {
    const content = quoteContent(text, quote);
    if (!content || countWords(text, content.start, content.end) < quoteFragmentMinWords) continue;
    const quoteScore = scoreSpan(cues, content.start, content.end, factor);
    quoteScore.reasons.set("direct_quote", weights.direct_quote);
    candidates.push({ ...content, reasons: quoteScore.reasons, score: combine(quoteScore.reasons, quoteScore.factor) });
  }

  for (const fragment of dedupe(candidates, sentence)) {
    if (fragment.score >= minScore && fragment.reasons.size > 0 && countWords(text, fragment.start, fragment.end) >= 2) {
      out.push(toSuggestion(text, fragment, fragment, "fragment"));
    }
  }
}

function toSuggestion(text: string, span: Span, scored: { reasons: Map<SuggestionReason, number>; score: number }, kind: Suggestion["kind"]): Suggestion {
  const reasons = [...scored.reasons.keys()].sort((a, b) => reasonOrder.get(a)! - reasonOrder.get(b)!);
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end), score: scored.score, reasons, kind };
}

// ---------------------------------------------------------------------------------------------------------

/** A sentence ending with a full stop or an exclamation mark (maybe inside a closing quote), of several words. */
function isDeclarative(text: string, span: Span): boolean {
  let end = span.end;
  while (end > span.start && "\"”’')]»".includes(text[end - 1]!)) end--;
  const last = text[end - 1];
  if (last !== "." && last !== "!" && last !== "…") return false;
  return countWords(text, span.start, span.end, declarativeMinWords) >= declarativeMinWords;
}

/**
 * Does the sentence name someone or something in particular: a capitalised word after its first one (a person,
 * a place, an office: "Tim BNN", "Aedes aegypti … DBD", "Bangladesh and India") or an acronym? Scene painting and
 * musing rarely do ("Ia menuang secangkir teh", "Rain kept falling on the empty car park").
 */
function namesSomeone(text: string, span: Span): boolean {
  properNoun.lastIndex = span.start;
  for (let match = properNoun.exec(text); match && match.index < span.end; match = properNoun.exec(text)) {
    if (match.index > span.start && !/["“‘'«(]/u.test(text[match.index - 1]!)) return true;
  }
  return false;
}
const properNoun = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}]*/gu;

/** A short line without a sentence-final mark, most words capitalised: a subheading. */
function isHeading(text: string, span: Span): boolean {
  const last = text[span.end - 1]!;
  if (".!?…\"”’'".includes(last)) return false;
  const words = text.slice(span.start, span.end).split(/\s+/u);
  if (words.length > 12) return false;
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return capitalised >= words.length * 0.6;
}
