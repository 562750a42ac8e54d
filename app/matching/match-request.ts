// What a "checked before?" look-up asks (`GET /claims/match`, `factdesk match`): the text, its language and how
// many matches at most. Pure (no server code): the route's schema and the command line share the rules. Messages
// are keys of the catalogs' `matchApi` section.
import { z } from "zod";
import { hasControlCharacters } from "~/utils/input";

/**
 * The longest text matched: twice a claim's longest wording (wordingHardLimit, 1,000), so a claim pasted with a
 * little of its context still fits, while a whole article does not.
 */
export const matchTextLimit = 2_000;
export const matchLimitDefault = 5;
export const matchLimitMax = 20;
export const matchLanguages = ["id", "en", "auto"] as const;
export type MatchLanguage = (typeof matchLanguages)[number];

export const MatchRequest = z.object({
  text: z
    .string({ error: "matchApi.textRequired" })
    .trim()
    .min(1, { error: "matchApi.textRequired" })
    .max(matchTextLimit, { error: "matchApi.textTooLong" })
    .refine((text) => !hasControlCharacters(text), { error: "matchApi.controlCharacters" }),
  lang: z.enum(matchLanguages, { error: "matchApi.badLanguage" }).default("auto"),
  limit: z.coerce
    .number({ error: "matchApi.badLimit" })
    .int({ error: "matchApi.badLimit" })
    .min(1, { error: "matchApi.badLimit" })
    .max(matchLimitMax, { error: "matchApi.badLimit" })
    .default(matchLimitDefault),
});
export type MatchRequest = z.infer<typeof MatchRequest>;

/** The catalog key of the first problem in a refused request, and the field it concerns. */
export function matchRequestProblem(error: z.ZodError): { field: string; messageKey: string } {
  const issue = error.issues[0]!;
  const field = String(issue.path[0] ?? "text");
  return { field, messageKey: issue.message.startsWith("matchApi.") ? issue.message : "matchApi.textRequired" };
}
