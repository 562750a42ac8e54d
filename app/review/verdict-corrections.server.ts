// Verdicts corrected by a published fact-check's correction (app/publishing/correction.server.ts): an
// editorial act, so the four-eyes rule does not apply; the public note and the audit log are its safeguard.
import { recordAudit } from "~/audit/audit.server";
import type { Actor } from "~/auth/actor";
import { userCan } from "~/auth/permissions";
import type { Prisma } from "~/generated/prisma/client";
import { rationaleMaxLength } from "./verdict-form";

type Tx = Prisma.TransactionClient;

export type VerdictCorrection = { claimId: string; ratingId: string; rationale: string };

export type VerdictCorrectionRefusal = "notAllowed" | "notFound" | "claimNotRated" | "badRating" | "badRationale";

export class VerdictCorrectionRefused extends Error {
  constructor(
    readonly reason: VerdictCorrectionRefusal,
    readonly field?: string,
  ) {
    super(`verdict correction refused: ${reason}`);
  }
}

/**
 * Each changed verdict becomes a new APPROVED version decided by the correcting editor (the correction
 * note is its decision note); the approved one it replaces is SUPERSEDED. Unchanged ones are left alone.
 */
export async function correctVerdicts(
  tx: Tx,
  actor: Actor,
  articleId: string,
  changes: VerdictCorrection[],
  note: string,
) {
  if (!changes.length) return [];
  if (!userCan(actor, "approve:verdict:any")) throw new VerdictCorrectionRefused("notAllowed");
  const scale = await tx.ratingScale.findFirst({ where: { active: true }, select: { labels: { select: { id: true } } } });
  const labelIds = new Set(scale?.labels.map((label) => label.id) ?? []);
  const done: { claimId: string; from: string; to: string }[] = [];
  for (const change of changes) {
    const rationale = change.rationale.replace(/\r\n?/g, "\n").trim();
    if (!rationale || rationale.length > rationaleMaxLength)
      throw new VerdictCorrectionRefused("badRationale", `rationale-${change.claimId}`);
    const claim = await tx.claim.findFirst({
      where: { id: change.claimId, articleId, deletedAt: null },
      select: {
        id: true,
        status: true,
        verdicts: {
          orderBy: { version: "desc" },
          select: {
            id: true,
            version: true,
            status: true,
            ratingId: true,
            rationale: true,
            rating: { select: { labelEn: true, value: true } },
          },
        },
      },
    });
    if (!claim) throw new VerdictCorrectionRefused("notFound");
    const approved = claim.verdicts.find((verdict) => verdict.status === "APPROVED");
    if (claim.status !== "APPROVED" || !approved) throw new VerdictCorrectionRefused("claimNotRated", `rating-${change.claimId}`);
    if (approved.ratingId === change.ratingId && approved.rationale.trim() === rationale) continue;
    if (!labelIds.has(change.ratingId)) throw new VerdictCorrectionRefused("badRating", `rating-${change.claimId}`);
    const now = new Date();
    await tx.verdict.update({ where: { id: approved.id }, data: { status: "SUPERSEDED" } });
    const created = await tx.verdict.create({
      data: {
        claimId: claim.id,
        version: (claim.verdicts[0]?.version ?? 0) + 1,
        ratingId: change.ratingId,
        rationale,
        status: "APPROVED",
        proposedById: actor.id,
        decidedById: actor.id,
        decidedAt: now,
        decisionNote: note,
      },
      select: { version: true, rating: { select: { labelEn: true, value: true } } },
    });
    await tx.claim.update({ where: { id: claim.id }, data: { version: { increment: 1 } } });
    const from = `${approved.rating.labelEn} (${approved.rating.value})`;
    const to = `${created.rating.labelEn} (${created.rating.value})`;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "verdict.correct",
      entityType: "Claim",
      entityId: claim.id,
      before: { verdict: approved.version, verdictStatus: "APPROVED", rating: from },
      after: { verdict: created.version, verdictStatus: "APPROVED", rating: to, correctionNote: note },
    });
    done.push({ claimId: claim.id, from, to });
  }
  return done;
}
