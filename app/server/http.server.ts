// The HTTP server around the React Router app: static files, security headers, the cross-origin guard,
// and the request context (CSP nonce, client address) that loaders and the document renderer use.
import path from "node:path";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";
import type { ServerBuild } from "react-router";
import type { ViteDevServer } from "vite";
import { isDatabaseUnavailable, unavailableHeaders } from "~/db/unavailable";
import { catalogs, languageFromAcceptLanguage } from "~/i18n/i18n";
import { publicFactCheckPages } from "~/publishing/public-page/serve.server";
import { createRequestContext } from "./request-context";
import { isAllowedOrigin } from "./same-origin";
import { cspNonceMiddleware, securityHeaders } from "./security-headers";

export type HttpAppOptions = {
  /** Production: the built server and its client assets folder. */
  build?: { server: ServerBuild; clientDir: string };
  /** Development: Vite in middleware mode. */
  vite?: ViteDevServer;
  appOrigin?: string;
  trustProxy?: boolean;
};

export function createHttpApp(options: HttpAppOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ? 1 : false);
  app.use(drainUnreadBodies());
  // Published fact-checks first: rendered once, answered from memory already compressed, with their own
  // (stricter) security headers — readers arrive in spikes (app/publishing/public-page/serve.server.ts).
  app.use(publicFactCheckPages());
  // Server-sent events (/events) must reach the browser as they are written, never held in a gzip buffer.
  app.use(compression({ filter: (req, res) => !String(res.getHeader("Content-Type") ?? "").startsWith("text/event-stream") && compression.filter(req, res) }));

  if (options.vite) {
    app.use(options.vite.middlewares);
  } else if (options.build) {
    const { clientDir } = options.build;
    // Fingerprinted assets never change; everything else in public/ is revalidated.
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
    app.use(express.static(clientDir, { maxAge: "1h", index: false }));
  }

  app.use(cspNonceMiddleware());
  app.use(securityHeaders({ dev: Boolean(options.vite) }));

  app.use((req, res, next) => {
    const allowed = isAllowedOrigin({
      method: req.method,
      origin: req.get("origin"),
      host: req.get("host"),
      appOrigin: options.appOrigin,
    });
    if (allowed) return next();
    res.status(403).type("text/plain").send("Forbidden: this request did not come from a Factdesk page (cross-origin request refused).");
  });

  const getLoadContext = (req: express.Request, res: express.Response) =>
    createRequestContext({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown" });

  const serverBuild = options.vite
    ? () => options.vite!.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>
    : options.build!.server;
  app.all("/{*splat}", createRequestHandler({ build: serverBuild, getLoadContext, mode: options.vite ? "development" : "production" }));
  app.use(serverErrors);
  return app;
}

/** Past this many unread bytes a connection is not worth keeping: Node closes it as usual. */
const drainLimitBytes = 16 * 1024 * 1024;

/**
 * A request answered before its body was read — a redirect to sign in, a 413 past the form limits, a refusal —
 * has its body read and dropped once the answer is sent. React Router's request adapter starts reading every body
 * (so Node does not drain it itself) and pauses after its first chunks: left so, the connection stalled until the
 * keep-alive timeout reset it, and a browser still sending the body could lose the answer to that reset.
 */
function drainUnreadBodies(): express.RequestHandler {
  return (req, res, next) => {
    res.on("finish", () => {
      if (req.complete || req.destroyed) return;
      if (Number(req.headers["content-length"] ?? 0) > drainLimitBytes) return;
      req.removeAllListeners("data");
      req.resume();
    });
    next();
  };
}

/**
 * Errors outside React Router (the published pages' middleware): the database being unavailable is a 503
 * in the reader's language, like on the desk; anything else a plain 500, never a stack trace.
 */
const serverErrors: express.ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  if (!isDatabaseUnavailable(error)) {
    console.error(error);
    res.status(500).type("text/plain").send("Internal Server Error");
    return;
  }
  const { error: messages } = catalogs[languageFromAcceptLanguage(req.get("accept-language") ?? null, "en")];
  res.status(503).set(unavailableHeaders).type("text/plain").send(`${messages.databaseTitle}\n\n${messages.database}\n`);
};
