// The route × role matrix: every route of app/routes.ts, visited as anonymous, reviewer, editor and admin,
// answers exactly what this table says. A route missing from the table fails the test.
import type { RouteConfigEntry } from "@react-router/dev/routes";
import { beforeAll, describe, expect, inject, it } from "vitest";
import routes from "~/routes";
import { location, Visitor } from "../support/http";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { actorOf, createArticle, testPassword } from "../support/fixtures";

type Who = "anonymous" | "reviewer" | "editor" | "admin";
const everyone: Who[] = ["anonymous", "reviewer", "editor", "admin"];
/** A status, or a status and where it redirects (a path prefix). */
type Expected = number | `302 ${string}`;
type Row = { url: string; method?: "GET" | "POST"; form?: Record<string, string>; expect: Record<Who, Expected>; contentType?: string };

const toLogin: Expected = "302 /login";
const signedIn = (expected: Expected) => ({ reviewer: expected, editor: expected, admin: expected });
const adminOnly = (anonymous: Expected): Record<Who, Expected> => ({ anonymous, reviewer: 403, editor: 403, admin: 200 });

/** Keyed by the route's path pattern in app/routes.ts ("" is the index route). */
const matrix: Record<string, Row[]> = {
  "": [{ url: "/", expect: { anonymous: toLogin, ...signedIn("302 /dashboard") } }],
  login: [
    { url: "/login", expect: { anonymous: 200, ...signedIn("302 /dashboard") } },
    { url: "/login", method: "POST", form: { email: "nobody@example.org", password: "wrong password" }, expect: { anonymous: 400, ...signedIn("302 /dashboard") } },
  ],
  logout: [{ url: "/logout", expect: { anonymous: toLogin, ...signedIn(toLogin) } }],
  // Users exist, so first-run setup is gone for everyone.
  setup: [
    { url: "/setup", expect: { anonymous: 404, ...signedIn(404) } },
    { url: "/setup", method: "POST", form: { name: "x" }, expect: { anonymous: 404, ...signedIn(404) } },
  ],
  "invite/:token": [{ url: "/invite/not-a-real-token", expect: { anonymous: 200, ...signedIn("302 /dashboard") } }],
  language: [{ url: "/language", expect: { anonymous: 404, ...signedIn(404) } }],
  healthz: [{ url: "/healthz", expect: { anonymous: 200, ...signedIn(200) } }],
  // Server-sent events: only the status and the content type are read, then the stream is let go.
  events: [
    { url: "/events?topics=notifications:me,queue:me,desk", contentType: "text/event-stream", expect: { anonymous: toLogin, ...signedIn(200) } },
    // The decisions queue's topic is for those who decide on verdicts.
    { url: "/events?topics=decisions", contentType: "text/event-stream", expect: { anonymous: toLogin, reviewer: 403, editor: 200, admin: 200 } },
    { url: "/events?topics=claim:{claim}", contentType: "text/event-stream", expect: { anonymous: toLogin, reviewer: 403, editor: 200, admin: 200 } },
    { url: "/events?topics=notifications:00000000-0000-4000-8000-000000000000", expect: { anonymous: toLogin, ...signedIn(403) } },
    { url: "/events?topics=everything", expect: { anonymous: toLogin, ...signedIn(400) } },
  ],
  // Public: the index of published fact-checks (a search and a cursor it did not make are harmless) and its feeds.
  "fact-checks": [
    { url: "/fact-checks", contentType: "text/html", expect: { anonymous: 200, ...signedIn(200) } },
    { url: "/fact-checks?q=%27%20OR%201%3D1%20--%20%26%21%3A*&cursor=not-a-cursor", contentType: "text/html", expect: { anonymous: 200, ...signedIn(200) } },
  ],
  "fact-checks/feed.atom": [{ url: "/fact-checks/feed.atom", contentType: "application/atom+xml", expect: { anonymous: 200, ...signedIn(200) } }],
  "fact-checks/feed.json": [{ url: "/fact-checks/feed.json", contentType: "application/ld+json", expect: { anonymous: 200, ...signedIn(200) } }],
  // Exports need the publishing permission (reviewers are refused whatever the article); this article has no fact-check.
  "articles/:articleId/fact-check.csv": [
    { url: "/articles/{article}/fact-check.csv", expect: { anonymous: toLogin, reviewer: 403, editor: 404, admin: 404 } },
    // An address whose id cannot be an id names nothing: 404 for everyone, before sign-in is checked (app/utils/address.server.ts).
    { url: "/articles/not-an-id/fact-check.csv", expect: { anonymous: 404, ...signedIn(404) } },
  ],
  // The editors' preview answers the publish or correction form (POST); there is nothing to show at its bare address.
  "articles/:articleId/fact-check/preview": [
    { url: "/articles/{article}/fact-check/preview", expect: { anonymous: toLogin, reviewer: 403, editor: 405, admin: 405 } },
    { url: "/articles/{article}/fact-check/preview", method: "POST", form: { intent: "publish" }, expect: { anonymous: toLogin, reviewer: 403, editor: 400, admin: 400 } },
    { url: "/articles/not-an-id/fact-check/preview", method: "POST", form: { intent: "publish" }, expect: { anonymous: 404, ...signedIn(404) } },
  ],
  "articles/:articleId/fact-check.json": [
    { url: "/articles/{article}/fact-check.json", expect: { anonymous: toLogin, reviewer: 403, editor: 404, admin: 404 } },
    { url: "/articles/not-an-id/fact-check.json", expect: { anonymous: 404, ...signedIn(404) } },
  ],
  dashboard: [{ url: "/dashboard", expect: { anonymous: toLogin, ...signedIn(200) } }],
  account: [{ url: "/account", expect: { anonymous: toLogin, ...signedIn(200) } }],
  notifications: [
    { url: "/notifications", expect: { anonymous: toLogin, ...signedIn(200) } },
    { url: "/notifications", method: "POST", form: { intent: "readAll" }, expect: { anonymous: toLogin, ...signedIn(200) } },
    { url: "/notifications", method: "POST", form: { intent: "read", id: "x" }, expect: { anonymous: toLogin, ...signedIn(400) } },
  ],
  // Comments are posted by the claim page's discussion form; the reviewer is not assigned this claim.
  "claims/:claimId/comments": [
    { url: "/claims/{claim}/comments", method: "POST", form: { intent: "add", body: " " }, expect: { anonymous: toLogin, reviewer: 404, editor: 400, admin: 400 } },
    { url: "/claims/{claim}/comments", expect: { anonymous: 405, ...signedIn(405) } },
  ],
  // Sources are posted by the claim page's sources section; the reviewer is not assigned this claim.
  "claims/:claimId/sources": [
    { url: "/claims/{claim}/sources", method: "POST", form: { intent: "add", url: "not a web address", kind: "OTHER", stance: "CONTEXT" }, expect: { anonymous: toLogin, reviewer: 403, editor: 400, admin: 400 } },
    { url: "/claims/{claim}/sources", expect: { anonymous: toLogin, ...signedIn(405) } },
  ],
  // An archived copy of a source on that claim, and the sandboxed page shown in its frame.
  "snapshots/:snapshotId": [
    { url: "/snapshots/{snapshot}", expect: { anonymous: toLogin, reviewer: 404, editor: 200, admin: 200 } },
    { url: "/snapshots/00000000-0000-4000-8000-000000000000", expect: { anonymous: toLogin, ...signedIn(404) } },
  ],
  "snapshots/:snapshotId/raw": [
    { url: "/snapshots/{snapshot}/raw", contentType: "text/html", expect: { anonymous: toLogin, reviewer: 404, editor: 200, admin: 200 } },
  ],
  articles: [{ url: "/articles", expect: { anonymous: toLogin, ...signedIn(200) } }],
  "articles/new": [
    { url: "/articles/new", expect: { anonymous: toLogin, reviewer: 403, editor: 200, admin: 200 } },
    { url: "/articles/new", method: "POST", form: { intent: "paste", title: "", body: "" }, expect: { anonymous: toLogin, reviewer: 403, editor: 422, admin: 422 } },
  ],
  // Reviewers see only articles with claims assigned to them: this one has none.
  "articles/:articleId": [
    { url: "/articles/{article}", expect: { anonymous: toLogin, reviewer: 404, editor: 200, admin: 200 } },
    { url: "/articles/00000000-0000-4000-8000-000000000000", expect: { anonymous: toLogin, reviewer: 404, editor: 404, admin: 404 } },
    { url: "/articles/{article}", method: "POST", form: { intent: "createClaim", start: "5", end: "5" }, expect: { anonymous: toLogin, reviewer: 403, editor: 400, admin: 400 } },
  ],
  "articles/:articleId/board": [
    { url: "/articles/{article}/board", expect: { anonymous: toLogin, reviewer: 403, editor: 200, admin: 200 } },
    { url: "/articles/{article}/board", method: "POST", form: { intent: "assign" }, expect: { anonymous: toLogin, reviewer: 403, editor: 400, admin: 400 } },
  ],
  "articles/:articleId/fact-check": [
    { url: "/articles/{article}/fact-check", expect: { anonymous: toLogin, reviewer: 403, editor: 200, admin: 200 } },
    { url: "/articles/{article}/fact-check", method: "POST", form: { intent: "publish" }, expect: { anonymous: toLogin, reviewer: 403, editor: 400, admin: 400 } },
  ],
  // "Checked before?" as JSON: any staff member may look a text up; a look-up without text is refused.
  "claims/match": [
    { url: "/claims/match?text=Korea%20Utara%20mengirim%2010.000%20tentara%20ke%20Kursk", contentType: "application/json", expect: { anonymous: toLogin, ...signedIn(200) } },
    { url: "/claims/match?lang=en&limit=3", contentType: "application/json", expect: { anonymous: toLogin, ...signedIn(400) } },
  ],
  // Reviewers see only claims assigned to them: this one is not.
  "claims/:claimId": [{ url: "/claims/{claim}", expect: { anonymous: toLogin, reviewer: 404, editor: 200, admin: 200 } }],
  queue: [{ url: "/queue", expect: { anonymous: toLogin, reviewer: 200, editor: 403, admin: 200 } }],
  workload: [{ url: "/workload", expect: { anonymous: toLogin, reviewer: 403, editor: 200, admin: 200 } }],
  // One person's open claims (here the matrix's reviewer); someone who neither reviews nor holds claims is not found.
  "workload/:personId": [
    { url: "/workload/{reviewer}", expect: { anonymous: toLogin, reviewer: 403, editor: 200, admin: 200 } },
    { url: "/workload/{reviewer}?show=overdue", expect: { anonymous: toLogin, reviewer: 403, editor: 200, admin: 200 } },
    { url: "/workload/00000000-0000-4000-8000-000000000000", expect: { anonymous: toLogin, reviewer: 403, editor: 404, admin: 404 } },
    { url: "/workload/not-an-id", expect: { anonymous: 404, ...signedIn(404) } },
  ],
  // Verdicts are posted by the claim page's verdict section. This claim is unassigned: the reviewer is not its
  // reviewer, editors may not propose, and nothing has been proposed, so there is nothing to approve.
  "claims/:claimId/verdicts": [
    { url: "/claims/{claim}/verdicts", expect: { anonymous: toLogin, ...signedIn(405) } },
    {
      url: "/claims/{claim}/verdicts",
      method: "POST",
      form: { intent: "propose", claimVersion: "1", ratingId: "00000000-0000-4000-8000-000000000000", rationale: "Keliru." },
      expect: { anonymous: toLogin, reviewer: 403, editor: 403, admin: 409 },
    },
    { url: "/claims/{claim}/verdicts", method: "POST", form: { intent: "approve", claimVersion: "1" }, expect: { anonymous: toLogin, reviewer: 403, editor: 409, admin: 409 } },
    { url: "/claims/{claim}/verdicts", method: "POST", form: { intent: "return", claimVersion: "1", comment: " " }, expect: { anonymous: toLogin, reviewer: 403, editor: 400, admin: 400 } },
    { url: "/claims/{claim}/verdicts", method: "POST", form: { intent: "publish" }, expect: { anonymous: toLogin, ...signedIn(400) } },
    { url: "/claims/00000000-0000-4000-8000-000000000000/verdicts", method: "POST", form: { intent: "approve", claimVersion: "1" }, expect: { anonymous: toLogin, reviewer: 403, editor: 404, admin: 404 } },
  ],
  "admin/users": [
    { url: "/admin/users", expect: adminOnly(toLogin) },
    { url: "/admin/users", method: "POST", form: { intent: "revoke", inviteId: "00000000-0000-4000-8000-000000000000" }, expect: adminOnly(toLogin) },
  ],
  "admin/settings": [
    { url: "/admin/settings", expect: adminOnly(toLogin) },
    { url: "/admin/settings", method: "POST", form: { name: "" }, expect: { anonymous: toLogin, reviewer: 403, editor: 403, admin: 400 } },
  ],
  "admin/scale": [
    { url: "/admin/scale", expect: adminOnly(toLogin) },
    { url: "/admin/scale", method: "POST", form: { intent: "add", labelEn: "", labelId: "", colour: "#000000" }, expect: { anonymous: toLogin, reviewer: 403, editor: 403, admin: 400 } },
  ],
  "admin/claim-reviews": [
    { url: "/admin/claim-reviews", expect: adminOnly(toLogin) },
    { url: "/admin/claim-reviews", method: "POST", form: { intent: "addUrl", name: "", url: "" }, expect: { anonymous: toLogin, reviewer: 403, editor: 403, admin: 400 } },
  ],
  "*": [{ url: "/no-such-page", expect: { anonymous: 404, ...signedIn(404) } }],
};

