// Fetching a URL that a user typed, without letting the user reach the server's own network (SSRF).
//
// Used by article import and, later, by source archiving. Every fetch:
// - accepts only http: and https: URLs without credentials;
// - resolves the host ONCE (dns.lookup, all addresses) and refuses it when ANY address is not a public
//   unicast address (loopback, RFC 1918, link-local, unique-local, multicast, unspecified, broadcast,
//   CGNAT, reserved/documentation/benchmark ranges, IPv4-mapped / NAT64 / 6to4 forms of those, cloud
//   metadata addresses; see refused-addresses.ts) — literal IP hosts in every notation are classified after
//   WHATWG URL parsing has normalised them (`http://0x7f.1/` is 127.0.0.1);
// - connects to exactly the addresses it checked: the request gets a custom `lookup` that answers with
//   the already-checked addresses, so Node never resolves the name a second time (no DNS rebinding),
//   while the Host header and TLS SNI/certificate checks still use the name;
// - uses a fresh socket (`agent: false`): never a pooled connection that another code path opened;
// - follows at most `maxRedirects` redirects, each checked like the first URL;
// - stops after `timeoutMs` for the whole exchange (DNS, connects, redirects, body);
// - refuses a declared Content-Length over `maxBytes` and counts bytes while streaming, both on the
//   wire and after gzip/deflate/br decompression (content-encoding.server.ts), aborting the connection
//   as soon as either exceeds it.
//
// Test-only escape hatch: `allowedPrivateHosts` (default: the comma-separated environment variable
// FACTDESK_FETCH_ALLOW_PRIVATE) lists exact `host:port` entries, e.g. "127.0.0.1:43567", whose
// addresses are not checked. Entries are compared with the URL's normalised host and port (default
// port made explicit); anything that is not exactly `host:port` is ignored, so no entry can open a range
// or a port it does not name. Link-local and cloud metadata addresses stay refused even when listed.
// Never set FACTDESK_FETCH_ALLOW_PRIVATE in production.
//
// Node's http/https modules rather than undici/fetch: `lookup` on http.request is a documented,
// stable hook that pins the address per request, `agent: false` guarantees no shared pool, and the raw
// response stream lets us count compressed and decompressed bytes ourselves.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { serverEnv } from "~/utils/env.server";
import { contentDecoder } from "./content-encoding.server";
import { hostNameWithoutDot, isAlwaysRefused, isRefusedAddress, isRefusedHostName } from "./refused-addresses";

export type ResolvedAddress = { address: string; family: number };
/** Resolves a host name to all of its addresses; shaped like `dns.promises.lookup(name, { all: true })`. */
export type HostResolver = (hostname: string, options: { all: true }) => Promise<ResolvedAddress[]>;

export type SafeFetchOptions = {
  /** For the whole fetch, redirects and body included. Default 10 000. */
  timeoutMs?: number;
  /** Largest body accepted, on the wire and after decompression. Default 5 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Accept header. */
  accept?: string;
  /** Test-only: exact `host:port` entries allowed although private. Default: FACTDESK_FETCH_ALLOW_PRIVATE. */
  allowedPrivateHosts?: string[];
  signal?: AbortSignal;
  /** Test seam: replaces the DNS lookup (default `dns.promises.lookup` with `all: true`). */
  lookup?: HostResolver;
};

export type FetchedResource = {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  body: Buffer;
  fetchedAt: Date;
  /** Every URL that answered with a redirect, in order (the requested URL first); empty without redirects. */
  redirects: string[];
};

export type FetchFailure =
  | "invalid_url"
  | "unsupported_scheme"
  | "refused_address"
  | "dns_failed"
  | "timeout"
  | "too_large"
  | "too_many_redirects"
  | "http_error"
  | "connection_failed";

export class SafeFetchError extends Error {
  readonly code: FetchFailure;
  readonly status?: number;
  /** The URL being fetched when the failure happened (after redirects so far). */
  readonly url: string;

