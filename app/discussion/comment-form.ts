// The discussion section's comment form (app/components/claim/discussion-section.tsx), shared by the browser
// and the action that takes it (routes/claims.$claimId.comments.ts): its schema.
import { z } from "zod";
import { commentMaxLength } from "./mentions";

export const AddComment = z.object({
  intent: z.literal("add"),
  body: z.string({ error: "discussion.bodyRequired" }).trim().min(1, "discussion.bodyRequired").max(commentMaxLength, "discussion.bodyTooLong"),
});

export const CommentAction = z.discriminatedUnion("intent", [AddComment]);
