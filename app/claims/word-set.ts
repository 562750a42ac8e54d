// The word lists of the claim-suggestion module (cues, fragments, segmentation) are written as one string of
// space-separated words; wordSet turns one into a Set for lookups. Pure.

/** The words of `words`, separated by single spaces. */
export function wordSet(words: string): Set<string> {
  return new Set(words.split(" "));
}
