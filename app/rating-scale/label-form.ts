// The rating scale's forms (routes/admin.scale.tsx), shared by the browser and the action: a label's limits
// and the schema of each form. The domain (scale.server.ts) checks the same limits again.
import { z } from "zod";

/** A colour is stored as #rrggbb (lower case); the interface shows it next to the label text, never alone. */
export const colourPattern = /^#[0-9a-f]{6}$/i;
export const labelMaxLength = 60;
export const labelValueRange = { min: 0, max: 1000 } as const;

const labelText = z.string({ error: "scale.error.badLabel" }).trim().min(1, "scale.error.badLabel").max(labelMaxLength, "scale.error.badLabel");
const label = {
  labelEn: labelText,
  labelId: labelText,
  colour: z.string({ error: "scale.error.badLabel" }).regex(colourPattern, "scale.error.badLabel"),
};

export const AddLabel = z.object({ intent: z.literal("add"), ...label });
export const UpdateLabel = z.object({
  intent: z.literal("update"),
  id: z.uuid(),
  ...label,
  value: z.coerce.number().int().min(labelValueRange.min, "scale.error.badLabel").max(labelValueRange.max, "scale.error.badLabel"),
});
export const MoveLabel = z.object({ intent: z.literal("move"), id: z.uuid(), direction: z.enum(["up", "down"]) });
export const DeleteLabel = z.object({ intent: z.literal("delete"), id: z.uuid() });

export const ScaleAction = z.discriminatedUnion("intent", [AddLabel, UpdateLabel, MoveLabel, DeleteLabel]);
