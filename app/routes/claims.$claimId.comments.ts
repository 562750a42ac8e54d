// POST /claims/:claimId/comments (intent "add"; GET answers 405): a comment on the claim, from the discussion section's
// fetcher form. Answers a FormAnswer: the reply, with the body's errors (catalog keys) and status 400 when refused;
// 404 when the claim does not exist or the user may not read it. A form posted without JavaScript goes back to the
// claim page afterwards.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "react-router";
import { requireUser } from "~/auth/guards.server";
import { CommentAction } from "~/discussion/comment-form";
import { addComment, CommentRefused, claimReadableBy } from "~/discussion/comments.server";
import type { Route } from "./+types/claims.$claimId.comments";
import type { FormAnswer } from "~/utils/form-answer";
import { invalidReply, readForm, refusalReply } from "~/utils/form.server";

/** A browser's own form submission (no JavaScript) rather than the fetcher's request. */
function isDocumentRequest(request: Request) {
  return request.headers.get("Sec-Fetch-Mode") === "navigate" || /\btext\/html\b/.test(request.headers.get("Accept") ?? "");
}

/** Only posts: there is nothing to show at this address. */
export function loader() {
  throw new Response(null, { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireUser({ request, context });
  const claim = await claimReadableBy(user, params.claimId);
  if (!claim) throw data(null, { status: 404 });
  const back = `/claims/${claim.id}`;
  const submission = parseWithZod(await readForm(request), { schema: CommentAction });
  if (submission.status !== "success") {
    return isDocumentRequest(request) ? redirect(back) : invalidReply(submission);
  }
  try {
    await addComment(user, { claimId: claim.id, body: submission.value.body });
  } catch (error) {
    if (!(error instanceof CommentRefused)) throw error;
    if (error.status === 404) throw data(null, { status: 404 });
    return refusalReply(submission, error, { field: "body" });
  }
  return isDocumentRequest(request) ? redirect(back) : ({ result: submission.reply({ resetForm: true }) } satisfies FormAnswer);
}
