// Withdrawing a published fact-check: nothing is deleted; its address (and its versions') answer 410 with
// the public reason until a correction publishes it again.
import type { Actor } from "~/auth/actor";
import { prisma } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { announceFactCheck } from "./announce.server";
import { publishingLimits } from "./content";
import { rolledBack } from "./dry-run.server";
import { requiredNote } from "./editorial-text";
import { recordFactCheckChange } from "./fact-check-change.server";
import { PublishRefused, requirePublisher } from "./refused";

type Tx = Prisma.TransactionClient;

/** Takes the page down: its URL (and its versions') answer 410 with the reason; nothing is deleted. */
export async function withdrawFactCheck(actor: Actor, input: { factCheckId: string; reason: string }) {
  requirePublisher(actor);
  const reason = requiredNote(input.reason, publishingLimits.withdrawalReason, "reason");
  const result = await prisma.$transaction((tx) => writeWithdrawal(tx, actor, input.factCheckId, reason));
  await announceFactCheck(result, "factcheck.withdraw");
  return result;
}

/** Whether withdrawFactCheck would take the page down now (it refuses what withdrawing would refuse), without doing it. */
export async function draftWithdrawal(actor: Actor, input: { factCheckId: string; reason: string }) {
  requirePublisher(actor);
  const reason = requiredNote(input.reason, publishingLimits.withdrawalReason, "reason");
  return rolledBack((tx) => writeWithdrawal(tx, actor, input.factCheckId, reason));
}

async function writeWithdrawal(tx: Tx, actor: Actor, factCheckId: string, reason: string) {
  const factCheck = await tx.factCheck.findUnique({
    where: { id: factCheckId },
    select: { id: true, articleId: true, status: true, slug: true },
  });
  if (!factCheck) throw new PublishRefused("notFound");
  if (factCheck.status !== "PUBLISHED") throw new PublishRefused("notPublished");
  const { count } = await tx.factCheck.updateMany({
    where: { id: factCheck.id, status: "PUBLISHED" },
    data: { status: "WITHDRAWN", withdrawnAt: new Date(), withdrawalReason: reason, withdrawnById: actor.id },
  });
  if (count !== 1) throw new PublishRefused("notPublished");
  await recordFactCheckChange(tx, actor, factCheck, {
    action: "factcheck.withdraw",
    articleStatus: "READY",
    before: { status: "PUBLISHED" },
    after: { status: "WITHDRAWN", reason },
  });
  return factCheck;
}
