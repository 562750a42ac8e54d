// What the HTTP server hands every loader and action (see app/server/http.server.ts).
import "react-router";

declare module "react-router" {
  interface AppLoadContext {
    /** The Content-Security-Policy nonce of this response. */
    cspNonce: string;
    /** The client's address (behind a proxy only when TRUST_PROXY is set). */
    clientIp: string;
  }
}

export {};
