// Where readers find published fact-checks: the newsroom's public address when an admin set one (admin
// settings), else the app's configured address (APP_URL, required in a production deployment), else — only
// in the embedded demo, development and tests — the address the request came to, so the demo publishes
// under the address it is actually served from.
// Canonical links, feeds, exports and ClaimReview URLs are built on it. The request's origin comes from its
// Host header (or, with TRUST_PROXY, the proxy's X-Forwarded-Host/-Proto), which a client chooses: a
// rendering kept in memory is therefore kept per origin (app/publishing/public-page/serve.server.ts).
import type { Newsroom } from "~/newsroom/settings.server";
import { configuredAppUrl } from "~/utils/env.server";

/** The origin fact-check addresses are built on, for a request that came to `requestOrigin`. */
export function publicBaseUrl(newsroom: Pick<Newsroom, "publicUrl">, requestOrigin: string): string {
  if (newsroom.publicUrl) return newsroom.publicUrl.replace(/\/+$/, "");
  return configuredAppUrl() ?? requestOrigin;
}

/**
 * The origin absolute links are built on: APP_URL when configured (always, in a production deployment), else —
 * demo and development only — the request URL's own origin (React Router builds it from Host, or X-Forwarded-*
 * with TRUST_PROXY), which the client chooses.
 */
export function requestOrigin(request: Request): string {
  return configuredAppUrl() ?? new URL(request.url).origin;
}

/** The same for an Express request (`req.protocol` and `req.host` follow X-Forwarded-* only with TRUST_PROXY). */
export function expressRequestOrigin(req: { protocol: string; host?: string | undefined }): string {
  const configured = configuredAppUrl();
  if (configured) return configured;
  try {
    return new URL(`${req.protocol}://${req.host ?? "localhost"}`).origin;
  } catch {
    return "http://localhost";
  }
}

export function factCheckPath(slug: string, version?: number) {
  return version ? `/fact-checks/${slug}/v/${version}` : `/fact-checks/${slug}`;
}
