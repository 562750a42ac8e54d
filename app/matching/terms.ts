// The words a claim is matched on: what both a new claim and a known fact-check are reduced to before
// full-text and trigram search. Lower case, accents folded, numbers canonical (numbers.ts), stop-words out,
// light stems (stem.ts). Indonesian reduplication counts once ("anak-anak" → "anak").
import type { Language } from "~/claims/types";
import { canonicalNumbers } from "~/matching/numbers";
import { stem } from "~/matching/stem";
import { tokenize } from "~/matching/tokens";

const stopWords: Record<Language, Set<string>> = {
  id: new Set([
    "ada", "adalah", "agar", "akan", "antara", "atau", "bagi", "bahwa", "beberapa", "begitu", "bisa", "dalam",
    "dan", "dapat", "dari", "demikian", "dengan", "di", "dia", "harus", "hingga", "ia", "ini", "itu", "jika",
    "juga", "kalau", "kami", "kata", "ke", "kepada", "ketika", "kita", "lagi", "lalu", "maka", "masih", "mereka",
    "namun", "nya", "oleh", "pada", "para", "pula", "pun", "saat", "sang", "saya", "sebagai", "sebelum",
    "sebuah", "secara", "sedang", "sejak", "seorang", "seperti", "serta", "setelah", "si", "sudah", "tapi",
    "telah", "tentang", "tersebut", "tetapi", "untuk", "ujar", "yaitu", "yakni", "yang",
  ]),
  en: new Set([
    "a", "about", "after", "also", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by", "can",
    "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into",
    "is", "it", "its", "of", "on", "or", "our", "said", "says", "she", "so", "such", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "to", "was", "we", "were", "which", "who",
    "will", "with", "would", "you",
  ]),
};

/** "anak-anak" → ["anak"], "well-known" → ["well", "known"]. */
function splitHyphens(token: string): string[] {
  const parts = token.split("-").filter(Boolean);
  return parts.every((part) => part === parts[0]) ? parts.slice(0, 1) : parts;
}

export function matchTerms(text: string, language: Language): string[] {
  const words = canonicalNumbers(tokenize(text), language).flatMap(splitHyphens);
  return words.filter((word) => !stopWords[language].has(word)).map((word) => stem(word, language));
}
