// Linking a "Checked before" match to a claim: the known fact-check becomes one of the claim's sources, added
// through the sources' one path (addSource: who may, the blind lane, a settled claim refused, the archive job,
// the live topics) with kind FACT_CHECK, its URL, its wording as title, its publisher, and a note with the
// rating it gave and when; plus the audit event `source.link_checked_before` that the claim's history shows.
// The same review linked twice to a claim (in the linker's lane) is refused: the claim has it already.
// Decision 0021.
import { recordAudit } from "~/audit/audit.server";
import type { Actor } from "~/auth/actor";
import type { SourceStance } from "~/generated/prisma/enums";
import { prisma } from "~/db/client.server";
import { translator } from "~/i18n/i18n";
import type { ClaimAccess } from "~/auth/claim-access";
import { laneFilter } from "~/auth/claim-access.server";
import { userCan } from "~/auth/permissions";
import type { ClaimStatus } from "~/generated/prisma/enums";
import { checkedBefore } from "~/matching/checked-before.server";
import { matchingLabel } from "~/matching/matching-label";
import type { ScaleLabel } from "~/rating-scale/rating-scale.server";
import { canMove } from "~/review/lifecycle";
import { addSource, SourceRefused } from "~/sources/sources.server";
import { isUuid } from "~/utils/input";
import { Refusal } from "~/utils/refusal";
import type { KnownReview } from "~/matching/known-review";
import { calendarDayOf } from "~/newsroom/clock";

/** A date-only value (stored at UTC midnight) as its calendar day, YYYY-MM-DD. */
const dateOnly = (date: Date) => calendarDayOf(date, "UTC");

export type CheckedBeforeLinkRefusal = "unknown" | "alreadyLinked";

/** A link refused for the review itself: it is not (or no longer) a known fact-check, or the claim has it already. */
export class CheckedBeforeLinkRefused extends Refusal<CheckedBeforeLinkRefusal> {
  constructor(reason: CheckedBeforeLinkRefusal) {
    super(reason, {
      status: reason === "unknown" ? 404 : 409,
      messageKey: `checkedBefore.error.${reason}`,
      message: `checked-before link refused: ${reason}`,
    });
  }
}

/**
 * Links the known fact-check to the claim as a source (see above); SourceRefused when the actor may not add
 * sources to the claim (or it is settled), CheckedBeforeLinkRefused when the review is unknown or already linked.
 */
export async function linkCheckedBefore(actor: Actor, input: { claimId: string; knownFactCheckId: string; stance: SourceStance }) {
  if (!isUuid(input.claimId)) throw new SourceRefused("not_found");
  const [known, claim] = await Promise.all([
    prisma.knownFactCheck.findUnique({
      where: { id: input.knownFactCheckId },
      select: { id: true, url: true, claimReviewed: true, publisher: true, rating: true, datePublished: true, claimId: true },
    }),
    prisma.claim.findUnique({ where: { id: input.claimId }, select: { article: { select: { language: true } } } }),
  ]);
  if (!claim) throw new SourceRefused("not_found");
  // A claim is never its own earlier check.
  if (!known || known.claimId === input.claimId) throw new CheckedBeforeLinkRefused("unknown");
  const t = translator(claim.article.language === "id" ? "id" : "en");
  const note = t("checkedBefore.linkNote", { rating: known.rating, date: dateOnly(known.datePublished) });
  return addSource(
    actor,
    {
      claimId: input.claimId,
      url: known.url,
      title: known.claimReviewed,
      publisher: known.publisher,
      kind: "FACT_CHECK",
      stance: input.stance,
      note,
      knownFactCheckId: known.id,
    },
    {
      inTransaction: async (tx, added) => {
        const earlier = await tx.source.count({
          where: { claimId: added.claimId, knownFactCheckId: known.id, deletedAt: null, id: { not: added.id }, ...laneFilter(actor, added.access, "addedById") },
        });
        if (earlier > 0) throw new CheckedBeforeLinkRefused("alreadyLinked");
        await recordAudit(tx, {
          actorId: actor.id,
          action: "source.link_checked_before",
          entityType: "Source",
          entityId: added.id,
          after: {
            claimId: added.claimId,
            knownFactCheckId: known.id,
            url: known.url,
            publisher: known.publisher,
            rating: known.rating,
            datePublished: dateOnly(known.datePublished),
            stance: input.stance,
            ...(added.blind ? { blind: true } : {}),
          },
        });
      },
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// The claim page's "Checked before" section

export type LinkedCheck = Omit<KnownReview, "language"> & { sourceId: string; knownFactCheckId: string };

/** The earlier checks linked to the claim (live FACT_CHECK sources whose review is still known), in the viewer's lane. */
export async function linkedChecks(viewer: Actor, access: ClaimAccess, claimId: string): Promise<LinkedCheck[]> {
  if (!isUuid(claimId)) return [];
  const rows = await prisma.source.findMany({
    where: { claimId, deletedAt: null, kind: "FACT_CHECK", knownFactCheckId: { not: null }, ...laneFilter(viewer, access, "addedById") },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      knownFactCheck: { select: { id: true, url: true, claimReviewed: true, publisher: true, rating: true, datePublished: true } },
    },
  });
  return rows.flatMap(({ id, knownFactCheck: known }) => (known ? [{ sourceId: id, knownFactCheckId: known.id, ...omitId(known) }] : []));
}

function omitId<T extends { id: string }>({ id: _id, ...rest }: T): Omit<T, "id"> {
  return rest;
}

/** What the settle form starts with for a linked check: the matching label of our scale, if any, and the rationale citing it. */
export type SettleDraft = { sourceId: string; ratingId: string; rationale: string };

/**
 * The "Checked before" section of a claim page: the matches (never the claim's own published review), which
 * of them the viewer's lane has linked, whether the viewer may link (as with sources), and — for an editor on
 * an open claim — what the settle form starts with for each linked check, in the article's language.
 */
export async function claimCheckedBefore(
  viewer: Actor,
  claim: { id: string; wording: string; status: ClaimStatus; article: { language: string } },
  access: ClaimAccess,
  scale: Pick<ScaleLabel, "id" | "labelEn" | "labelId">[],
) {
  const [matches, linked] = await Promise.all([
    checkedBefore(claim.wording, { language: claim.article.language, excludeClaimId: claim.id }),
    linkedChecks(viewer, access, claim.id),
  ]);
  const mayLink = access.mayEditSources && !access.settled;
  const maySettle = userCan(viewer, "approve:verdict:any") && canMove(claim.status, "settleFromCheckedBefore");
  const t = translator(claim.article.language === "id" ? "id" : "en");
  const drafts: SettleDraft[] = maySettle
    ? linked.map((check) => ({
        sourceId: check.sourceId,
        ratingId: matchingLabel(scale, check.rating)?.id ?? "",
        rationale: t("checkedBefore.settleRationale", {
          publisher: check.publisher,
          date: dateOnly(check.datePublished),
          rating: check.rating,
          url: check.url,
        }),
      }))
    : [];
  return { matches, linked, linkedIds: linked.map((check) => check.knownFactCheckId), mayLink, maySettle, drafts };
}
