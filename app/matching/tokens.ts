// The words of a text for matching: lower case, accents folded, split into words, numbers and the few
// symbols numbers need (`$`, `%`). Punctuation between words is dropped; `.`, `,` and `/` inside a number stay
// ("10.000", "1,5", "17/08/2024"), and so does a letter suffix on one ("10rb", "5T", "10k").

const tokenPattern = /\d+(?:[.,/]\d+)*\p{L}*|\p{L}+(?:['’]\p{L}+)*(?:-\p{L}+(?:['’]\p{L}+)*)*|[$%]/gu;

/** Lower case with accents and other combining marks removed ("é" → "e"). */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

export function tokenize(text: string): string[] {
  return foldText(text).match(tokenPattern) ?? [];
}
