// The standing bad-input sweep: every route of app/routes.ts, its loaders and its actions, sent NUL and other control
// characters, 1 MB strings, numbers beyond 32 bits, ids that are not ids (and ids of nothing), unknown intents,
// bodies of the wrong type and broken or oversized multipart, as anonymous, reviewer, editor and admin. Bad input
// is the client's fault: no answer may be a 5xx, and no row of the database may change. A route missing from the
// table below fails the test, like the route × role matrix (tests/e2e/route-matrix.test.ts).
import http from "node:http";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import { beforeAll, describe, expect, inject, it } from "vitest";
import routes from "~/routes";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { Visitor } from "../support/http";
import { actorOf, createArticle, testPassword } from "../support/fixtures";

type Who = "anonymous" | "reviewer" | "editor" | "admin";
const everyone: Who[] = ["anonymous", "reviewer", "editor", "admin"];

/**
 * What each route is sent. `get`: addresses whose `{placeholders}` are filled with real and broken ids, each also
 * with every query parameter below set to bad values. `post`: the address the route's forms post to, and each intent's
 * field names (the form schema's keys; "" names a form without an intent field). Field values are valid for
 * their kind unless the probe breaks them: see `validValue` and `probesFor`.
 */
type Spec = { get?: string[]; post?: { url: string; intents: Record<string, string[]> } };

