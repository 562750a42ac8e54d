// The "Checked before" thresholds form on /admin/settings (routes/admin.settings.tsx), shared by the browser and the
// action. Editors enter whole percentages (a score of 0.45 is "45"), the unit the eval's tables and the marked
// matches speak in; they are stored as fractions in [0, 1] (NewsroomSettings.matchSuggestAt / matchLikelySameAt).
import { z } from "zod";
import type { MatchThresholds } from "~/matching/thresholds";

const percent = z.coerce
  .number({ error: "matchSettings.error.range" })
  .int("matchSettings.error.range")
  .min(0, "matchSettings.error.range")
  .max(100, "matchSettings.error.range");

export const MatchThresholdsForm = z
  .object({ intent: z.literal("matchThresholds"), suggestPercent: percent, likelySamePercent: percent })
  .refine((value) => value.suggestPercent <= value.likelySamePercent, { path: ["likelySamePercent"], message: "matchSettings.error.order" });

export function thresholdsFromPercent(value: { suggestPercent: number; likelySamePercent: number }): MatchThresholds {
  return { suggestAt: value.suggestPercent / 100, likelySameAt: value.likelySamePercent / 100 };
}
