// schema.org DataFeed of the ClaimReviews of the newest published fact-checks, for aggregators.
// Public: it carries only what is published.
import { claimReviewDataFeed, feedCacheControl } from "~/publishing/feeds.server";
import { requestOrigin } from "~/publishing/public-url.server";
import type { Route } from "./+types/fact-checks.feed.json";

export async function loader({ request }: Route.LoaderArgs) {
  return new Response(JSON.stringify(await claimReviewDataFeed(requestOrigin(request))), {
    headers: { "Content-Type": "application/ld+json; charset=utf-8", "Cache-Control": feedCacheControl },
  });
}