const sweep: Record<string, Spec> = {
  "": { get: ["/"] },
  login: { get: ["/login"], post: { url: "/login", intents: { "": ["email", "password", "redirectTo"] } } },
  // Signing out needs no input and ends the session whatever is sent: posted as anonymous only (see `postAs`).
  logout: { get: ["/logout"], post: { url: "/logout", intents: { "": ["redirectTo"] } } },
  setup: { get: ["/setup"], post: { url: "/setup", intents: { "": ["newsroomName", "defaultLanguage", "name", "email", "password"] } } },
  "invite/:token": {
    get: ["/invite/{token}"],
    post: { url: "/invite/{token}", intents: { "": ["name", "password", "language"] } },
  },
  language: { get: ["/language"], post: { url: "/language", intents: { "": ["language", "redirectTo"] } } },
  healthz: { get: ["/healthz"] },
  events: { get: ["/events"] },
  "fact-checks": { get: ["/fact-checks"] },
  "fact-checks/feed.atom": { get: ["/fact-checks/feed.atom"] },
  "fact-checks/feed.json": { get: ["/fact-checks/feed.json"] },
  dashboard: { get: ["/dashboard"] },
  articles: { get: ["/articles"] },
  "articles/new": {
    get: ["/articles/new"],
    post: {
      url: "/articles/new",
      intents: { paste: ["title", "body", "outlet", "author", "publishedAt", "originalUrl"], url: ["url"], file: ["file"] },
    },
  },
  "articles/:articleId": {
    get: ["/articles/{article}"],
    post: {
      url: "/articles/{article}",
      intents: {
        createClaim: ["start", "end"],
        acceptSuggestion: ["suggestionId"],
        dismissSuggestion: ["suggestionId"],
        acceptAbove: ["minScore"],
        updateClaim: ["claimId", "version", "wording", "claimant", "claimantKind", "claimDate", "note", "loaded"],
        splitClaim: ["claimId", "version", "at"],
        mergeClaims: ["claimId"],
        deleteClaim: ["claimId", "version"],
        setLanguage: ["language"],
      },
    },
  },
  "articles/:articleId/board": {
    get: ["/articles/{article}/board"],
    post: { url: "/articles/{article}/board", intents: { assign: ["claimId", "reviewerId", "dueAt", "note"], unassign: ["claimId"] } },
  },
  "articles/:articleId/fact-check": {
    get: ["/articles/{article}/fact-check"],
    post: {
      url: "/articles/{article}/fact-check",
      intents: {
        publish: ["headline", "summary", "methodology", "slug", "confirmed"],
        correct: ["factCheckId", "note", "summary", "methodology", "confirmed"],
        withdraw: ["factCheckId", "reason", "confirmed"],
      },
    },
  },
  "articles/:articleId/fact-check.csv": { get: ["/articles/{article}/fact-check.csv"] },
  "articles/:articleId/fact-check.json": { get: ["/articles/{article}/fact-check.json"] },
  "articles/:articleId/fact-check/preview": {
    get: ["/articles/{article}/fact-check/preview"],
    post: {
      url: "/articles/{article}/fact-check/preview",
      intents: { publish: ["headline", "summary", "methodology", "slug"], correct: ["factCheckId", "note", "summary", "methodology"] },
    },
  },
  "claims/match": { get: ["/claims/match"] },
  "claims/:claimId": { get: ["/claims/{claim}"] },
  "claims/:claimId/comments": { get: ["/claims/{claim}/comments"], post: { url: "/claims/{claim}/comments", intents: { add: ["body"] } } },
  "claims/:claimId/verdicts": {
    get: ["/claims/{claim}/verdicts"],
    post: {
      url: "/claims/{claim}/verdicts",
      intents: {
        propose: ["claimVersion", "ratingId", "rationale", "seen"],
        return: ["claimVersion", "comment", "seen"],
        approve: ["claimVersion", "seen"],
        notCheckable: ["claimVersion", "reason", "seen"],
      },
    },
  },
  "claims/:claimId/sources": {
    get: ["/claims/{claim}/sources"],
    post: {
      url: "/claims/{claim}/sources",
      intents: { add: ["url", "title", "kind", "stance", "note"], retry: ["sourceId"], remove: ["sourceId"] },
    },
  },
  "snapshots/:snapshotId": { get: ["/snapshots/{snapshot}"] },
  "snapshots/:snapshotId/raw": { get: ["/snapshots/{snapshot}/raw"] },
  queue: { get: ["/queue"] },
  workload: { get: ["/workload"] },
  "workload/:personId": { get: ["/workload/{reviewer}"] },
  account: {
    get: ["/account"],
    post: { url: "/account", intents: { language: ["language"], password: ["currentPassword", "newPassword", "confirmPassword"] } },
  },
  notifications: { get: ["/notifications"], post: { url: "/notifications", intents: { read: ["id"] } } },
  "admin/users": {
    get: ["/admin/users"],
    post: {
      url: "/admin/users",
      intents: { invite: ["email", "role"], role: ["userId", "role"], deactivate: ["userId"], reactivate: ["userId"], revoke: ["inviteId"] },
    },
  },
  "admin/settings": {
    get: ["/admin/settings"],
    post: {
      url: "/admin/settings",
      intents: {
        "": ["name", "publicUrl", "logoUrl", "defaultLanguage", "timeZone", "creditReviewers", "blindSecondReview"],
        matchThresholds: ["suggestPercent", "likelySamePercent"],
      },
    },
  },
  "admin/scale": {
    get: ["/admin/scale"],
    post: {
      url: "/admin/scale",
      intents: { add: ["labelEn", "labelId", "colour"], update: ["id", "labelEn", "labelId", "colour", "value"], move: ["id", "direction"], delete: ["id"] },
    },
  },
  "admin/claim-reviews": {
    get: ["/admin/claim-reviews"],
    post: {
      url: "/admin/claim-reviews",
      intents: { addUrl: ["name", "url", "everyHours"], upload: ["name", "file"], schedule: ["id", "everyHours"], run: ["id"], delete: ["id"] },
    },
  },
  "*": { get: ["/no-such-page"] },
};

/** Query parameters some loader reads (and any other): each GET is also sent with all of them set to a bad value. */
const queryNames = ["q", "cursor", "after", "status", "lang", "claim", "tab", "show", "expand", "done", "topics", "redirectTo", "page", "version", "text", "limit"];

const idFields = new Set(["claimId", "suggestionId", "sourceId", "userId", "inviteId", "id", "ratingId", "reviewerId", "factCheckId"]);
const numberFields = new Set(["suggestPercent", "likelySamePercent", "start", "end", "at", "version", "claimVersion", "value", "minScore", "everyHours"]);

// Bad values.
const nul = "\u0000";
const controls = "\u0001\u0007\u001b\u007f";
const huge = "x".repeat(1024 * 1024);
const beyond32Bits = ["2147483648", "-2147483649", "99999999999999999999"];
/** Not UUIDs: a word, the right shape in the wrong letters, and one character too long. */
const notIds = ["not-an-id", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "00000000-0000-4000-8000-0000000000000"];
/** A well-formed id of nothing. */
const unknownId = "00000000-0000-4000-8000-000000000000";

