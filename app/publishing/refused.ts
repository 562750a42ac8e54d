// Why publishing refuses: one reason per refusal (the route turns it into a status and a message), and who
// may publish at all. Publication, correction and withdrawal share them.
import type { Actor } from "~/auth/actor";
import { userCan } from "~/auth/permissions";
import type { ClaimStatus } from "~/generated/prisma/enums";
import { Refusal } from "~/utils/refusal";

export type PublishRefusal =
  | "notAllowed" // the role may not publish
  | "notFound" // no such article / fact-check
  | "notReady" // some claims are still open on the desk
  | "noRatedClaims" // nothing approved to publish
  | "alreadyPublished" // the article has a fact-check: correct it instead
  | "notPublished" // it was withdrawn: nothing to withdraw
  | "stale" // someone published a correction since the form was loaded
  | "slugTaken"
  | "badSlug"
  | "badText" // headline/summary/methodology empty or too long
  | "noteRequired" // a correction needs its public note, a withdrawal its reason
  | "badRating" // a corrected verdict's label is not on the active scale
  | "badRationale"
  | "claimNotRated"; // only approved verdicts can be corrected

function publishRefusalStatus(reason: PublishRefusal) {
  if (reason === "notAllowed") return 403;
  return reason === "stale" || reason === "alreadyPublished" || reason === "notReady" ? 409 : 400;
}

export class PublishRefused extends Refusal<PublishRefusal> {
  constructor(
    reason: PublishRefusal,
    readonly detail?: { field?: string; claims?: { id: string; wording: string; status: ClaimStatus }[] },
  ) {
    super(reason, { status: publishRefusalStatus(reason), messageKey: `factCheck.refused.${reason}`, message: `publishing refused: ${reason}` });
  }
}

/** Only a role that may publish acts on a fact-check. */
export function requirePublisher(actor: Actor) {
  if (!userCan(actor, "publish:factcheck:any")) throw new PublishRefused("notAllowed");
}
