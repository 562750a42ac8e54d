// The fragments of a sentence an editor may want to check on their own (./suggest.ts): its clauses (cut at
// commas, semicolons, colons and dashes, then tidied), the amounts with what they count ("Sekitar 10.000
// tentara", "Rp 5 triliun") and the words inside its quotations; then one fragment per span. Pure.
import type { Cue } from "./cues.ts";
import { scoreSpan } from "./score.ts";
import { countWords, isSpaceCode, type Quote, trimSpan } from "./segment.ts";
import type { Span, SuggestionReason } from "./types.ts";
import { wordSet } from "./word-set.ts";

/** A fragment in the making. */
export type Candidate = Span & { reasons: Map<SuggestionReason, number>; score: number };

/** A clause this short is folded into its neighbour; an attribution clause up to this long is joined to its claim. */
const shortClauseWords = 3;
const attributionClauseWords = 8;
/** A verb opening a clause: Indonesian active/passive prefixes, English -ing forms. Sticky; see startsWithVerb. */
const verbFirst = /(?:me|ber|di)\p{Ll}{4,}(?![\p{L}\p{N}-])|\p{Ll}{2,}ing(?![\p{L}\p{N}-])/uy;
/** Words verbFirst matches that are not verbs (pronouns, nouns, prepositions). */
const notVerbs = wordSet(
  "mereka merah meja menit menteri media medis melayu melalui menuju mengenai menjelang meski meskipun memang bersama " +
    "berbagai beras berat berita berkas dinas dingin diri dirinya dini dinding dimana diantara during including according " +
    "morning evening nothing something anything everything thing building meeting king spring string wedding ceiling following",
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
const stopwords = wordSet(
  "yang dan di ke dari pada untuk dengan dalam oleh atau itu ini juga telah sudah akan saat sejak hingga sampai bagi tahun " +
    "per lebih kurang sebesar sebanyak mencapai the and of in to for on at by from with as than that this which who were was " +
    "are is be been has have had per a an its their his her masih asal sejak sekitar",
);
const word = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/uy;

type Clause = Span & { words: number; reasons: Map<SuggestionReason, number> };

/**
 * The sentence cut at commas, semicolons, colons and spaced dashes that are outside quotations and brackets;
 * then tidied: a leading dateline or connective ("JAKARTA", "TRIBUNNEWS.COM", "Sementara itu") is dropped,
 * clauses of a few words join their neighbour ("…, Mark Rutte, Senin (28/10/2024)."), and a bare attribution
 * ("Menurut polisi", "police said") joins the clause it attributes.
 */
export function clauses(text: string, sentence: Span, quotes: Quote[], cues: Cue[]): Span[] {
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
export function amountPhrases(text: string, clause: Span, cues: Cue[], english: boolean): Span[] {
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
export function quoteContent(text: string, quote: Quote): Span | undefined {
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
export function dedupe(candidates: Candidate[], sentence: Span): Candidate[] {
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
