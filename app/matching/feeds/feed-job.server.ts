// The `claim-review-feed` job (~/jobs): one run of a URL source (run.server.ts), and the tick that queues the
// sources whose time has come.
//
// One queued run per source at a time: a run is queued only by the update that turns the source RUNNING
// (claimRun), which refuses a source already RUNNING — unless it has been RUNNING for longer than
// `stuckRunMs` (its process died): then it is claimed and queued again. The tick is the job's sweep, which the
// workers run when they start and every five minutes.
import { type Prisma } from "~/generated/prisma/client";
import { prisma } from "~/db/client.server";
import { defineJob, enqueue, nudgeWorker, prepareJobs } from "~/jobs/queue.server";
import { recordFailedRun, runClaimReviewSource } from "./run.server";

/** A run RUNNING for longer than this is taken for dead and queued again by the tick. */
export const stuckRunMs = 30 * 60 * 1000;

export const claimReviewFeedJob = defineJob<{ feedId: string }>({
  name: "claim-review-feed",
  queue: { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  run: ({ feedId }, signal) => runClaimReviewSource(feedId, { signal }),
  giveUp: ({ feedId }) => recordFailedRun(feedId, "run_failed"),
  sweep: () => queueDueSources(),
});

/** The sources a run may be claimed for: not RUNNING, or RUNNING for too long. */
function claimable(now: Date): Prisma.ClaimReviewFeedWhereInput {
  return {
    kind: "URL",
    OR: [{ lastStatus: null }, { lastStatus: { not: "RUNNING" } }, { updatedAt: { lt: new Date(now.getTime() - stuckRunMs) } }],
  };
}

/**
 * Marks source `feedId` RUNNING and queues its run, in one transaction (`tx` when given). Returns false when
 * the source is not a URL source or already has a run on its way.
 */
export async function claimRun(feedId: string, tx?: Prisma.TransactionClient): Promise<boolean> {
  if (!tx) await prepareJobs(claimReviewFeedJob);
  const claim = async (client: Prisma.TransactionClient) => {
    const { count } = await client.claimReviewFeed.updateMany({ where: { id: feedId, ...claimable(new Date()) }, data: { lastStatus: "RUNNING" } });
    if (count === 0) return false;
    await enqueue(claimReviewFeedJob, { feedId }, { tx: client });
    return true;
  };
  const claimed = tx ? await claim(tx) : await prisma.$transaction(claim);
  if (claimed && !tx) nudgeWorker(claimReviewFeedJob);
  return claimed;
}

/** The tick: queues a run of every scheduled URL source whose next run is due (or whose run is stuck). Returns how many. */
export async function queueDueSources(now = new Date()): Promise<number> {
  const due = await prisma.claimReviewFeed.findMany({
    where: { AND: [claimable(now), { everyHours: { not: null } }, { OR: [{ nextRunAt: null }, { nextRunAt: { lte: now } }, { lastStatus: "RUNNING" }] }] },
    select: { id: true },
  });
  let queued = 0;
  for (const { id } of due) if (await claimRun(id)) queued += 1;
  if (queued) console.log(`[jobs] queued ${queued} ClaimReview source run(s)`);
  return queued;
}
