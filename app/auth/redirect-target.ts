// Where to send someone after signing in or switching language, when the address comes from the request
// (a form field, a query parameter). The target is resolved as a browser would resolve it against this
// site's origin, and honoured only when it stays there; what is returned is the normalised
// path + query + hash. Anything a browser might read as another site — `//host`, `/\host`, control
// characters that browsers silently drop (`/\t/host` becomes `//host`), schemes — gives the fallback.

/** A stand-in origin: only whether the target stays on *an* origin matters, not which one. */
const siteOrigin = "https://factdesk.invalid";
const maxTargetLength = 2048;

export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/dashboard"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > maxTargetLength) return fallback;
  // Browsers strip tabs and newlines anywhere and trim C0 controls and spaces, and treat "\" as "/":
  // refuse all of them rather than guess what the browser would make of the rest.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(target) || !target.startsWith("/") || target.startsWith("//")) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(target, siteOrigin);
  } catch {
    return fallback;
  }
  if (resolved.origin !== siteOrigin) return fallback;
  const path = resolved.pathname + resolved.search + resolved.hash;
  // "/.//host" resolves to the path "//host", which a browser would again read as another site.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