  constructor(code: FetchFailure, url: string, message?: string, options?: { status?: number; cause?: unknown }) {
    super(message ?? code, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SafeFetchError";
    this.code = code;
    this.url = url;
    if (options?.status !== undefined) this.status = options.status;
  }
}

export const safeFetchDefaults = {
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
} as const;

const userAgent = "Mozilla/5.0 (compatible; Factdesk/0.1; fact-checking desk article import)";
const maxUrlLength = 8192;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

// ---------------------------------------------------------------------------------------------------------
// Allow-list (test only)

const allowEntryPattern = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

function normaliseAllowEntry(entry: string): string | null {
  const match = allowEntryPattern.exec(entry.trim());
  if (!match) return null;
  const port = Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return null;
  try {
    const url = new URL(`http://${match[1]}/`);
    return `${url.hostname}:${port}`;
  } catch {
    return null;
  }
}

function allowListFrom(option: string[] | undefined): Set<string> {
  const entries = option ?? (serverEnv().FACTDESK_FETCH_ALLOW_PRIVATE ?? "").split(",");
  const set = new Set<string>();
  for (const entry of entries) {
    const normalised = normaliseAllowEntry(entry);
    if (normalised) set.add(normalised);
  }
  return set;
}

function hostKey(url: URL): string {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `${url.hostname}:${port}`;
}

// ---------------------------------------------------------------------------------------------------------
// URL checks

function parseTarget(raw: string, base?: URL): URL {
  const where = base?.href ?? raw;
  if (raw.length > maxUrlLength) throw new SafeFetchError("invalid_url", where, "URL too long");
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw.trim());
  } catch {
    throw new SafeFetchError("invalid_url", where, "not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SafeFetchError("unsupported_scheme", url.href, `scheme ${url.protocol} is not fetched`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new SafeFetchError("invalid_url", url.href, "URLs with credentials are refused");
  }
  if (url.hostname === "") throw new SafeFetchError("invalid_url", url.href, "no host");
  url.hash = "";
  return url;
}

function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

type Target = { url: URL; host: string; addresses: ResolvedAddress[] };

async function checkTarget(
  url: URL,
  allowList: Set<string>,
  resolve: HostResolver,
  signal: AbortSignal,
): Promise<Target> {
  const host = bareHost(url.hostname);
  const allowed = allowList.has(hostKey(url));
  const refuse = (why: string) => new SafeFetchError("refused_address", url.href, why);

  if (isRefusedHostName(host)) throw refuse(`host ${host} is refused`);

  const family = net.isIP(host);
  let addresses: ResolvedAddress[];
  if (family !== 0) {
    addresses = [{ address: host, family }];
  } else {
    try {
      addresses = await abortable(resolve(host, { all: true }), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      throw new SafeFetchError("dns_failed", url.href, `could not resolve ${host}`, { cause: error });
    }
    if (addresses.length === 0) throw new SafeFetchError("dns_failed", url.href, `no address for ${host}`);
  }
  for (const { address } of addresses) {
    if (isAlwaysRefused(address)) throw refuse(`address ${address} is refused`);
    if (!allowed && isRefusedAddress(address)) throw refuse(`address ${address} is not public`);
  }
  return { url, host, addresses };
}

/** A `lookup` for http.request that answers only with the addresses already checked. */
function pinnedLookup(target: Target): net.LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    if (hostNameWithoutDot(hostname) !== hostNameWithoutDot(target.host)) {
      callback(Object.assign(new Error(`unexpected lookup for ${hostname}`), { code: "ENOTFOUND" }));
      return;
    }
    const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
    const candidates = target.addresses.filter((a) => wanted === 0 || a.family === wanted);
    const first = candidates[0];
    if (!first) {
      callback(Object.assign(new Error(`no IPv${wanted} address for ${hostname}`), { code: "ENOTFOUND" }));
      return;
    }
    if (options.all) callback(null, candidates.map((a) => ({ address: a.address, family: a.family })));
    else callback(null, first.address, first.family);
  }) as net.LookupFunction;
}

// ---------------------------------------------------------------------------------------------------------
// Transport

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function sendRequest(target: Target, accept: string, signal: AbortSignal): Promise<http.IncomingMessage> {
  const { url } = target;
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request({
      protocol: url.protocol,
      hostname: target.host,
      port: url.port === "" ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: "GET",
      agent: false,
      lookup: pinnedLookup(target),
      signal,
      headers: {
        "User-Agent": userAgent,
        Accept: accept,
        "Accept-Encoding": "gzip, deflate, br",
        "Accept-Language": "id,en;q=0.8,*;q=0.5",
      },
    });
    request.once("response", resolve);
    request.once("error", (error) => {
      if (signal.aborted) reject(signal.reason);
      else reject(new SafeFetchError("connection_failed", url.href, error.message, { cause: error }));
    });
    request.end();
  });
}

