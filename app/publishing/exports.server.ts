// Editors' downloads of an article's fact-check: the current version's claims as a spreadsheet (CSV), and
// the whole record as JSON (every version's date and correction note, the frozen content, the ClaimReviews).
// The routes check the permission; these only read.
import { type Language, translator } from "~/i18n/i18n";
import { getNewsroom } from "~/newsroom/settings.server";
import type { JsonLdNode } from "./claim-review-markup";
import { claimReviewsOf } from "./published-claim-reviews.server";
import type { PublishedClaim } from "./content";
import { csvDocument } from "./csv";
import { deskFactCheck } from "./desk-fact-check.server";
import { factCheckPath, publicBaseUrl } from "./public-url.server";
import { isUuid } from "~/utils/input";

export type ExportFile = { filename: string; body: string };

/** The article's fact-check (published or since withdrawn) with its current version, or null. */
async function exportable(articleId: string, origin: string) {
  if (!isUuid(articleId)) return null;
  const factCheck = await deskFactCheck(articleId);
  if (!factCheck) return null;
  const newsroom = await getNewsroom();
  const base = publicBaseUrl(newsroom, origin);
  const url = `${base}${factCheckPath(factCheck.slug)}`;
  return { factCheck, current: { ...factCheck.current, version: factCheck.currentVersion }, newsroom, base, url };
}

/** The columns of the CSV export, one row per claim of the current version (headers in the editor's language). */
export const csvColumns = [
  "anchor",
  "quote",
  "wording",
  "claimant",
  "claimDate",
  "appearance",
  "outcome",
  "ratingValue",
  "ratingLabelEn",
  "ratingLabelId",
  "rationale",
  "notCheckableReason",
  "sources",
  "archivedCopies",
  "reviewedBy",
  "approvedBy",
  "url",
] as const;

export function csvHeader(language: Language): string[] {
  const t = translator(language);
  return csvColumns.map((column) => t(`factCheckExport.${column}`));
}

/** Per source, in the order of "Sources": when its archive copy was taken, or what became of it. */
function archiveCell(source: PublishedClaim["sources"][number]) {
  if (!source.archive) return "none";
  if (source.archive.status === "ARCHIVED") return source.archive.archivedAt ?? "archived";
  return source.archive.status.toLowerCase();
}

function claimRow(claim: PublishedClaim, url: string) {
  return [
    claim.anchor,
    claim.quote,
    claim.wording,
    claim.claimant,
    claim.claimDate,
    claim.appearance,
    claim.outcome,
    claim.rating?.value ?? null,
    claim.rating?.labelEn ?? null,
    claim.rating?.labelId ?? null,
    claim.rationale,
    claim.notCheckableReason,
    claim.sources.map((source) => source.url).join(" | "),
    claim.sources.map(archiveCell).join(" | "),
    claim.reviewedBy,
    claim.approvedBy,
    `${url}#${claim.anchor}`,
  ];
}

/**
 * `<slug>-v<version>.csv`: the current version's claims, or null when the article has no fact-check.
 * `origin`: where the request came to (the page addresses are built on publicBaseUrl).
 */
export async function factCheckCsv(articleId: string, language: Language, origin: string): Promise<ExportFile | null> {
  const found = await exportable(articleId, origin);
  if (!found) return null;
  const { factCheck, current, url } = found;
  return {
    filename: `${factCheck.slug}-v${current.version}.csv`,
    body: csvDocument(
      csvHeader(language),
      current.content.claims.map((claim) => claimRow(claim, url)),
    ),
  };
}

/** `<slug>-v<version>.json`: the fact-check as published, with its history and ClaimReviews; null when there is none. */
export async function factCheckJson(articleId: string, origin: string): Promise<ExportFile | null> {
  const found = await exportable(articleId, origin);
  if (!found) return null;
  const { factCheck, current, newsroom, base, url } = found;
  let claimReviews: JsonLdNode[] | null = null;
  let claimReviewError: string | undefined;
  try {
    claimReviews = claimReviewsOf({ ...factCheck, headline: current.headline }, current.content, newsroom, base);
  } catch (error) {
    // The record is still worth having; say why the markup is missing.
    claimReviewError = (error as Error).message;
  }
  const record = {
    slug: factCheck.slug,
    url,
    status: factCheck.status,
    version: current.version,
    // Oldest first, as a history reads.
    versions: [...factCheck.versions].reverse().map((version) => ({
      version: version.version,
      publishedAt: version.publishedAt.toISOString(),
      correctionNote: version.correctionNote,
    })),
    headline: current.headline,
    summary: current.summary,
    methodology: current.methodology,
    content: current.content,
    claimReviews,
    ...(claimReviewError ? { claimReviewError } : {}),
  };
  return { filename: `${factCheck.slug}-v${current.version}.json`, body: `${JSON.stringify(record, null, 2)}\n` };
}

/** Headers for a download: attachment with its file name, never cached outside the editor's browser. */
export function downloadHeaders(file: ExportFile, contentType: string): HeadersInit {
  return {
    "Content-Type": contentType,
    // Slugs are lower-case ASCII words and digits: the plain filename form is enough.
    "Content-Disposition": `attachment; filename="${file.filename}"`,
    "Cache-Control": "private, no-store",
  };
}
