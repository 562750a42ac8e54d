// Reads, in one query, what the claim-access rule (./claim-access.ts) needs about a claim and a viewer,
// and answers with the claim and the viewer's access — null when the claim does not exist, is deleted,
// or the viewer may not read it.
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { ClaimStatus } from "~/generated/prisma/enums";
import type { Actor } from "~/auth/actor";
import { type ClaimAccess, claimAccessFor } from "./claim-access";
import { isUuid } from "~/utils/input";

type Db = Prisma.TransactionClient | typeof prisma;


export type AccessibleClaim = { id: string; articleId: string; status: ClaimStatus; assigneeId: string | null };

type Row = {
  id: string;
  articleId: string;
  status: ClaimStatus;
  assigneeId: string | null;
  blindSecondReview: boolean;
  tookPartBlind: boolean;
};

/** The claim and what the viewer may do with it, or null when they may not read it (or it does not exist). */
export async function claimAccess(viewer: Actor, claimId: string, db: Db = prisma): Promise<{ claim: AccessibleClaim; access: ClaimAccess } | null> {
  const found = await claimWithAccess(viewer, claimId, db);
  return found?.access ? { claim: found.claim, access: found.access } : null;
}

/** The claim (null when it does not exist or is deleted) and the viewer's access to it (null when they may not read it). */
export async function claimWithAccess(viewer: Actor, claimId: string, db: Db = prisma): Promise<{ claim: AccessibleClaim; access: ClaimAccess | null } | null> {
  if (!isUuid(claimId)) return null;
  const rows = await db.$queryRaw<Row[]>`
    SELECT c.id::text AS id,
           c."articleId"::text AS "articleId",
           c.status::text AS status,
           (SELECT a."reviewerId"::text FROM "Assignment" a WHERE a."claimId" = c.id AND a."endedAt" IS NULL LIMIT 1) AS "assigneeId",
           COALESCE((SELECT s."blindSecondReview" FROM "NewsroomSettings" s WHERE s.id = 1), false) AS "blindSecondReview",
           (EXISTS (SELECT 1 FROM "Verdict" v WHERE v."claimId" = c.id AND v.blind AND v."proposedById" = ${viewer.id}::uuid)
             OR EXISTS (SELECT 1 FROM "Comment" m WHERE m."claimId" = c.id AND m.blind AND m."authorId" = ${viewer.id}::uuid)
             OR EXISTS (SELECT 1 FROM "Source" o WHERE o."claimId" = c.id AND o.blind AND o."addedById" = ${viewer.id}::uuid)) AS "tookPartBlind"
      FROM "Claim" c
     WHERE c.id = ${claimId}::uuid AND c."deletedAt" IS NULL`;
  const row = rows[0];
  if (!row) return null;
  const access = claimAccessFor(viewer, row);
  return { claim: { id: row.id, articleId: row.articleId, status: row.status, assigneeId: row.assigneeId }, access };
}

/** Of `claimIds`, the ones the viewer may read (for live topics). */
export async function readableClaimIds(viewer: Actor, claimIds: readonly string[]): Promise<Set<string>> {
  const found = await Promise.all(claimIds.map((id) => claimAccess(viewer, id)));
  return new Set(found.flatMap((entry) => (entry ? [entry.claim.id] : [])));
}

/** Prisma `where` for the lane items (comments, sources, verdicts) the viewer sees; `author` names the author column. */
export function laneFilter<Field extends string>(viewer: { id: string }, access: ClaimAccess, author: Field) {
  if (access.seesAll) return {};
  if (access.role === "blind") return { blind: true, [author]: viewer.id } as { blind: true } & Record<Field, string>;
  return { blind: false };
}
