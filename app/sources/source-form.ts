// The claim page's sources form (app/components/claim/sources-section.tsx), shared by the browser and the
// action that takes it (routes/claims.$claimId.sources.ts): the kinds and stances, the limits, the schema
// and the answer a refused one gets back.
import { z } from "zod";
import type { SourceKind, SourceStance } from "~/generated/prisma/enums";

export const sourceKinds = [
  "OFFICIAL_DOCUMENT",
  "OFFICIAL_STATEMENT",
  "EXPERT",
  "DATASET",
  "MEDIA_REPORT",
  "SOCIAL_MEDIA_POST",
  "OTHER",
] as const satisfies readonly SourceKind[];
export const sourceStances = ["SUPPORTS", "REFUTES", "CONTEXT"] as const satisfies readonly SourceStance[];

export const sourceLimits = { url: 2048, title: 300, publisher: 200, excerpt: 5000, note: 2000 } as const;

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((value) => value || null);

export const SourceAction = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    url: z.string().trim().min(1).max(sourceLimits.url),
    title: optionalText(sourceLimits.title),
    publisher: optionalText(sourceLimits.publisher),
    kind: z.enum(sourceKinds),
    stance: z.enum(sourceStances),
    excerpt: optionalText(sourceLimits.excerpt),
    note: optionalText(sourceLimits.note),
  }),
  z.object({ intent: z.literal("retry"), sourceId: z.uuid() }),
  z.object({ intent: z.literal("remove"), sourceId: z.uuid() }),
]);

/** A refused source form. */
export type SourceActionData = {
  intent: string;
  /** A catalog key under `sources.error`. */
  error: string;
  /** Fields the message is about. */
  fields?: string[];
};
