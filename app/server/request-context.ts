// What the HTTP server hands every loader, action and the document renderer for one request (see
// app/server/http.server.ts): with React Router's middleware (future.v8_middleware) the load context is a
// RouterContextProvider, read with `requestContextOf(context)`.
import { createContext, RouterContextProvider } from "react-router";
import { remember } from "~/utils/remember.server";

export type RequestContext = {
  /** The Content-Security-Policy nonce of this response. */
  cspNonce: string;
  /** The client's address (behind a proxy only when TRUST_PROXY is set). */
  clientIp: string;
};

// One context key per process: the Express server (scripts/start.ts loads this module) and the server build
// (its own copy of this module) must read and write the same key.
const requestContext = remember("requestContext", () => createContext<RequestContext>());

/** The load context for one request. */
export function createRequestContext(values: RequestContext): RouterContextProvider {
  const context = new RouterContextProvider();
  context.set(requestContext, values);
  return context;
}

/** This request's nonce and client address. */
export function requestContextOf(context: Readonly<RouterContextProvider>): RequestContext {
  return context.get(requestContext);
}
