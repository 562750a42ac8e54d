// Verdict actions on a claim: propose (reviewer), return / approve / not checkable / reopen (editor). A resource
// route: the claim page's verdict section posts here with a fetcher; success redirects to the claim page,
// a refusal answers with a catalog key and what the user typed, so nothing typed is lost.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "react-router";
import { requireUser, requireUserWithPermission } from "~/auth/guards.server";
import type { PermissionString } from "~/auth/permissions";
import { currentClaim } from "~/claims/claims.server";
import {
  approveVerdict,
  ClaimConflict,
  markNotCheckable,
  proposeVerdict,
  reopenClaim,
  returnVerdict,
} from "~/review/verdicts.server";
import { VerdictAction, type VerdictActionData, type VerdictDraft, type VerdictIntent } from "~/review/verdict-form";
import type { Route } from "./+types/claims.$claimId.verdicts";
import { readForm } from "~/utils/form.server";
import { isUuid } from "~/utils/input";
import { Refusal, type RefusalStatus } from "~/utils/refusal";

const permissionFor: Record<VerdictIntent, PermissionString> = {
  propose: "propose:verdict:own",
  return: "approve:verdict:any",
  approve: "approve:verdict:any",
  notCheckable: "approve:verdict:any",
  reopen: "approve:verdict:any",
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
  const refuse = (key: string, status: RefusalStatus) => data<VerdictActionData>({ verdictError: { key }, intent, draft }, { status });

  const user = intent in permissionFor ? await requireUserWithPermission({ request, context }, permissionFor[intent as VerdictIntent]) : null;
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
    if (error instanceof ClaimConflict) {
      if (!(await currentClaim(claim.id))) throw data(null, { status: 404 });
      const conflict = error.detail ? { fields: error.detail.fields, by: error.detail.by?.name ?? null } : undefined;
      return data<VerdictActionData>({ verdictError: { key: "verdict.error.conflict" }, intent, draft, conflict }, { status: error.status });
    }
    if (error instanceof Refusal) return refuse(error.messageKey, error.status);
    throw error;
  }
  return redirect(`/claims/${claim.id}#verdict`);
}
