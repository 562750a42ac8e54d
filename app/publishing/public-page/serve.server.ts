// Serving published fact-checks to readers: /fact-checks/<slug>, its earlier versions /fact-checks/<slug>/v/<n>
// and the archive copies of its sources /fact-checks/<slug>/archive/<snapshotId>.
//
// Readers arrive in spikes when a fact-check goes viral, so a page is rendered once — on its first request
// in each process — and then answered from memory, already compressed (gzip and brotli), with an ETag; a
// conditional GET answers 304. This runs in front of React Router and of the app's compression (it is
// mounted first in app/server/http.server.ts) and sends its own security headers: the page has no script,
// and its only style is allowed by hash.
//
// The page's absolute addresses (canonical link, ClaimReview url) are on publicBaseUrl, which — when neither
// the newsroom nor APP_URL sets one — is the origin the request came to; so a rendering is kept per origin
// (the cache key is the page's path and that origin) and one host's rendering is never served to another.
//
// The renderings are kept in a live cache (app/live/cache.server.ts): one is dropped at once when the
// fact-check is published, corrected or withdrawn (the live bus topic `factcheck:<slug>`, heard by every
// process) or when the newsroom's settings change (`fact-checks`); as a safety net it is re-checked against
// the database every `recheckMs`, and rendered again only if it changed.
import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import type { RequestHandler, Response } from "express";
import { translator } from "~/i18n/i18n";
import { liveCache } from "~/live/cache.server";
import { topic } from "~/live/topics";
import { getNewsroom, type Newsroom } from "~/newsroom/settings.server";
import { renderRationale } from "~/review/markdown.server";
import { serializeJsonLd } from "../claim-review-markup";
import { claimReviewsOf, newsroomLanguage } from "../published-claim-reviews.server";
import { pageLanguage } from "../content";
import { factCheckStamp, type PublishedFactCheck, publicArchiveCopy, publicFactCheck } from "../public-fact-check.server";
import type { FactCheckPageModel, PageNewsroom, RenderedPage } from "./model";
import { renderArchivePage, renderFactCheckPage, renderGonePage } from "./render";
import { expressRequestOrigin, factCheckPath, publicBaseUrl } from "../public-url.server";

const recheckMs = 30_000;
const maxEntries = 2_000;

/** Browsers and shared caches must revalidate each time (a 304 from memory): a correction shows at once. */
export const publicPageCacheControl = "public, no-cache";

type PagePath = { key: string; slug: string } & ({ kind: "page"; version?: number } | { kind: "archive"; snapshotId: string });

const pagePattern =
  /^\/fact-checks\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/v\/([1-9][0-9]{0,5})|\/archive\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))?\/?$/;

export function matchPublicPath(pathname: string): PagePath | null {
  const match = pagePattern.exec(pathname);
  if (!match) return null;
  const slug = match[1]!;
  if (match[3]) return { key: `/fact-checks/${slug}/archive/${match[3]}`, slug, kind: "archive", snapshotId: match[3] };
  if (match[2]) return { key: `/fact-checks/${slug}/v/${match[2]}`, slug, kind: "page", version: Number(match[2]) };
  return { key: `/fact-checks/${slug}`, slug, kind: "page" };
}

type Rendered = {
  status: 200 | 410;
  etag: string;
  headers: Record<string, string>;
  bodies: { identity: Buffer; gzip: Buffer; br: Buffer };
};

type Entry = { stamp: string; page: Rendered | null /* null: not ours, React Router answers 404 */ };

/** A page as requested on `origin`; kept under its path, then the origin after `@` (never in a path). */
type PageRequest = { path: PagePath; origin: string };

const pages = liveCache<PageRequest, Entry>({
  load: ({ path, origin }, known) => load(path, origin, known),
  topicsOf: ({ path }) => [topic.factCheck(path.slug), topic.factChecks],
  keyOf: ({ path, origin }) => `${path.key}@${origin}`,
  ttlMs: recheckMs,
  maxEntries,
});

function newsroomFingerprint(newsroom: Newsroom) {
  return `${newsroom.name}|${newsroom.publicUrl}|${newsroom.logoUrl}|${newsroom.defaultLanguage}|${newsroom.timeZone}|${newsroom.creditReviewers}`;
}

async function stampOf(path: PagePath) {
  const [stamp, newsroom] = await Promise.all([factCheckStamp(path.slug), getNewsroom()]);
  return { stamp: `${stamp}|${newsroomFingerprint(newsroom)}`, newsroom };
}

function pageNewsroom(newsroom: Newsroom): PageNewsroom {
  return {
    name: newsroom.name,
    url: newsroom.publicUrl,
    logoUrl: newsroom.logoUrl,
    creditReviewers: newsroom.creditReviewers,
    timeZone: newsroom.timeZone,
  };
}

function shellLanguage(language: string, newsroom: Newsroom) {
  return pageLanguage(language, newsroomLanguage(newsroom));
}

