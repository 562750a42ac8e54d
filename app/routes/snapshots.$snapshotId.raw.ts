// The archived page itself, for the frame on the snapshot page: the sanitised HTML saved by the archive
// job, in a document of its own under a sandbox policy (no scripts, nothing loaded from anywhere; see
// snapshotContentSecurityPolicy). Only for people who may read the claim; anyone else gets a 404.
import { requireUserWithPermission } from "~/auth/guards.server";
import { snapshotContentSecurityPolicy } from "~/server/security-headers";
import { getSnapshotHtml } from "~/sources/sources.server";
import type { Route } from "./+types/snapshots.$snapshotId.raw";

// Inline styles are all this document may have (style-src 'unsafe-inline'): readable text, nothing more.
const frameStyle =
  "body{font:16px/1.6 Georgia,'Times New Roman',serif;color:#1d1f23;background:#fff;max-width:46rem;margin:0 auto;padding:1rem 1.25rem}" +
  "img{max-width:100%;height:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}" +
  "pre{white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace}a{color:#1d4ed8}";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const viewer = await requireUserWithPermission({ request, context }, "read:article:own");
  const html = await getSnapshotHtml(viewer, params.snapshotId);
  if (html === null) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const document = `<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><style>${frameStyle}</style></head><body>${html}</body></html>`;
  // X-Frame-Options (SAMEORIGIN) and nosniff come from the security headers middleware for every response.
  return new Response(document, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": snapshotContentSecurityPolicy,
      "Cache-Control": "private, no-store",
    },
  });
}
