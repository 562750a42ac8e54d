// The editor's publishing forms (routes/articles.$articleId.fact-check.tsx, components/fact-check/*) and the
// preview they post to (routes/articles.$articleId.fact-check.preview.ts) read the same fields the same way: one
// schema per form, and the union the actions parse. The action answers a `FormAnswer<Confirmation>`.
import { z } from "zod";
import { type PublishedRating, publishingLimits } from "./content";

const text = (max: number) => z.string({ error: "form.required" }).trim().min(1, "form.required").max(max, "form.tooLong");

/** The confirmation step's final button sends confirmed=yes; without it an action is only checked and summarised. */
const confirmed = z.literal("yes").optional();

/** The first publication: the editorial fields and the page's address. */
export const PublishFactCheck = z.object({
  intent: z.literal("publish"),
  headline: text(publishingLimits.headline),
  summary: text(publishingLimits.summary),
  methodology: text(publishingLimits.methodology),
  /** Empty, or equal to `suggestedSlug` (the suggestion the form showed): the address follows the headline. */
  slug: z.string().trim().max(publishingLimits.slug, "form.tooLong").optional(),
  suggestedSlug: z.string().optional(),
  confirmed,
});

/** A correction (or a publication again after a withdrawal); its corrected verdicts are read by `verdictChanges`. */
export const CorrectFactCheck = z.object({
  intent: z.literal("correct"),
  basedOnVersion: z.coerce.number().int().positive(),
  headline: text(publishingLimits.headline),
  summary: text(publishingLimits.summary),
  methodology: text(publishingLimits.methodology),
  correctionNote: text(publishingLimits.correctionNote),
  confirmed,
});

export const WithdrawFactCheck = z.object({ intent: z.literal("withdraw"), reason: text(publishingLimits.withdrawalReason), confirmed });

export const FactCheckAction = z.discriminatedUnion("intent", [PublishFactCheck, CorrectFactCheck, WithdrawFactCheck]);

export type FactCheckActionValue = z.infer<typeof FactCheckAction>;

/** Verdict corrections come as rating-<claimId> and rationale-<claimId> pairs. */
export function verdictChanges(formData: FormData) {
  const changes: { claimId: string; ratingId: string; rationale: string }[] = [];
  for (const [key, value] of formData) {
    const match = /^rating-([0-9a-f-]{36})$/.exec(key);
    if (!match || typeof value !== "string" || !value) continue;
    const rationale = formData.get(`rationale-${match[1]}`);
    changes.push({ claimId: match[1]!, ratingId: value, rationale: typeof rationale === "string" ? rationale : "" });
  }
  return changes;
}

/** The form's text fields as they were sent (to send them again after confirming). */
export function formValues(formData: FormData): FormFields {
  return Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** The form's fields as typed, by name. */
export type FormFields = Record<string, string>;

/** The confirmation step (`FormAnswer.confirm.step`): what the action will do; `confirm.fields` are sent again with confirmed=yes. */
export type Confirmation =
  | { intent: "publish"; headline: string; path: string; rated: number; notCheckable: number }
  | {
      intent: "correct";
      republishing: boolean;
      headline: string;
      path: string;
      version: number;
      note: string;
      changes: { anchor: string; wording: string; from: PublishedRating | null; to: PublishedRating | null }[];
    }
  | { intent: "withdraw"; path: string; reason: string };
