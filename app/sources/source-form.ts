// The claim page's sources form (app/components/claim/sources-section.tsx), shared by the browser and the
// action that takes it (routes/claims.$claimId.sources.ts): the kinds and stances, the limits and the schemas.
// Validation messages are catalog keys.
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

const invalid = "sources.error.invalid";
const optionalText = (max: number) => z.string().trim().max(max, invalid).optional().transform((value) => value || null);
const invalidUrl = "sources.error.invalidUrl";

export const AddSource = z.object({
  intent: z.literal("add"),
  url: z.string({ error: invalidUrl }).trim().min(1, invalidUrl).max(sourceLimits.url, invalidUrl),
  title: optionalText(sourceLimits.title),
  publisher: optionalText(sourceLimits.publisher),
  kind: z.enum(sourceKinds, invalid),
  stance: z.enum(sourceStances, invalid),
  excerpt: optionalText(sourceLimits.excerpt),
  note: optionalText(sourceLimits.note),
});

/** Links a "Checked before" match (a known fact-check) as a source (app/matching/link.server.ts). */
export const LinkCheckedBefore = z.object({
  intent: z.literal("link"),
  knownFactCheckId: z.string({ error: "checkedBefore.error.unknown" }).trim().min(1, "checkedBefore.error.unknown").max(64, "checkedBefore.error.unknown"),
  stance: z.enum(sourceStances, invalid),
});

export const SourceAction = z.discriminatedUnion("intent", [
  AddSource,
  LinkCheckedBefore,
  z.object({ intent: z.literal("retry"), sourceId: z.uuid(invalid) }),
  z.object({ intent: z.literal("remove"), sourceId: z.uuid(invalid) }),
]);
