// POST /claims/:claimId/comments (intent "add"; GET answers 405): a comment on the claim, from the discussion section's
// fetcher form. Answers `{ ok: true }`, or `{ ok: false, errors }` (catalog keys) with status 400; 404 when
// the claim does not exist or the user may not read it. A form posted without JavaScript goes back to the
// claim page afterwards.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "react-router";
import { requireUser } from "~/auth/guards.server";
import { CommentAction, type CommentActionData } from "~/discussion/comment-form";
import { addComment, CommentRefused, claimReadableBy } from "~/discussion/comments.server";
import type { Route } from "./+types/claims.$claimId.comments";
import { readForm } from "~/utils/form.server";

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
    if (isDocumentRequest(request)) return redirect(back);
    const errors = Object.fromEntries(Object.entries(submission.error ?? {}).map(([field, messages]) => [field, messages ?? []]));
    return data<CommentActionData>({ ok: false, errors }, { status: 400 });
  }
  try {
    await addComment(user, { claimId: claim.id, body: submission.value.body });
  } catch (error) {
    if (!(error instanceof CommentRefused)) throw error;
    if (error.status === 404) throw data(null, { status: 404 });
    return data<CommentActionData>({ ok: false, errors: { body: [error.messageKey] } }, { status: error.status });
  }
  return isDocumentRequest(request) ? redirect(back) : data<CommentActionData>({ ok: true });
}
