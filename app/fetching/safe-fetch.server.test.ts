// safeFetch against a local node:http server on 127.0.0.1, allowed only through the exact host:port
// allow-list; plus the address and URL refusal tables. Nothing here contacts anything but loopback:
// every public address in these tests is refused or classified before any connection.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { reloadServerEnv } from "~/utils/env.server";
import { isRefusedAddress } from "./refused-addresses";
import { type HostResolver, SafeFetchError, safeFetch, type SafeFetchOptions } from "./safe-fetch.server";

/** FACTDESK_FETCH_ALLOW_PRIVATE as the app reads it (through serverEnv()), until restoreEnv(). */
function stubAllowList(value: string) {
  vi.stubEnv("FACTDESK_FETCH_ALLOW_PRIVATE", value);
  reloadServerEnv();
}

function restoreEnv() {
  vi.unstubAllEnvs();
  reloadServerEnv();
}

type Server = { server: http.Server; port: number; origin: string; hits: string[] };

async function listen(handler: http.RequestListener): Promise<Server> {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    hits.push(request.url ?? "");
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, port, origin: `http://127.0.0.1:${port}`, hits };
}

async function close({ server }: Server) {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

let main: Server;
let other: Server;
/** How many bytes the streaming route managed to hand to the socket before the client hung up. */
let streamedBytes = 0;
let streamFinished = false;

const page = "<!doctype html><html><head><title>Halo</title></head><body><p>Halo dunia</p></body></html>";
const bombSize = 64 * 1024 * 1024;
let gzipBomb: Buffer;
let brotliBomb: Buffer;

/** Small compressed texts the client must decode, by path: the Content-Encoding sent and the body. */
const compressed: Record<string, { encoding: string; body: () => Buffer }> = {
  "/gzip": { encoding: "gzip", body: () => zlib.gzipSync("terkompresi gzip") },
  "/br": { encoding: "br", body: () => zlib.brotliCompressSync("terkompresi brotli") },
  "/deflate": { encoding: "deflate", body: () => zlib.deflateSync("zlib deflate") },
  // Raw deflate (no zlib header), sent as "deflate" all the same.
  "/deflate-raw": { encoding: "deflate", body: () => zlib.deflateRawSync("raw deflate") },
};

function redirect(response: http.ServerResponse, location: string, status = 302) {
  response.writeHead(status, { Location: location });
  response.end();
}

beforeAll(async () => {
  gzipBomb = zlib.gzipSync(Buffer.alloc(bombSize), { level: 9 });
  brotliBomb = zlib.brotliCompressSync(Buffer.alloc(bombSize));
  other = await listen((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/plain" });
    response.end("other server");
  });
  main = await listen((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    const path = url.pathname;
    const chain = /^\/chain\/(\d+)$/.exec(path);
    if (path === "/page") {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end(page);
    } else if (path === "/echo-host") {
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.end(`host=${request.headers.host} accept=${request.headers.accept}`);
    } else if (path === "/hop1") {
      redirect(response, `${main.origin}/hop2`, 301);
    } else if (path === "/hop2") {
      redirect(response, "page?from=hop2#fragment", 307); // relative Location
    } else if (chain) {
      const left = Number(chain[1]);
      if (left === 0) {
        response.writeHead(200, { "Content-Type": "text/plain" });
        response.end("end of chain");
      } else redirect(response, `/chain/${left - 1}`, 302);
    } else if (path === "/loop") {
      redirect(response, "/loop", 302);
    } else if (path === "/to-metadata") {
      redirect(response, "http://169.254.169.254/latest/meta-data/", 302);
    } else if (path === "/to-other-port") {
      redirect(response, `${other.origin}/`, 302);
    } else if (path === "/to-file") {
      redirect(response, "file:///etc/passwd", 302);
    } else if (path === "/slow-headers") {
      setTimeout(() => {
        if (!response.destroyed) response.end("too late");
      }, 3000);
    } else if (path === "/slow-body") {
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.write("a beginning, then nothing");
      setTimeout(() => {
        if (!response.destroyed) response.end();
      }, 3000);
    } else if (path === "/stream") {
      // 50 MB without Content-Length, written with back-pressure so we know how much the client accepted.
      response.writeHead(200, { "Content-Type": "text/plain" });
      streamedBytes = 0;
      streamFinished = false;
      const chunk = Buffer.alloc(64 * 1024, "x");
      const total = 50 * 1024 * 1024;
      const pump = () => {
        while (streamedBytes < total && !response.destroyed) {
          streamedBytes += chunk.length;
          if (!response.write(chunk)) {
            response.once("drain", pump);
            return;
          }
        }
        if (!response.destroyed) {
          streamFinished = true;
          response.end();
        }
      };
      response.on("close", () => response.removeAllListeners("drain"));
      pump();
    } else if (path === "/declared-large") {
      response.writeHead(200, { "Content-Type": "text/plain", "Content-Length": String(100 * 1024 * 1024) });
      response.write("x".repeat(1024)); // then stalls: the client must not wait for the rest
    } else if (path === "/gzip-bomb") {
      response.writeHead(200, { "Content-Type": "text/html", "Content-Encoding": "gzip", "Content-Length": gzipBomb.length });
      response.end(gzipBomb);
    } else if (path === "/br-bomb") {
      response.writeHead(200, { "Content-Type": "text/html", "Content-Encoding": "br" });
      response.end(brotliBomb);
    } else if (compressed[path]) {
      const { encoding, body } = compressed[path];
      response.writeHead(200, { "Content-Type": "text/plain", "Content-Encoding": encoding });
      response.end(body());
    } else if (path === "/status") {
      const status = Number(url.searchParams.get("code") ?? 500);
      response.writeHead(status, { "Content-Type": "text/plain" });
      response.end(`status ${status}`);
    } else {
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end("not found");
    }
  });
});

afterAll(async () => {
  await Promise.all([close(main), close(other)]);
});

/** Options that allow exactly the main test server, nothing else. */
function allowed(extra: SafeFetchOptions = {}): SafeFetchOptions {
  return { allowedPrivateHosts: [`127.0.0.1:${main.port}`], ...extra };
}

async function failure(promise: Promise<unknown>): Promise<SafeFetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SafeFetchError) return error;
    throw error;
  }
  throw new Error("expected the fetch to fail");
}

