// Published fact-checks over HTTP, on the production build: the public index (with and without
// JavaScript), its Atom and ClaimReview feeds, and the editors' CSV/JSON exports and who may have them.
// The fact-check is published through the domain functions, straight into the app's database.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "~/db/client.server";
import { actorOf, createArticle, testPassword } from "../support/fixtures";
import { gotoHydrated, launchBrowser } from "../support/browser";
import { publishTestFactCheck } from "../support/fact-checks";
import { Visitor, location } from "../support/http";

let published: Awaited<ReturnType<typeof publishTestFactCheck>>;
const headline = "Keliru: pengerahan <pasukan> & kapal ke Natuna dibatalkan";

beforeAll(async () => {
  published = await publishTestFactCheck({
    headline,
    summary: "Panglima TNI menyebut kapal masih berpatroli di Natuna.",
    body: "Pemerintah disebut membatalkan pengiriman kapal perang ke Natuna pekan ini. TNI membantah kabar itu.",
    language: "id",
    claims: [{ quote: "Pemerintah disebut membatalkan pengiriman kapal perang ke Natuna", rating: "False", claimant: "Unggahan X" }],
  });
});

async function signedIn(role: "reviewer" | "editor") {
  const person = await actorOf(role);
  const visitor = new Visitor(inject("appUrl"));
  await visitor.login(person.email, testPassword);
  return visitor;
}

describe("the public index", () => {
  it("lists the fact-check for anonymous visitors, links it in its language, and points to the feed", async () => {
    const response = await new Visitor(inject("appUrl"), { "Accept-Language": "en" }).get("/fact-checks");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<link rel="alternate" type="application/atom+xml" href="/fact-checks/feed.atom"`);
    expect(html).toContain(`<article lang="id"><h2 class="fact-index__headline"><a href="/fact-checks/${published.slug}">`);
    // The headline is the newsroom's text: escaped, never markup.
    expect(html).toContain("Keliru: pengerahan &lt;pasukan&gt; &amp; kapal ke Natuna dibatalkan");
    expect(html).not.toContain("<pasukan>");
    // A search form that works without JavaScript: a GET to this page.
    const form = html.match(/<form [^>]*role="search"[^>]*>/)?.[0] ?? "";
    expect(form).toContain('method="get"');
    expect(form).toContain('action="/fact-checks"');
    expect(html).toMatch(/<input [^>]*name="q"/);
  });

  it("finds it by another form of an Indonesian word, and says when nothing matches", async () => {
    const visitor = new Visitor(inject("appUrl"), { "Accept-Language": "en" });
    const found = await (await visitor.get(`/fact-checks?q=${encodeURIComponent("mengerahkan")}`)).text();
    expect(found).toContain(`href="/fact-checks/${published.slug}"`);
    const none = await (await visitor.get(`/fact-checks?q=${encodeURIComponent("zzzqqq <b>")}`)).text();
    expect(none).not.toContain(`href="/fact-checks/${published.slug}"`);
    expect(none).toContain("No fact-check matches “zzzqqq &lt;b&gt;”");
  });

  it("renders and hydrates in a browser without errors (CSP included), and searches with the form", async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ locale: "id-ID", baseURL: inject("appUrl") });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      await gotoHydrated(page, "/fact-checks");
      expect(await page.textContent("h1")).toBe("Cek fakta");
      // Both words must match: the demo's fact-check is about troop deployments too ("pengerahan pasukan").
      await page.getByLabel("Cari cek fakta").fill("mengerahkan Natuna");
      await page.getByRole("button", { name: "Cari", exact: true }).click();
      await page.waitForURL((url) => url.pathname === "/fact-checks" && url.searchParams.get("q") === "mengerahkan Natuna");
      await expect.poll(() => page.locator(".fact-index__headline").allTextContents()).toEqual([headline]);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});

describe("the feeds", () => {
  it("serve Atom with the fact-check, cacheable by anyone for five minutes", async () => {
    const response = await new Visitor(inject("appUrl")).get("/fact-checks/feed.atom");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const xml = await response.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml).toContain(`<title type="text">Keliru: pengerahan &lt;pasukan&gt; &amp; kapal ke Natuna dibatalkan</title>`);
    expect(xml).toMatch(new RegExp(`<id>https?://[^<]+/fact-checks/${published.slug}</id>`));
  });

  it("serve the ClaimReview DataFeed as JSON-LD", async () => {
    const response = await new Visitor(inject("appUrl")).get("/fact-checks/feed.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const feed = (await response.json()) as { "@type": string; dataFeedElement: { "@type": string; url: string; headline: string }[] };
    expect(feed["@type"]).toBe("DataFeed");
    const review = feed.dataFeedElement.find((element) => element.url.endsWith(`/fact-checks/${published.slug}#claim-1`));
    expect(review).toMatchObject({ "@type": "ClaimReview", headline });
  });
});

describe("editors' exports", () => {
  it("give an editor the CSV and the JSON as downloads named after the slug and version", async () => {
    const editor = await signedIn("editor");
    const csv = await editor.get(`/articles/${published.articleId}/fact-check.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="${published.slug}-v1.csv"`);
    expect(csv.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("\r\nclaim-1,Pemerintah disebut membatalkan pengiriman kapal perang ke Natuna,");

    const json = await editor.get(`/articles/${published.articleId}/fact-check.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("content-disposition")).toBe(`attachment; filename="${published.slug}-v1.json"`);
    expect(await json.json()).toMatchObject({
      slug: published.slug,
      version: 1,
      headline,
      versions: [{ version: 1, correctionNote: null }],
    });
  });

  it("refuse reviewers (403) and send anonymous visitors to sign in, even for a published fact-check", async () => {
    const reviewer = await signedIn("reviewer");
    for (const format of ["csv", "json"]) {
      expect((await reviewer.get(`/articles/${published.articleId}/fact-check.${format}`)).status).toBe(403);
      const anonymous = await new Visitor(inject("appUrl")).get(`/articles/${published.articleId}/fact-check.${format}`);
      expect(anonymous.status).toBe(302);
      expect(location(anonymous)).toMatch(/^\/login\?redirectTo=/);
    }
  });

  it("answer 404 to an editor for an article that has no fact-check", async () => {
    const editor = await signedIn("editor");
    const importer = await actorOf("editor");
    const { id: articleId } = await createArticle(importer.id);
    expect(await prisma.factCheck.count({ where: { articleId } })).toBe(0);
    for (const format of ["csv", "json"]) expect((await editor.get(`/articles/${articleId}/fact-check.${format}`)).status).toBe(404);
  });
});