type Ids = Record<"article" | "claim" | "snapshot" | "source" | "reviewer" | "rating" | "token", string>;

function validValue(field: string, ids: Ids): string {
  if (field === "claimId") return ids.claim;
  if (field === "sourceId") return ids.source;
  if (field === "userId" || field === "reviewerId") return ids.reviewer;
  if (field === "ratingId" || field === "id") return ids.rating;
  if (idFields.has(field)) return unknownId;
  if (field === "minScore") return "0.5";
  if (numberFields.has(field)) return "1";
  const choices: Record<string, string> = {
    language: "en",
    defaultLanguage: "en",
    role: "reviewer",
    kind: "OTHER",
    stance: "CONTEXT",
    direction: "up",
    colour: "#123456",
    timeZone: "Asia/Jakarta",
    email: "sweep-nobody@example.org",
    url: "https://example.org/sweep",
    publicUrl: "https://example.org",
    originalUrl: "https://example.org/sweep",
    dueAt: "2030-01-01",
    claimDate: "2025-01-01",
    publishedAt: "2025-01-01",
    seen: "",
    confirmed: "",
  };
  return choices[field] ?? "Sweep text";
}

type Probe = { label: string; method: "GET" | "POST"; url: string; body?: string; contentType?: string };

/**
 * Sends one probe on a connection of its own and resolves with the status as soon as the answer arrives: a server
 * may answer before it read a body (a redirect to sign in, a refusal). The connection is kept alive, so the server
 * never closes it under a body still being sent (with `Connection: close` it did, and the reset could swallow its
 * answer: "write EPIPE" in a loaded run); it is dropped here once the answer is in.
 */
function send(visitor: Visitor, probe: Probe): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(probe.url, visitor.baseUrl);
    const headers: Record<string, string> = { Origin: url.origin };
    if (visitor.cookieHeader) headers.Cookie = visitor.cookieHeader;
    if (probe.contentType) headers["Content-Type"] = probe.contentType;
    if (probe.body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(probe.body));
    let answered = false;
    // A kept-alive connection of its own (`agent: false` would send `Connection: close`).
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const request = http.request(url, { method: probe.method, headers, agent }, (response) => {
      answered = true;
      resolve(response.statusCode ?? 0);
      agent.destroy();
    });
    request.on("error", (error) => {
      agent.destroy();
      if (!answered) reject(error);
    });
    request.end(probe.body);
  });
}

function fill(template: string, ids: Ids, replace?: string) {
  return template.replace(/\{(\w+)\}/g, (_, name: keyof Ids) => encodeURIComponent(replace ?? ids[name]));
}

function urlencoded(form: [string, string][]) {
  return new URLSearchParams(form).toString();
}

function multipart(form: [string, string][], boundary = "----sweep") {
  return form.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
}

