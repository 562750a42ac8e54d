// Where readers find published fact-checks: the newsroom's public address (admin settings), else the
// app's own (APP_URL), else this machine. Canonical links, feeds and ClaimReview URLs are built on it —
// never on the request's Host header, which a client chooses (and a cached page would keep).
import type { Newsroom } from "~/newsroom/settings.server";
import { readServerEnv } from "~/utils/env.server";

let appUrl: string | undefined;

export function publicBaseUrl(newsroom: Pick<Newsroom, "publicUrl">): string {
  if (newsroom.publicUrl) return newsroom.publicUrl.replace(/\/+$/, "");
  if (appUrl === undefined) {
    const env = readServerEnv();
    appUrl = env.APP_URL?.replace(/\/+$/, "") ?? `http://localhost:${env.PORT}`;
  }
  return appUrl;
}

export function factCheckPath(slug: string, version?: number) {
  return version ? `/fact-checks/${slug}/v/${version}` : `/fact-checks/${slug}`;
}
