// Start-up and public addresses: a production deployment (its own PostgreSQL) refuses to start without
// APP_URL and builds every absolute link on it (public page, feeds, the editors' exports), whatever Host a request names (the embedded demo's addresses,
// which follow the address it is served from, are checked in embedded-database.test.ts); an admin's public
// address wins over both; /favicon.ico is the app's icon.
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "~/db/client.server";
import { demoPassword } from "~/demo/seed.server";
import { sampleFactCheckSlug } from "~/demo/published";
import { startApp } from "../support/app-server";
import { Visitor } from "../support/http";

const appUrl = () => inject("appUrl");
/** The same app, addressed by its IP instead of "localhost". */
const byIp = () => appUrl().replace("//localhost:", "//127.0.0.1:");

async function publicPage(origin: string) {
  const response = await fetch(`${origin}/fact-checks/${sampleFactCheckSlug}`);
  expect(response.status).toBe(200);
  const { document } = parseHTML(await response.text());
  const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map(
    (script) => JSON.parse(script.textContent ?? "null") as unknown,
  );
  const reviews = jsonLd.flat() as { "@type": string; url: string }[];
  return {
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute("href"),
    ogUrl: document.querySelector('meta[property="og:url"]')?.getAttribute("content") ?? null,
    reviewUrls: reviews.filter((node) => node["@type"] === "ClaimReview").map((node) => node.url),
  };
}

describe("the public address of a production deployment", () => {
  it("refuses to start without APP_URL, saying which setting is missing", async () => {
    const started = startApp({ DATABASE_URL: inject("appDatabaseUrl"), SEED_DEMO: "0", APP_URL: undefined });
    await expect(started).rejects.toThrow(/Invalid configuration:\n {2}APP_URL: required in production with DATABASE_URL/);
    await expect(started).rejects.not.toThrow(/at .*env\.server/);
  });

  it("is APP_URL for canonical links, ClaimReview and feeds, whatever Host the request names", async () => {
    for (const origin of [byIp(), appUrl()]) {
      const page = await publicPage(origin);
      expect(page.canonical).toBe(`${appUrl()}/fact-checks/${sampleFactCheckSlug}`);
      expect(page.ogUrl).toBe(page.canonical);
      expect(page.reviewUrls).toHaveLength(5);
      for (const url of page.reviewUrls) expect(url.startsWith(`${appUrl()}/fact-checks/${sampleFactCheckSlug}#claim-`)).toBe(true);
    }
    const atom = await (await fetch(`${byIp()}/fact-checks/feed.atom`)).text();
    expect(atom).toContain(`<link rel="alternate" type="text/html" href="${appUrl()}/fact-checks/${sampleFactCheckSlug}"/>`);
    expect(atom).not.toContain("127.0.0.1");
    const feed = (await (await fetch(`${byIp()}/fact-checks/feed.json`)).json()) as { url: string; dataFeedElement: { url: string }[] };
    expect(feed.url).toBe(`${appUrl()}/fact-checks`);
    expect(feed.dataFeedElement.map((review) => review.url).every((url) => url.startsWith(`${appUrl()}/fact-checks/`))).toBe(true);
  });

  it("is APP_URL in the editors' exports (CSV and JSON), whatever Host the request names", async () => {
    const { articleId } = await prisma.factCheck.findUniqueOrThrow({ where: { slug: sampleFactCheckSlug }, select: { articleId: true } });
    // Signed in and asking through the IP address: the request's Host is 127.0.0.1, APP_URL names localhost.
    const editor = new Visitor(byIp(), { "Accept-Language": "en" });
    await editor.login("editor@example.org", demoPassword);
    const json = await editor.get(`/articles/${articleId}/fact-check.json`);
    expect(json.status).toBe(200);
    const record = (await json.json()) as { url: string; claimReviews: { url: string }[] };
    expect(record.url).toBe(`${appUrl()}/fact-checks/${sampleFactCheckSlug}`);
    expect(record.claimReviews.length).toBeGreaterThan(0);
    for (const review of record.claimReviews) expect(review.url.startsWith(`${appUrl()}/fact-checks/${sampleFactCheckSlug}#claim-`)).toBe(true);
    const csv = await editor.get(`/articles/${articleId}/fact-check.csv`);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain(`${appUrl()}/fact-checks/${sampleFactCheckSlug}`);
    expect(text).not.toContain(new URL(byIp()).host);
  });

  describe("set by an admin", () => {
    let original: Promise<{
      name: string;
      publicUrl: string | null;
      defaultLanguage: string;
      timeZone: string;
      creditReviewers: boolean;
      blindSecondReview: boolean;
      logoUrl: string | null;
    }>;
    let admin: Visitor;
    beforeAll(() => {
      original = prisma.newsroomSettings.findUniqueOrThrow({ where: { id: 1 } });
      admin = new Visitor(appUrl(), { "Accept-Language": "en" });
    });
    const save = async (publicUrl: string) => {
      const newsroom = await original;
      const form: Record<string, string> = {
        name: newsroom.name,
        publicUrl,
        defaultLanguage: newsroom.defaultLanguage,
        timeZone: newsroom.timeZone,
        logoUrl: newsroom.logoUrl ?? "",
      };
      if (newsroom.creditReviewers) form.creditReviewers = "on";
      if (newsroom.blindSecondReview) form.blindSecondReview = "on";
      expect((await admin.post("/admin/settings", form)).status).toBe(200);
    };
    afterAll(async () => {
      await save((await original).publicUrl ?? "");
    });

    it("wins over APP_URL", async () => {
      expect((await original).publicUrl).toBeNull();
      await admin.login("admin@example.org", demoPassword);
      await save("https://cekfakta.example.id/");
      const page = await publicPage(byIp());
      expect(page.canonical).toBe(`https://cekfakta.example.id/fact-checks/${sampleFactCheckSlug}`);
      expect(page.reviewUrls.every((url) => url.startsWith(`https://cekfakta.example.id/fact-checks/${sampleFactCheckSlug}#claim-`))).toBe(
        true,
      );
    });
  });
});

describe("/favicon.ico", () => {
  it("is the app's icon", async () => {
    const response = await fetch(`${appUrl()}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // ICONDIR: reserved 0, type 1 (icon), at least one image, 32×32.
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(bytes[4]).toBeGreaterThan(0);
    expect([bytes[6], bytes[7]]).toEqual([32, 32]);
  });
});
