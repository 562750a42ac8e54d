// schema.org DataFeed of the ClaimReviews of the newest published fact-checks, for aggregators.
// Public: it carries only what is published.
import { claimReviewDataFeed, feedCacheControl } from "~/publishing/feeds.server";

export async function loader() {
  return new Response(JSON.stringify(await claimReviewDataFeed()), {
    headers: { "Content-Type": "application/ld+json; charset=utf-8", "Cache-Control": feedCacheControl },
  });
}