function routePaths(entries: RouteConfigEntry[]): string[] {
  return entries.flatMap((entry) => [
    ...(entry.index ? [""] : entry.path !== undefined ? [entry.path] : []),
    ...routePaths(entry.children ?? []),
  ]);
}

describe("route × role matrix", () => {
  const visitors = {} as Record<Who, Visitor>;

  let articleId = "";
  let claimId = "";
  let snapshotId = "";
  let reviewerId = "";

  beforeAll(async () => {
    const baseUrl = inject("appUrl");
    const importer = await actorOf("editor");
    articleId = (await createArticle(importer.id)).id;
    claimId = (await createClaim(importer, articleId, { start: 0, end: 10 })).id;
    const snapshot = { status: "ARCHIVED" as const, httpStatus: 200, sha256: "0".repeat(64), text: "Arsip", sanitizedHtml: "<p>Arsip</p>", fetchedAt: new Date() };
    const source = await prisma.source.create({
      data: { claimId, url: "https://kemenkes.example/rilis", addedById: importer.id, snapshots: { create: snapshot } },
      select: { snapshots: { select: { id: true } } },
    });
    snapshotId = source.snapshots[0]!.id;
    visitors.anonymous = new Visitor(baseUrl);
    for (const role of ["reviewer", "editor", "admin"] as const) {
      const person = await actorOf(role);
      if (role === "reviewer") reviewerId = person.id;
      visitors[role] = new Visitor(baseUrl);
      await visitors[role].login(person.email, testPassword);
    }
  });

  it("covers every route in app/routes.ts, and nothing else", () => {
    const paths = routePaths(routes).sort();
    expect(Object.keys(matrix).sort()).toEqual(paths);
  });

  for (const [pattern, rows] of Object.entries(matrix)) {
    for (const row of rows) {
      for (const who of everyone) {
        const expected = row.expect[who];
        it(`${row.method ?? "GET"} ${row.url} (${pattern || "index"}) as ${who} → ${expected}`, async () => {
          const visitor = visitors[who];
          const url = row.url.replace("{article}", articleId).replace("{claim}", claimId).replace("{snapshot}", snapshotId).replace("{reviewer}", reviewerId);
          const response = row.method === "POST" ? await visitor.post(url, row.form ?? {}) : await visitor.get(url);
          const contentType = response.headers.get("content-type") ?? "";
          // An event stream does not end by itself: stop reading it here.
          if (contentType.startsWith("text/event-stream")) await response.body?.cancel();
          if (typeof expected === "number") {
            expect(response.status).toBe(expected);
            if (row.contentType && expected === 200) expect(contentType).toContain(row.contentType);
          } else {
            const [, target = ""] = expected.split(" ");
            expect(response.status).toBe(302);
            expect(location(response)).toMatch(new RegExp(`^${target.replace(/[/]/g, "\\/")}(\\?|$)`));
          }
        });
      }
    }
  }
});
