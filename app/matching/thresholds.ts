// How a match's score compares with the newsroom's two thresholds: below `suggest` it is not shown, at or above it
// is suggested, at or above `likely the same` it is shown first and marked. One comparison for the app
// (checked-before.server.ts) and the measurement (scripts/match-eval.ts), so the eval measures what people see.

export type MatchThresholds = {
  /** A match scoring at least this is shown. */
  suggestAt: number;
  /** A match scoring at least this is shown first and marked "likely the same". */
  likelySameAt: number;
};

export type MatchStrength = "hidden" | "suggested" | "likelySame";

export function matchStrength(score: number, thresholds: MatchThresholds): MatchStrength {
  if (score >= thresholds.likelySameAt) return "likelySame";
  return score >= thresholds.suggestAt ? "suggested" : "hidden";
}

/** A threshold is shown to editors as a whole percentage; stored as a fraction in [0, 1]. */
export function thresholdPercent(value: number): number {
  return Math.round(value * 100);
}
