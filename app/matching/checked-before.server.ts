// "Checked before?": the known fact-checks a claim may repeat, as people see them. matchClaim (match.server.ts)
// ranks the candidates; this keeps those scoring at least the newsroom's `suggest` threshold and marks those at
// least at `likely the same`. Both thresholds are newsroom settings an admin sets; their defaults are measured
// by `npm run match:eval` (docs/decisions/0019).
import { recordAudit } from "~/audit/audit.server";
import { type Actor, assertPermitted } from "~/auth/actor";
import type { Language } from "~/claims/types";
import { prisma } from "~/db/client.server";
import { publishChange } from "~/live/bus.server";
import { liveCache } from "~/live/cache.server";
import { topic } from "~/live/topics";
import { type Match, matchClaim } from "~/matching/match.server";
import { getNewsroom } from "~/newsroom/settings.server";
import { type MatchThresholds, matchStrength } from "~/matching/thresholds";

export type { MatchThresholds } from "~/matching/thresholds";

export type CheckedBefore = Match & { likelySame: boolean };

/** Until an admin sets them; the same figures are the columns' defaults in prisma/schema.prisma (docs/decisions/0019). */
export const defaults: MatchThresholds = { suggestAt: 0.15, likelySameAt: 0.45 };

const thresholds = liveCache<void, MatchThresholds>({
  load: async () => {
    const row = await prisma.newsroomSettings.findUnique({ where: { id: 1 }, select: { matchSuggestAt: true, matchLikelySameAt: true } });
    return row ? { suggestAt: row.matchSuggestAt, likelySameAt: row.matchLikelySameAt } : defaults;
  },
  topicsOf: () => [topic.newsroom],
  ttlMs: 5_000,
});

export function matchThresholds(): Promise<MatchThresholds> {
  return thresholds.get();
}

/** Sets both thresholds (admins); `suggestAt` ≤ `likelySameAt`, both in [0, 1], is the caller's form's rule. */
export async function updateMatchThresholds(actor: Actor, next: MatchThresholds) {
  assertPermitted(actor, "update:settings:any");
  const data = { matchSuggestAt: next.suggestAt, matchLikelySameAt: next.likelySameAt };
  await prisma.$transaction(async (tx) => {
    const before = await tx.newsroomSettings.findUnique({ where: { id: 1 }, select: { matchSuggestAt: true, matchLikelySameAt: true } });
    // Before the newsroom is first saved there is no row yet: create it with the name every page shows meanwhile.
    await tx.newsroomSettings.upsert({ where: { id: 1 }, create: { id: 1, name: (await getNewsroom()).name, ...data }, update: data, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, action: "newsroom.match_thresholds", entityType: "NewsroomSettings", entityId: "1", before, after: data });
  });
  await publishChange([topic.newsroom], "newsroom.match_thresholds");
}

/** The known fact-checks `text` may repeat, best first: those at or above `suggest`, marked at `likely the same`. */
export async function checkedBefore(
  text: string,
  options: { language: Language | string; limit?: number; excludeClaimId?: string; thresholds?: MatchThresholds },
): Promise<CheckedBefore[]> {
  if (options.language !== "id" && options.language !== "en") return [];
  const thresholds = options.thresholds ?? (await matchThresholds());
  const matches = await matchClaim(text, { language: options.language, limit: options.limit, excludeClaimId: options.excludeClaimId });
  return matches
    .map((match) => ({ match, strength: matchStrength(match.score, thresholds) }))
    .filter(({ strength }) => strength !== "hidden")
    .map(({ match, strength }) => ({ ...match, likelySame: strength === "likelySame" }));
}

/**
 * Tells every instance that known fact-checks were added, changed or removed (a feed import, one of ours
 * published or withdrawn), so the "Checked before" lists remembered below are read again. Call it after the
 * transaction that changed them has committed.
 */
export async function announceKnownFactChecksChanged() {
  await publishChange([topic.knownFactChecks], "known-fact-checks");
}

type RememberedKey = { text: string; language: Language; limit: number; excludeClaimId: string | null };

// A workspace asks for every claim and suggestion of its article on each (live) reload; the answers change
// only when known fact-checks or the thresholds do. Entries are kept per (text, language) — and the limit and
// excluded claim, which change the answer — until either changes, and an hour at most.
const remembered = liveCache<RememberedKey, CheckedBefore[]>({
  load: (key) => checkedBefore(key.text, { language: key.language, limit: key.limit, excludeClaimId: key.excludeClaimId ?? undefined }),
  topicsOf: () => [topic.knownFactChecks, topic.newsroom],
  keyOf: (key) => JSON.stringify([key.language, key.limit, key.excludeClaimId, key.text]),
  ttlMs: 60 * 60_000,
  maxEntries: 5_000,
});

/** One text to look up in `checkedBeforeEach`, named by `key` in the answer. */
export type CheckedBeforeRequest = { key: string; text: string; excludeClaimId?: string };

/**
 * "Checked before" for many texts of one language at once (a workspace's claims and suggestions): key → its
 * matches (see `checkedBefore`), keys without any left out. Answers are remembered (above); at most
 * `concurrency` lookups run at a time, so a long article does not take the whole connection pool.
 */
export async function checkedBeforeEach(
  requests: CheckedBeforeRequest[],
  options: { language: Language | string; limit?: number; concurrency?: number },
): Promise<Record<string, CheckedBefore[]>> {
  const found: Record<string, CheckedBefore[]> = {};
  if (options.language !== "id" && options.language !== "en") return found;
  const language: Language = options.language;
  const limit = options.limit ?? 5;
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      const key = { text: request.text.trim(), language, limit, excludeClaimId: request.excludeClaimId ?? null };
      const matches = key.text ? await remembered.get(key) : [];
      if (matches.length > 0) found[request.key] = matches;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, requests.length)) }, worker));
  return found;
}

/** What `checkedBeforeInWorkspace` reads of a workspace (`getArticleWorkspace`). */
export type WorkspaceItems = {
  language: string;
  body: string;
  claims: { id: string; wording: string }[];
  suggestions: { id: string; start: number; end: number }[];
};

/** How many earlier fact-checks the workspace shows under each claim and suggestion. */
export const workspaceCheckedBeforeLimit = 3;

/**
 * "Checked before" for a workspace: each claim (its wording; never its own published review) and each open
 * suggestion (its passage of the text), by id → its best matches, items without any left out. An article of
 * undetermined language ("und") has none.
 */
export function checkedBeforeInWorkspace(article: WorkspaceItems): Promise<Record<string, CheckedBefore[]>> {
  return checkedBeforeEach(
    [
      ...article.claims.map((claim) => ({ key: claim.id, text: claim.wording, excludeClaimId: claim.id })),
      ...article.suggestions.map((suggestion) => ({ key: suggestion.id, text: article.body.slice(suggestion.start, suggestion.end) })),
    ],
    { language: article.language, limit: workspaceCheckedBeforeLimit },
  );
}
