// POST /claims/:claimId/sources (GET answers 405): add a source (archived in the background), link a
// "Checked before" match as one, archive one again, remove one — intents "add", "link", "retry", "remove". Posted by the claim page's sources section
// through fetchers: success redirects to the section; anything else answers a FormAnswer (conform's reply, the
// fields' errors or the refusal's message) with status 400, 403, 404 or 409 (a settled claim), so the fetcher's
// form keeps what was typed. A form posted without JavaScript goes back to the claim page either way.
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect } from "react-router";
import { requireUser } from "~/auth/guards.server";
import { CheckedBeforeLinkRefused, linkCheckedBefore } from "~/matching/link.server";
import { SourceAction } from "~/sources/source-form";
import { addSource, assertMayEditSources, removeSource, retryArchive, SourceRefused } from "~/sources/sources.server";
import type { Route } from "./+types/claims.$claimId.sources";
import { invalidReply, readForm, refusalReply } from "~/utils/form.server";

/** A browser's own form submission (no JavaScript) rather than the fetcher's request. */
function isDocumentRequest(request: Request) {
  return request.headers.get("Sec-Fetch-Mode") === "navigate" || /\btext\/html\b/.test(request.headers.get("Accept") ?? "");
}

// Nothing to show at this address: the sources section lives on the claim page.
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser({ request, context });
  throw new Response(null, { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireUser({ request, context });
  const submission = parseWithZod(await readForm(request), { schema: SourceAction });
  const back = redirect(`/claims/${params.claimId}#sources`);

  try {
    // Who may change this claim's sources is settled before what they sent is looked at.
    await assertMayEditSources(user, params.claimId);
    if (submission.status !== "success") return isDocumentRequest(request) ? back : invalidReply(submission);
    const value = submission.value;
    switch (value.intent) {
      case "add":
        await addSource(user, { ...value, claimId: params.claimId });
        break;
      case "link":
        await linkCheckedBefore(user, { claimId: params.claimId, knownFactCheckId: value.knownFactCheckId, stance: value.stance });
        break;
      case "retry":
        await retryArchive(user, value.sourceId, { claimId: params.claimId });
        break;
      case "remove":
        await removeSource(user, value.sourceId, { claimId: params.claimId });
        break;
    }
  } catch (error) {
    if (!(error instanceof SourceRefused || error instanceof CheckedBeforeLinkRefused)) throw error;
    return isDocumentRequest(request) ? back : refusalReply(submission, error, error instanceof SourceRefused && error.reason === "invalid_url" ? { field: "url" } : {});
  }
  return back;
}
