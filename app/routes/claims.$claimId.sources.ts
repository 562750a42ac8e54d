// POST /claims/:claimId/sources (GET answers 405): add a source (archived in the background), archive
// one again, remove one — intents "add", "retry", "remove". Posted by the claim page's sources section
// through fetchers: success redirects to the section; a refusal comes back as data with a message key
// (SourceActionData) and status 400, 403, 404 or 409 (a settled claim), and the fetcher's form keeps what was typed. A form
// posted without JavaScript goes back to the claim page either way.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "react-router";
import { requireUser } from "~/auth/guards.server";
import { SourceAction, type SourceActionData } from "~/sources/source-form";
import { addSource, assertMayEditSources, removeSource, retryArchive, SourceRefused } from "~/sources/sources.server";
import type { Route } from "./+types/claims.$claimId.sources";
import { readForm } from "~/utils/form.server";

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
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const back = redirect(`/claims/${params.claimId}#sources`);
  const refuse = (error: string, status: number, fields?: string[]) =>
    isDocumentRequest(request) ? back : data<SourceActionData>({ intent, error, fields }, { status });

  try {
    // Who may change this claim's sources is settled before what they sent is looked at.
    await assertMayEditSources(user, params.claimId);
    const submission = parseWithZod(formData, { schema: SourceAction });
    if (submission.status !== "success") {
      const fields = Object.keys(submission.error ?? {}).filter((field) => field !== "");
      return refuse(fields.includes("url") ? "sources.error.invalidUrl" : "sources.error.invalid", 400, fields);
    }
    const value = submission.value;
    switch (value.intent) {
      case "add":
        await addSource(user, { ...value, claimId: params.claimId });
        break;
      case "retry":
        await retryArchive(user, value.sourceId, { claimId: params.claimId });
        break;
      case "remove":
        await removeSource(user, value.sourceId, { claimId: params.claimId });
        break;
    }
  } catch (error) {
    if (error instanceof SourceRefused) return refuse(error.messageKey, error.status, error.reason === "invalid_url" ? ["url"] : undefined);
    throw error;
  }
  return back;
}
