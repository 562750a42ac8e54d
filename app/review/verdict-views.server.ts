// The verdicts as a viewer of the claim page sees them: every version, with the blind-review rules
// applied (app/auth/claim-access.ts), and what the viewer may do about the claim's verdict now.
// Proposing and deciding are in app/review/verdicts.server.ts.

import type { Actor } from "~/auth/actor";
import { userCan } from "~/auth/permissions";
import { prisma } from "~/db/client.server";
import type { VerdictStatus } from "~/generated/prisma/enums";
import { activeScale, type ScaleLabel } from "~/rating-scale/rating-scale.server";
import { type ClaimAccess, seesLaneItem } from "~/auth/claim-access";
import { claimAccess } from "~/auth/claim-access.server";
import { canMove, openStatuses } from "./lifecycle";
import { renderRationale } from "./markdown.server";
import { blindReviewOn, mayProposeOnAnyClaim } from "./verdicts.server";
import { type CheckedBeforeBasis, checkedBeforeBasis } from "~/review/checked-before-basis";

export type VerdictView = {
  id: string;
  version: number;
  status: VerdictStatus;
  blind: boolean;
  /** The claim's verdict now: the newest primary verdict that is not superseded. */
  current: boolean;
  /** Blind review withholds this verdict's rating and rationale from the viewer (both are then null). */
  hidden: boolean;
  rating: ScaleLabel | null;
  /** The rationale as written (Markdown) and as safe HTML (rendered and sanitised on the server). */
  rationale: string | null;
  rationaleHtml: string | null;
  proposedBy: { id: string; name: string };
  decidedBy: { id: string; name: string } | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  /**
   * On a blind reviewer's latest verdict, shown to someone who sees both: whether its rating differs
   * from the current primary verdict's. Null where there is nothing to compare.
   */
  disagrees: boolean | null;
  /** The earlier fact-check an editor settled the claim from (decision 0021), as it was then; else null. */
  checkedBefore: CheckedBeforeBasis | null;
};

/**
 * Every verdict version of the claim, newest first, with the blind-review rules applied for `viewer`
 * (app/auth/claim-access.ts: each lane sees only its own verdicts until the claim is settled). `access`
 * is the viewer's, when the caller has it; without it, it is read — none for a viewer who may not read the claim.
 */
export async function listVerdicts(viewer: Actor, claimId: string, known?: ClaimAccess): Promise<VerdictView[]> {
  const access = known ?? (await claimAccess(viewer, claimId))?.access;
  if (!access) return [];
  const rows = await prisma.verdict.findMany({
    where: { claimId },
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      status: true,
      blind: true,
      ratingId: true,
      rationale: true,
      checkedBefore: true,
      decisionNote: true,
      decidedAt: true,
      createdAt: true,
      rating: { select: { id: true, labelEn: true, labelId: true, value: true, colour: true } },
      proposedBy: { select: { id: true, name: true } },
      decidedBy: { select: { id: true, name: true } },
    },
  });
  const hidden = (row: (typeof rows)[number]) => !seesLaneItem(viewer, access, { blind: row.blind, authorId: row.proposedBy.id });
  const current = rows.find((row) => !row.blind && row.status !== "SUPERSEDED") ?? null;
  const currentVisible = current && !hidden(current) ? current : null;
  const latestBlindOf = new Map<string, string>();
  for (const row of rows) if (row.blind && !latestBlindOf.has(row.proposedBy.id)) latestBlindOf.set(row.proposedBy.id, row.id);

  return rows.map((row) => {
    const withheld = hidden(row);
    const comparable = row.blind && !withheld && currentVisible !== null && latestBlindOf.get(row.proposedBy.id) === row.id;
    return {
      id: row.id,
      version: row.version,
      status: row.status,
      blind: row.blind,
      current: row.id === current?.id,
      hidden: withheld,
      rating: withheld ? null : row.rating,
      rationale: withheld ? null : row.rationale,
      rationaleHtml: withheld ? null : renderRationale(row.rationale),
      proposedBy: row.proposedBy,
      decidedBy: row.decidedBy,
      decisionNote: row.decisionNote,
      decidedAt: row.decidedAt,
      createdAt: row.createdAt,
      disagrees: comparable ? row.ratingId !== currentVisible.ratingId : null,
      checkedBefore: withheld ? null : checkedBeforeBasis(row.checkedBefore),
    };
  });
}

export type VerdictAbilities = { propose: boolean; proposeBlind: boolean; decide: boolean };

/** What the viewer may do about the claim's verdict now (the interface hides the rest; the server still guards). */
export async function verdictAbilities(viewer: Actor, claimId: string): Promise<VerdictAbilities> {
  const [claim, blindSetting, ownPrimary] = await Promise.all([
    prisma.claim.findFirst({
      where: { id: claimId, deletedAt: null },
      select: { status: true, assignments: { where: { endedAt: null }, take: 1, select: { reviewerId: true } } },
    }),
    blindReviewOn(prisma),
    prisma.verdict.findFirst({ where: { claimId, blind: false, proposedById: viewer.id, status: { not: "SUPERSEDED" } }, select: { id: true } }),
  ]);
  if (!claim) return { propose: false, proposeBlind: false, decide: false };
  const mayPropose = userCan(viewer, "propose:verdict:own");
  const decide = userCan(viewer, "approve:verdict:any");
  const assigned = claim.assignments[0]?.reviewerId === viewer.id;
  return {
    propose: mayPropose && (assigned || mayProposeOnAnyClaim(viewer)) && canMove(claim.status, "proposeVerdict"),
    proposeBlind: blindSetting && mayPropose && !decide && !assigned && !ownPrimary && openStatuses.includes(claim.status),
    decide,
  };
}

/** Everything the claim page's verdict section needs, in one call for its loader. */
export async function verdictSection(viewer: Actor, claimId: string, access: ClaimAccess) {
  const [verdicts, can, scale] = await Promise.all([listVerdicts(viewer, claimId, access), verdictAbilities(viewer, claimId), activeScale()]);
  return { verdicts, can, scale: scale?.labels ?? [] };
}