async function renderPath(path: PagePath, newsroom: Newsroom, origin: string): Promise<{ status: 200 | 410; page: RenderedPage; language: string } | null> {
  if (path.kind === "archive") {
    const copy = await publicArchiveCopy(path.slug, path.snapshotId);
    if (!copy) return null;
    const language = shellLanguage(copy.language, newsroom);
    const { language: _articleLanguage, ...archive } = copy;
    return {
      status: 200,
      language,
      page: renderArchivePage({ ...archive, language, t: translator(language), newsroom: pageNewsroom(newsroom), slug: path.slug }),
    };
  }
  const found = await publicFactCheck(path.slug, path.version);
  if (found.kind === "missing") return null;
  if (found.kind === "gone") {
    const language = shellLanguage(found.language, newsroom);
    return {
      status: 410,
      language,
      page: renderGonePage({
        language,
        t: translator(language),
        newsroom: pageNewsroom(newsroom),
        headline: found.headline,
        withdrawnAt: found.withdrawnAt,
        reason: found.reason,
      }),
    };
  }
  return { status: 200, ...renderPublishedPage(found, newsroom, origin) };
}

/**
 * A published version's page. Also the editors' preview (routes/articles.$articleId.fact-check.preview.ts):
 * the same rendering of what a publication or correction would write, with `preview` adding only a banner
 * outside the reader's content and `noindex`.
 */
export function renderPublishedPage(
  found: PublishedFactCheck,
  newsroom: Newsroom,
  origin: string,
  preview?: FactCheckPageModel["preview"],
): { page: RenderedPage; language: string } {
  const language = shellLanguage(found.language, newsroom);
  const base = publicBaseUrl(newsroom, origin);
  const canonicalUrl = base + factCheckPath(found.slug);
  const { version } = found;
  const isCurrent = version.version === found.currentVersion;
  const rationaleHtml = new Map(
    version.content.claims.map((claim) => [claim.claimId, claim.rationale ? renderRationale(claim.rationale) : ""]),
  );
  // ClaimReview markup on the current version only: an earlier version is not what the newsroom says now.
  const jsonLd = isCurrent
    ? serializeJsonLd(
        claimReviewsOf(
          {
            slug: found.slug,
            language: found.language,
            headline: version.headline,
            firstPublishedAt: found.firstPublishedAt,
            lastPublishedAt: found.lastPublishedAt,
          },
          version.content,
          newsroom,
          base,
        ),
      )
    : null;
  const page = renderFactCheckPage({
    language,
    t: translator(language),
    newsroom: pageNewsroom(newsroom),
    canonicalUrl,
    slug: found.slug,
    version,
    currentVersion: found.currentVersion,
    firstPublishedAt: found.firstPublishedAt,
    lastPublishedAt: found.lastPublishedAt,
    corrections: found.corrections,
    rationaleHtml,
    jsonLd,
    preview,
  });
  return { language, page };
}

function prepare(rendered: { status: 200 | 410; page: RenderedPage; language: string }): Rendered {
  const identity = Buffer.from(rendered.page.html, "utf8");
  const etag = `W/"${createHash("sha256").update(identity).digest("base64url").slice(0, 27)}"`;
  return {
    status: rendered.status,
    etag,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Language": rendered.language,
      "Cache-Control": publicPageCacheControl,
      ETag: etag,
      Vary: "Accept-Encoding",
      "Content-Security-Policy": rendered.page.contentSecurityPolicy,
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Strict-Transport-Security": "max-age=31536000",
    },
    bodies: {
      identity,
      gzip: gzipSync(identity, { level: 9 }),
      br: brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    },
  };
}

/** Renders the page, or keeps the `known` rendering when the fact-check and the newsroom are as they were. */
async function load(path: PagePath, origin: string, known?: Entry): Promise<Entry> {
  const { stamp, newsroom } = await stampOf(path);
  if (known && known.stamp === stamp) return known;
  const rendered = await renderPath(path, newsroom, origin);
  return { stamp, page: rendered ? prepare(rendered) : null };
}

const brotli = /\bbr\b(?!\s*;\s*q=0(?:\.0*)?\b)/;
const gzip = /\bgzip\b(?!\s*;\s*q=0(?:\.0*)?\b)/;

/** If-None-Match holds this ETag (weak comparison, as RFC 9110 says for If-None-Match). */
export function etagMatches(header: string | undefined, etag: string) {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === bare);
}

function send(method: string, headers: Record<string, string | string[] | undefined>, res: Response, page: Rendered) {
  if (etagMatches(headers["if-none-match"] as string | undefined, page.etag)) {
    res.writeHead(304, { ETag: page.etag, "Cache-Control": publicPageCacheControl, Vary: "Accept-Encoding" });
    res.end();
    return;
  }
  const accepted = String(headers["accept-encoding"] ?? "");
  const [encoding, body] = brotli.test(accepted)
    ? ["br", page.bodies.br]
    : gzip.test(accepted)
      ? ["gzip", page.bodies.gzip]
      : [null, page.bodies.identity];
  res.writeHead(page.status, {
    ...page.headers,
    ...(encoding ? { "Content-Encoding": encoding } : {}),
    "Content-Length": String(body.length),
  });
  res.end(method === "HEAD" ? undefined : body);
}

/** Express middleware for the public fact-check pages; every other request goes on to the app. */
export function publicFactCheckPages(): RequestHandler {
  pages.watch();
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const path = matchPublicPath(req.path);
    if (!path) return next();
    const request = { path, origin: expressRequestOrigin(req) };
    // A fresh rendering is sent at once, without waiting for anything.
    const entry = pages.peek(request);
    if (entry) return entry.page ? send(req.method, req.headers, res, entry.page) : next();
    pages.get(request).then((loaded) => (loaded.page ? send(req.method, req.headers, res, loaded.page) : next()), next);
  };
}
