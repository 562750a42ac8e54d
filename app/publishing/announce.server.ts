// Telling the desk and every process's public page cache that a fact-check changed.
import { publishChange } from "~/live/bus.server";

/** `factcheck:<slug>` tells the public page cache (public-page/serve.server.ts) to render it again. */
export async function announceFactCheck(factCheck: { slug: string; articleId: string }, event: string, more: string[] = []) {
  await publishChange([`factcheck:${factCheck.slug}`, `article:${factCheck.articleId}`, "fact-checks", "desk", ...more], event);
}
