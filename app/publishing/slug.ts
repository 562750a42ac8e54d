// Web addresses of fact-checks (/fact-checks/<slug>): readable lower-case ASCII words joined by "-".
// Pure, shared by the server (the suggestion, the check at publication) and the editor's form in the
// browser (the address follows the headline as it is typed), so both always agree.

export const slugMaxLength = 80;

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Letters that Unicode decomposition leaves alone, folded the way readers would spell them in ASCII. */
const folded: Record<string, string> = { ß: "ss", æ: "ae", ø: "o", œ: "oe", đ: "d", ð: "d", ł: "l", þ: "th", ı: "i", ħ: "h" };

/**
 * The words of `text` as a slug of at most `maxLength` characters, cut at a word boundary. Accents are
 * folded ("Sé" → "se"); a number keeps its separators as hyphens so it stays readable ("1.5 million" →
 * "1-5-million", "10.000" → "10-000", "2,5 persen" → "2-5-persen"); an apostrophe inside a word is dropped
 * ("Putin's" → "putins"). Empty when `text` has no letter or digit.
 */
export function slugify(text: string, maxLength = slugMaxLength): string {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæøœđðłþıħ]/g, (letter) => folded[letter]!)
    .replace(/(\p{L})['’](?=\p{L})/gu, "$1")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  // A first word longer than the limit is cut: better a shortened word than no address.
  return slug || (words[0]?.slice(0, maxLength) ?? "");
}

/** `base`, or `base-2`, `base-3`, … : the first that `taken` does not hold. */
export function firstFreeSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
