// Sources and their archiving against a real PostgreSQL: the archive job on a local page (hash of the
// exact bytes sent), failures and retries, duplicate addresses, who may add sources, the sanitised copy,
// the sandboxed snapshot routes, and the pg-boss queue end to end.
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { Actor } from "~/auth/actor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, sessionCookieName } from "~/auth/session.server";
import { database, prisma } from "~/db/client.server";
import { prepareJobs, stopJobs } from "~/jobs/queue.server";
import { action as sourcesAction } from "~/routes/claims.$claimId.sources";
import { loader as rawLoader } from "~/routes/snapshots.$snapshotId.raw";
import { startBackgroundJobs } from "~/server/background-jobs.server";
import { createRequestContext } from "~/server/request-context";
import { cspNonceMiddleware, securityHeaders, snapshotContentSecurityPolicy } from "~/server/security-headers";
import { reloadServerEnv } from "~/utils/env.server";
import { archiveSourceJob } from "~/sources/archive-job.server";
import { archiveSnapshot, sanitizeSnapshotHtml } from "~/sources/archive.server";
import {
  addSource,
  getSnapshot,
  listSources,
  normaliseSourceUrl,
  removeSource,
  retryArchive,
  SourceRefused,
} from "~/sources/sources.server";
import { actorOf, assign, claimOf } from "../support/fixtures";
import { newsPageHtml, newsPages, type PageServer, startPageServer } from "../support/page-server";
import { claimAccess } from "~/auth/claim-access.server";
import type { FormAnswer } from "~/utils/form-answer";

/** The claim's sources as the desk sees them (every lane of the review). */
async function sourcesOf(claimId: string) {
  const desk = { id: "00000000-0000-4000-8000-000000000000", permissions: ["read:article:any"] };
  return listSources(desk, (await claimAccess(desk, claimId))!.access, claimId);
}

/** The archive-source jobs pg-boss holds for a snapshot. */
async function jobsFor(snapshotId: string) {
  const { rows } = await database().pool.query<{ id: string; state: string }>(
    `SELECT id, state FROM pgboss.job WHERE name = 'archive-source' AND data->>'snapshotId' = $1`,
    [snapshotId],
  );
  return rows;
}

/** What a plain HTTP client receives from `url`: the body bytes exactly as sent. */
function rawBytes(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve(Buffer.concat(chunks)));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

