// The discussion on a claim: plain-text comments with @mentions (syntax in ./mentions.ts). Whoever may
// read the claim may comment (app/auth/claim-access.ts: editors and admins on any claim, a reviewer on
// the claims currently assigned to them, a blind second reviewer on the claim they review — their comments
// stay in their blind lane until the claim is settled), and a mention notifies the mentioned person if
// they, too, may read the comment.
import { recordAudit } from "~/audit/audit.server";
import type { Actor } from "~/auth/actor";
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { publishChange } from "~/live/bus.server";
import { type LiveTopic, topic } from "~/live/topics";
import { notify } from "~/notifications/notifications.server";
import type { ClaimAccess } from "~/auth/claim-access";
import { claimAccess, laneFilter } from "~/auth/claim-access.server";
import { commentMaxLength, hasMentions, matchMentions, parseMentions } from "./mentions";
import { Refusal } from "~/utils/refusal";

export { commentMaxLength };


export type CommentRefusal = "notFound" | "empty" | "tooLong";

export class CommentRefused extends Refusal<CommentRefusal> {
  constructor(reason: CommentRefusal) {
    super(reason, {
      status: reason === "notFound" ? 404 : 400,
      messageKey: reason === "notFound" ? "error.404" : reason === "tooLong" ? "discussion.bodyTooLong" : "discussion.bodyRequired",
      message: `comment refused: ${reason}`,
    });
  }
}

/**
 * Who may read a comment in the claim's discussion, to be mentioned in it: holders of read:article:any and,
 * for a comment in the primary lane, the current assignee. A blind reviewer's comment is seen only by the
 * desk until the claim is settled (app/auth/claim-access.ts), so only the desk can be mentioned in it.
 */
function readersOf(claimId: string, blind: boolean): Prisma.UserWhereInput {
  const desk: Prisma.UserWhereInput = { role: { permissions: { some: { permission: { action: "read", entity: "article", access: "any" } } } } };
  return blind ? desk : { OR: [desk, { assignments: { some: { claimId, endedAt: null } } }] };
}

/** The claim and the viewer's access to it (app/auth/claim-access.ts), if it exists and they may read it; otherwise null. */
export async function claimReadableBy(viewer: Actor, claimId: string) {
  const found = await claimAccess(viewer, claimId);
  return found ? { id: found.claim.id, articleId: found.claim.articleId, access: found.access } : null;
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
export async function addComment(actor: Actor, input: { claimId: string; body: string }) {
  const body = normaliseCommentBody(input.body);
  if (!body) throw new CommentRefused("empty");
  if (body.length > commentMaxLength) throw new CommentRefused("tooLong");
  const claim = await claimReadableBy(actor, input.claimId);
  if (!claim || !claim.access.mayComment) throw new CommentRefused("notFound");
  const blind = claim.access.writesBlind;
  const query = parseMentions(body);

  const { comment, mentioned, topics } = await prisma.$transaction(async (tx) => {
    const comment = await tx.comment.create({ data: { claimId: claim.id, authorId: actor.id, body, blind }, select: commentFields });
    const candidates = hasMentions(query)
      ? await tx.user.findMany({
          where: {
            AND: [
              { active: true, id: { not: actor.id } },
              readersOf(claim.id, blind),
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
    const topics: LiveTopic[] = [topic.claim(claim.id)];
    for (const person of mentioned) {
      const notified = await notify(tx, { recipientId: person.id, actorId: actor.id, kind: "MENTION", claimId: claim.id, excerpt: body });
      topics.push(...notified.topics);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "comment.add",
      entityType: "Comment",
      entityId: comment.id,
      after: { claimId: claim.id, body, mentioned: mentioned.map((p) => p.id), ...(blind ? { blind } : {}) },
    });
    return { comment, mentioned: mentioned.map(({ id, name }) => ({ id, name })), topics };
  });
  await publishChange(topics, "comment.add");
  return { comment, mentioned };
}

/**
 * The claim's comments the viewer sees, oldest first: until the claim is settled, a blind reviewer only
 * their own, everyone else all but the blind reviewers'. Callers got `access` from claimReadableBy (or
 * app/auth/claim-access.server.ts).
 */
export function listComments(viewer: Actor, access: ClaimAccess, claimId: string): Promise<CommentView[]> {
  return prisma.comment.findMany({
    where: { claimId, deletedAt: null, ...laneFilter(viewer, access, "authorId") },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: commentFields,
  });
}
