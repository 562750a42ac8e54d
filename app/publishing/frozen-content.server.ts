// The frozen content of a version (PublishedContent): what the desk has settled on an article, read once at
// publication or correction and never again — later work on the desk changes nothing a reader sees.
import { claimantKinds, claimStatementFields } from "~/claims/claims.server";
import { sourceCitationFields } from "~/sources/sources.server";
import type { Prisma } from "~/generated/prisma/client";
import { checkedBeforeBasis } from "~/review/checked-before-basis";
import { assignAnchors, type PublishedClaim, type PublishedContent } from "./content";
import { settledStatuses } from "~/auth/claim-access";

type Tx = Prisma.TransactionClient;

/** The claim editor stores one of claimantKinds or nothing. */
function claimantKind(kind: string | null): PublishedClaim["claimantKind"] {
  return claimantKinds.find((known) => known === kind) ?? null;
}

/** Freezes the desk's settled claims into what the page will show. */
export async function freezeContent(tx: Tx, articleId: string, previousAnchors: Map<string, string>): Promise<PublishedContent> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { title: true, outlet: true, author: true, publishedAt: true, originalUrl: true, canonicalUrl: true, language: true },
  });
  const claims = await tx.claim.findMany({
    where: { articleId, deletedAt: null, status: { in: [...settledStatuses] } },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    select: {
      id: true,
      ...claimStatementFields,
      notCheckableReason: true,
      verdicts: {
        where: { status: "APPROVED" },
        orderBy: { version: "desc" },
        take: 1,
        select: {
          rationale: true,
          checkedBefore: true,
          rating: { select: { value: true, labelEn: true, labelId: true, colour: true } },
          proposedBy: { select: { name: true } },
          decidedBy: { select: { name: true } },
        },
      },
      sources: {
        where: { deletedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          ...sourceCitationFields,
          snapshots: {
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: 1,
            select: { id: true, status: true, fetchedAt: true, sha256: true },
          },
        },
      },
    },
  });
  const scale = await tx.ratingScale.findFirst({
    where: { active: true },
    select: { labels: { orderBy: { value: "asc" }, select: { value: true, labelEn: true, labelId: true, colour: true } } },
  });
  const labels = scale?.labels ?? [];
  // A rating given on an earlier scale still has to sit inside best/worst.
  const values = [
    ...labels.map((label) => label.value),
    ...claims.flatMap((claim) => claim.verdicts.map((verdict) => verdict.rating.value)),
  ];
  const anchors = assignAnchors(
    claims.map((claim) => claim.id),
    previousAnchors,
  );
  return {
    article: {
      title: article.title,
      outlet: article.outlet,
      author: article.author,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      url: article.canonicalUrl ?? article.originalUrl,
      language: article.language,
    },
    scale: { best: Math.max(...values), worst: Math.min(...values), labels },
    claims: claims.map((claim): PublishedClaim => {
      const verdict = claim.status === "APPROVED" ? claim.verdicts[0] : undefined;
      return {
        claimId: claim.id,
        anchor: anchors.get(claim.id)!,
        quote: claim.quote,
        wording: claim.wording,
        claimant: claim.claimant,
        claimantKind: claimantKind(claim.claimantKind),
        claimDate: claim.claimDate?.toISOString() ?? null,
        appearance: claim.appearance,
        outcome: verdict ? "rated" : "notCheckable",
        rating: verdict ? verdict.rating : null,
        rationale: verdict?.rationale ?? null,
        notCheckableReason: verdict ? null : claim.notCheckableReason,
        sources: claim.sources.map((source) => {
          const snapshot = source.snapshots[0];
          return {
            sourceId: source.id,
            url: source.url,
            title: source.title,
            publisher: source.publisher,
            kind: source.kind,
            stance: source.stance,
            archive: snapshot
              ? {
                  snapshotId: snapshot.id,
                  status: snapshot.status,
                  archivedAt: snapshot.status === "ARCHIVED" ? (snapshot.fetchedAt?.toISOString() ?? null) : null,
                  sha256: snapshot.sha256,
                }
              : null,
          };
        }),
        reviewedBy: verdict?.proposedBy.name ?? null,
        approvedBy: verdict?.decidedBy?.name ?? null,
        checkedBefore: verdict ? checkedBeforeBasis(verdict.checkedBefore) : null,
      };
    }),
  };
}
