// Claim suggestions: which sentences, and which fragments of them, an editor may want to check.
//
// Pure and synchronous, no I/O. The text is cut into paragraphs (line breaks) and sentences (./segment.ts);
// each sentence is scanned once for cues (./cues.ts) and scored; then its clauses, quotations and amounts
// ("Sekitar 10.000 tentara", "Rp 5 triliun") are scored as fragments from the same cues.
//
// Score: a noisy-OR of the reasons that fired (each reason counts once, with the weight below), times a
// factor for each kind of hedge present (opinion, prediction, "should", feelings, colour), times a factor for
// questions, related-article links ("Baca juga: …") and headings. Weights and factors are set from general
// cues (ClaimBuster, Full Fact) and checked on the labelled corpus in ./corpus/ (`npm run claims:eval`).
// Everything is linear in the text length.
import { type Cue, type CueKind, detectTextLanguage, findCues, type Hedge, hedgeFactors, lexiconFor } from "./cues.ts";
import { findQuotes, forEachParagraph, isSpaceCode, type Quote, segmentParagraph, trimSpan } from "./segment.ts";
import { type Language, type Span, type Suggestion, type SuggestionReason, suggestionReasons } from "./types.ts";

export { detectTextLanguage } from "./cues.ts";
export { segmentSentences } from "./segment.ts";
export type { Language, Suggestion, SuggestionReason } from "./types.ts";

/** Suggestions scoring below this are left out unless `minScore` says otherwise. */
export const defaultMinScore = 0.35;

/** How much each reason contributes on its own (a sentence with only that cue scores this). */
const weights: Record<SuggestionReason, number> = {
  quantity: 0.45,
  number_word: 0.4,
  percentage: 0.55,
  money: 0.55,
  comparison: 0.3,
  superlative: 0.35,
  date: 0.25,
  // Reported speech is a claim about the world whether or not it has a number in it ("The ministry said the
  // port remains closed"): attribution alone reaches the default threshold.
  attribution: 0.4,
  direct_quote: 0.15,
  denial: 0.45,
  event: 0.3,
  official_source: 0.15,
  rule: 0.4,
  record: 0.4,
  statement: 0.15,
};

/**
 * A whole declarative sentence (a full stop, several words, not a question) with any cue at all gets this much
 * on top of its cues: recall first, every checkable assertion is a candidate and the cues rank it.
 */
const declarativeWeight = 0.3;
const declarativeMinWords = 5;

/** A direct quote of this many words carries a statement of its own (weight below), attributed or not. */
const statementQuoteWords = 6;
const statementQuoteWeight = 0.3;
/**
 * An assertion attributed to an office or institution never scores below this: hedges ("estimate", "believes",
 * "likely") lower it, they do not hide it. The writer's own opinion ("Menurut saya, pemerintah …"), feelings and colour
 * still do ("We are proud," the mayor said).
 */
const officialFloor = 0.45;
/**
 * Anyone's attributed assertion of something checkable (a cue besides the attribution itself: an event, a figure),
 * hedged ("he said it was possible that some had left the city"), stays just over the default threshold.
 */
const attributedFloor = 0.36;

const questionFactor = 0.3;
const linkLineFactor = 0.2;
const headingFactor = 0.3;
const callToActionFactor = 0.2;

/** A quotation counts as a direct quote from this many words; a quoted fragment from this many. */
const quoteMinWords = 3;
const quoteFragmentMinWords = 4;
/** A clause this short is folded into its neighbour; an attribution clause up to this long is joined to its claim. */
const shortClauseWords = 3;
const attributionClauseWords = 8;
/** A clause covering more than this share of its sentence adds nothing to the sentence itself. */
const nearlyWholeSentence = 0.85;

const reasonOrder = new Map<SuggestionReason, number>(suggestionReasons.map((reason, index) => [reason, index]));
const isReason = (kind: CueKind): kind is SuggestionReason => reasonOrder.has(kind as SuggestionReason);