function probesFor(spec: Spec, ids: Ids): Probe[] {
  const probes: Probe[] = [];
  for (const template of spec.get ?? []) {
    const url = fill(template, ids);
    probes.push({ label: "GET", method: "GET", url });
    if (template.includes("{")) {
      for (const bad of [...notIds, unknownId, nul, `${ids.claim}${nul}`, controls, "2147483648"])
        probes.push({ label: `GET id ${JSON.stringify(bad)}`, method: "GET", url: fill(template, ids, bad) });
    }
    for (const [kind, bad] of Object.entries({ nul, controls, beyond32Bits: beyond32Bits[0]!, notId: notIds[1]!, long: "x".repeat(6000) })) {
      const query = new URLSearchParams(queryNames.map((name) => [name, bad])).toString();
      probes.push({ label: `GET query ${kind}`, method: "GET", url: `${url}?${query}` });
    }
  }
  if (!spec.post) return probes;
  const url = fill(spec.post.url, ids);
  const intents = Object.entries(spec.post.intents);
  for (const [intent, fields] of intents) {
    const intentField: [string, string][] = intent ? [["intent", intent]] : [];
    const form = (value: (field: string) => string | undefined): [string, string][] | null => {
      let broken = false;
      const entries = fields.map((field): [string, string] => {
        const bad = value(field);
        if (bad !== undefined) broken = true;
        return [field, bad ?? validValue(field, ids)];
      });
      // A probe with nothing broken would be a valid request, which may rightly change rows.
      return broken ? [...intentField, ...entries] : null;
    };
    const kinds: Record<string, [string, string][] | null> = {
      nul: form((field) => validValue(field, ids) + nul),
      nulInside: form((field) => `${nul}${validValue(field, ids)}`),
      controls: form((field) => validValue(field, ids) + controls),
      huge: form((field) => validValue(field, ids) + huge),
      ...Object.fromEntries(beyond32Bits.map((bad) => [`number ${bad}`, form((field) => (numberFields.has(field) ? bad : undefined))])),
      ...Object.fromEntries(notIds.map((bad) => [`id ${bad}`, form((field) => (idFields.has(field) ? bad : undefined))])),
      unknownId: form((field) => (idFields.has(field) && field !== "ratingId" && field !== "id" ? unknownId : undefined)),
      unknownRating: form((field) => (field === "ratingId" || field === "id" ? unknownId : undefined)),
    };
    for (const [kind, entries] of Object.entries(kinds)) {
      if (!entries) continue;
      probes.push({ label: `POST ${intent || "form"} ${kind}`, method: "POST", url, body: urlencoded(entries), contentType: "application/x-www-form-urlencoded" });
    }
    // The same NUL probe as a multipart form (the article import reads multipart).
    const nulForm = kinds.nul;
    if (nulForm) probes.push({ label: `POST ${intent || "form"} multipart nul`, method: "POST", url, body: multipart(nulForm), contentType: "multipart/form-data; boundary=----sweep" });
  }
  // Intents nobody knows, and bodies that are not forms, or broken ones; each without one valid request in it.
  const [firstIntent = "", firstFields = []] = intents[0]!;
  const valid: [string, string][] = [...(firstIntent ? [["intent", firstIntent] as [string, string]] : []), ...firstFields.map((field): [string, string] => [field, validValue(field, ids)])];
  const unknownIntent: [string, string][] = [["intent", "sweep-no-such-intent"], ...firstFields.map((field): [string, string] => [field, validValue(field, ids)])];
  const many: [string, string][] = Array.from({ length: 10_000 }, (_, i) => [`field${i}`, "x"]);
  // Intentless forms have no unknown intent; the broken encodings carry a NUL in every value, so none is valid.
  if (firstIntent) {
    probes.push(
      { label: "POST unknown intent", method: "POST", url, body: urlencoded(unknownIntent), contentType: "application/x-www-form-urlencoded" },
      { label: "POST unknown intent (multipart)", method: "POST", url, body: multipart(unknownIntent), contentType: "multipart/form-data; boundary=----sweep" },
    );
  }
  const brokenValues = valid.map(([name, value]) => `${encodeURIComponent(name)}=${name === "intent" ? value : "%00%C3%28%FF%zz"}`).join("&");
  probes.push(
    { label: "POST JSON", method: "POST", url, body: JSON.stringify(Object.fromEntries(valid)), contentType: "application/json" },
    { label: "POST broken JSON", method: "POST", url, body: '{"intent": "', contentType: "application/json" },
    { label: "POST text/plain", method: "POST", url, body: valid.map(([name, value]) => `${name}=${value}`).join("\r\n"), contentType: "text/plain" },
    { label: "POST no content type", method: "POST", url, body: urlencoded(valid) },
    { label: "POST multipart without boundary", method: "POST", url, body: multipart(valid), contentType: "multipart/form-data" },
    { label: "POST truncated multipart", method: "POST", url, body: multipart(valid).slice(0, -30), contentType: "multipart/form-data; boundary=----sweep" },
    { label: "POST multipart, wrong boundary", method: "POST", url, body: multipart(valid), contentType: "multipart/form-data; boundary=----other" },
    { label: "POST multipart, 10,000 fields", method: "POST", url, body: multipart(many), contentType: "multipart/form-data; boundary=----sweep" },
    { label: "POST urlencoded, 10,000 fields", method: "POST", url, body: urlencoded(many), contentType: "application/x-www-form-urlencoded" },
    { label: "POST urlencoded, broken escapes and invalid UTF-8", method: "POST", url, body: brokenValues, contentType: "application/x-www-form-urlencoded" },
  );
  return probes;
}

