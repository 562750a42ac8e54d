// Live topics: the names of what changed, as domain code announces them (`publishChange`), pages watch them
// (`useLiveRevalidation`, /events) and caches forget by them (`liveCache`). Always built here, never written
// by hand; plain code, so pages can use it too. Who may watch which is in topics.server.ts.
//   article:<id>        an article: its text, its claims, its board, its fact-check
//   claim:<id>          a claim: its status, assignment, verdicts, sources, discussion
//   queue:<userId>      a reviewer's queue (pages ask for their own as `queue:me`)
//   notifications:<id>  a person's notifications (pages ask for their own as `notifications:me`)
//   factcheck:<slug>    a published fact-check's public pages
//   desk                the desk's figures and lists (dashboard, workload)
//   decisions           the queue of verdicts waiting for a decision
//   newsroom            the newsroom's settings
//   fact-checks         every public page at once (the newsroom's name, address or credits changed)
//   known-fact-checks   the known fact-checks claims are matched against ("Checked before"): a feed import,
//                       one of ours published or withdrawn

export type LiveTopic =
  | `article:${string}`
  | `claim:${string}`
  | `queue:${string}`
  | `notifications:${string}`
  | `factcheck:${string}`
  | "desk"
  | "decisions"
  | "newsroom"
  | "fact-checks"
  | "known-fact-checks";

export const topic = {
  article: (articleId: string) => `article:${articleId}` as const,
  claim: (claimId: string) => `claim:${claimId}` as const,
  queue: (userId: string) => `queue:${userId}` as const,
  notifications: (userId: string) => `notifications:${userId}` as const,
  factCheck: (slug: string) => `factcheck:${slug}` as const,
  desk: "desk",
  decisions: "decisions",
  newsroom: "newsroom",
  factChecks: "fact-checks",
  knownFactChecks: "known-fact-checks",
  /** The signed-in person's own queue and notifications, as a page asks for them (/events names them by id). */
  myQueue: "queue:me",
  myNotifications: "notifications:me",
  /** Every article's topic, for a cache that any change to an article makes stale. */
  anyArticle: "article:*",
} as const satisfies Record<string, LiveTopic | ((id: string) => LiveTopic)>;

/** A change naming this topic reaches every watcher (a `resync` after the bus missed changes). */
export const everyTopic = "*";

/**
 * Whether a change to `changed` concerns whoever watches `watched`: the same topic, a family it belongs to
 * (`article:*` covers every `article:<id>`), or every topic (`*` on either side).
 */
export function concerns(watched: string, changed: string): boolean {
  if (watched === changed || watched === everyTopic || changed === everyTopic) return true;
  return watched.endsWith(":*") && changed.startsWith(watched.slice(0, -1));
}
