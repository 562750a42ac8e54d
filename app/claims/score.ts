// The score of a claim suggestion (./suggest.ts): a noisy-OR of the reasons that fired (each reason counts
// once, with the weight below), times a factor for each kind of hedge present (opinion, prediction,
// "should", feelings, colour) and the factor the caller brings (questions, link lines, headings); an
// attributed assertion keeps a floor. Pure.
import { type Cue, type CueKind, type Hedge, hedgeFactors } from "./cues.ts";
import { type SuggestionReason, suggestionReasons } from "./types.ts";

/** How much each reason contributes on its own (a sentence with only that cue scores this). */
export const weights: Record<SuggestionReason, number> = {
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

export const reasonOrder = new Map<SuggestionReason, number>(suggestionReasons.map((reason, index) => [reason, index]));
const isReason = (kind: CueKind): kind is SuggestionReason => reasonOrder.has(kind as SuggestionReason);

type Scored = { reasons: Map<SuggestionReason, number>; factor: number; score: number };

/** Reasons and hedges of the cues inside [start, end), and the resulting score. */
export function scoreSpan(cues: Cue[], start: number, end: number, factor: number, base = 0, namesSomeone = false): Scored {
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
  // Something checkable is said: a cue besides the attribution and the quotation marks (an official source counts).
  const somethingSaid = [...reasons.keys()].some((reason) => reason !== "attribution" && reason !== "direct_quote");
  if (reasons.has("attribution") && somethingSaid && !hedges.has("opinion") && !hedges.has("feeling") && !hedges.has("colour")) {
    // Never below the floor, but a question or a link line still pulls it down (their factor came in with `factor`).
    const floor = reasons.has("official_source") ? officialFloor : attributedFloor;
    score = Math.max(score, Math.round(floor * Math.min(1, factor / hedgeProduct(hedges)) * 100) / 100);
  }
  return { reasons, factor, score };
}

function hedgeProduct(hedges: Set<Hedge>): number {
  let product = 1;
  for (const hedge of hedges) product *= hedgeFactors[hedge];
  return product;
}

export function combine(reasons: Map<SuggestionReason, number>, factor: number, base = 0): number {
  let miss = reasons.size > 0 ? 1 - base : 1;
  for (const weight of reasons.values()) miss *= 1 - weight;
  return Math.round((1 - miss) * factor * 100) / 100;
}
