// What readers get at /fact-checks/<slug>: the current version (or an earlier one), 410 with the reason
// once withdrawn, the archive copies of its sources, and the fingerprint the public page cache re-checks.
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { type PublishedArchive, type PublishedContent, publishingLimits } from "./content";
import { slugPattern } from "./slug";
import { isUuid } from "~/utils/input";

type Tx = Prisma.TransactionClient;

export type PublicVersion = {
  version: number;
  headline: string;
  summary: string;
  methodology: string;
  correctionNote: string | null;
  content: PublishedContent;
  publishedAt: Date;
};

export type PublicFactCheck =
  | { kind: "missing" }
  | { kind: "gone"; slug: string; headline: string; language: string; withdrawnAt: Date; reason: string }
  | PublishedFactCheck;

export type PublishedFactCheck = {
  kind: "published";
  slug: string;
  language: string;
  currentVersion: number;
  firstPublishedAt: Date;
  lastPublishedAt: Date;
  /** The version asked for (the current one by default). */
  version: PublicVersion;
  /** Every correction: version, date and note, oldest first. */
  corrections: { version: number; publishedAt: Date; note: string }[];
};

/**
 * What a reader may see at /fact-checks/<slug> (or /fact-checks/<slug>/v/<n>); `db` is a transaction for a
 * dry run's page (draftPublication, draftCorrection).
 */
export async function publicFactCheck(slug: string, versionNumber?: number, db: Tx = prisma): Promise<PublicFactCheck> {
  if (!slugPattern.test(slug) || slug.length > publishingLimits.slug) return { kind: "missing" };
  const factCheck = await db.factCheck.findUnique({
    where: { slug },
    select: {
      slug: true,
      status: true,
      language: true,
      headline: true,
      currentVersion: true,
      firstPublishedAt: true,
      lastPublishedAt: true,
      withdrawnAt: true,
      withdrawalReason: true,
      versions: { orderBy: { version: "asc" }, select: { version: true, publishedAt: true, correctionNote: true } },
    },
  });
  if (!factCheck) return { kind: "missing" };
  if (factCheck.status === "WITHDRAWN") {
    return {
      kind: "gone",
      slug,
      headline: factCheck.headline,
      language: factCheck.language,
      withdrawnAt: factCheck.withdrawnAt ?? factCheck.lastPublishedAt,
      reason: factCheck.withdrawalReason ?? "",
    };
  }
  const wanted = versionNumber ?? factCheck.currentVersion;
  if (!factCheck.versions.some((version) => version.version === wanted)) return { kind: "missing" };
  const version = await db.factCheckVersion.findFirstOrThrow({
    where: { factCheck: { slug }, version: wanted },
    select: { version: true, headline: true, summary: true, methodology: true, correctionNote: true, content: true, publishedAt: true },
  });
  const content = version.content as unknown as PublishedContent;
  return {
    kind: "published",
    slug,
    language: factCheck.language,
    currentVersion: factCheck.currentVersion,
    firstPublishedAt: factCheck.firstPublishedAt,
    lastPublishedAt: factCheck.lastPublishedAt,
    version: { ...version, content: await withLatestArchives(content, db) },
    corrections: factCheck.versions
      .filter((row) => row.correctionNote)
      .map((row) => ({ version: row.version, publishedAt: row.publishedAt, note: row.correctionNote! })),
  };
}

/**
 * Archiving runs in the background and may finish after publication: readers see each source's latest
 * archive copy (or, without one, its latest attempt) rather than the state frozen when the page was published.
 */
async function withLatestArchives(content: PublishedContent, db: Tx): Promise<PublishedContent> {
  const sourceIds = content.claims.flatMap((claim) => claim.sources.map((source) => source.sourceId)).filter(Boolean);
  if (!sourceIds.length) return content;
  const snapshots = await db.sourceSnapshot.findMany({
    where: { sourceId: { in: sourceIds } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, sourceId: true, status: true, fetchedAt: true, sha256: true },
  });
  const latest = new Map<string, PublishedArchive>();
  for (const snapshot of snapshots) {
    const known = latest.get(snapshot.sourceId);
    if (known?.status === "ARCHIVED") continue;
    if (known && snapshot.status !== "ARCHIVED") continue;
    latest.set(snapshot.sourceId, {
      snapshotId: snapshot.id,
      status: snapshot.status,
      archivedAt: snapshot.status === "ARCHIVED" ? (snapshot.fetchedAt?.toISOString() ?? null) : null,
      sha256: snapshot.sha256,
    });
  }
  return {
    ...content,
    claims: content.claims.map((claim) => ({
      ...claim,
      sources: claim.sources.map((source) => ({ ...source, archive: latest.get(source.sourceId) ?? source.archive })),
    })),
  };
}

/**
 * A cheap fingerprint of what /fact-checks/<slug> shows: it changes with every publication, correction and
 * withdrawal, and when an archive copy of one of its sources is taken or fails.
 */
export async function factCheckStamp(slug: string): Promise<string> {
  const rows = await prisma.$queryRaw<{ status: string; currentVersion: number; archived: bigint; failed: bigint }[]>`
    SELECT f.status::text AS status, f."currentVersion",
      count(ss.id) FILTER (WHERE ss.status = 'ARCHIVED') AS archived,
      count(ss.id) FILTER (WHERE ss.status = 'FAILED') AS failed
    FROM "FactCheck" f
    LEFT JOIN "Claim" c ON c."articleId" = f."articleId"
    LEFT JOIN "Source" s ON s."claimId" = c.id
    LEFT JOIN "SourceSnapshot" ss ON ss."sourceId" = s.id
    WHERE f.slug = ${slug}
    GROUP BY f.id`;
  const row = rows[0];
  return row ? `${row.status}:${row.currentVersion}:${row.archived}:${row.failed}` : "missing";
}

/** The text of a source's archive copy, for readers — only when a published version of this fact-check cites it. */
export async function publicArchiveCopy(slug: string, snapshotId: string) {
  if (!slugPattern.test(slug) || !isUuid(snapshotId)) return null;
  const cited = { claims: [{ sources: [{ archive: { snapshotId } }] }] };
  const rows = await prisma.$queryRaw<{ headline: string; language: string }[]>`
    SELECT f.headline, f.language FROM "FactCheck" f
    WHERE f.slug = ${slug} AND f.status = 'PUBLISHED'
      AND EXISTS (SELECT 1 FROM "FactCheckVersion" v WHERE v."factCheckId" = f.id AND v.content @> ${JSON.stringify(cited)}::jsonb)`;
  const factCheck = rows[0];
  if (!factCheck) return null;
  const snapshot = await prisma.sourceSnapshot.findFirst({
    where: { id: snapshotId, status: "ARCHIVED" },
    select: { text: true, sha256: true, fetchedAt: true, finalUrl: true, source: { select: { url: true } } },
  });
  if (!snapshot?.fetchedAt) return null;
  return { ...factCheck, url: snapshot.source.url, archivedAt: snapshot.fetchedAt, sha256: snapshot.sha256, text: snapshot.text };
}