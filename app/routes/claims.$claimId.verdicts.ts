// Verdict actions on a claim: propose (reviewer), return / approve / not checkable / reopen / settle from a
// linked earlier check (editor). A resource
// route: the claim page's verdict section posts here with a fetcher; success redirects to the claim page,
// anything else answers a FormAnswer (conform's reply, so nothing typed is lost; a refusal's message as its form
// error, and what someone else changed when the claim moved on).
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
  settleFromCheckedBefore,
} from "~/review/verdicts.server";
import { VerdictAction, type VerdictIntent } from "~/review/verdict-form";
import type { Route } from "./+types/claims.$claimId.verdicts";
import { invalidReply, readForm, refusalReply } from "~/utils/form.server";
import { isUuid } from "~/utils/input";
import { Refusal } from "~/utils/refusal";

const permissionFor: Record<VerdictIntent, PermissionString> = {
  propose: "propose:verdict:own",
  return: "approve:verdict:any",
  approve: "approve:verdict:any",
  notCheckable: "approve:verdict:any",
  reopen: "approve:verdict:any",
  settleFromCheckedBefore: "approve:verdict:any",
};

// Nothing to show at this address: the verdict section lives on the claim page.
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser({ request, context });
  throw new Response(null, { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  await requireUser({ request, context });
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: VerdictAction });
  const intent = formData.get("intent");
  if (typeof intent !== "string" || !Object.hasOwn(permissionFor, intent)) return invalidReply(submission);
  const user = await requireUserWithPermission({ request, context }, permissionFor[intent as VerdictIntent]);
  const claim = isUuid(params.claimId) ? await currentClaim(params.claimId) : null;
  if (!claim) throw data(null, { status: 404 });
  if (submission.status !== "success") return invalidReply(submission);

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
      case "settleFromCheckedBefore":
        await settleFromCheckedBefore(user, {
          claimId: claim.id,
          claimVersion: value.claimVersion,
          seen: value.seen,
          sourceId: value.sourceId,
          ratingId: value.ratingId,
          rationale: value.rationale,
        });
        break;
    }
  } catch (error) {
    if (error instanceof ClaimConflict) {
      if (!(await currentClaim(claim.id))) throw data(null, { status: 404 });
      const conflict = error.detail ? { fields: error.detail.fields, by: error.detail.by?.name ?? null } : undefined;
      return refusalReply(submission, error, { messageKey: "verdict.error.conflict", conflict });
    }
    if (error instanceof Refusal) return refusalReply(submission, error);
    throw error;
  }
  return redirect(`/claims/${claim.id}#verdict`);
}
