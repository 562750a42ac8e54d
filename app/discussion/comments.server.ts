// The discussion on a claim: plain-text comments with @mentions (syntax in ./mentions.ts). Whoever may
// read the claim may comment — editors and admins on any claim, a reviewer on the claims currently
// assigned to them — and a mention notifies the mentioned person if they, too, may read it.
import { recordAudit } from "~/audit/audit.server";
import { userCan } from "~/auth/permissions";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { publishChange } from "~/live/bus.server";
import { notify } from "~/notifications/notifications.server";
import { commentMaxLength, hasMentions, matchMentions, parseMentions } from "./mentions";
import { isUuid } from "~/utils/input";

export { commentMaxLength };

type Viewer = Pick<SessionUser, "id" | "permissions">;

export class CommentRefused extends Error {
  constructor(readonly reason: "notFound" | "empty" | "tooLong") {
    super(`comment refused: ${reason}`);
  }
}


/** Who may read a claim: holders of read:article:any, or a reviewer with a current assignment on it. */
function readersOf(claimId: string): Prisma.UserWhereInput {
  return {
    OR: [
      { role: { permissions: { some: { permission: { action: "read", entity: "article", access: "any" } } } } },
      { assignments: { some: { claimId, endedAt: null } } },
    ],
  };
}

/** The claim, if it exists (not deleted) and `viewer` may read it; otherwise null. */
export async function claimReadableBy(viewer: Viewer, claimId: string) {
  if (!isUuid(claimId)) return null;
  const scope: Prisma.ClaimWhereInput = userCan(viewer, "read:article:any")
    ? {}
    : userCan(viewer, "read:article:own")
      ? { assignments: { some: { reviewerId: viewer.id, endedAt: null } } }
      : { id: { in: [] } };
  return prisma.claim.findFirst({
    where: { AND: [{ id: claimId, deletedAt: null }, scope] },
    select: { id: true, articleId: true },
  });
}

/** Line breaks as `\n`, no blank edges. */
export function normaliseCommentBody(body: string) {
  return body.replace(/\r\n?/g, "\n").trim();
}

export const commentFields = {
  id: true,
  body: true,
  createdAt: true,
  editedAt: true,
  author: { select: { id: true, name: true } },
} as const;

export type CommentView = Prisma.CommentGetPayload<{ select: typeof commentFields }>;

/**
 * Adds a comment to a claim the actor may read, notifies the people it mentions who may read the claim
 * too (not the author), records `comment.add`, and announces it on `claim:<id>` and each mentioned
 * person's `notifications:<id>`.
 */
export async function addComment(actor: Viewer, input: { claimId: string; body: string }) {
  const body = normaliseCommentBody(input.body);
  if (!body) throw new CommentRefused("empty");
  if (body.length > commentMaxLength) throw new CommentRefused("tooLong");
  const claim = await claimReadableBy(actor, input.claimId);
  if (!claim) throw new CommentRefused("notFound");
  const query = parseMentions(body);

  const { comment, mentioned, topics } = await prisma.$transaction(async (tx) => {
    const comment = await tx.comment.create({ data: { claimId: claim.id, authorId: actor.id, body }, select: commentFields });
    const candidates = hasMentions(query)
      ? await tx.user.findMany({
          where: {
            AND: [
              { active: true, id: { not: actor.id } },
              readersOf(claim.id),
              {
                // A superset of the mentioned people (ILIKE), narrowed exactly by matchMentions below.
                OR: [
                  ...query.handles.map((handle) => ({ email: { startsWith: `${handle}@`, mode: "insensitive" as const } })),
                  ...(query.addresses.length ? [{ email: { in: query.addresses, mode: "insensitive" as const } }] : []),
                  ...query.names.map((name) => ({ name: { contains: name.split(" ")[0]!, mode: "insensitive" as const } })),
                ],
              },
            ],
          },
          select: { id: true, email: true, name: true },
        })
      : [];
    const mentioned = matchMentions(query, candidates);
    const topics = [`claim:${claim.id}`];
    for (const person of mentioned) {
      const notified = await notify(tx, { recipientId: person.id, actorId: actor.id, kind: "MENTION", claimId: claim.id, excerpt: body });
      topics.push(...notified.topics);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "comment.add",
      entityType: "Comment",
      entityId: comment.id,
      after: { claimId: claim.id, body, mentioned: mentioned.map((p) => p.id) },
    });
    return { comment, mentioned: mentioned.map(({ id, name }) => ({ id, name })), topics };
  });
  await publishChange(topics, "comment.add");
  return { comment, mentioned };
}

/** The claim's comments, oldest first. Callers check that the viewer may read the claim (claimReadableBy). */
export function listComments(claimId: string): Promise<CommentView[]> {
  return prisma.comment.findMany({
    where: { claimId, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: commentFields,
  });
}
