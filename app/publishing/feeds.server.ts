// Feeds of the newest published fact-checks, for readers and aggregators:
// - Atom 1.0 (/fact-checks/feed.atom): headline, summary and dates of each;
// - a schema.org DataFeed (/fact-checks/feed.json): every ClaimReview of each one's current version.
// Addresses are absolute, on the public address (publicBaseUrl: the newsroom's, else APP_URL, else the
// request's origin).
import { prisma } from "~/db/client.server";
import { getNewsroom } from "~/newsroom/settings.server";
import { atomDocument } from "./atom";
import type { JsonLdNode } from "./claim-review-markup";
import { claimReviewsOf, newsroomLanguage } from "./published-claim-reviews.server";
import type { PublishedContent } from "./content";
import { factCheckPath, publicBaseUrl } from "./public-url.server";

/** How many fact-checks a feed carries: the newest by first publication. */
export const feedSize = 50;

export const feedPaths = { atom: "/fact-checks/feed.atom", json: "/fact-checks/feed.json", index: "/fact-checks" } as const;

const feedFields = {
  id: true,
  slug: true,
  language: true,
  headline: true,
  summary: true,
  currentVersion: true,
  firstPublishedAt: true,
  lastPublishedAt: true,
} as const;

function newestPublished() {
  return prisma.factCheck.findMany({
    where: { status: "PUBLISHED" },
    orderBy: [{ firstPublishedAt: "desc" }, { id: "desc" }],
    take: feedSize,
    select: feedFields,
  });
}

/**
 * When the feed last changed: the latest publication, correction or withdrawal of any fact-check
 * (a withdrawn one leaves the feed, and that is a change too). Now, when nothing was ever published.
 */
async function feedUpdated(): Promise<Date> {
  const { _max } = await prisma.factCheck.aggregate({ _max: { lastPublishedAt: true, withdrawnAt: true } });
  const times = [_max.lastPublishedAt, _max.withdrawnAt].filter((at): at is Date => at !== null).map((at) => at.getTime());
  return times.length ? new Date(Math.max(...times)) : new Date();
}

/** The Atom document of the newest published fact-checks, for a request that came to `origin`. */
export async function factCheckAtomFeed(origin: string): Promise<string> {
  const [newsroom, factChecks, updated] = await Promise.all([getNewsroom(), newestPublished(), feedUpdated()]);
  const base = publicBaseUrl(newsroom, origin);
  return atomDocument({
    id: `${base}${feedPaths.index}`,
    title: newsroom.name,
    language: newsroomLanguage(newsroom),
    updated,
    selfUrl: `${base}${feedPaths.atom}`,
    alternateUrl: `${base}${feedPaths.index}`,
    author: { name: newsroom.name, uri: newsroom.publicUrl },
    logoUrl: newsroom.logoUrl,
    entries: factChecks.map((factCheck) => {
      const url = `${base}${factCheckPath(factCheck.slug)}`;
      return {
        id: url,
        title: factCheck.headline,
        url,
        summary: factCheck.summary,
        language: factCheck.language,
        published: factCheck.firstPublishedAt,
        updated: factCheck.lastPublishedAt,
      };
    }),
  });
}

export type ClaimReviewDataFeed = {
  "@context": "https://schema.org";
  "@type": "DataFeed";
  name: string;
  url: string;
  dateModified: string;
  dataFeedElement: JsonLdNode[];
};

/** Every ClaimReview of the current version of each of the newest published fact-checks, as one schema.org DataFeed. */
export async function claimReviewDataFeed(origin: string): Promise<ClaimReviewDataFeed> {
  const [newsroom, factChecks, updated] = await Promise.all([getNewsroom(), newestPublished(), feedUpdated()]);
  const versions = factChecks.length
    ? await prisma.factCheckVersion.findMany({
        where: { OR: factChecks.map((factCheck) => ({ factCheckId: factCheck.id, version: factCheck.currentVersion })) },
        select: { factCheckId: true, content: true },
      })
    : [];
  const contentOf = new Map(versions.map((version) => [version.factCheckId, version.content as unknown as PublishedContent]));
  const base = publicBaseUrl(newsroom, origin);
  const elements = factChecks.flatMap((factCheck) => {
    const content = contentOf.get(factCheck.id);
    if (!content) return [];
    try {
      return claimReviewsOf(factCheck, content, newsroom, base);
    } catch (error) {
      // One fact-check the builder refuses (a malformed newsroom address, say) must not take the feed down.
      console.error(`ClaimReview feed: skipping ${factCheck.slug}: ${(error as Error).message}`);
      return [];
    }
  });
  return {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    name: newsroom.name,
    url: `${base}${feedPaths.index}`,
    dateModified: updated.toISOString(),
    dataFeedElement: elements,
  };
}

/** Feeds are the same for everyone: shared caches may keep them for five minutes. */
export const feedCacheControl = "public, max-age=300";
