// In-app notifications: assignment, mention, a returned verdict, an approval, a verdict waiting for a
// decision (to the editors, app/review/verdicts.server.ts).
//
// `notify` is the one way to create one. It writes inside the caller's transaction (so the notification
// lands with the change it is about, or not at all) and returns the live topics to announce; the caller
// publishes them once the transaction has committed:
//
//   const topics = await prisma.$transaction(async (tx) => {
//     …the change…
//     return (await notify(tx, { recipientId, actorId, kind: "ASSIGNMENT", claimId, excerpt: note })).topics;
//   });
//   await publishChange(topics, "assignment");
//
// `notifyNow` does both for a caller without a transaction of its own.
import { prisma } from "~/db/client.server";
import type { NotificationKind, Prisma } from "~/generated/prisma/client";
import { publishChange } from "~/live/bus.server";
import { type LiveTopic, topic } from "~/live/topics";

type Tx = Pick<Prisma.TransactionClient, "notification">;

export const excerptLength = 200;

export type NotifyInput = {
  recipientId: string;
  actorId: string | null;
  kind: NotificationKind;
  claimId?: string | null;
  /** The comment, the return note…; shortened to `excerptLength` characters on one line. */
  excerpt?: string | null;
};

export type Notified = { id: string | null; topics: LiveTopic[] };

/** One line of at most `excerptLength` characters, cut at a word where possible. */
export function shortExcerpt(text: string | null | undefined): string | null {
  const line = (text ?? "").replace(/\s+/g, " ").trim();
  if (!line) return null;
  if (line.length <= excerptLength) return line;
  const cut = line.slice(0, excerptLength - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > excerptLength * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Creates a notification in the caller's transaction and returns the topics to publish after it commits.
 * Nobody is notified of their own action: then nothing is written and there is nothing to publish.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<Notified> {
  if (input.actorId && input.actorId === input.recipientId) return { id: null, topics: [] };
  const created = await tx.notification.create({
    data: {
      recipientId: input.recipientId,
      actorId: input.actorId,
      kind: input.kind,
      claimId: input.claimId ?? null,
      excerpt: shortExcerpt(input.excerpt),
    },
    select: { id: true },
  });
  return { id: created.id, topics: [topic.notifications(input.recipientId)] };
}

/** `notify` outside any transaction: written, then announced. */
export async function notifyNow(input: NotifyInput): Promise<Notified> {
  const notified = await notify(prisma, input);
  await publishChange(notified.topics, `notification.${input.kind.toLowerCase()}`);
  return notified;
}

export function unreadCount(userId: string) {
  return prisma.notification.count({ where: { recipientId: userId, readAt: null } });
}

/** Newest first: who, what kind, which claim (and its article), the excerpt, read or not. */
export async function listNotifications(userId: string, options: { limit?: number } = {}) {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  return prisma.notification.findMany({
    where: { recipientId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      excerpt: true,
      readAt: true,
      createdAt: true,
      actor: { select: { name: true } },
      claim: { select: { id: true, wording: true, deletedAt: true, article: { select: { id: true, title: true } } } },
    },
  });
}

export type NotificationView = Awaited<ReturnType<typeof listNotifications>>[number];

/** Marks the user's own notifications read (some, or all); returns how many changed. */
export async function markRead(userId: string, which: string[] | "all"): Promise<number> {
  const ids = which === "all" ? null : which.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  if (ids?.length === 0) return 0;
  const { count } = await prisma.notification.updateMany({
    where: { recipientId: userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
  // The person's other tabs and devices update their badge.
  if (count) await publishChange([topic.notifications(userId)], "notification.read");
  return count;
}
