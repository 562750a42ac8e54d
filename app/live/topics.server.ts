// Which live topics (topics.ts) a signed-in user may watch (/events). A topic names what changed, never its
// content, but even that is only told to people who may read the thing:
//   claim:<id>                 whoever may read the claim (app/auth/claim-access.ts: editors and admins,
//                              its assigned reviewer, a blind second reviewer of it)
//   article:<id>               editors and admins (read:article:any); reviewers only with a current
//                              assignment on a claim of that article
//   notifications:<id>         only one's own (`notifications:me`)
//   queue:<id>                 one's own (`queue:me`); anyone's for those who assign claims
//   desk                       everyone who sees the dashboard
//   decisions                  those who decide on verdicts (approve:verdict:any): the decisions queue
// Access is checked when the stream opens; a reviewer whose assignment ends keeps hearing that claim's
// change kinds until the page reconnects (the data itself is behind the page's loader).
import { userCan } from "~/auth/permissions";
import type { Actor } from "~/auth/actor";
import { prisma } from "~/db/client.server";
import { readableClaimIds } from "~/auth/claim-access.server";
import { type LiveTopic, topic } from "./topics";

export const maxTopics = 20;

/** A topic as the page asked for it (`notifications:me`) and as it is published (`notifications:<id>`). */
export type WatchedTopic = { requested: string; topic: LiveTopic };

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const topicPattern = new RegExp(`^(?:(claim|article):(${uuid})|(queue|notifications):(me|${uuid})|(desk|decisions))$`, "i");
const topicOf = { claim: topic.claim, article: topic.article, queue: topic.queue, notifications: topic.notifications };
const deskTopics = { desk: topic.desk, decisions: topic.decisions };

/** Parses `claim:ID,article:ID,queue:me,…`; null when it is empty, too long or names an unknown topic. */
export function parseTopics(raw: string | null | undefined, userId: string): WatchedTopic[] | null {
  const parts = [...new Set((raw ?? "").split(",").map((part) => part.trim()).filter(Boolean))];
  if (!parts.length || parts.length > maxTopics) return null;
  const topics: WatchedTopic[] = [];
  for (const requested of parts) {
    const match = topicPattern.exec(requested);
    if (!match) return null;
    const [, kind1, id1, kind2, id2, desk] = match;
    if (desk) topics.push({ requested, topic: deskTopics[desk.toLowerCase() as keyof typeof deskTopics] });
    else if (kind1) topics.push({ requested, topic: topicOf[kind1.toLowerCase() as "claim" | "article"](id1!.toLowerCase()) });
    else topics.push({ requested, topic: topicOf[kind2!.toLowerCase() as "queue" | "notifications"](id2 === "me" ? userId : id2!.toLowerCase()) });
  }
  return topics;
}

/** True when `user` may watch every one of `topics`. */
export async function mayWatch(user: Actor, topics: WatchedTopic[]): Promise<boolean> {
  const claimIds: string[] = [];
  const articleIds: string[] = [];
  for (const watched of topics) {
    const [kind, id = ""] = watched.topic.split(":");
    if (kind === "desk" && !userCan(user, "read:dashboard:any")) return false;
    if (kind === "decisions" && !userCan(user, "approve:verdict:any")) return false;
    if (kind === "notifications" && id !== user.id) return false;
    if (kind === "queue" && id !== user.id && !userCan(user, "assign:claim:any")) return false;
    if (kind === "claim") claimIds.push(id);
    if (kind === "article") articleIds.push(id);
  }
  if (!claimIds.length && !articleIds.length) return true;
  if (userCan(user, "read:article:any")) return true;
  if (!userCan(user, "read:article:own")) return false;
  const claims = await readableClaimIds(user, claimIds);
  if (!claimIds.every((id) => claims.has(id))) return false;
  if (!articleIds.length) return true;
  const assigned = await prisma.assignment.findMany({
    where: { reviewerId: user.id, endedAt: null, claim: { deletedAt: null, articleId: { in: articleIds } } },
    select: { claim: { select: { articleId: true } } },
  });
  const articles = new Set(assigned.map((a) => a.claim.articleId));
  return articleIds.every((id) => articles.has(id));
}
