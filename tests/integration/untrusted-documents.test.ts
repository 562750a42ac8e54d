// Untrusted documents against real parts (issue 10, finding 2): a page of 100,000 nested <div>s is refused
// with a specific reason on import (file, URL, Markdown) and in archiving — where its snapshot is FAILED
// and its job completes, so nothing retries it and the sweep never queues it again — and a job that fails
// for good leaves its snapshot FAILED, not PENDING.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportError } from "~/articles/text";
import { draftFromFile } from "~/articles/import/file.server";
import { draftFromUrl } from "~/articles/import/url.server";
import { database, prisma } from "~/db/client.server";
import { documentLimits } from "~/fetching/untrusted-document/limits";
import { documentReaderLoad, documentTask, readerLimits, readUntrustedDocument } from "~/fetching/untrusted-document/read.server";
import type { extractArticle } from "~/articles/extract.server";

const articlePage = documentTask<typeof extractArticle>("app/articles/extract.server.ts", "extractArticle");
import { prepareJobs, stopJobs } from "~/jobs/queue.server";
import { startBackgroundJobs } from "~/server/background-jobs.server";
import { archiveSourceJob, sweepPendingSnapshots } from "~/sources/archive-job.server";
import { archiveSnapshot } from "~/sources/archive.server";
import { addSource } from "~/sources/sources.server";
import { reloadServerEnv } from "~/utils/env.server";
import { actorOf, claimOf, refusal } from "../support/fixtures";
import { nestedPageHtml, type PageServer, startPageServer } from "../support/page-server";

const encode = (text: string) => new TextEncoder().encode(text);
const nested = nestedPageHtml(1024 * 1024);

async function sourceOn(url: string) {
  const person = await actorOf("editor");
  const { claimId } = await claimOf(person.id);
  return addSource(person, { claimId, url, kind: "OTHER", stance: "CONTEXT" });
}

/** The archive-source jobs pg-boss holds for a snapshot. */
async function jobsFor(snapshotId: string) {
  const { rows } = await database().pool.query<{ id: string; state: string }>(
    `SELECT id, state FROM pgboss.job WHERE name = 'archive-source' AND data->>'snapshotId' = $1 ORDER BY created_on`,
    [snapshotId],
  );
  return rows;
}

const makeStale = (snapshotId: string) =>
  prisma.sourceSnapshot.update({ where: { id: snapshotId }, data: { createdAt: new Date(Date.now() - 60 * 60 * 1000) } });

