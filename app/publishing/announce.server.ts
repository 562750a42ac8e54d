// Telling the desk and every process's public page cache that a fact-check changed.
import { publishChange } from "~/live/bus.server";
import { type LiveTopic, topic } from "~/live/topics";

/**
 * `topic.factCheck(slug)` tells the public page cache (public-page/serve.server.ts) to render it again;
 * `topic.knownFactChecks`, the "Checked before" lists (each change rewrites our own known fact-checks).
 */
export async function announceFactCheck(factCheck: { slug: string; articleId: string }, event: string, more: LiveTopic[] = []) {
  await publishChange([topic.factCheck(factCheck.slug), topic.article(factCheck.articleId), topic.factChecks, topic.desk, topic.knownFactChecks, ...more], event);
}