async function readBody(response: http.IncomingMessage, url: string, maxBytes: number, signal: AbortSignal) {
  // Remember the first limit error: pipeline may reject with a stream error from another stage instead.
  let limitError: SafeFetchError | undefined;
  const tooLarge = () => (limitError ??= new SafeFetchError("too_large", url, `body larger than ${maxBytes} bytes`));
  const encodings = (response.headers["content-encoding"] ?? "")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== "" && e !== "identity");
  if (encodings.length > 2) {
    response.destroy();
    throw new SafeFetchError("connection_failed", url, "too many content encodings");
  }
  const decoders: Transform[] = [];
  for (const encoding of encodings.reverse()) {
    const decoder = contentDecoder(encoding);
    if (!decoder) {
      response.destroy();
      throw new SafeFetchError("connection_failed", url, `unsupported content encoding ${encoding}`);
    }
    decoders.push(decoder);
  }

  let wireBytes = 0;
  const countWire = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      wireBytes += chunk.length;
      if (wireBytes > maxBytes) callback(tooLarge());
      else callback(null, chunk);
    },
  });
  const chunks: Buffer[] = [];
  let bodyBytes = 0;
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      bodyBytes += chunk.length;
      if (bodyBytes > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  };

  try {
    // Node accepts an async function as the last stage; its typings do not say so for the array form.
    const run = pipeline as unknown as (streams: unknown[], options: { signal: AbortSignal }) => Promise<void>;
    await run([response, countWire, ...decoders, collect], { signal });
  } catch (error) {
    response.destroy();
    if (limitError) throw limitError;
    if (signal.aborted) throw signal.reason;
    if (error instanceof SafeFetchError) throw error;
    throw new SafeFetchError("connection_failed", url, (error as Error).message, { cause: error });
  }
  if (!response.complete) throw new SafeFetchError("connection_failed", url, "connection closed before the body ended");
  return Buffer.concat(chunks, bodyBytes);
}

// ---------------------------------------------------------------------------------------------------------

const timeoutMarker = Symbol("safe-fetch timeout");

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * GETs `url` under the rules in this module's header. Rejects with SafeFetchError; when `options.signal`
 * aborts, rejects with that signal's reason instead.
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<FetchedResource> {
  const timeoutMs = positiveOr(options.timeoutMs, safeFetchDefaults.timeoutMs);
  const maxBytes = positiveOr(options.maxBytes, safeFetchDefaults.maxBytes);
  const maxRedirects = positiveOr(options.maxRedirects, safeFetchDefaults.maxRedirects);
  const accept = options.accept ?? safeFetchDefaults.accept;
  const resolve: HostResolver = options.lookup ?? ((hostname) => dns.promises.lookup(hostname, { all: true }));
  const allowList = allowListFrom(options.allowedPrivateHosts);

  // Refuse malformed and non-web URLs before any timer or connection exists.
  let current = parseTarget(url);
  const controller = new AbortController();
  const signal = controller.signal;
  const timer = setTimeout(() => controller.abort(timeoutMarker), timeoutMs);
  const outer = options.signal;
  const forwardAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) forwardAbort();
  else outer?.addEventListener("abort", forwardAbort, { once: true });

  const redirects: string[] = [];
  try {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const target = await checkTarget(current, allowList, resolve, signal);
      const response = await sendRequest(target, accept, signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;

      if (redirectStatuses.has(status) && location) {
        response.destroy();
        if (redirects.length >= maxRedirects) {
          throw new SafeFetchError("too_many_redirects", current.href, `more than ${maxRedirects} redirects`, { status });
        }
        redirects.push(current.href);
        current = parseTarget(location, current);
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw new SafeFetchError("http_error", current.href, `HTTP ${status}`, { status });
      }
      const declared = Number(response.headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes) {
        response.destroy();
        throw new SafeFetchError("too_large", current.href, `declared ${declared} bytes, limit ${maxBytes}`);
      }
      const fetchedAt = new Date();
      const body = await readBody(response, current.href, maxBytes, signal);
      return {
        url: current.href,
        status,
        contentType: response.headers["content-type"] ?? null,
        body,
        fetchedAt,
        redirects,
      };
    }
  } catch (error) {
    if (signal.aborted && signal.reason === timeoutMarker) {
      throw new SafeFetchError("timeout", current.href, `no complete answer within ${timeoutMs} ms`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", forwardAbort);
  }
}