async function settled(snapshotId: string) {
  for (let i = 0; i < 300; i += 1) {
    const { status } = await prisma.sourceSnapshot.findUniqueOrThrow({ where: { id: snapshotId }, select: { status: true } });
    if (status !== "PENDING") return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return "PENDING";
}

describe("untrusted documents", () => {
  let pages: PageServer;
  const previousAllowList = process.env.FACTDESK_FETCH_ALLOW_PRIVATE;

  beforeAll(async () => {
    pages = await startPageServer();
    process.env.FACTDESK_FETCH_ALLOW_PRIVATE = pages.hostPort;
    reloadServerEnv();
    await prepareJobs(archiveSourceJob);
  });

  afterAll(async () => {
    await stopJobs();
    process.env.FACTDESK_FETCH_ALLOW_PRIVATE = previousAllowList;
    reloadServerEnv();
    await pages.close();
  });

  it("an uploaded .html of 100,000 nested <div>s is refused as too deeply nested, naming the limit", async () => {
    const error = await refusal(draftFromFile({ name: "bersarang.html", type: "text/html", bytes: encode(nested) }), ImportError);
    expect(error.reason).toBe("too_deeply_nested");
    expect(error.detail).toEqual({ maxDepth: documentLimits.maxDepth });
  });

  it("the same page at a URL gets the same refusal", async () => {
    const error = await refusal(draftFromUrl(`${pages.url}/nested`), ImportError);
    expect(error.reason).toBe("too_deeply_nested");
  });

  it("Markdown with deeply nested raw HTML and a Markdown file of flat elements over the count are refused", async () => {
    const markdown = `# Judul\n\nParagraf pertama yang cukup panjang.\n\n${"<div>".repeat(5000)}teks${"</div>".repeat(5000)}\n`;
    expect((await refusal(draftFromFile({ name: "bersarang.md", type: "", bytes: encode(markdown) }), ImportError)).reason).toBe("too_deeply_nested");
    const flat = `<html><body>${"<span>x</span>".repeat(documentLimits.maxElements + 1)}</body></html>`;
    const error = await refusal(draftFromFile({ name: "banyak.html", type: "text/html", bytes: encode(flat) }), ImportError);
    expect(error.reason).toBe("too_many_elements");
    expect(error.detail).toEqual({ maxElements: documentLimits.maxElements });
  });

  it("an ordinary article still imports through the worker, with its details", async () => {
    const draft = await draftFromUrl(`${pages.url}/news/kursk`);
    expect(draft.title).toBe("Korea Utara Kirim 10.000 Tentara ke Kursk, NATO Konfirmasi");
    expect(draft.author).toBe("Whiesa Daniswara");
    expect(draft.body).toContain("10.000 tentara");
    expect(draft.publishedAt?.toISOString()).toBe("2024-10-28T07:05:00.000Z");
  });

  it("a worker that runs past its time limit is ended and the document refused as too slow", async () => {
    const reading = readUntrustedDocument(articlePage, [nested, null], { timeoutMs: 1 });
    await expect(reading).rejects.toMatchObject({ name: "DocumentRefusal", code: "too_slow" });
  });

  it("a worker that needs more than its memory limit is ended and the document refused as too hungry", async () => {
    const reading = readUntrustedDocument(articlePage, [nested, null], { memoryMb: 4 });
    await expect(reading).rejects.toMatchObject({ name: "DocumentRefusal", code: "too_much_memory", detail: { memoryMb: 4 } });
  });

  it("reads at most `concurrency` documents at once; the others wait their turn and are all answered", async () => {
    const count = readerLimits.concurrency + 2;
    const reads = Array.from({ length: count }, () =>
      readUntrustedDocument(articlePage, [nested, null]).catch((error: unknown) => error),
    );
    expect(documentReaderLoad()).toEqual({ reading: readerLimits.concurrency, waiting: 2 });
    const outcomes = await Promise.all(reads);
    expect(outcomes.map((outcome) => (outcome as { code?: string }).code)).toEqual(Array(count).fill("too_deeply_nested"));
    expect(documentReaderLoad()).toEqual({ reading: 0, waiting: 0 });
  });

  it("a read stopped by its signal (the server stopping) ends its worker and rejects with the reason", async () => {
    const stop = new AbortController();
    const reading = readUntrustedDocument(articlePage, [nested, null], { signal: stop.signal });
    stop.abort(new Error("stopped"));
    await expect(reading).rejects.toThrow("stopped");
  });

  it("archiving the page marks its snapshot FAILED with the reason; the job completes and the sweep never queues it again", async () => {
    await database().pool.query(`DELETE FROM pgboss.job WHERE name = 'archive-source'`);
    const { snapshotId } = await sourceOn(`${pages.url}/nested`);
    await startBackgroundJobs({ pollingIntervalSeconds: 0.5 });
    try {
      expect(await settled(snapshotId)).toBe("FAILED");
      const snapshot = await prisma.sourceSnapshot.findUniqueOrThrow({ where: { id: snapshotId } });
      expect(snapshot).toMatchObject({ status: "FAILED", failureReason: "too_deeply_nested", httpStatus: 200, text: null, sanitizedHtml: null });
      expect(snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
      for (let i = 0; i < 50 && (await jobsFor(snapshotId))[0]?.state !== "completed"; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await jobsFor(snapshotId)).map((job) => job.state)).toEqual(["completed"]);
    } finally {
      await stopJobs();
    }
    await makeStale(snapshotId);
    expect(await sweepPendingSnapshots(0)).toBe(0);
    expect(await jobsFor(snapshotId)).toHaveLength(1);
    expect(await prisma.sourceSnapshot.findUniqueOrThrow({ where: { id: snapshotId }, select: { status: true, failureReason: true } })).toMatchObject({
      status: "FAILED",
      failureReason: "too_deeply_nested",
    });
  });

  it("archiveSnapshot called directly settles the page as FAILED once, and a second run changes nothing", async () => {
    const { snapshotId } = await sourceOn(`${pages.url}/nested`);
    expect(await archiveSnapshot(snapshotId)).toEqual({ status: "FAILED", snapshotId, failureReason: "too_deeply_nested" });
    expect(await archiveSnapshot(snapshotId)).toEqual({ status: "skipped", snapshotId });
  });

  it("a job that throws on its last attempt leaves its snapshot FAILED (archive_failed), and the sweep leaves it alone", async () => {
    await database().pool.query(`DELETE FROM pgboss.job WHERE name = 'archive-source'`);
    const { snapshotId } = await sourceOn(`${pages.url}/news/banjir-bekasi`);
    // The database refuses to record this snapshot as archived (as an unreachable database would fail
    // the write); recording a failure still works.
    await database().pool.query(`
      CREATE OR REPLACE FUNCTION factdesk_test_refuse_archived() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'ARCHIVED' AND NEW.id = '${snapshotId}' THEN RAISE EXCEPTION 'the database is unavailable'; END IF;
        RETURN NEW;
      END $$`);
    await database().pool.query(
      `CREATE TRIGGER refuse_archived BEFORE UPDATE ON "SourceSnapshot" FOR EACH ROW EXECUTE FUNCTION factdesk_test_refuse_archived()`,
    );
    try {
      // Its retries are used up: this is the last attempt.
      await database().pool.query(`UPDATE pgboss.job SET retry_count = retry_limit WHERE name = 'archive-source' AND data->>'snapshotId' = $1`, [snapshotId]);
      await startBackgroundJobs({ pollingIntervalSeconds: 0.5 });
      expect(await settled(snapshotId)).toBe("FAILED");
      expect(await prisma.sourceSnapshot.findUniqueOrThrow({ where: { id: snapshotId } })).toMatchObject({ status: "FAILED", failureReason: "archive_failed" });
      for (let i = 0; i < 50 && (await jobsFor(snapshotId))[0]?.state !== "failed"; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await jobsFor(snapshotId)).map((job) => job.state)).toEqual(["failed"]);
    } finally {
      await stopJobs();
      await database().pool.query(`DROP TRIGGER refuse_archived ON "SourceSnapshot"`);
      await database().pool.query(`DROP FUNCTION factdesk_test_refuse_archived()`);
    }
    await makeStale(snapshotId);
    expect(await sweepPendingSnapshots(0)).toBe(0);
    expect(await jobsFor(snapshotId)).toHaveLength(1);
  });

  it("the sweep marks FAILED a PENDING snapshot whose job failed for good (its process died each time), instead of queueing it again", async () => {
    await database().pool.query(`DELETE FROM pgboss.job WHERE name = 'archive-source'`);
    const { snapshotId } = await sourceOn(`${pages.url}/news/kursk`);
    // What pg-boss leaves when a job expired on every attempt: state failed, snapshot still PENDING.
    await database().pool.query(`UPDATE pgboss.job SET state = 'failed', retry_count = retry_limit WHERE name = 'archive-source' AND data->>'snapshotId' = $1`, [
      snapshotId,
    ]);
    await makeStale(snapshotId);
    expect(await sweepPendingSnapshots(0)).toBe(0);
    expect(await prisma.sourceSnapshot.findUniqueOrThrow({ where: { id: snapshotId } })).toMatchObject({ status: "FAILED", failureReason: "archive_failed" });
    expect(await jobsFor(snapshotId)).toHaveLength(1);
  });

  it("the sweep leaves a snapshot whose job is still queued alone, and queues one whose job was lost", async () => {
    await database().pool.query(`DELETE FROM pgboss.job WHERE name = 'archive-source'`);
    const queued = await sourceOn(`${pages.url}/news/kursk`);
    const lost = await sourceOn(`${pages.url}/news/kursk`);
    await database().pool.query(`DELETE FROM pgboss.job WHERE name = 'archive-source' AND data->>'snapshotId' = $1`, [lost.snapshotId]);
    await makeStale(queued.snapshotId);
    await makeStale(lost.snapshotId);
    expect(await sweepPendingSnapshots(0)).toBe(1);
    expect(await jobsFor(queued.snapshotId)).toHaveLength(1);
    expect(await jobsFor(lost.snapshotId)).toHaveLength(1);
  });
});