const noDns: HostResolver = async (hostname) => {
  throw new Error(`DNS must not be used here (asked for ${hostname})`);
};

describe("safeFetch against a local server (allowed by exact host:port only)", () => {
  it("fetches a page: status, content type, body, final URL", async () => {
    const result = await safeFetch(`${main.origin}/page`, allowed());
    expect(result.status).toBe(200);
    expect(result.contentType).toBe("text/html; charset=utf-8");
    expect(result.body.toString("utf8")).toBe(page);
    expect(result.url).toBe(`${main.origin}/page`);
    expect(result.redirects).toEqual([]);
    expect(result.fetchedAt).toBeInstanceOf(Date);
  });

  it("sends the Accept header it was given", async () => {
    const result = await safeFetch(`${main.origin}/echo-host`, allowed({ accept: "text/plain" }));
    expect(result.body.toString()).toBe(`host=127.0.0.1:${main.port} accept=text/plain`);
  });

  it("follows a two-hop redirect chain, resolving a relative Location, and drops the fragment", async () => {
    const result = await safeFetch(`${main.origin}/hop1`, allowed());
    expect(result.status).toBe(200);
    expect(result.url).toBe(`${main.origin}/page?from=hop2`);
    expect(result.redirects).toEqual([`${main.origin}/hop1`, `${main.origin}/hop2`]);
    expect(result.body.toString()).toBe(page);
  });

  it("allows five redirects but not six", async () => {
    const five = await safeFetch(`${main.origin}/chain/5`, allowed());
    expect(five.body.toString()).toBe("end of chain");
    expect(five.redirects).toHaveLength(5);
    const six = await failure(safeFetch(`${main.origin}/chain/6`, allowed()));
    expect(six.code).toBe("too_many_redirects");
  });

  it("honours a smaller maxRedirects", async () => {
    const error = await failure(safeFetch(`${main.origin}/chain/2`, allowed({ maxRedirects: 1 })));
    expect(error.code).toBe("too_many_redirects");
  });

  it("ends a redirect loop as too_many_redirects", async () => {
    const hitsBefore = main.hits.length;
    const error = await failure(safeFetch(`${main.origin}/loop`, allowed()));
    expect(error.code).toBe("too_many_redirects");
    expect(main.hits.length - hitsBefore).toBe(6); // the first request and five followed redirects
  });

  it("refuses a redirect to the cloud metadata address even though the first host is allowed", async () => {
    const error = await failure(safeFetch(`${main.origin}/to-metadata`, allowed()));
    expect(error.code).toBe("refused_address");
    expect(error.url).toBe("http://169.254.169.254/latest/meta-data/");
  });

  it("refuses a redirect to another port on the same loopback address, and never contacts it", async () => {
    const hitsBefore = other.hits.length;
    const error = await failure(safeFetch(`${main.origin}/to-other-port`, allowed()));
    expect(error.code).toBe("refused_address");
    expect(other.hits.length).toBe(hitsBefore);
  });

  it("refuses a redirect to a file: URL", async () => {
    const error = await failure(safeFetch(`${main.origin}/to-file`, allowed()));
    expect(error.code).toBe("unsupported_scheme");
  });

  it("times out when the server does not answer in time", async () => {
    const started = Date.now();
    const error = await failure(safeFetch(`${main.origin}/slow-headers`, allowed({ timeoutMs: 300 })));
    expect(error.code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("times out when the body stalls: the limit covers the whole fetch", async () => {
    const started = Date.now();
    const error = await failure(safeFetch(`${main.origin}/slow-body`, allowed({ timeoutMs: 300 })));
    expect(error.code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("cuts off a streamed body without Content-Length as soon as it passes maxBytes", async () => {
    const started = Date.now();
    const error = await failure(safeFetch(`${main.origin}/stream`, allowed({ maxBytes: 1024 * 1024 })));
    expect(error.code).toBe("too_large");
    expect(Date.now() - started).toBeLessThan(5000);
    // Give the server a moment to notice the closed connection, then check it stopped early.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(streamFinished).toBe(false);
    expect(streamedBytes).toBeLessThan(20 * 1024 * 1024);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const started = Date.now();
    const error = await failure(safeFetch(`${main.origin}/declared-large`, allowed()));
    expect(error.code).toBe("too_large");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("applies the limit to decompressed bytes: a gzip bomb is cut off", async () => {
    expect(gzipBomb.length).toBeLessThan(1024 * 1024); // small on the wire…
    const error = await failure(safeFetch(`${main.origin}/gzip-bomb`, allowed({ maxBytes: 2 * 1024 * 1024 })));
    expect(error.code).toBe("too_large"); // …but far over the limit once inflated
  });

  it("cuts off a brotli bomb the same way", async () => {
    const error = await failure(safeFetch(`${main.origin}/br-bomb`, allowed({ maxBytes: 2 * 1024 * 1024 })));
    expect(error.code).toBe("too_large");
  });

  it.each([
    ["/gzip", "terkompresi gzip"],
    ["/br", "terkompresi brotli"],
    ["/deflate", "zlib deflate"],
    ["/deflate-raw", "raw deflate"],
  ])("decodes %s", async (path, text) => {
    const result = await safeFetch(`${main.origin}${path}`, allowed());
    expect(result.body.toString()).toBe(text);
  });

  it.each([404, 500, 503])("reports HTTP %i as http_error with the status", async (status) => {
    const error = await failure(safeFetch(`${main.origin}/status?code=${status}`, allowed()));
    expect(error.code).toBe("http_error");
    expect(error.status).toBe(status);
  });

  it("refuses the same local server WITHOUT the allow-list: the default protects", async () => {
    stubAllowList("");
    try {
      const hitsBefore = main.hits.length;
      const error = await failure(safeFetch(`${main.origin}/page`));
      expect(error.code).toBe("refused_address");
      expect(main.hits.length).toBe(hitsBefore);
    } finally {
      restoreEnv();
    }
  });

  it("reads the allow-list from FACTDESK_FETCH_ALLOW_PRIVATE, exact host:port entries only", async () => {
    try {
      stubAllowList(` 127.0.0.1:${main.port} , bogus`);
      expect((await safeFetch(`${main.origin}/page`)).status).toBe(200);
      for (const loose of ["127.0.0.1", "127.0.0.0/8", `*:${main.port}`, `127.0.0.1:${other.port}`, `localhost:${main.port}`]) {
        stubAllowList(loose);
        expect((await failure(safeFetch(`${main.origin}/page`))).code, loose).toBe("refused_address");
      }
    } finally {
      restoreEnv();
    }
  });

  it("an explicit empty allowedPrivateHosts overrides the environment", async () => {
    stubAllowList(`127.0.0.1:${main.port}`);
    try {
      const error = await failure(safeFetch(`${main.origin}/page`, { allowedPrivateHosts: [] }));
      expect(error.code).toBe("refused_address");
    } finally {
      restoreEnv();
    }
  });

  it("resolves a name once and connects to that address, keeping the name in the Host header", async () => {
    const asked: string[] = [];
    const lookup: HostResolver = async (hostname) => {
      asked.push(hostname);
      return [{ address: "127.0.0.1", family: 4 }];
    };
    const result = await safeFetch(`http://pinned.test:${main.port}/echo-host`, {
      allowedPrivateHosts: [`pinned.test:${main.port}`],
      lookup,
    });
    expect(result.body.toString()).toMatch(new RegExp(`^host=pinned\\.test:${main.port} `));
    expect(asked).toEqual(["pinned.test"]);
  });

  it("an allow-listed name still may not resolve to the metadata address", async () => {
    const lookup: HostResolver = async () => [{ address: "169.254.169.254", family: 4 }];
    const error = await failure(safeFetch("http://meta.test/", { allowedPrivateHosts: ["meta.test:80"], lookup }));
    expect(error.code).toBe("refused_address");
  });

  it("stops when the caller's signal aborts, with the caller's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("user went away");
    setTimeout(() => controller.abort(reason), 100);
    await expect(safeFetch(`${main.origin}/slow-headers`, allowed({ signal: controller.signal }))).rejects.toBe(reason);
  });
});

describe("names that resolve to refused addresses (injected resolver: no real DNS)", () => {
  it.each([
    ["a private address", [{ address: "10.0.0.7", family: 4 }]],
    ["a public and a private address", [{ address: "93.184.216.34", family: 4 }, { address: "10.0.0.7", family: 4 }]],
    ["a public IPv6 and a loopback IPv6 address", [{ address: "2606:4700::1", family: 6 }, { address: "::1", family: 6 }]],
    ["an IPv4-mapped loopback", [{ address: "::ffff:127.0.0.1", family: 6 }]],
    ["the metadata address", [{ address: "169.254.169.254", family: 4 }]],
  ])("refuses a host that resolves to %s, before connecting", async (_label, addresses) => {
    let calls = 0;
    const lookup: HostResolver = async () => {
      calls += 1;
      return addresses;
    };
    const error = await failure(safeFetch("http://rebind.test/", { lookup }));
    expect(error.code).toBe("refused_address");
    expect(calls).toBe(1);
  });

  it("reports a name that does not resolve as dns_failed", async () => {
    const lookup: HostResolver = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.test"), { code: "ENOTFOUND" });
    };
    expect((await failure(safeFetch("http://nowhere.test/", { lookup }))).code).toBe("dns_failed");
    expect((await failure(safeFetch("http://nowhere.test/", { lookup: async () => [] }))).code).toBe("dns_failed");
  });
});

describe("URL refusal", () => {
  it.each([
    ["javascript:alert(1)", "unsupported_scheme"],
    ["file:///etc/passwd", "unsupported_scheme"],
    ["ftp://example.org/", "unsupported_scheme"],
    ["data:text/html,<script>alert(1)</script>", "unsupported_scheme"],
    ["gopher://example.org/", "unsupported_scheme"],
    ["http://127.0.0.1", "refused_address"],
    ["http://[::1]", "refused_address"],
    ["http://2130706433/", "refused_address"],
    ["http://0x7f.1/", "refused_address"],
    ["http://0177.0.0.1/", "refused_address"],
    ["http://127.1/", "refused_address"],
    ["http://0/", "refused_address"],
    ["http://[::]/", "refused_address"],
    ["http://169.254.169.254/latest/meta-data", "refused_address"],
    ["http://[::ffff:127.0.0.1]/", "refused_address"],
    ["http://[::ffff:a9fe:a9fe]/", "refused_address"],
    ["http://[64:ff9b::7f00:1]/", "refused_address"],
    ["http://[fd00:ec2::254]/", "refused_address"],
    ["http://100.100.100.200/latest/meta-data/", "refused_address"],
    ["http://10.1.2.3/", "refused_address"],
    ["http://172.16.0.1/", "refused_address"],
    ["http://192.168.1.1/", "refused_address"],
    ["http://100.64.0.1/", "refused_address"],
    ["https://%31%32%37.0.0.1/", "refused_address"],
    ["http://localhost/", "refused_address"],
    ["http://LOCALHOST./", "refused_address"],
    ["http://api.localhost/", "refused_address"],
    ["http://metadata.google.internal/computeMetadata/v1/", "refused_address"],
    ["http://user:pass@example.org/", "invalid_url"],
    ["http://user@example.org/", "invalid_url"],
    ["not a url", "invalid_url"],
    ["http://exa mple.org/", "invalid_url"],
    ["", "invalid_url"],
  ])("%s → %s", async (url, code) => {
    const error = await failure(safeFetch(url, { lookup: noDns, allowedPrivateHosts: [] }));
    expect(error.code).toBe(code);
  });
});

describe("isRefusedAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "10.0.0.1",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "169.254.0.1",
    "100.64.0.1",
    "100.127.255.255",
    "100.100.100.200",
    "0.0.0.0",
    "0.1.2.3",
    "255.255.255.255",
    "224.0.0.1",
    "239.255.255.250",
    "192.0.0.170",
    "192.0.2.1",
    "198.18.0.1",
    "198.19.255.255",
    "198.51.100.7",
    "203.0.113.9",
    "240.0.0.1",
    "::1",
    "::",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fd12:3456::1",
    "fd00:ec2::254",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::ffff:0:127.0.0.1",
    "::127.0.0.1",
    "64:ff9b::127.0.0.1",
    "64:ff9b::a00:1",
    "64:ff9b:1::808:808",
    "2002:7f00:1::1",
    "2002:a00:1::1",
    "2001::1",
    "2001:db8::1",
    "3fff::1",
    "fec0::1",
    "100::1",
    "127.1",
    "2130706433",
    "0x7f000001",
    "not-an-ip",
    "",
  ])("refuses %s", (ip) => {
    expect(isRefusedAddress(ip)).toBe(true);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "11.0.0.1",
    "172.15.255.255",
    "172.32.0.1",
    "100.63.255.255",
    "100.128.0.1",
    "169.255.0.1",
    "192.169.0.1",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("accepts the public address %s", (ip) => {
    expect(isRefusedAddress(ip)).toBe(false);
  });
});
