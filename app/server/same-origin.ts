// Cross-site request forgery guard (Lucia's recommendation): every request that can change something
// must come from a page of our own origin. Browsers send `Origin` on every such request.

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export function isAllowedOrigin(request: {
  method: string;
  origin: string | undefined;
  host: string | undefined;
  /** The configured public origin (APP_URL), when there is one. */
  appOrigin?: string | undefined;
}): boolean {
  if (safeMethods.has(request.method.toUpperCase())) return true;
  if (!request.origin || request.origin === "null") return false;
  let origin: URL;
  try {
    origin = new URL(request.origin);
  } catch {
    return false;
  }
  if (request.appOrigin && origin.origin === new URL(request.appOrigin).origin) return true;
  return request.host !== undefined && origin.host === request.host.toLowerCase();
}
