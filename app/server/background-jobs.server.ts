// The background jobs this app runs, each defined by its owner beside its work (~/jobs is the mechanism
// only). Every process that runs workers starts them from here: the server (scripts/start.ts) and the
// tests that run workers. Other processes (the CLI, a test that only enqueues) need no start: a job
// queued there waits in its table for the server's workers.
import { type StartJobsOptions, startJobs } from "~/jobs/queue.server";
import { backfillOwnFactChecks } from "~/publishing/known-fact-checks.server";
import { claimReviewFeedJob } from "~/matching/feeds/feed-job.server";
import { archiveSourceJob } from "~/sources/archive-job.server";

export const backgroundJobs = [archiveSourceJob, claimReviewFeedJob];

/** Starts this process's workers for every background job (see ~/jobs/queue.server's startJobs). */
export async function startBackgroundJobs(options: StartJobsOptions = {}): Promise<void> {
  // Once per start: our published checks as known fact-checks ("Checked before"), for databases from before
  // they were kept with each publication (idempotent; decision 0021). A failure here stops no worker.
  await backfillOwnFactChecks().catch((error: unknown) => console.error("Own fact-checks were not brought up to date:", error));
  return startJobs(backgroundJobs, options);
}
