// The forms of /admin/claim-reviews (routes/admin.claim-reviews.tsx), shared by the browser and the action. The
// domain (claim-review-sources.server.ts) checks the file itself (size, format, content) and says why it refuses.
import { z } from "zod";

export const sourceFormLimits = {
  maxNameLength: 120,
  maxUrlLength: 2000,
  /** The longest schedule: once a month. */
  maxEveryHours: 24 * 31,
  /** An uploaded file's size: 10,000 reviews in our own JSON shape are about 6 MB. */
  maxFileBytes: 10 * 1024 * 1024,
} as const;

const name = z.string({ error: "form.required" }).trim().min(1, "form.required").max(sourceFormLimits.maxNameLength, "form.tooLong");
const everyHours = z.coerce
  .number({ error: "claimReviewFeeds.error.everyHours" })
  .int("claimReviewFeeds.error.everyHours")
  .min(1, "claimReviewFeeds.error.everyHours")
  .max(sourceFormLimits.maxEveryHours, "claimReviewFeeds.error.everyHours")
  .optional();

export const AddUrlSource = z.object({
  intent: z.literal("addUrl"),
  name,
  url: z
    .string({ error: "form.required" })
    .trim()
    .max(sourceFormLimits.maxUrlLength, "form.tooLong")
    .pipe(z.url({ protocol: /^https?$/, error: "form.urlInvalid" })),
  everyHours,
});

export const UploadSource = z.object({
  intent: z.literal("upload"),
  name,
  /** A text where the file belongs is read as no file (the domain refuses it as empty). */
  file: z.union([z.instanceof(File), z.string()]).optional(),
});

export const ScheduleSource = z.object({ intent: z.literal("schedule"), id: z.uuid(), everyHours });
export const RunSource = z.object({ intent: z.literal("run"), id: z.uuid() });
export const DeleteSource = z.object({ intent: z.literal("delete"), id: z.uuid() });

export const SourceAction = z.discriminatedUnion("intent", [AddUrlSource, UploadSource, ScheduleSource, RunSource, DeleteSource]);
