// Atom 1.0 feed of the newest published fact-checks. Public: it carries only what is published.
import { factCheckAtomFeed, feedCacheControl } from "~/publishing/feeds.server";
import { requestOrigin } from "~/publishing/public-url.server";
import type { Route } from "./+types/fact-checks.feed.atom";

export async function loader({ request }: Route.LoaderArgs) {
  return new Response(await factCheckAtomFeed(requestOrigin(request)), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": feedCacheControl },
  });
}
