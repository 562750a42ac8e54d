// "Checked before?" as data, for the command line (`factdesk match`) and the JSON API (`GET /claims/match`): the
// same known fact-checks people see on a claim (checkedBefore: at or above the suggest threshold, `likelySame`
// marked), as plain JSON objects.
import { detectTextLanguage } from "~/claims/cues";
import type { Language } from "~/claims/types";
import { type CheckedBefore, checkedBefore, matchThresholds } from "~/matching/checked-before.server";
import type { MatchLanguage } from "~/matching/match-request";
import { calendarDayOf } from "~/newsroom/clock";

export type CheckedBeforeEntry = {
  url: string;
  claimReviewed: string;
  publisher: string;
  rating: string;
  /** "YYYY-MM-DD": a ClaimReview's date is a calendar date (stored as UTC midnight). */
  datePublished: string;
  language: Language;
  /** Rounded to 3 decimals. */
  score: number;
  likelySame: boolean;
};

function entryOf(match: CheckedBefore): CheckedBeforeEntry {
  return {
    url: match.url,
    claimReviewed: match.claimReviewed,
    publisher: match.publisher,
    rating: match.rating,
    datePublished: calendarDayOf(match.datePublished, "UTC"),
    language: match.language,
    score: Math.round(match.score * 1000) / 1000,
    likelySame: match.likelySame,
  };
}

/**
 * The known fact-checks `text` may repeat, best first. "auto" detects the language as the claim suggestions do
 * (detectTextLanguage); when it cannot tell, both languages are searched and the best `limit` kept.
 */
export async function lookUpCheckedBefore(text: string, options: { language: MatchLanguage; limit: number }): Promise<CheckedBeforeEntry[]> {
  const detected = options.language === "auto" ? detectTextLanguage(text) : options.language;
  const languages: Language[] = detected === "und" ? ["id", "en"] : [detected];
  const thresholds = await matchThresholds();
  const found = (await Promise.all(languages.map((language) => checkedBefore(text, { language, limit: options.limit, thresholds })))).flat();
  found.sort((a, b) => b.score - a.score || b.datePublished.getTime() - a.datePublished.getTime() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return found.slice(0, options.limit).map(entryOf);
}