/** Related-article links, bylines and photo credits that importers usually drop. */
const linkLine =
  /^\s*[([]?\s*(?:baca juga|baca|simak juga|simak|lihat juga|lihat|read also|read more|also read|see also|related|artikel terkait|berita terkait|editor|penulis|reporter|sumber|foto|photo|video|advertisement|scroll to continue|follow us|ikuti kami)\s*[:：|]/iu;
/** A byline or credit line: "By Sarah Johnson, …", "Oleh: Tim Redaksi", "Reporting by …", "Laporan wartawan …". */
const bylineLine = /^\s*(?:by|oleh|reporting by|written by|laporan wartawan|laporan reporter|kontributor)\s*:?\s+\p{Lu}/iu;
/** The publisher talking to the reader: "Sign up …", "Share this article", "Ikuti terus …", "Yuk, …". */
const callToAction =
  /^\s*(?:sign up|subscribe|click|tap|share|download|follow|join|don't miss|do not miss|send us|send your|get the|watch|listen|visit|register|ikuti|bagikan|klik|unduh|dapatkan|jangan lewatkan|jangan lupa|yuk|ayo|mari|kirimkan|kunjungi|tonton|dengarkan|daftar(?:kan)?|simak|berlangganan|langganan)(?![\p{L}])/iu;
const questionMark = /[?？؟](?=$|\s|["”’'»)\]])/u;
/** A verb opening a clause: Indonesian active/passive prefixes, English -ing forms. Sticky; see startsWithVerb. */
const verbFirst = /(?:me|ber|di)\p{Ll}{4,}(?![\p{L}\p{N}-])|\p{Ll}{2,}ing(?![\p{L}\p{N}-])/uy;
/** Words verbFirst matches that are not verbs (pronouns, nouns, prepositions). */
const notVerbs = new Set(
  (
    "mereka merah meja menit menteri media medis melayu melalui menuju mengenai menjelang meski meskipun memang bersama " +
    "berbagai beras berat berita berkas dinas dingin diri dirinya dini dinding dimana diantara during including according " +
    "morning evening nothing something anything everything thing building meeting king spring string wedding ceiling following"
  ).split(" "),
);
const lowercaseLetter = /\p{Ll}/u;
/** After a comma: the rest of a list ("Ukraine, Israel and Taiwan"), items of up to three words. Sticky. */
const listAhead =
  /\s+(?:\p{L}[\p{L}\p{M}.'’-]*\s+){0,2}\p{L}[\p{L}\p{M}.'’-]*(?:,\s+(?:\p{L}[\p{L}\p{M}.'’-]*\s+){0,2}\p{L}[\p{L}\p{M}.'’-]*){0,4}\s+(?:and|dan|or|atau|serta)\s/uy;
/** A dateline: capitals, maybe with an agency in brackets ("JAKARTA", "WASHINGTON (Reuters)"), or a site ("KOMPAS.com"). */
const dateline = /^(?:\p{Lu}[\p{Lu}\p{N}\s.,&'’-]*(?:\s*\([^)]*\))?|\S+\.com)$/u;
const connective =
  /^(?:sementara itu|selain itu|namun|meski begitu|meski demikian|oleh karena itu|dengan demikian|di sisi lain|sebelumnya|akibatnya|sementara|meanwhile|however|in addition|as a result|moreover|on the other hand|earlier|later|previously|still)$/iu;
const leadingConjunction = /^(?:dan|serta|tetapi|tapi|namun|sedangkan|lalu|kemudian|and|but|while|yet|so)\s+/iu;
const approximatorBefore =
  /(?:sekitar|sekira|hampir|lebih dari|kurang dari|kurang lebih|setidaknya|sedikitnya|paling sedikit|sebanyak|mencapai|kira-kira|about|around|nearly|almost|more than|less than|fewer than|over|under|at least|up to|some|roughly|approximately|an estimated|as many as)\s+$/iu;
const stopwords = new Set(
  (
    "yang dan di ke dari pada untuk dengan dalam oleh atau itu ini juga telah sudah akan saat sejak hingga sampai bagi tahun " +
    "per lebih kurang sebesar sebanyak mencapai the and of in to for on at by from with as than that this which who were was " +
    "are is be been has have had per a an its their his her masih asal sejak sekitar"
  ).split(" "),
);
const word = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/uy;

/** A fragment in the making. */
type Candidate = Span & { reasons: Map<SuggestionReason, number>; score: number };

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

type Scored = { reasons: Map<SuggestionReason, number>; factor: number; score: number };

/** Reasons and hedges of the cues inside [start, end), and the resulting score. */
function scoreSpan(cues: Cue[], start: number, end: number, factor: number, base = 0, namesSomeone = false): Scored {
  const reasons = new Map<SuggestionReason, number>();
  const hedges = new Set<Hedge>();
  let unhedged = false;
  let calendar = false;
  for (const cue of cues) {
    if (cue.start < start || cue.end > end) continue;
    calendar ||= cue.calendar === true;
    if (isReason(cue.kind)) reasons.set(cue.kind, Math.max(reasons.get(cue.kind) ?? 0, cue.weight ?? weights[cue.kind]));
    else hedges.add(cue.kind);
    unhedged ||= cue.unhedged === true;
  }
  // A denial or a circulating post is checkable whatever the tense of what it says
  // ("membantah kabar bahwa pemerintah akan memblokir WhatsApp", "beredar pesan yang menyebut akan terjadi …").
  // So is a rule: "Under the charter, the mayor must resign" states the charter, it is not the writer's advice.
  if (unhedged) {
    hedges.delete("prediction");
    hedges.delete("future");
    hedges.delete("normative");
  }
  // "The new parliament will convene in January", "Sidang akan digelar pada Kamis": the future tense with a
  // calendar date is a timetable that can be checked, not a forecast ("hope", "likely" still hedge it).
  if (calendar) hedges.delete("future");
  for (const hedge of hedges) factor *= hedgeFactors[hedge];
  // A plain declarative sentence with no cue at all still tells something that happened or is so ("Tim BNN
  // mengendus penyelundupan itu."): a candidate of its own, just over the threshold, ranked below any with a cue.
  if (base > 0 && reasons.size === 0 && hedges.size === 0 && namesSomeone) reasons.set("statement", weights.statement);
  // A hedged sentence (forecast, opinion, feeling …) is not a plain assertion: no declarative bonus.
  let score = combine(reasons, factor, hedges.size === 0 ? base : 0);
  const official = reasons.has("official_source");
  const somethingSaid = [...reasons.keys()].some((reason) => reason !== "attribution" && reason !== "direct_quote");
  if (reasons.has("attribution") && (official || somethingSaid) && !hedges.has("opinion") && !hedges.has("feeling") && !hedges.has("colour")) {
    // Never below the floor, but a question or a link line still pulls it down (their factor came in with `factor`).
    const floor = official ? officialFloor : attributedFloor;
    score = Math.max(score, Math.round(floor * Math.min(1, factor / hedgeProduct(hedges)) * 100) / 100);
  }
  return { reasons, factor, score };
}

function hedgeProduct(hedges: Set<Hedge>): number {
  let product = 1;
  for (const hedge of hedges) product *= hedgeFactors[hedge];
  return product;
}

function combine(reasons: Map<SuggestionReason, number>, factor: number, base = 0): number {
  let miss = reasons.size > 0 ? 1 - base : 1;
  for (const weight of reasons.values()) miss *= 1 - weight;
  return Math.round((1 - miss) * factor * 100) / 100;
}

function toSuggestion(text: string, span: Span, scored: { reasons: Map<SuggestionReason, number>; score: number }, kind: Suggestion["kind"]): Suggestion {
  const reasons = [...scored.reasons.keys()].sort((a, b) => reasonOrder.get(a)! - reasonOrder.get(b)!);
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end), score: scored.score, reasons, kind };
}

// ---------------------------------------------------------------------------------------------------------
// Fragments

type Clause = Span & { words: number; reasons: Map<SuggestionReason, number> };

/**
 * The sentence cut at commas, semicolons, colons and spaced dashes that are outside quotations and brackets;
 * then tidied: a leading dateline or connective ("JAKARTA", "TRIBUNNEWS.COM", "Sementara itu") is dropped,
 * clauses of a few words join their neighbour ("…, Mark Rutte, Senin (28/10/2024)."), and a bare attribution
 * ("Menurut polisi", "police said") joins the clause it attributes.
 */
function clauses(text: string, sentence: Span, quotes: Quote[], cues: Cue[]): Span[] {
  const pieces: Clause[] = [];
  const add = (start: number, end: number) => {
    const span = trimSpan(text, start, end);
    if (span.start >= span.end) return;
    pieces.push({ ...span, words: countWords(text, span.start, span.end), reasons: scoreSpan(cues, span.start, span.end, 1).reasons });
  };
  let pieceStart = sentence.start;
  let depth = 0;
  let quoteIndex = 0;
  for (let i = sentence.start; i < sentence.end; i++) {
    const quote = quotes[quoteIndex];
    if (quote && i === quote.open) {
      i = quote.close;
      quoteIndex++;
      continue;
    }
    const char = text[i]!;
    if (char === "(" || char === "[") depth++;
    else if ((char === ")" || char === "]") && depth > 0) depth--;
    if (depth > 0) continue;
    const nextSpace = i + 1 >= sentence.end || isSpaceCode(text.charCodeAt(i + 1));
    let cut = false;
    if ((char === "," || char === ";" || char === ":") && nextSpace) {
      listAhead.lastIndex = i + 1;
      cut = char !== "," || !listAhead.test(text);
    } else if ((char === "–" || char === "—" || char === "-") && nextSpace && i > sentence.start && isSpaceCode(text.charCodeAt(i - 1))) cut = true;
    if (cut) {
      add(pieceStart, i);
      pieceStart = i + 1;
    }
  }
  add(pieceStart, sentence.end);

  // A short lead-in goes: a dateline or connective with no cue ("JAKARTA", "Sementara itu"), or anything short
  // before a clause with its own speaker ("Menanggapi tudingan itu, Kementerian … membantah …"). Other short
  // first clauses are subjects ("Dr. Jane Smith, an economist, said …") and join the next.
  while (pieces.length > 1 && pieces[0]!.words <= shortClauseWords) {
    const [first, next] = [pieces[0]!, pieces[1]!];
    const leadIn = first.reasons.size === 0 ? isLeadIn(text, first) : next.reasons.has("attribution") || next.reasons.has("denial");
    if (!leadIn) break;
    pieces.shift();
  }
  const joined: Clause[] = [];
  for (const piece of pieces) {
    const previous = joined.at(-1);
    if (previous && (piece.words <= shortClauseWords || previous.words <= shortClauseWords)) merge(previous, piece);
    else joined.push(piece);
  }
  for (let i = 0; i < joined.length && joined.length > 1; i++) {
    const piece = joined[i]!;
    const bareAttribution =
      piece.reasons.has("attribution") && piece.words <= attributionClauseWords && [...piece.reasons.keys()].every((r) => r === "attribution" || r === "date" || r === "direct_quote");
    if (!bareAttribution) continue;
    // Only when the neighbour has no speaker of its own: "Merespon tudingan NATO, Kremlin menepis …" stays two.
    const neighbour = joined[i === 0 ? 1 : i - 1]!;
    if (neighbour.reasons.has("attribution") || neighbour.reasons.has("denial")) continue;
    if (i === 0) merge(piece, joined.splice(1, 1)[0]!);
    else {
      merge(neighbour, piece);
      joined.splice(i, 1);
    }
    i--;
  }
  // A clause that opens with a verb has its subject in the clause before ("Ukraina mengambil sikap tegas,
  // mendesak tentara … menyerah"; "…, calling them fabrication"): it reaches back to include it.
  // So does one opening with a lowercase reporting or event verb ("…, an economist, said …").
  const verbStarts = new Set(cues.filter((cue) => cue.kind === "attribution" || cue.kind === "denial" || cue.kind === "event").map((cue) => cue.start));
  const spans: Span[] = [];
  let subjectStart = sentence.start;
  for (const [index, piece] of joined.entries()) {
    const conjunction = leadingConjunction.exec(text.slice(piece.start, Math.min(piece.end, piece.start + 20)));
    const start = conjunction && conjunction[0].length < piece.end - piece.start ? piece.start + conjunction[0].length : piece.start;
    const extends_ = index > 0 && (startsWithVerb(text, start) || (verbStarts.has(start) && lowercaseLetter.test(text[start]!)));
    if (!extends_) subjectStart = start;
    spans.push({ start: extends_ ? subjectStart : start, end: piece.end });
  }
  return spans;
}

function isLeadIn(text: string, span: Span): boolean {
  const lead = text.slice(span.start, span.end);
  return connective.test(lead) || dateline.test(lead) || startsWithVerb(text, span.start);
}

function startsWithVerb(text: string, position: number): boolean {
  verbFirst.lastIndex = position;
  const match = verbFirst.exec(text);
  return match !== null && !notVerbs.has(match[0]);
}

function merge(into: Clause, other: Clause) {
  into.start = Math.min(into.start, other.start);
  into.end = Math.max(into.end, other.end);
  into.words += other.words;
  for (const [reason, weight] of other.reasons) into.reasons.set(reason, Math.max(weight, into.reasons.get(reason) ?? 0));
}

/**
 * Amounts with what they count: "Sekitar 10.000 tentara", "puluhan ribu tentara", "Rp 5 triliun",
 * "2,5 persen", "more than 300 people". The counted noun is the next word unless it is a function word or a verb.
 */
function amountPhrases(text: string, clause: Span, cues: Cue[], english: boolean): Span[] {
  const phrases: Span[] = [];
  for (const cue of cues) {
    if (cue.start < clause.start || cue.end > clause.end) continue;
    if (cue.kind !== "quantity" && cue.kind !== "number_word" && cue.kind !== "money" && cue.kind !== "percentage") continue;
    let start = cue.start;
    const before = approximatorBefore.exec(text.slice(Math.max(clause.start, cue.start - 24), cue.start));
    if (before) start = cue.start - before[0].length;
    let end = cue.end;
    if (cue.kind === "quantity" || cue.kind === "number_word") {
      // Indonesian puts modifiers after the noun ("10.000 tentara asal Korea"): one word. English puts them
      // before ("12 league games"): a second word when the first is not already a plural.
      const first = nounAfter(text, end, clause.end);
      if (first !== undefined) {
        end = first;
        const second = english && !/s$/u.test(text.slice(first - 2, first)) ? nounAfter(text, end, clause.end) : undefined;
        if (second !== undefined) end = second;
      }
    }
    phrases.push({ start, end });
  }
  return phrases;
}

/** The end of the word after `position` (one space away) if it can be a counted noun: not a function word, not a verb. */
function nounAfter(text: string, position: number, limit: number): number | undefined {
  const start = position + 1;
  if (text[position] !== " " && text[position] !== "\u00a0") return undefined;
  word.lastIndex = start;
  const next = word.exec(text);
  if (!next || next.index + next[0].length > limit || stopwords.has(next[0].toLowerCase())) return undefined;
  if (startsWithVerb(text, start) || /^\p{Ll}+ed$/u.test(next[0])) return undefined;
  return next.index + next[0].length;
}

/** The words inside a quotation, without the marks and a trailing comma. */
function quoteContent(text: string, quote: Quote): Span | undefined {
  const span = trimSpan(text, quote.open + 1, quote.close);
  while (span.end > span.start && ",;:".includes(text[span.end - 1]!)) span.end--;
  const trimmed = trimSpan(text, span.start, span.end);
  return trimmed.start < trimmed.end ? trimmed : undefined;
}

/**
 * One fragment per span (reasons merged); none equal to the sentence; of two fragments that partly overlap the
 * weaker goes. Nested fragments stay: an amount inside its clause, a clause inside the clause that extends it
 * back to its subject, a quotation inside its attribution are different things for an editor to pick.
 */
function dedupe(candidates: Candidate[], sentence: Span): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const unique: Candidate[] = [];
  for (const candidate of candidates) {
    if (candidate.start === sentence.start && candidate.end === sentence.end) continue;
    const previous = unique.at(-1);
    if (previous && previous.start === candidate.start && previous.end === candidate.end) {
      for (const [reason, weight] of candidate.reasons) previous.reasons.set(reason, Math.max(weight, previous.reasons.get(reason) ?? 0));
      previous.score = Math.max(previous.score, candidate.score);
      continue;
    }
    unique.push(candidate);
  }
  const kept: Candidate[] = [];
  for (const candidate of unique) {
    let drop = false;
    for (let i = kept.length - 1; i >= 0; i--) {
      const other = kept[i]!;
      if (other.end <= candidate.start) continue;
      if (candidate.end <= other.end) continue; // nested
      if (candidate.score <= other.score) drop = true; // partial overlap: the weaker goes
      else kept.splice(i, 1);
      if (drop) break;
    }
    if (!drop) kept.push(candidate);
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------------------

/** Words in text[start, end); stops counting at `enough`. */
function countWords(text: string, start: number, end: number, enough = Infinity): number {
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
