// Atom 1.0 feed of the newest published fact-checks. Public: it carries only what is published.
import { factCheckAtomFeed, feedCacheControl } from "~/publishing/feeds.server";

export async function loader() {
  return new Response(await factCheckAtomFeed(), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": feedCacheControl },
  });
}