/**
 * One checksum per table, over every row — except what a request legitimately changes whatever its input:
 * - Session: each signed-in request renews its session (`lastActiveAt`); which sessions exist, for whom, is checked.
 * The sign-in throttle's counters (LoginThrottle) are checked whole: bad input is refused before an attempt counts.
 * Jobs live in the pgboss schema (job bookkeeping), outside `public`, and are not part of the sweep.
 */
const partialTables: Record<string, { columns: string; reason: string }> = {
  Session: { columns: `"id", "userId", "secretHash", "createdAt"`, reason: "every signed-in request renews its session (lastActiveAt)" },
};

async function checksums(): Promise<Record<string, string>> {
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const sums: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const partial = partialTables[table];
    if (partial && !partial.columns) continue;
    const row = partial ? `ROW(${partial.columns})` : "t";
    const [result] = await prisma.$queryRawUnsafe<{ sum: string | null; count: bigint }[]>(
      `SELECT md5(string_agg(${row}::text, '|' ORDER BY ${row}::text)) AS sum, count(*) AS count FROM "${table}" t`,
    );
    sums[table] = `${result?.count ?? 0}:${result?.sum ?? ""}`;
  }
  return sums;
}

function routePaths(entries: RouteConfigEntry[]): string[] {
  return entries.flatMap((entry) => [...(entry.index ? [""] : entry.path !== undefined ? [entry.path] : []), ...routePaths(entry.children ?? [])]);
}

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

describe("bad-input sweep", () => {
  const visitors = {} as Record<Who, Visitor>;
  const ids = {} as Ids;

  beforeAll(async () => {
    const baseUrl = inject("appUrl");
    const importer = await actorOf("editor");
    ids.article = (await createArticle(importer.id)).id;
    ids.claim = (await createClaim(importer, ids.article, { start: 0, end: 10 })).id;
    const snapshot = { status: "ARCHIVED" as const, httpStatus: 200, sha256: "0".repeat(64), text: "Arsip", sanitizedHtml: "<p>Arsip</p>", fetchedAt: new Date() };
    const source = await prisma.source.create({
      data: { claimId: ids.claim, url: "https://kemenkes.example/sweep", addedById: importer.id, snapshots: { create: snapshot } },
      select: { id: true, snapshots: { select: { id: true } } },
    });
    ids.source = source.id;
    ids.snapshot = source.snapshots[0]!.id;
    ids.rating = (await prisma.ratingLabel.findFirstOrThrow({ select: { id: true } })).id;
    ids.token = "not-a-real-token";
    visitors.anonymous = new Visitor(baseUrl);
    for (const role of ["reviewer", "editor", "admin"] as const) {
      const person = await actorOf(role);
      if (role === "reviewer") ids.reviewer = person.id;
      visitors[role] = new Visitor(baseUrl);
      await visitors[role].login(person.email, testPassword);
    }
  });

  it("covers every route in app/routes.ts, and nothing else", () => {
    expect(Object.keys(sweep).sort()).toEqual(routePaths(routes).sort());
  });

  for (const [pattern, spec] of Object.entries(sweep)) {
    it(`${pattern || "index"}: bad input never gets a 5xx and changes no row`, async () => {
      const probes = probesFor(spec, ids);
      const before = await checksums();
      const failures: string[] = [];
      const jobs = everyone.flatMap((who) => probes.filter((probe) => probe.method === "GET" || who === "anonymous" || pattern !== "logout").map((probe) => ({ who, probe })));
      await inPool(jobs, 4, async ({ who, probe }) => {
        let status = 0;
        // A server that answers before reading a large body may close the connection while it is still being
        // sent; if that happens before any answer arrived, the probe is sent again (twice at most).
        for (let attempt = 1; !status; attempt++) {
          try {
            status = await send(visitors[who], probe);
          } catch (error) {
            if (attempt < 3) continue;
            failures.push(`${who} ${probe.label} ${probe.url.slice(0, 120)}: ${String(error)}`);
            return;
          }
        }
        if (status >= 500) failures.push(`${who} ${probe.label} ${probe.url.slice(0, 120)} → ${status}`);
      });
      const after = await checksums();
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      expect({ failures, changed }).toEqual({ failures: [], changed: [] });
    });
  }
});
