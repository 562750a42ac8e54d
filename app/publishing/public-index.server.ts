// The public index of published fact-checks: newest first, a page at a time (keyset cursor, both ways),
// optionally narrowed by a full-text search in each fact-check's own language (PostgreSQL's indonesian or
// english stemming, plain words otherwise) over the search vector written at publication.
import { prisma } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { PublishedContent, PublishedRating } from "./content";
import type { EditorialText } from "./editorial-text";
import { isUuid } from "~/utils/input";

/** Longest search accepted; anything longer is cut (a search box, not a document). */
export const searchMaxLength = 200;
export const indexPageSize = 20;

export type VerdictCount = PublishedRating & { count: number };

export type FactCheckListItem = {
  slug: string;
  headline: string;
  summary: string;
  language: string;
  firstPublishedAt: Date;
  lastPublishedAt: Date;
  currentVersion: number;
  /** Claims in the current version, rated or not checkable. */
  claims: number;
  /** Rated claims per rating label, from the worst rating to the best. */
  verdicts: VerdictCount[];
};

export type FactCheckPage = {
  items: FactCheckListItem[];
  /** Cursor of the page before this one (newer fact-checks), when there is one. */
  newer: string | null;
  /** Cursor of the page after this one (older fact-checks), when there is one. */
  older: string | null;
};

type Direction = "older" | "newer";
type Cursor = { direction: Direction; at: Date; id: string };


/** A page boundary: fact-checks older (or newer) than this one, in publication order. */
export function encodeIndexCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.direction === "older" ? "o" : "n"}|${cursor.at.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeIndexCursor(value: string | null | undefined): Cursor | null {
  if (!value || value.length > 200) return null;
  const [direction, iso, id] = Buffer.from(value, "base64url").toString().split("|");
  const at = new Date(iso ?? "");
  if ((direction !== "o" && direction !== "n") || Number.isNaN(at.getTime()) || !id || !isUuid(id)) return null;
  return { direction: direction === "o" ? "older" : "newer", at, id };
}

/** The search as typed, tidied: control characters dropped (PostgreSQL refuses NUL), whitespace collapsed, cut to `searchMaxLength`; null when blank. */
export function searchText(q: string | null | undefined): string | null {
  const text = (q ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, searchMaxLength)
    .trim();
  return text || null;
}

/** Each row matches in its own language: websearch syntax (quotes, OR, -word) never raises an error. */
function searchCondition(q: string | null) {
  if (!q) return Prisma.empty;
  return Prisma.sql`AND (
    (f.language = 'id' AND f."searchVector" @@ websearch_to_tsquery('indonesian', ${q}))
    OR (f.language = 'en' AND f."searchVector" @@ websearch_to_tsquery('english', ${q}))
    OR (f.language NOT IN ('id', 'en') AND f."searchVector" @@ websearch_to_tsquery('simple', ${q}))
  )`;
}

/** A row as the index query answers it: the list item's own fields, its claim count and ratings still raw. */
type Row = Omit<FactCheckListItem, "claims" | "verdicts"> & { id: string; claims: number | null; ratings: unknown };

function isRating(value: unknown): value is PublishedRating {
  if (!value || typeof value !== "object") return false;
  const rating = value as Record<string, unknown>;
  return (
    typeof rating.value === "number" &&
    typeof rating.labelEn === "string" &&
    typeof rating.labelId === "string" &&
    typeof rating.colour === "string"
  );
}

function verdictCounts(ratings: unknown): VerdictCount[] {
  const counts = new Map<string, VerdictCount>();
  for (const rating of Array.isArray(ratings) ? ratings : []) {
    if (!isRating(rating)) continue;
    const key = `${rating.value}|${rating.labelEn}`;
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { value: rating.value, labelEn: rating.labelEn, labelId: rating.labelId, colour: rating.colour, count: 1 });
  }
  return [...counts.values()].sort((a, b) => a.value - b.value);
}

/**
 * Published fact-checks, newest first (first publication, then id), `limit` at a time. The cursor is a
 * page boundary from an earlier answer (`older` or `newer`), so a page is an index range, and a fact-check
 * published meanwhile neither shifts nor repeats the pages after it. Withdrawn ones never appear.
 */
