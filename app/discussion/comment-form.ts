// The discussion section's comment form (app/components/claim/discussion-section.tsx), shared by the browser
// and the action that takes it (routes/claims.$claimId.comments.ts): its schema and the answer it gets back.
import { z } from "zod";
import { commentMaxLength } from "./mentions";

export const CommentAction = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    body: z.string({ error: "discussion.bodyRequired" }).trim().min(1, "discussion.bodyRequired").max(commentMaxLength, "discussion.bodyTooLong"),
  }),
]);

export type CommentActionData = { ok: true } | { ok: false; errors: Record<string, string[]> };
