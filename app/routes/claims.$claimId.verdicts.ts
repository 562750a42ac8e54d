// Verdict actions on a claim: propose (reviewer), return / approve / not checkable / reopen (editor). A resource
// route: the claim page's verdict section posts here with a fetcher; success redirects to the claim page,
// a refusal answers with a catalog key and what the user typed, so nothing typed is lost.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "react-router";
import { z } from "zod";
import { requireUser, requireUserWithPermission } from "~/auth/guards.server";
import type { PermissionString } from "~/auth/permissions";
import { currentClaim } from "~/claims/claims.server";
import {
  approveVerdict,
  ClaimConflict,
  markNotCheckable,
  noteMaxLength,
  proposeVerdict,
  rationaleMaxLength,
  reopenClaim,
  returnVerdict,
  TransitionRefused,
  VerdictRefused,
  type VerdictRefusal,
} from "~/review/verdicts.server";
import type { Route } from "./+types/claims.$claimId.verdicts";
import { readForm } from "~/utils/form.server";
import { isUuid, versionField } from "~/utils/input";

const claimVersion = versionField;
// The verdicts the page showed (app/review/verdict-basis.ts): a save is refused only if one it acts on changed since.
const seen = z.string().max(10_000).optional();

const VerdictAction = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("propose"),
    claimVersion,
    seen,
    ratingId: z.uuid("verdict.error.badRating"),
    // Not trimmed: leading spaces can be Markdown (an indented code block); the domain trims the end.
    rationale: z
      .string({ error: "verdict.error.badRationale" })
      .max(rationaleMaxLength, "verdict.error.badRationale")
      .refine((text) => text.trim() !== "", "verdict.error.badRationale"),
    blind: z.boolean().default(false),
  }),
  z.object({
    intent: z.literal("return"),
    claimVersion,
    seen,
    comment: z.string({ error: "verdict.error.commentRequired" }).trim().min(1, "verdict.error.commentRequired").max(noteMaxLength, "verdict.error.commentRequired"),
  }),
  z.object({ intent: z.literal("approve"), claimVersion, seen }),
  z.object({
    intent: z.literal("reopen"),
    claimVersion,
    seen,
    reason: z.string({ error: "verdict.error.reasonRequired" }).trim().min(1, "verdict.error.reasonRequired").max(noteMaxLength, "verdict.error.reasonRequired"),
  }),
  z.object({
    intent: z.literal("notCheckable"),
    claimVersion,
    seen,
    reason: z.string({ error: "verdict.error.reasonRequired" }).trim().min(1, "verdict.error.reasonRequired").max(noteMaxLength, "verdict.error.reasonRequired"),
  }),
]);

type Intent = z.infer<typeof VerdictAction>["intent"];
const permissionFor: Record<Intent, PermissionString> = {
  propose: "propose:verdict:own",
  return: "approve:verdict:any",
  approve: "approve:verdict:any",
  notCheckable: "approve:verdict:any",
  reopen: "approve:verdict:any",
};

/** What the user typed, handed back with every refusal. */
export type VerdictDraft = { ratingId: string; rationale: string; comment: string; reason: string };
/** A refusal; `conflict` says what someone else changed meanwhile (the verdict) and who, when known. */
export type VerdictActionData = { verdictError: { key: string }; intent: string; draft: VerdictDraft; conflict?: { fields: string[]; by: string | null } };

const refusalStatus: Record<VerdictRefusal, 400 | 403 | 409> = {
  notAllowed: 403,
  notAssigned: 403,
  fourEyes: 403,
  blindOff: 403,
  blindNotAllowed: 403,
  badRating: 400,
  badRationale: 400,
  noteRequired: 400,
  noVerdict: 409,
};

// Nothing to show at this address: the verdict section lives on the claim page.
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser({ request, context });
  throw new Response(null, { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  await requireUser({ request, context });
  const formData = await readForm(request);
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const intent = text("intent");
  const draft: VerdictDraft = { ratingId: text("ratingId"), rationale: text("rationale"), comment: text("comment"), reason: text("reason") };
  const refuse = (key: string, status: 400 | 403 | 404 | 409) => data<VerdictActionData>({ verdictError: { key }, intent, draft }, { status });

  const user = intent in permissionFor ? await requireUserWithPermission({ request, context }, permissionFor[intent as Intent]) : null;
  if (!user) return refuse("verdict.error.invalid", 400);
  const claim = isUuid(params.claimId) ? await currentClaim(params.claimId) : null;
  if (!claim) throw data(null, { status: 404 });

  const submission = parseWithZod(formData, { schema: VerdictAction });
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flat().find((message): message is string => typeof message === "string");
    return refuse(first?.startsWith("verdict.") ? first : "verdict.error.invalid", 400);
  }
  const value = submission.value;
  try {
    switch (value.intent) {
      case "propose":
        await proposeVerdict(user, { claimId: claim.id, claimVersion: value.claimVersion, seen: value.seen, ratingId: value.ratingId, rationale: value.rationale, blind: value.blind });
        break;
      case "return":
        await returnVerdict(user, { claimId: claim.id, claimVersion: value.claimVersion, seen: value.seen, comment: value.comment });
        break;
      case "approve":
        await approveVerdict(user, { claimId: claim.id, claimVersion: value.claimVersion, seen: value.seen });
        break;
      case "notCheckable":
        await markNotCheckable(user, { claimId: claim.id, claimVersion: value.claimVersion, seen: value.seen, reason: value.reason });
        break;
      case "reopen":
        await reopenClaim(user, { claimId: claim.id, claimVersion: value.claimVersion, seen: value.seen, reason: value.reason });
        break;
    }
  } catch (error) {
    if (error instanceof VerdictRefused) return refuse(`verdict.error.${error.reason}`, refusalStatus[error.reason]);
    if (error instanceof TransitionRefused) return refuse("verdict.error.transition", 409);
    if (error instanceof ClaimConflict) {
      if (!(await currentClaim(claim.id))) throw data(null, { status: 404 });
      const conflict = error.detail ? { fields: error.detail.fields, by: error.detail.by?.name ?? null } : undefined;
      return data<VerdictActionData>({ verdictError: { key: "verdict.error.conflict" }, intent, draft, conflict }, { status: 409 });
    }
    throw error;
  }
  return redirect(`/claims/${claim.id}#verdict`);
}
