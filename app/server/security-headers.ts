// Security headers for every response: an enforced, nonce-based Content-Security-Policy and the usual
// helmet set. Each document request gets a fresh nonce, which React Router puts on its inline scripts.
import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import helmet from "helmet";

export function cspNonceMiddleware(): RequestHandler {
  return (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  };
}

/**
 * The one exception to the app's policy: an archived source page (routes/snapshots.$snapshotId.raw.ts),
 * which Factdesk's own snapshot page shows in a frame. It is sanitised HTML from another site, so it gets
 * a stricter policy, not a looser one — a unique opaque origin (`sandbox`: no scripts, forms, popups or
 * navigation of the page around it; no cookies or storage of ours), nothing loaded from anywhere but
 * inline styles and `data:` images — with one difference that needs this exception: it may be framed by
 * our own pages (`frame-ancestors 'self'`, where the app's policy says 'none'). A route cannot loosen the
 * app's header: React Router's Express adapter appends its response headers to the ones set here, and a
 * browser enforces every Content-Security-Policy header it receives, so the app's `frame-ancestors 'none'`
 * would still forbid the frame. The route sends this same policy too (fails closed without this exception).
 */
export const snapshotContentSecurityPolicy =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** Exactly the raw snapshot route: /snapshots/<id>/raw. */
export const snapshotRawPath = /^\/snapshots\/[0-9A-Za-z-]+\/raw\/?$/;

/**
 * An editor's preview of a fact-check page (routes/articles.$articleId.fact-check.preview.ts) is the public
 * page's document, inline stylesheet included, so it carries the public page's policy (no script at all, that
 * stylesheet by hash) instead of the app's, whose `style-src 'self'` would leave it unstyled (a browser
 * enforces every policy it receives). The route sends that policy; should a response here carry none (a
 * redirect to sign in, an error), this one is added: nothing at all may load.
 */
export const factCheckPreviewPath = /^\/articles\/[0-9A-Za-z-]+\/fact-check\/preview\/?$/;
export const previewFallbackContentSecurityPolicy = "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function securityHeaders(options: { dev: boolean }): RequestHandler {
  const app = appSecurityHeaders(options);
  const preview = helmet({
    contentSecurityPolicy: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });
  // The rest of the helmet set stays (nosniff, X-Frame-Options SAMEORIGIN, …), except Origin-Agent-Cluster:
  // a sandboxed document has an opaque origin, and asking to origin-key it only earns a browser warning.
  const snapshot = helmet({
    contentSecurityPolicy: false,
    originAgentCluster: false,
    referrerPolicy: { policy: "no-referrer" },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });
  return (req, res, next) => {
    if (factCheckPreviewPath.test(req.path)) {
      const writeHead = res.writeHead;
      res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
        if (!this.hasHeader("Content-Security-Policy")) this.setHeader("Content-Security-Policy", previewFallbackContentSecurityPolicy);
        return writeHead.apply(this, args);
      } as typeof res.writeHead;
      return preview(req, res, next);
    }
    if (!snapshotRawPath.test(req.path)) return app(req, res, next);
    res.setHeader("Content-Security-Policy", snapshotContentSecurityPolicy);
    return snapshot(req, res, next);
  };
}

function appSecurityHeaders(options: { dev: boolean }): RequestHandler {
  const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as { locals: { cspNonce: string } }).locals.cspNonce}'`;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", nonce],
        // Vite's dev server injects styles at run time; production serves them as files only.
        "style-src": options.dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        "img-src": ["'self'", "data:", "https:"],
        "font-src": ["'self'"],
        "connect-src": options.dev ? ["'self'", "ws:"] : ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
      },
    },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
    // HSTS only matters behind HTTPS; browsers ignore it on plain HTTP.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });
}
