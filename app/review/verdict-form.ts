// The verdict section's forms (app/components/claim/verdict-section.tsx), shared by the browser and the
// action that takes them (routes/claims.$claimId.verdicts.ts): their limits, their schema, and the answer a
// refused one gets back. Validation messages are catalog keys.
import { z } from "zod";
import { versionField } from "~/utils/input";

/** A rationale is Markdown of at most this many characters; a return's comment or a reason at most `noteMaxLength`. */
export const rationaleMaxLength = 20_000;
export const noteMaxLength = 2_000;

const claimVersion = versionField;
// The verdicts the page showed (app/review/verdict-basis.ts): a save is refused only if one it acts on changed since.
const seen = z.string().max(10_000).optional();
const note = (key: string) => z.string({ error: key }).trim().min(1, key).max(noteMaxLength, key);

export const VerdictAction = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("propose"),
    claimVersion,
    seen,
    ratingId: z.uuid("verdict.error.badRating"),
    // Not trimmed: leading spaces can be Markdown (an indented code block); the domain trims the end.
    rationale: z
      .string({ error: "verdict.error.badRationale" })
      .max(rationaleMaxLength, "verdict.error.badRationale")
      .refine((text) => text.trim() !== "", "verdict.error.badRationale"),
    blind: z.boolean().default(false),
  }),
  z.object({ intent: z.literal("return"), claimVersion, seen, comment: note("verdict.error.commentRequired") }),
  z.object({ intent: z.literal("approve"), claimVersion, seen }),
  z.object({ intent: z.literal("reopen"), claimVersion, seen, reason: note("verdict.error.reasonRequired") }),
  z.object({ intent: z.literal("notCheckable"), claimVersion, seen, reason: note("verdict.error.reasonRequired") }),
]);

export type VerdictIntent = z.infer<typeof VerdictAction>["intent"];

/** What the user typed, handed back with every refusal. */
export type VerdictDraft = { ratingId: string; rationale: string; comment: string; reason: string };
/** A refusal; `conflict` says what someone else changed meanwhile (the verdict) and who, when known. */
export type VerdictActionData = { verdictError: { key: string }; intent: string; draft: VerdictDraft; conflict?: { fields: string[]; by: string | null } };