export async function listPublishedFactChecks(
  query: { q?: string | null; cursor?: string | null; limit?: number } = {},
): Promise<FactCheckPage> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? indexPageSize), 1), 100);
  const q = searchText(query.q);
  const cursor = decodeIndexCursor(query.cursor);
  const newerPage = cursor?.direction === "newer";
  // Times are stored as UTC wall-clock timestamps (Prisma's way): the boundary is turned into one explicitly,
  // whatever the session's time zone.
  const at = cursor ? Prisma.sql`(${cursor.at.toISOString()}::timestamptz AT TIME ZONE 'UTC')` : Prisma.empty;
  const keyset = !cursor
    ? Prisma.empty
    : newerPage
      ? Prisma.sql`AND (f."firstPublishedAt", f.id) > (${at}, ${cursor.id}::uuid)`
      : Prisma.sql`AND (f."firstPublishedAt", f.id) < (${at}, ${cursor.id}::uuid)`;
  // Going back to newer fact-checks reads upwards from the boundary (the answer is newest first either way).
  const order = newerPage ? Prisma.sql`f."firstPublishedAt" ASC, f.id ASC` : Prisma.sql`f."firstPublishedAt" DESC, f.id DESC`;
  // The page is chosen first; only its rows have their current version's claims read.
  const rows = await prisma.$queryRaw<Row[]>`
    WITH page AS (
      SELECT f.id, f.slug, f.headline, f.summary, f.language, f."firstPublishedAt", f."lastPublishedAt", f."currentVersion"
      FROM "FactCheck" f
      WHERE f.status = 'PUBLISHED' ${searchCondition(q)} ${keyset}
      ORDER BY ${order}
      LIMIT ${limit + 1}
    )
    SELECT page.*, s.claims, s.ratings
    FROM page
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS claims,
             coalesce(jsonb_agg(c.claim -> 'rating') FILTER (WHERE c.claim ->> 'outcome' = 'rated'), '[]'::jsonb) AS ratings
      FROM "FactCheckVersion" v
      CROSS JOIN LATERAL jsonb_array_elements(v.content -> 'claims') AS c(claim)
      WHERE v."factCheckId" = page.id AND v.version = page."currentVersion"
    ) s ON true
    ORDER BY page."firstPublishedAt" DESC, page.id DESC`;
  const more = rows.length > limit;
  // The extra row found "more" on the far side of the page: the oldest when reading down, the newest when reading up.
  const page = newerPage ? rows.slice(more ? 1 : 0) : rows.slice(0, limit);
  const first = page[0];
  const last = page.at(-1);
  const boundary = (direction: Direction, row: Row) => encodeIndexCursor({ direction, at: row.firstPublishedAt, id: row.id });
  return {
    items: page.map((row) => ({
      slug: row.slug,
      headline: row.headline,
      summary: row.summary,
      language: row.language,
      firstPublishedAt: row.firstPublishedAt,
      lastPublishedAt: row.lastPublishedAt,
      currentVersion: row.currentVersion,
      claims: row.claims ?? 0,
      verdicts: verdictCounts(row.ratings),
    })),
    // Reading down, there is something newer whenever we came from a boundary; reading up, something older.
    newer: first && (newerPage ? more : cursor !== null) ? boundary("newer", first) : null,
    older: last && (newerPage ? true : more) ? boundary("older", last) : null,
  };
}

function searchConfig(language: string) {
  return language === "id" ? "indonesian" : language === "en" ? "english" : "simple";
}

/** Writes the current version's search vector (headline A, summary B, claims C) in the page's language. */
export async function indexForSearch(tx: Prisma.TransactionClient, factCheckId: string, language: string, text: EditorialText, content: PublishedContent) {
  const claims = content.claims.map((claim) => `${claim.wording} ${claim.claimant ?? ""}`).join("\n");
  const config = searchConfig(language);
  await tx.$executeRaw`
    UPDATE "FactCheck" SET "searchVector" =
      setweight(to_tsvector(${config}::regconfig, ${text.headline}), 'A') ||
      setweight(to_tsvector(${config}::regconfig, ${text.summary}), 'B') ||
      setweight(to_tsvector(${config}::regconfig, ${claims}), 'C')
    WHERE id = ${factCheckId}::uuid`;
}
