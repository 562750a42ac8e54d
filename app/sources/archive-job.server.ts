// The `archive-source` job (~/jobs): one archive attempt of a source's snapshot (archive.server.ts), queued
// when a source is added or its archiving retried (sources.server.ts), and the sweep that looks after
// snapshots whose job was lost.
import { defineJob, enqueue, jobStates } from "~/jobs/queue.server";
import { archiveSnapshot, giveUpSnapshot, stalePendingSnapshotIds } from "./archive.server";

/**
 * A fetch that fails, or a page that cannot be read safely, is an outcome recorded on the snapshot (the
 * job completes); what throws (the database was unreachable…) is retried, and after the last retry the
 * snapshot is FAILED (`archive_failed`), never left PENDING.
 */
export const archiveSourceJob = defineJob<{ snapshotId: string }>({
  name: "archive-source",
  queue: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  run: ({ snapshotId }, signal) => archiveSnapshot(snapshotId, { signal }),
  giveUp: ({ snapshotId }) => giveUpSnapshot(snapshotId, "archive_failed"),
  sweep: () => sweepPendingSnapshots(),
});

/** PENDING snapshots older than this are queued again when the workers start (and every sweep). */
export const staleSnapshotMs = 10 * 60 * 1000;

/**
 * Looks after the snapshots left PENDING for longer than `olderThanMs`: one whose job is still queued or
 * running is left alone; one whose job failed for good (retries used up, e.g. its process died every
 * time) is FAILED (`archive_failed`) and never queued again; one with no job at all (lost with a crashed
 * database, or never committed to pg-boss) is queued again. Returns how many were queued.
 */
export async function sweepPendingSnapshots(olderThanMs = staleSnapshotMs): Promise<number> {
  const ids = await stalePendingSnapshotIds(olderThanMs);
  if (ids.length === 0) return 0;
  const states = await jobStates(archiveSourceJob, "snapshotId", ids);
  let queued = 0;
  let givenUp = 0;
  for (const snapshotId of ids) {
    const state = states.get(snapshotId);
    if (state?.live) continue;
    if (state?.failed) {
      if (await giveUpSnapshot(snapshotId, "archive_failed")) givenUp += 1;
      continue;
    }
    await enqueue(archiveSourceJob, { snapshotId });
    queued += 1;
  }
  if (queued) console.log(`[jobs] queued ${queued} pending source snapshot(s) again`);
  if (givenUp) console.log(`[jobs] ${givenUp} pending source snapshot(s) failed for good: marked FAILED`);
  return queued;
}
