// Shared types of the claim-suggestion module (app/claims/suggest.ts re-exports them).

export type Language = "id" | "en";

/** The cues that can make a span check-worthy, in the stable order `reasons` arrays use. */
export const suggestionReasons = [
  "quantity",
  "number_word",
  "percentage",
  "money",
  "comparison",
  "superlative",
  "date",
  "attribution",
  "direct_quote",
  "denial",
  "event",
  "official_source",
  "rule",
  "record",
  "statement",
] as const;

export type SuggestionReason = (typeof suggestionReasons)[number];

export type Suggestion = {
  /** Character offset (UTF-16 index, i.e. JS string index) into the input text. */
  start: number;
  /** Exclusive. */
  end: number;
  /** `=== input.slice(start, end)` */
  text: string;
  /** 0..1, rounded to 2 decimals. */
  score: number;
  /** The cues that fired, in the order of `suggestionReasons`. */
  reasons: SuggestionReason[];
  kind: "sentence" | "fragment";
};

export type Span = { start: number; end: number };
