// The verdict section's forms (app/components/claim/verdict-section.tsx), shared by the browser and the
// action that takes them (routes/claims.$claimId.verdicts.ts): their limits and their schemas, one per form.
// Validation messages are catalog keys.
import { z } from "zod";
import { versionField } from "~/utils/input";

/** A rationale is Markdown of at most this many characters; a return's comment or a reason at most `noteMaxLength`. */
export const rationaleMaxLength = 20_000;
export const noteMaxLength = 2_000;

const claimVersion = versionField;
// The verdicts the page showed (app/review/verdict-basis.ts): a save is refused only if one it acts on changed since.
const seen = z.string().max(10_000).optional();
const note = (key: string) => z.string({ error: key }).trim().min(1, key).max(noteMaxLength, key);

export const ProposeVerdict = z.object({
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
});
export const ReturnVerdict = z.object({ intent: z.literal("return"), claimVersion, seen, comment: note("verdict.error.commentRequired") });
export const ApproveVerdict = z.object({ intent: z.literal("approve"), claimVersion, seen });
export const ReopenClaim = z.object({ intent: z.literal("reopen"), claimVersion, seen, reason: note("verdict.error.reasonRequired") });
export const MarkNotCheckable = z.object({ intent: z.literal("notCheckable"), claimVersion, seen, reason: note("verdict.error.reasonRequired") });

/** An editor settles the claim from an earlier check linked to it as a source (decision 0021). */
export const SettleFromCheckedBefore = z.object({
  intent: z.literal("settleFromCheckedBefore"),
  claimVersion,
  seen,
  sourceId: z.uuid("verdict.error.notLinked"),
  ratingId: ProposeVerdict.shape.ratingId,
  rationale: ProposeVerdict.shape.rationale,
});

export const VerdictAction = z.discriminatedUnion("intent", [ProposeVerdict, ReturnVerdict, ApproveVerdict, ReopenClaim, MarkNotCheckable, SettleFromCheckedBefore]);

export type VerdictIntent = z.infer<typeof VerdictAction>["intent"];
