// The board's forms (routes/articles.$articleId.board.tsx), shared by the browser and the action: assigning
// the selected claims to a reviewer, and taking one claim back.
import { z } from "zod";
import { isCalendarDay } from "~/newsroom/clock";

export const assignmentNoteMaxLength = 1000;

export const AssignClaims = z.object({
  intent: z.literal("assign"),
  claimId: z.array(z.uuid({ error: "board.chooseClaims" }), { error: "board.chooseClaims" }).min(1, { error: "board.chooseClaims" }),
  reviewerId: z.uuid({ error: "board.reviewerRequired" }),
  // A calendar day from the date input; it is due at the end of that day in the newsroom's zone.
  dueAt: z.string().refine(isCalendarDay, { error: "clock.badDueDate" }).optional(),
  note: z.string().trim().max(assignmentNoteMaxLength, "form.tooLong").optional(),
});
export const UnassignClaim = z.object({ intent: z.literal("unassign"), claimId: z.uuid({ error: "board.chooseClaims" }) });

export const BoardAction = z.discriminatedUnion("intent", [AssignClaims, UnassignClaim]);