/** A page with everything a sanitiser must take out. */
const hostilePage = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Pernyataan resmi kementerian soal banjir</title>
<script>document.cookie</script><style>body{background:url(http://tracker.example/bg.png)}</style>
<link rel="stylesheet" href="http://tracker.example/site.css"></head>
<body><article><h1>Pernyataan resmi kementerian soal banjir</h1>
<p>Kementerian menyatakan bahwa 1.200 rumah terendam banjir di Bekasi pada Minggu (2/3/2025), dan tanggul tidak jebol karena kelalaian petugas.</p>
<p onclick="alert(1)">Menurut kementerian, petugas sudah memeriksa tanggul itu dua kali dalam sepekan terakhir sebelum hujan deras turun di kawasan tersebut.</p>
<img src="http://tracker.example/pixel.gif" onerror="alert(2)" alt="Foto tanggul" srcset="http://tracker.example/a.jpg 2x">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="Grafik">
<p>Data lengkap ada di <a href="/laporan/banjir.pdf" onmouseover="x()">laporan resmi</a> dan <a href="javascript:alert(3)">tautan jahat</a>.</p>
<iframe src="http://tracker.example/embed"></iframe>
<form action="http://tracker.example/steal"><input name="q"><button>Kirim</button></form>
<p style="background:url(http://tracker.example/p.png)">Warga diminta tetap waspada terhadap kemungkinan banjir susulan pada pekan depan, kata juru bicara kementerian.</p>
<video src="http://tracker.example/v.mp4"></video><object data="http://tracker.example/o.swf"></object>
<svg><image href="http://tracker.example/s.png"></image></svg>
</article></body></html>`;

describe("sources", () => {
  let pages: PageServer;
  let hostile: http.Server;
  let hostileUrl = "";
  const previousAllowList = process.env.FACTDESK_FETCH_ALLOW_PRIVATE;

  beforeAll(async () => {
    pages = await startPageServer();
    hostile = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(hostilePage));
    await new Promise<void>((resolve) => hostile.listen(0, "127.0.0.1", resolve));
    const { port } = hostile.address() as AddressInfo;
    hostileUrl = `http://127.0.0.1:${port}/pernyataan`;
    // Test-only: the fetcher may reach these two local servers (and nothing else private).
    process.env.FACTDESK_FETCH_ALLOW_PRIVATE = `${pages.hostPort},127.0.0.1:${port}`;
    reloadServerEnv();
  });

  afterAll(async () => {
    await stopJobs();
    process.env.FACTDESK_FETCH_ALLOW_PRIVATE = previousAllowList;
    reloadServerEnv();
    await pages.close();
    hostile.closeAllConnections();
    await new Promise<void>((resolve) => hostile.close(() => resolve()));
  });

  it("are archived from a local page: the SHA-256 of the exact bytes sent, status, final URL, type and text", async () => {
    const editor = await actorOf("editor");
    const { claimId } = await claimOf(editor.id);
    const url = `${pages.url}/news/kursk`;
    const { sourceId, snapshotId } = await addSource(editor, { claimId, url, kind: "MEDIA_REPORT", stance: "SUPPORTS", publisher: "Tribunnews" });

    // Added with a PENDING snapshot and its job, committed together.
    expect((await sourcesOf(claimId))[0]).toMatchObject({ id: sourceId, url, snapshot: { id: snapshotId, status: "PENDING" } });
    expect(await jobsFor(snapshotId)).toHaveLength(1);

    const outcome = await archiveSnapshot(snapshotId);
    const sent = await rawBytes(url);
    expect(sent.equals(Buffer.from(newsPageHtml(newsPages.kursk!)))).toBe(true);
    expect(outcome).toEqual({ status: "ARCHIVED", snapshotId, sha256: sha256(sent) });

    const snapshot = await prisma.sourceSnapshot.findUniqueOrThrow({ where: { id: snapshotId } });
    expect(snapshot).toMatchObject({
      status: "ARCHIVED",
      httpStatus: 200,
      finalUrl: url,
      contentType: "text/html; charset=utf-8",
      sha256: sha256(sent),
      failureReason: null,
    });
    expect(snapshot.fetchedAt).toBeInstanceOf(Date);
    expect(snapshot.text).toContain("10.000 tentara");
    expect(snapshot.text).not.toContain("window.ads");
    expect(snapshot.sanitizedHtml).toContain("10.000 tentara");
    expect(snapshot.sanitizedHtml).not.toMatch(/<script|<nav/i);

    const [listed] = await sourcesOf(claimId);
    expect(listed?.snapshot).toMatchObject({ id: snapshotId, status: "ARCHIVED", sha256: sha256(sent), httpStatus: 200, failureReason: null });
    // A second run of the same job changes nothing.
    expect(await archiveSnapshot(snapshotId)).toEqual({ status: "skipped", snapshotId });
  });

  it("record a refused address as FAILED; a retry is a new PENDING attempt with its own job, and fails again", async () => {
    const editor = await actorOf("editor");
    const { claimId } = await claimOf(editor.id);
    const { sourceId, snapshotId } = await addSource(editor, { claimId, url: "http://169.254.169.254/latest/meta-data/", kind: "OTHER", stance: "CONTEXT" });

    expect(await archiveSnapshot(snapshotId)).toEqual({ status: "FAILED", snapshotId, failureReason: "refused_address" });
    expect((await sourcesOf(claimId))[0]?.snapshot).toMatchObject({ id: snapshotId, status: "FAILED", failureReason: "refused_address", sha256: null });

    const retry = await retryArchive(editor, sourceId);
    expect(retry.snapshotId).not.toBe(snapshotId);
    expect(retry.claimId).toBe(claimId);
    expect((await sourcesOf(claimId))[0]?.snapshot).toMatchObject({ id: retry.snapshotId, status: "PENDING" });
    expect(await jobsFor(retry.snapshotId)).toHaveLength(1);
    // While that attempt is pending, another retry does not queue a third.
    expect((await retryArchive(editor, sourceId)).snapshotId).toBe(retry.snapshotId);

    expect(await archiveSnapshot(retry.snapshotId)).toEqual({ status: "FAILED", snapshotId: retry.snapshotId, failureReason: "refused_address" });
    const attempts = await prisma.sourceSnapshot.findMany({ where: { sourceId }, select: { status: true, failureReason: true } });
    expect(attempts).toEqual([
      { status: "FAILED", failureReason: "refused_address" },
      { status: "FAILED", failureReason: "refused_address" },
    ]);
    expect(await prisma.auditEvent.count({ where: { entityId: sourceId, action: "source.archive_retry" } })).toBe(1);
  });

  it("record an HTTP error with its status", async () => {
    const editor = await actorOf("editor");
    const { claimId } = await claimOf(editor.id);
    const { snapshotId } = await addSource(editor, { claimId, url: `${pages.url}/status/404`, kind: "OTHER", stance: "CONTEXT" });
    expect(await archiveSnapshot(snapshotId)).toEqual({ status: "FAILED", snapshotId, failureReason: "http_error:404" });
    expect(await prisma.sourceSnapshot.findUniqueOrThrow({ where: { id: snapshotId } })).toMatchObject({ httpStatus: 404, sha256: null });
  });

  it("flag the same address added twice to a claim, without refusing it", async () => {
    const editor = await actorOf("editor");
    const { claimId } = await claimOf(editor.id);
    const add = (url: string) => addSource(editor, { claimId, url, kind: "OFFICIAL_STATEMENT", stance: "REFUTES" });
    const first = await add("https://www.kemenkes.example/rilis/banjir/?utm_source=wa&b=2&a=1#paragraf-3");
    const second = await add("http://kemenkes.example/rilis/banjir?a=1&b=2");
    const other = await add("https://kemenkes.example/rilis/banjir-lain");
    const flags = Object.fromEntries((await sourcesOf(claimId)).map((source) => [source.id, source.duplicateUrl]));
    expect(flags).toEqual({ [first.sourceId]: true, [second.sourceId]: true, [other.sourceId]: false });
    expect(normaliseSourceUrl("https://www.kemenkes.example/a/?utm_medium=x")).toBe(normaliseSourceUrl("http://kemenkes.example/a"));

    // Removing one (kept, with its audit trail) clears the flag on the other.
    await removeSource(editor, second.sourceId);
    expect((await sourcesOf(claimId)).map((source) => [source.id, source.duplicateUrl])).toEqual([
      [first.sourceId, false],
      [other.sourceId, false],
    ]);
    expect(await prisma.source.findUniqueOrThrow({ where: { id: second.sourceId }, select: { deletedAt: true } })).toMatchObject({ deletedAt: expect.any(Date) });
    const actions = await prisma.auditEvent.findMany({ where: { entityId: second.sourceId }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["source.add", "source.remove"]);
  });

  it("may be added by the assigned reviewer and editors, not by a reviewer the claim is not assigned to", async () => {
    const editor = await actorOf("editor");
    const admin = await actorOf("admin");
    const assigned = await actorOf("reviewer");
    const other = await actorOf("reviewer");
    const { claimId } = await claimOf(editor.id);
    await assign(claimId, assigned.id, editor.id);
    const input = { claimId, url: "https://kemenkes.example/data", kind: "DATASET" as const, stance: "CONTEXT" as const };

    await expect(addSource(other, input)).rejects.toThrow(SourceRefused);
    await expect(addSource(other, input)).rejects.toMatchObject({ reason: "forbidden" });
    await prisma.claim.update({ where: { id: claimId }, data: { status: "ASSIGNED" } });
    await addSource(admin, input);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe("ASSIGNED");
    // The assigned reviewer's first source starts the research.
    const mine = await addSource(assigned, input);
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({ status: "IN_RESEARCH", version: 2 });
    expect(await prisma.auditEvent.count({ where: { entityId: claimId, action: "claim.start_research" } })).toBe(1);
    await expect(retryArchive(other, mine.sourceId)).rejects.toMatchObject({ reason: "forbidden" });
    await expect(removeSource(other, mine.sourceId)).rejects.toMatchObject({ reason: "forbidden" });
    expect(await prisma.source.count({ where: { claimId } })).toBe(2);

    // When the assignment ends, so does the right.
    await prisma.assignment.updateMany({ where: { claimId }, data: { endedAt: new Date() } });
    await expect(addSource(assigned, input)).rejects.toMatchObject({ reason: "forbidden" });
    expect(await getSnapshot(assigned, mine.snapshotId)).toBeNull();
    expect(await getSnapshot(editor, mine.snapshotId)).toMatchObject({ id: mine.snapshotId, status: "PENDING" });

    await expect(addSource(editor, { ...input, url: "ftp://kemenkes.example/x" })).rejects.toMatchObject({ reason: "invalid_url" });
    await expect(addSource(editor, { ...input, url: "javascript:alert(1)" })).rejects.toMatchObject({ reason: "invalid_url" });
    await expect(addSource(editor, { ...input, claimId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ reason: "not_found" });
  });

  it("stay as they were decided on once the claim is settled: adding and removing are refused (409), archiving again is not", async () => {
    const editor = await actorOf("editor");
    const reviewer = await actorOf("reviewer");
    const { claimId } = await claimOf(editor.id);
    await assign(claimId, reviewer.id, editor.id);
    const input = { claimId, url: "https://kemenkes.example/data", kind: "DATASET" as const, stance: "CONTEXT" as const };
    const kept = await addSource(reviewer, input);
    await prisma.claim.update({ where: { id: claimId }, data: { status: "APPROVED" } });

    for (const who of [reviewer, editor]) {
      await expect(addSource(who, { ...input, url: "https://kemenkes.example/late" })).rejects.toMatchObject({ reason: "settled" });
      await expect(removeSource(who, kept.sourceId)).rejects.toMatchObject({ reason: "settled" });
    }
    expect(await prisma.source.count({ where: { claimId, deletedAt: null } })).toBe(1);
    await expect(retryArchive(reviewer, kept.sourceId)).resolves.toMatchObject({ claimId });

    const token = await createSession(reviewer.id, null);
    const request = new Request(`http://localhost/claims/${claimId}/sources`, {
      method: "POST",
      headers: { Cookie: `${sessionCookieName}=${token}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "add", url: "https://kemenkes.example/late", kind: "EXPERT", stance: "SUPPORTS" }),
    });
    const refused = await sourcesAction({ request, params: { claimId }, context: createRequestContext({ cspNonce: "", clientIp: "127.0.0.1" }) } as never);
    expect(refused).toMatchObject({ data: { result: { error: { "": ["sources.error.settled"] } } }, init: { status: 409 } });
    expect(await prisma.source.count({ where: { claimId } })).toBe(1);
  });

  it("of a blind second reviewer and of the assigned reviewer stay out of each other's sight until the claim is settled", async () => {
    await prisma.newsroomSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Uji", blindSecondReview: true }, update: { blindSecondReview: true } });
    try {
      const editor = await actorOf("editor");
      const primary = await actorOf("reviewer");
      const blind = await actorOf("reviewer");
      const { claimId } = await claimOf(editor.id);
      await assign(claimId, primary.id, editor.id);
      const theirs = await addSource(primary, { claimId, url: "https://kemenkes.example/primary", kind: "DATASET", stance: "REFUTES" });
      await prisma.claim.update({ where: { id: claimId }, data: { status: "IN_RESEARCH" } });
      const mine = await addSource(blind, { claimId, url: "https://kemenkes.example/blind", kind: "DATASET", stance: "SUPPORTS" });

      expect(await getSnapshot(blind, theirs.snapshotId)).toBeNull();
      expect(await getSnapshot(primary, mine.snapshotId)).toBeNull();
      expect(await getSnapshot(blind, mine.snapshotId)).toMatchObject({ id: mine.snapshotId });
      await expect(removeSource(blind, theirs.sourceId)).rejects.toMatchObject({ reason: "not_found" });
      await expect(removeSource(primary, mine.sourceId)).rejects.toMatchObject({ reason: "not_found" });
      expect((await sourcesOf(claimId)).map((source) => source.url)).toEqual(["https://kemenkes.example/primary", "https://kemenkes.example/blind"]);

      await prisma.claim.update({ where: { id: claimId }, data: { status: "APPROVED" } });
      expect(await getSnapshot(blind, theirs.snapshotId)).toMatchObject({ id: theirs.snapshotId });
      expect(await getSnapshot(primary, mine.snapshotId)).toMatchObject({ id: mine.snapshotId });
    } finally {
      await prisma.newsroomSettings.update({ where: { id: 1 }, data: { blindSecondReview: false } });
    }
  });

  it("keep a sanitised copy: no scripts, handlers, frames, forms or URLs the browser would load", async () => {
    const editor = await actorOf("editor");
    const { claimId } = await claimOf(editor.id);
    const { snapshotId } = await addSource(editor, { claimId, url: hostileUrl, kind: "OFFICIAL_STATEMENT", stance: "REFUTES" });
    expect(await archiveSnapshot(snapshotId)).toMatchObject({ status: "ARCHIVED", sha256: sha256(hostilePage) });
    const { sanitizedHtml: html, text } = await prisma.sourceSnapshot.findUniqueOrThrow({ where: { id: snapshotId } });
    expect(html).toContain("1.200 rumah terendam banjir");
    expect(text).toContain("Warga diminta tetap waspada");
    expect(html).not.toMatch(/<script|<style|<iframe|<form|<input|<button|<video|<object|<svg|<link|<image/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/style=|srcset=|javascript:|tracker\.example\/(pixel|a\.jpg|bg|p\.png|embed|steal)/i);
    expect(html).not.toMatch(/<img[^>]+src="(?!data:)/i);
    expect(html).toContain('alt="Foto tanggul"');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    // Links point where they pointed (absolute), and are marked as such.
    expect(html).toContain(`href="${new URL("/laporan/banjir.pdf", hostileUrl).href}"`);
    expect(html).toMatch(/rel="noopener noreferrer nofollow"/);

    expect(sanitizeSnapshotHtml('<img src="//cdn.example/x.png" alt="x"><a href="//evil.example/">x</a>', "https://site.example/a")).toBe(
      '<img alt="x" /><a rel="noopener noreferrer nofollow" href="https://evil.example/">x</a>',
    );
  });

  it("are posted through the sources route, which refuses bad input and strangers with a message", async () => {
    const editor = await actorOf("editor");
    const stranger = await actorOf("reviewer");
    const { claimId } = await claimOf(editor.id);
    const post = async (who: Actor, form: Record<string, string>) => {
      const token = await createSession(who.id, null);
      const request = new Request(`http://localhost/claims/${claimId}/sources`, {
        method: "POST",
        headers: { Cookie: `${sessionCookieName}=${token}`, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form),
      });
      return sourcesAction({ request, url: new URL(request.url), pattern: "/claims/:claimId/sources", params: { claimId }, context: createRequestContext({ cspNonce: "", clientIp: "127.0.0.1" }) } as Parameters<typeof sourcesAction>[0]);
    };
    const added = await post(editor, { intent: "add", url: "https://kemenkes.example/x", kind: "EXPERT", stance: "SUPPORTS", excerpt: "  kutipan  " });
    expect(added).toBeInstanceOf(Response);
    expect((added as Response).status).toBe(302);
    expect((added as Response).headers.get("Location")).toBe(`/claims/${claimId}#sources`);
    expect((await sourcesOf(claimId))[0]).toMatchObject({ url: "https://kemenkes.example/x", excerpt: "kutipan", kind: "EXPERT", title: null });

    const invalid = await post(editor, { intent: "add", url: "not a url", kind: "EXPERT", stance: "SUPPORTS" });
    // The answer is a FormAnswer: the message keys are the errors of the fields they are about (only those).
    expect(invalid).toMatchObject({ init: { status: 400 } });
    expect((invalid as { data: FormAnswer }).data.result.error).toEqual({ url: ["sources.error.invalidUrl"] });
    const badKind = await post(editor, { intent: "add", url: "https://kemenkes.example/y", kind: "RUMOUR", stance: "SUPPORTS" });
    expect(badKind).toMatchObject({ init: { status: 400 } });
    expect((badKind as { data: FormAnswer }).data.result.error).toEqual({ kind: ["sources.error.invalid"] });
    const refused = await post(stranger, { intent: "add", url: "https://kemenkes.example/z", kind: "EXPERT", stance: "SUPPORTS" });
    expect(refused).toMatchObject({ data: { result: { error: { "": ["sources.error.forbidden"] } } }, init: { status: 403 } });
    expect(await prisma.source.count({ where: { claimId } })).toBe(1);
  });

  it("show the archived page only to readers of the claim, under the sandbox policy", async () => {
    const editor = await actorOf("editor");
    const stranger = await actorOf("reviewer");
    const { claimId } = await claimOf(editor.id);
    const { snapshotId } = await addSource(editor, { claimId, url: hostileUrl, kind: "OTHER", stance: "CONTEXT" });
    await archiveSnapshot(snapshotId);
    const get = async (who: Actor) => {
      const token = await createSession(who.id, null);
      const request = new Request(`http://localhost/snapshots/${snapshotId}/raw`, { headers: { Cookie: `${sessionCookieName}=${token}` } });
      return rawLoader({ request, url: new URL(request.url), pattern: "/snapshots/:snapshotId/raw", params: { snapshotId }, context: createRequestContext({ cspNonce: "", clientIp: "127.0.0.1" }) } as Parameters<typeof rawLoader>[0]);
    };
    const shown = await get(editor);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("Content-Security-Policy")).toBe(snapshotContentSecurityPolicy);
    expect(shown.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const body = await shown.text();
    expect(body).toContain("1.200 rumah terendam banjir");
    expect(body).not.toMatch(/<script/i);
    expect((await get(stranger)).status).toBe(404);
  });

  it("get the snapshot policy from the security headers on /snapshots/:id/raw only", async () => {
    const app = express();
    app.use(cspNonceMiddleware());
    app.use(securityHeaders({ dev: false }));
    app.use((_req, res) => void res.type("text/plain").send("ok"));
    const server = await new Promise<http.Server>((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const raw = await fetch(`${base}/snapshots/3f1c7d2e-0000-4000-8000-000000000000/raw`);
      expect(raw.headers.get("Content-Security-Policy")).toBe(snapshotContentSecurityPolicy);
      expect(raw.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
      expect(raw.headers.get("X-Content-Type-Options")).toBe("nosniff");
      for (const path of ["/snapshots/3f1c7d2e-0000-4000-8000-000000000000", "/snapshots/x/raw/more", "/dashboard"]) {
        const csp = (await fetch(`${base}${path}`)).headers.get("Content-Security-Policy") ?? "";
        expect(csp, path).toContain("frame-ancestors 'none'");
        expect(csp, path).not.toContain("sandbox");
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("are archived by the job queue: pg-boss on the test database picks the job up and the snapshot ends ARCHIVED", async () => {
    const editor = await actorOf("editor");
    const { claimId } = await claimOf(editor.id);
    // The jobs queued by the tests above are not for this worker: their addresses are made up, and
    // nothing here may try to resolve or fetch them.
    await prepareJobs(archiveSourceJob);
    await database().pool.query(`DELETE FROM pgboss.job WHERE name = 'archive-source'`);
    await startBackgroundJobs({ pollingIntervalSeconds: 0.5 });
    try {
      const { snapshotId } = await addSource(editor, { claimId, url: `${pages.url}/news/banjir-bekasi`, kind: "MEDIA_REPORT", stance: "CONTEXT" });
      const deadline = Date.now() + 15_000;
      let status = "PENDING";
      while (status === "PENDING" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        status = (await prisma.sourceSnapshot.findUniqueOrThrow({ where: { id: snapshotId }, select: { status: true } })).status;
      }
      expect(status).toBe("ARCHIVED");
      const snapshot = await prisma.sourceSnapshot.findUniqueOrThrow({ where: { id: snapshotId } });
      expect(snapshot.sha256).toBe(sha256(await rawBytes(`${pages.url}/news/banjir-bekasi`)));
      // The job is marked done (completion is recorded right after the handler returns).
      for (let i = 0; i < 25 && (await jobsFor(snapshotId))[0]?.state !== "completed"; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await jobsFor(snapshotId)).map((job) => job.state)).toEqual(["completed"]);
    } finally {
      await stopJobs();
    }
  });

  it("stop promptly: a running archive job is aborted, its snapshot stays PENDING and the job is retried later", async () => {
    const editor = await actorOf("editor");
    const { claimId } = await claimOf(editor.id);
    await prepareJobs(archiveSourceJob);
    await database().pool.query(`DELETE FROM pgboss.job WHERE name = 'archive-source'`);
    await startBackgroundJobs({ pollingIntervalSeconds: 0.5 });
    let snapshotId = "";
    try {
      // The page server answers /slow after 30 s, well past this test.
      ({ snapshotId } = await addSource(editor, { claimId, url: `${pages.url}/slow`, kind: "OTHER", stance: "CONTEXT" }));
      for (let i = 0; i < 50 && (await jobsFor(snapshotId))[0]?.state !== "active"; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await jobsFor(snapshotId))[0]?.state).toBe("active");
    } finally {
      const started = Date.now();
      await stopJobs();
      expect(Date.now() - started).toBeLessThan(3_000);
    }
    expect((await prisma.sourceSnapshot.findUniqueOrThrow({ where: { id: snapshotId } })).status).toBe("PENDING");
    expect((await jobsFor(snapshotId))[0]?.state).toBe("retry");
  });
});
