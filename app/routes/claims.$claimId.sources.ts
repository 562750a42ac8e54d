// POST /claims/:claimId/sources (GET answers 405): add a source (archived in the background), archive
// one again, remove one — intents "add", "retry", "remove". Posted by the claim page's sources section
// through fetchers: success redirects to the section; a refusal comes back as data with a message key
// (SourceActionData) and status 400, 403, 404 or 409 (a settled claim), and the fetcher's form keeps what was typed. A form
// posted without JavaScript goes back to the claim page either way.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "react-router";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { addSource, assertMayEditSources, removeSource, retryArchive, SourceError, sourceKinds, sourceLimits, sourceStances } from "~/sources/sources.server";
import type { Route } from "./+types/claims.$claimId.sources";
import { readForm } from "~/utils/form.server";

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((value) => value || null);

const SourceAction = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    url: z.string().trim().min(1).max(sourceLimits.url),
    title: optionalText(sourceLimits.title),
    publisher: optionalText(sourceLimits.publisher),
    kind: z.enum(sourceKinds),
    stance: z.enum(sourceStances),
    excerpt: optionalText(sourceLimits.excerpt),
    note: optionalText(sourceLimits.note),
  }),
  z.object({ intent: z.literal("retry"), sourceId: z.uuid() }),
  z.object({ intent: z.literal("remove"), sourceId: z.uuid() }),
]);

export type SourceActionData = {
  intent: string;
  /** A catalog key under `sources.error`. */
  error: string;
  /** Fields the message is about. */
  fields?: string[];
};

const errorKeys: Record<SourceError["code"], string> = {
  invalid_url: "sources.error.invalidUrl",
  forbidden: "sources.error.forbidden",
  not_found: "sources.error.notFound",
  settled: "sources.error.settled",
};
const errorStatus: Record<SourceError["code"], number> = { invalid_url: 400, forbidden: 403, not_found: 404, settled: 409 };

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
    if (error instanceof SourceError) {
      return refuse(errorKeys[error.code], errorStatus[error.code], error.code === "invalid_url" ? ["url"] : undefined);
    }
    throw error;
  }
  return back;
}
