// Articles on the desk: imported once (a second import of the same URL or text finds the first),
// stored as plain paragraphs, with claim suggestions computed at import.
import { recordAudit } from "~/audit/audit.server";
import { type Actor, assertPermitted } from "~/auth/actor";
import { userCan } from "~/auth/permissions";
import { suggestClaims } from "~/claims/suggest";
import { claimFields } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { Prisma, type ArticleStatus } from "~/generated/prisma/client";
import type { ArticleDraft } from "./import/draft";
import { bodyHash } from "./text";
import { isUuid } from "~/utils/input";

export type ImportOutcome = { created: true; articleId: string } | { created: false; articleId: string; title: string };

/** Finds an article already on the desk with the same text or the same address. */
export async function findDuplicate(draft: Pick<ArticleDraft, "body" | "originalUrl" | "canonicalUrl">) {
  const urls = [draft.canonicalUrl, draft.originalUrl].filter((u): u is string => Boolean(u));
  return prisma.article.findFirst({
    where: {
      OR: [
        { bodyHash: bodyHash(draft.body) },
        ...(urls.length ? [{ canonicalUrl: { in: urls } }, { originalUrl: { in: urls } }] : []),
      ],
    },
    select: { id: true, title: true },
  });
}

export async function importArticle(actor: Actor, draft: ArticleDraft): Promise<ImportOutcome> {
  assertPermitted(actor, "create:article:any");
  const existing = await findDuplicate(draft);
  if (existing) return { created: false, articleId: existing.id, title: existing.title };
  const language = draft.language === "und" ? undefined : draft.language;
  const suggestions = suggestClaims(draft.body, { language: language ?? "auto" });
  try {
    const article = await prisma.$transaction(async (tx) => {
      const created = await tx.article.create({
        data: {
          title: draft.title,
          body: draft.body,
          bodyHash: bodyHash(draft.body),
          language: draft.language,
          outlet: draft.outlet,
          author: draft.author,
          publishedAt: draft.publishedAt,
          originalUrl: draft.originalUrl,
          canonicalUrl: draft.canonicalUrl,
          importMethod: draft.method,
          importedById: actor.id,
        },
        select: { id: true },
      });
      await tx.claimSuggestion.createMany({
        data: suggestions.map((s) => ({ articleId: created.id, start: s.start, end: s.end, score: s.score, reasons: s.reasons, kind: s.kind })),
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "article.import",
        entityType: "Article",
        entityId: created.id,
        after: { title: draft.title, method: draft.method, originalUrl: draft.originalUrl, suggestions: suggestions.length },
      });
      return created;
    });
    return { created: true, articleId: article.id };
  } catch (error) {
    // Two people importing the same text at the same moment: the unique body hash lets one win.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findDuplicate(draft);
      if (winner) return { created: false, articleId: winner.id, title: winner.title };
    }
    throw error;
  }
}

// ───────────── The article list: filters and keyset pagination ─────────────

export type ArticleListQuery = { q?: string; status?: ArticleStatus; language?: string; cursor?: string | null; limit?: number };

type Cursor = { createdAt: Date; id: string };

export function encodeCursor(cursor: Cursor) {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  const [iso, id] = Buffer.from(value, "base64url").toString().split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || !isUuid(id)) return null;
  return { createdAt, id };
}

/** Who may see which articles: editors and admins all of them, reviewers those with claims assigned to them. */
function visibleTo(viewer: Actor): Prisma.ArticleWhereInput {
  if (userCan(viewer, "read:article:any")) return {};
  return { claims: { some: { deletedAt: null, assignments: { some: { reviewerId: viewer.id, endedAt: null } } } } };
}

export function canReadArticle(viewer: Actor) {
  return userCan(viewer, "read:article:own");
}

/** Newest first, `limit` at a time; the cursor is the last row's (createdAt, id), so every page is an index range scan. */
export async function listArticles(viewer: Actor, query: ArticleListQuery) {
  const limit = Math.min(Math.max(query.limit ?? 25, 1), 100);
  const cursor = decodeCursor(query.cursor);
  const where: Prisma.ArticleWhereInput = {
    AND: [
      visibleTo(viewer),
      query.q ? { title: { contains: query.q, mode: "insensitive" } } : {},
      query.status ? { status: query.status } : {},
      query.language ? { language: query.language } : {},
      // (createdAt, id) < cursor, written so the index on (createdAt, id) gets a range to scan.
      cursor
        ? { createdAt: { lte: cursor.createdAt }, OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] }
        : {},
    ],
  };
  const rows = await prisma.article.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      title: true,
      outlet: true,
      language: true,
      status: true,
      createdAt: true,
      importedBy: { select: { name: true } },
      _count: { select: { claims: { where: { deletedAt: null } }, suggestions: { where: { acceptedAt: null, dismissedAt: null } } } },
      claims: {
        where: { deletedAt: null, assignments: { some: { endedAt: null } } },
        select: { assignments: { where: { endedAt: null }, select: { reviewer: { select: { name: true } } } } },
      },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    articles: page.map(({ claims, _count, importedBy, ...article }) => ({
      ...article,
      claimCount: _count.claims,
      openSuggestions: _count.suggestions,
      importedBy: importedBy.name,
      reviewers: [...new Set(claims.flatMap((c) => c.assignments.map((a) => a.reviewer.name)))].sort(),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

// ───────────── One article with its claims ─────────────

/** The article's id and title if the viewer may see it (no text, no claims). */
export function readableArticle(viewer: Actor, articleId: string) {
  if (!isUuid(articleId)) return null;
  return prisma.article.findFirst({ where: { AND: [{ id: articleId }, visibleTo(viewer)] }, select: { id: true, title: true } });
}

export async function getArticleWorkspace(viewer: Actor, articleId: string) {
  if (!isUuid(articleId)) return null;
  return prisma.article.findFirst({
    where: { AND: [{ id: articleId }, visibleTo(viewer)] },
    select: {
      id: true,
      title: true,
      body: true,
      language: true,
      outlet: true,
      author: true,
      publishedAt: true,
      originalUrl: true,
      canonicalUrl: true,
      status: true,
      version: true,
      createdAt: true,
      claims: { where: { deletedAt: null }, orderBy: [{ start: "asc" }, { end: "desc" }], select: claimFields },
      suggestions: {
        where: { acceptedAt: null, dismissedAt: null },
        orderBy: [{ start: "asc" }, { end: "desc" }],
        select: { id: true, start: true, end: true, score: true, reasons: true, kind: true },
      },
    },
  });
}

export async function setArticleLanguage(actor: Actor, articleId: string, language: "id" | "en" | "und") {
  assertPermitted(actor, "update:claim:any");
  await prisma.$transaction(async (tx) => {
    const before = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { language: true } });
    await tx.article.update({ where: { id: articleId }, data: { language, version: { increment: 1 } } });
    await recordAudit(tx, { actorId: actor.id, action: "article.language", entityType: "Article", entityId: articleId, before, after: { language } });
  });
}
