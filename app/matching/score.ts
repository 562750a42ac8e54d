// The score of a known fact-check as a match for a new claim, in [0, 1], from what both sides say: their match terms
// (terms.ts), the numbers among them and the names (capitalised words) in their text, and the pg_trgm similarity
// of the two term strings that the candidate query already computed (match.server.ts).
//
//   base  = 0.6 · shared terms (Dice over the two distinct-term sets) + 0.4 · trigram similarity
//   score = base · (1 − 0.7 if the numbers clash) · (1 − 0.5 if the names clash)        (scoreWeights)
//
// A clash is a substitution: each side has a number (or a name) the other lacks entirely ("1.000 tentara" against
// "10.000 tentara"; "di Jawa Barat" against "di Jawa Tengah"; "Jokowi" against "Prabowo"). A figure or name only
// one side mentions (a fragment leaves the year out, an abbreviation stands for a name) is no clash. Near-duplicate
// checks share almost every other word, so without the clash they score as high as true repeats. The weights and the
// default thresholds were tuned with `npm run match:eval` (docs/decisions/0019).
import type { Language } from "~/claims/types";
import { matchTerms } from "~/matching/terms";

export type MatchFacts = {
  /** Distinct match terms. */
  terms: Set<string>;
  /** The same, in the text's order. */
  ordered: string[];
  /** Terms that are numbers (canonical: "10000", "40%", "2024", "8.5"). */
  numbers: Set<string>;
  /** Terms of the capitalised words after the first, in order: names of people, places, bodies, products. */
  names: string[];
};

export type ScoreWeights = { shared: number; trigram: number; numberClash: number; nameClash: number };

export const scoreWeights: ScoreWeights = { shared: 0.6, trigram: 0.4, numberClash: 0.7, nameClash: 0.5 };

/** Currency codes numbers.ts writes before an amount: part of the number, not a name. */
const currencies = new Set(["rp", "usd"]);
const capitalised = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}'’-]*/gu;

export function matchFacts(text: string, language: Language): MatchFacts {
  const ordered = [...new Set(matchTerms(text, language))];
  const terms = new Set(ordered);
  const numbers = new Set([...terms].filter((term) => /^\d/.test(term)));
  const names: string[] = [];
  // The first word is capitalised because it starts the sentence; it is not taken for a name.
  for (const match of text.matchAll(capitalised)) {
    if (text.slice(0, match.index).trim() === "") continue;
    for (const term of matchTerms(match[0], language)) if (!/^\d/.test(term) && !currencies.has(term) && !names.includes(term)) names.push(term);
  }
  return { terms, ordered, numbers, names };
}

/** Each side has a number the other lacks entirely. */
function numbersClash(claim: MatchFacts, candidate: MatchFacts): boolean {
  return [...claim.numbers].some((n) => !candidate.terms.has(n)) && [...candidate.numbers].some((n) => !claim.terms.has(n));
}

/** One name written two ways: the same, one a prefix of the other ("vietnam", "vietnamese"), at least 4 letters. */
function sameName(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short === long || (short.length >= 4 && long.startsWith(short));
}

/** How many of `words` (from the first) `short` abbreviates, by a prefix of each ("korut": korea utara; "mk":
 * mahkamah konstitusi); 0 when it does not abbreviate two or more. */
function abbreviates(short: string, words: string[]): number {
  const take = (rest: string, i: number): number => {
    if (rest === "") return i;
    if (i >= words.length) return 0;
    for (let length = Math.min(rest.length, words[i]!.length); length >= 1; length -= 1) {
      if (words[i]!.startsWith(rest.slice(0, length))) {
        const used = take(rest.slice(length), i + 1);
        if (used > 0) return used;
      }
    }
    return 0;
  };
  const used = take(short, 0);
  return used >= 2 ? used : 0;
}

/** Each side names someone or somewhere the other does not mention in any form. */
function namesClash(claim: MatchFacts, candidate: MatchFacts): boolean {
  const unmatched = (ours: string[], theirs: Set<string>) => ours.filter((name) => ![...theirs].some((term) => sameName(name, term)));
  let ours = unmatched(claim.names, candidate.terms);
  let theirs = unmatched(candidate.names, claim.terms);
  // An abbreviation on one side for words on the other ("Korut", "Korea Utara") is the same name.
  for (const [shorts, words] of [[ours, candidate.ordered], [theirs, claim.ordered]] as const) {
    for (const short of shorts) {
      for (let start = 0; start < words.length; start += 1) {
        const used = abbreviates(short, words.slice(start));
        if (used === 0) continue;
        const gone = new Set([short, ...words.slice(start, start + used)]);
        ours = ours.filter((name) => !gone.has(name));
        theirs = theirs.filter((name) => !gone.has(name));
        break;
      }
    }
  }
  return ours.length > 0 && theirs.length > 0;
}

export function matchScore(claim: MatchFacts, candidate: MatchFacts, trigram: number, weights: ScoreWeights = scoreWeights): number {
  if (claim.terms.size === 0 || candidate.terms.size === 0) return 0;
  let shared = 0;
  for (const term of claim.terms) if (candidate.terms.has(term)) shared += 1;
  const dice = (2 * shared) / (claim.terms.size + candidate.terms.size);
  let score = weights.shared * dice + weights.trigram * Math.min(1, Math.max(0, trigram));
  if (numbersClash(claim, candidate)) score *= 1 - weights.numberClash;
  if (namesClash(claim, candidate)) score *= 1 - weights.nameClash;
  return score;
}
