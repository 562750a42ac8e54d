// Other fact-checkers' ClaimReview sources against a real PostgreSQL and a local web server: a DataFeed and a page's
// JSON-LD fetched through the safe fetcher, JSON and CSV files uploaded, a second run updating and removing, URLs
// another source holds left alone, failures (timeout, refused address, not JSON, no ClaimReview, HTTP error, a
// 50 MB answer) leaving earlier reviews intact with a specific reason, the tick and its one-run-at-a-time rule,
// and the admin page's permission and upload errors.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, sessionCookieName } from "~/auth/session.server";
import { database, prisma } from "~/db/client.server";
import { stopJobs } from "~/jobs/queue.server";
import {
  addUrlSource,
  deleteSource,
  importFileSource,
  runSourceNow,
  updateSourceSchedule,
} from "~/matching/feeds/claim-review-sources.server";
import { queueDueSources, stuckRunMs } from "~/matching/feeds/feed-job.server";
import { runClaimReviewSource } from "~/matching/feeds/run.server";
import { matchClaim } from "~/matching/match.server";
import { action, loader } from "~/routes/admin.claim-reviews";
import { createRequestContext } from "~/server/request-context";
import type { FormAnswer } from "~/utils/form-answer";
import { startBackgroundJobs } from "~/server/background-jobs.server";
import { reloadServerEnv } from "~/utils/env.server";
import { actorOf } from "../support/fixtures";

const site = "https://tetangga-cek.example/cek";

function claimReview(slug: string, claimReviewed: string, rating: string, extra: Record<string, unknown> = {}) {
  return {
    "@type": "ClaimReview",
    url: `${site}/${slug}`,
    claimReviewed,
    author: { "@type": "Organization", name: "Tetangga Cek" },
    datePublished: "2024-11-02",
    inLanguage: "id",
    reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: rating },
    ...extra,
  };
}

const bridge = claimReview("jembatan", "Jembatan gantung di Desa Sukamaju runtuh karena dilewati truk bermuatan pasir", "Salah");
const vaccine = claimReview("vaksin", "Vaksin campak gratis hanya diberikan kepada anak yang lahir setelah tahun 2020", "Sebagian benar");
const flood = claimReview("banjir", "Banjir di Kota Tepian merendam tiga ribu rumah pada pekan lalu", "Benar");
const incomplete = claimReview("tanpa-tanggal", "Pasar ikan tutup sebulan penuh karena renovasi atap", "Salah", { datePublished: undefined });

let feed: unknown = {};
/** Only the worker's source reads this one (jobs queued by earlier tests run in the workers too, on /feed.json). */
const workerReview = claimReview("pekerja", "Pekerja pabrik sepatu di Kota Tepian libur sebulan tanpa upah", "Salah");
const dataFeed = (...elements: unknown[]) => ({ "@context": "https://schema.org", "@type": "DataFeed", name: "Tetangga Cek", dataFeedElement: elements });

const pageHtml = () => `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Cek fakta: kereta</title>
<script type="application/ld+json">${JSON.stringify({
  "@context": "https://schema.org",
  "@graph": [
    { "@type": "WebPage", name: "Cek fakta" },
    claimReview("kereta", "Kereta cepat berhenti beroperasi setiap hari Minggu mulai bulan depan", "Salah"),
  ],
})}</script>
<script type="application/ld+json">${JSON.stringify(bridge)}</script>
</head><body><article><h1>Cek fakta: kereta</h1><p>Kami memeriksa klaim tentang kereta cepat.</p></article></body></html>`;

let server: http.Server;
let base = "";
const hanging = new Set<http.ServerResponse>();

async function reviewsOf(feedId: string) {
  return prisma.knownFactCheck.findMany({ where: { feedId }, orderBy: { url: "asc" }, select: { url: true, rating: true, publisher: true, language: true, datePublished: true } });
}

async function sourceState(feedId: string) {
  return prisma.claimReviewFeed.findUniqueOrThrow({ where: { id: feedId }, select: { lastStatus: true, lastError: true, lastCounts: true, lastRunAt: true, nextRunAt: true } });
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/feed.json") res.writeHead(200, { "Content-Type": "application/ld+json; charset=utf-8" }).end(JSON.stringify(feed));
    else if (path === "/worker.json") res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(dataFeed(workerReview)));
    else if (path === "/page.html") res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(pageHtml());
    else if (path === "/plain") res.writeHead(200, { "Content-Type": "text/plain" }).end("Ini bukan JSON.");
    else if (path === "/empty.json") res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(dataFeed()));
    else if (path === "/never") hanging.add(res); // never answers
    else if (path === "/huge.json") {
      // 50 MB, streamed in 64 KiB chunks without a declared length: the fetcher must stop reading, not the test.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      res.writeHead(200, { "Content-Type": "application/json" });
      Readable.from(
        (function* () {
          yield Buffer.from("[");
          while (sent < 50 * 1024 * 1024) {
            sent += chunk.length;
            yield chunk;
          }
          yield Buffer.from("]");
        })(),
      )
        .on("error", () => {})
        .pipe(res)
        .on("error", () => {});
    } else res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  // Test-only: the fetcher may reach this one local server (and nothing else private).
  process.env.FACTDESK_FETCH_ALLOW_PRIVATE = `127.0.0.1:${port}`;
  reloadServerEnv();
});

afterAll(async () => {
  await stopJobs();
  delete process.env.FACTDESK_FETCH_ALLOW_PRIVATE;
  reloadServerEnv();
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("a URL source", () => {
  let feedId = "";

  it("imports a DataFeed: valid reviews upserted by URL, the incomplete one skipped and counted, matched at once", async () => {
    const admin = await actorOf("admin");
    feed = dataFeed(bridge, { "@type": "DataFeedItem", item: vaccine }, flood, incomplete);
    ({ id: feedId } = await addUrlSource(admin, { name: "Tetangga Cek", url: `${base}/feed.json`, everyHours: 6 }));
    expect((await sourceState(feedId)).lastStatus).toBe("RUNNING");

    const outcome = await runClaimReviewSource(feedId);
    expect(outcome).toEqual({ status: "OK", counts: { found: 4, added: 3, updated: 0, removed: 0, skipped: 1 } });
    const state = await sourceState(feedId);
    expect(state).toMatchObject({ lastStatus: "OK", lastError: null, lastCounts: { found: 4, added: 3, updated: 0, removed: 0, skipped: 1 } });
    expect(state.nextRunAt!.getTime() - state.lastRunAt!.getTime()).toBe(6 * 3_600_000);
    const rows = await reviewsOf(feedId);
    expect(rows.map((r) => r.url)).toEqual([`${site}/banjir`, `${site}/jembatan`, `${site}/vaksin`]);
    expect(rows[1]).toMatchObject({ rating: "Salah", publisher: "Tetangga Cek", language: "id", datePublished: new Date("2024-11-02T00:00:00Z") });

    const [best] = await matchClaim("Jembatan gantung Sukamaju runtuh dilewati truk pasir", { language: "id" });
    expect(best).toMatchObject({ url: `${site}/jembatan`, source: "feed", rating: "Salah" });
  });

  it("on a second run updates a changed rating and removes a review gone from the feed (it stops matching)", async () => {
    feed = dataFeed(claimReview("jembatan", bridge.claimReviewed, "Hoaks"), vaccine);
    expect(await runClaimReviewSource(feedId)).toEqual({ status: "OK", counts: { found: 2, added: 0, updated: 1, removed: 1, skipped: 0 } });
    const rows = await reviewsOf(feedId);
    expect(rows.map((r) => [r.url, r.rating])).toEqual([
      [`${site}/jembatan`, "Hoaks"],
      [`${site}/vaksin`, "Sebagian benar"],
    ]);
    const matches = await matchClaim("Banjir merendam tiga ribu rumah di Kota Tepian", { language: "id" });
    expect(matches.map((m) => m.url)).not.toContain(`${site}/banjir`);
    // Unchanged: nothing updated.
    expect(await runClaimReviewSource(feedId)).toEqual({ status: "OK", counts: { found: 2, added: 0, updated: 0, removed: 0, skipped: 0 } });
  });

  it.each([
    ["a server that never answers", "/never", "timeout"],
    ["an HTTP error", "/missing.json", "http_error:404"],
    ["an answer that is not JSON", "/plain", "not_json"],
    ["a feed without any ClaimReview", "/empty.json", "no_claim_reviews"],
    ["a 50 MB answer", "/huge.json", "too_large"],
  ])("fails on %s with a specific reason, leaving earlier reviews intact", async (_what, path, code) => {
    const before = await reviewsOf(feedId);
    await prisma.claimReviewFeed.update({ where: { id: feedId }, data: { url: `${base}${path}` } });
    const outcome = await runClaimReviewSource(feedId, { fetch: { timeoutMs: path === "/never" ? 500 : 20_000 } });
    expect(outcome).toEqual({ status: "FAILED", error: code });
    expect(await sourceState(feedId)).toMatchObject({ lastStatus: "FAILED", lastError: code, lastCounts: { found: 2 } });
    expect(await reviewsOf(feedId)).toEqual(before);
  });

  it("writes a large run in short transactions (1,200 reviews, 500 at a time): all of them, counted once; a second run removes half", async () => {
    const admin = await actorOf("admin");
    const many = Array.from({ length: 1_200 }, (_, i) =>
      claimReview(`banyak-${i}`, `Warga kampung nomor ${i + 1} di Kota Tepian menerima bantuan beras ${i + 3} karung`, "Salah"),
    );
    feed = dataFeed(...many);
    const { id } = await addUrlSource(admin, { name: "Tetangga Cek Besar", url: `${base}/feed.json`, everyHours: null });
    expect(await runClaimReviewSource(id)).toEqual({ status: "OK", counts: { found: 1_200, added: 1_200, updated: 0, removed: 0, skipped: 0 } });
    expect(await prisma.knownFactCheck.count({ where: { feedId: id } })).toBe(1_200);
    feed = dataFeed(...many.slice(0, 600));
    expect(await runClaimReviewSource(id)).toEqual({ status: "OK", counts: { found: 600, added: 0, updated: 0, removed: 600, skipped: 0 } });
    expect(await prisma.knownFactCheck.count({ where: { feedId: id } })).toBe(600);
    await deleteSource(admin, id);
    expect(await prisma.knownFactCheck.count({ where: { feedId: id } })).toBe(0);
  }, 120_000);

  it("refuses a private address it was not allowed to reach, leaving earlier reviews intact", async () => {
    const before = await reviewsOf(feedId);
    expect(before).toHaveLength(2);
    const { port } = server.address() as AddressInfo;
    await prisma.claimReviewFeed.update({ where: { id: feedId }, data: { url: `http://10.20.30.40:${port}/feed.json` } });
    expect(await runClaimReviewSource(feedId)).toEqual({ status: "FAILED", error: "refused_address" });
    expect(await reviewsOf(feedId)).toEqual(before);
    await prisma.claimReviewFeed.update({ where: { id: feedId }, data: { url: `${base}/feed.json` } });
  });

  it("reads a page's JSON-LD (@graph, several blocks) and does not take a URL another source holds", async () => {
    const admin = await actorOf("admin");
    const { id: pageId } = await addUrlSource(admin, { name: "Halaman Cek", url: `${base}/page.html`, everyHours: null });
    expect(await runClaimReviewSource(pageId)).toEqual({ status: "OK", counts: { found: 2, added: 1, updated: 0, removed: 0, skipped: 1 } });
    expect((await reviewsOf(pageId)).map((r) => r.url)).toEqual([`${site}/kereta`]);
    // The bridge review stays the first source's, with its rating.
    expect(await prisma.knownFactCheck.findUniqueOrThrow({ where: { url: `${site}/jembatan` }, select: { feedId: true, rating: true } })).toEqual({ feedId, rating: "Hoaks" });
    expect((await sourceState(pageId)).nextRunAt).toBeNull();
    // Deleting a source takes its reviews with it.
    await deleteSource(admin, pageId);
    expect(await prisma.knownFactCheck.count({ where: { url: `${site}/kereta` } })).toBe(0);
  });
});

describe("uploaded files", () => {
  it("import a Fact Check Tools export (JSON) and a CSV at once, the file's reviews kept", async () => {
    const admin = await actorOf("admin");
    const google = {
      claims: [
        {
          text: "The city of Riverton banned bicycles from every main road last week",
          claimant: "A viral post",
          claimDate: "2024-11-01T00:00:00Z",
          claimReview: [
            { publisher: { name: "Riverton Checks", site: "riverton-checks.example" }, url: "https://riverton-checks.example/bicycles", title: "Bicycles", reviewDate: "2024-11-03T10:00:00Z", textualRating: "False", languageCode: "en" },
            { publisher: { name: "Riverton Checks" }, url: "https://riverton-checks.example/bicycles-fr", reviewDate: "2024-11-03", textualRating: "Faux", languageCode: "fr" },
          ],
        },
      ],
    };
    const json = await importFileSource(admin, { name: "Riverton Checks", file: { name: "export.json", type: "application/json", bytes: new TextEncoder().encode(JSON.stringify(google)) } });
    expect(json.counts).toEqual({ found: 2, added: 1, updated: 0, removed: 0, skipped: 1 });
    const [best] = await matchClaim("Riverton bans bicycles from main roads", { language: "en" });
    expect(best).toMatchObject({ url: "https://riverton-checks.example/bicycles", publisher: "Riverton Checks", rating: "False" });

    const csv = "URL;Claim;Publisher;Rating;Date;Language\nhttps://pasar-cek.example/1;\"Harga cabai di Pasar Raya turun separuh; kata pedagang\";Pasar Cek;Salah;2024-11-04;id\n";
    const fromCsv = await importFileSource(admin, { name: "Pasar Cek", file: { name: "reviews.csv", type: "text/csv", bytes: new TextEncoder().encode(csv) } });
    expect(fromCsv.counts).toEqual({ found: 1, added: 1, updated: 0, removed: 0, skipped: 0 });
    expect(await prisma.claimReviewFeed.findUniqueOrThrow({ where: { id: fromCsv.id }, select: { kind: true, fileName: true, lastStatus: true } })).toEqual({ kind: "FILE", fileName: "reviews.csv", lastStatus: "OK" });
    expect(await prisma.auditEvent.count({ where: { entityId: fromCsv.id, action: "claim_review_source.upload" } })).toBe(1);
  });
});

describe("the schedule", () => {
  it("queues a due source once, keeps one run at a time, and picks up a run stuck RUNNING", async () => {
    const admin = await actorOf("admin");
    feed = dataFeed(vaccine);
    const { id } = await addUrlSource(admin, { name: "Jadwal", url: `${base}/feed.json`, everyHours: 1 });
    await expect(runSourceNow(admin, id)).rejects.toMatchObject({ reason: "already_running", status: 409 });
    await runClaimReviewSource(id);
    const jobs = async () =>
      Number((await database().pool.query<{ n: string }>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'claim-review-feed' AND data->>'feedId' = $1`, [id])).rows[0]!.n);
    const queuedAtAdd = await jobs();
    expect(queuedAtAdd).toBe(1);

    expect(await queueDueSources()).toBe(0); // not due yet
    await prisma.claimReviewFeed.update({ where: { id }, data: { nextRunAt: new Date(Date.now() - 1000) } });
    expect(await queueDueSources()).toBeGreaterThanOrEqual(1);
    expect(await queueDueSources()).toBe(0); // RUNNING: not queued twice
    expect(await jobs()).toBe(queuedAtAdd + 1);

    await prisma.$executeRaw`UPDATE "ClaimReviewFeed" SET "updatedAt" = now() - make_interval(secs => ${(stuckRunMs + 60_000) / 1000}) WHERE id = ${id}::uuid`;
    expect(await queueDueSources()).toBeGreaterThanOrEqual(1);
    expect(await jobs()).toBe(queuedAtAdd + 2);

    await updateSourceSchedule(admin, id, null);
    expect(await prisma.claimReviewFeed.findUniqueOrThrow({ where: { id }, select: { everyHours: true, nextRunAt: true } })).toEqual({ everyHours: null, nextRunAt: null });
    expect(await prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" }, select: { action: true } })).toEqual([
      { action: "claim_review_source.add" },
      { action: "claim_review_source.schedule" },
    ]);
  });
});

describe("the job", () => {
  it("runs a source queued by 'Run now' in the workers, end to end", { timeout: 60_000 }, async () => {
    const admin = await actorOf("admin");
    const { id } = await prisma.claimReviewFeed.create({ data: { name: "Pekerja", kind: "URL", url: `${base}/worker.json`, createdById: admin.id }, select: { id: true } });
    await startBackgroundJobs({ pollingIntervalSeconds: 0.5 });
    await runSourceNow(admin, id);
    let state = await sourceState(id);
    while (state.lastStatus === "RUNNING") {
      await new Promise((resolve) => setTimeout(resolve, 200));
      state = await sourceState(id);
    }
    expect(state).toMatchObject({ lastStatus: "OK", lastCounts: { found: 1, added: 1 }, nextRunAt: null });
    expect((await reviewsOf(id)).map((r) => r.url)).toEqual([`${site}/pekerja`]);
    await stopJobs();
  });
});

describe("the admin page", () => {
  async function send(userId: string, form: FormData | null) {
    const token = await createSession(userId, null);
    const request = new Request("http://localhost/admin/claim-reviews", form ? { method: "POST", body: form, headers: { Cookie: `${sessionCookieName}=${token}` } } : { headers: { Cookie: `${sessionCookieName}=${token}` } });
    const args = { request, url: new URL(request.url), pattern: "/admin/claim-reviews", params: {}, context: createRequestContext({ cspNonce: "", clientIp: "127.0.0.1" }) } as never;
    try {
      return await (form ? action(args) : loader(args));
    } catch (thrown) {
      return thrown;
    }
  }
  const upload = (name: string, file: File) => {
    const form = new FormData();
    form.set("intent", "upload");
    form.set("name", name);
    form.set("file", file);
    return form;
  };

  it("is for admins only", async () => {
    const editor = await actorOf("editor");
    const sources = await prisma.claimReviewFeed.count();
    for (const answer of [await send(editor.id, null), await send(editor.id, upload("Nope", new File(["[]"], "x.json")))]) {
      expect(answer).toMatchObject({ init: { status: 403 } });
    }
    expect(await prisma.claimReviewFeed.count()).toBe(sources);
    const admin = await actorOf("admin");
    expect(await send(admin.id, null)).toMatchObject({ sources: expect.any(Array) });
  });

  it("refuses an upload that is too large, not JSON or CSV, or has no ClaimReview, with its reason and no row", async () => {
    const admin = await actorOf("admin");
    const sources = await prisma.claimReviewFeed.count();
    const tooLarge = await send(admin.id, upload("Besar", new File([new Uint8Array(10 * 1024 * 1024 + 1).fill(0x20)], "big.json", { type: "application/json" })));
    expect(tooLarge).toMatchObject({ init: { status: 422 } });
    expect((tooLarge as { data: FormAnswer }).data.result.error).toEqual({ "": ["claimReviewFeeds.refused.file_too_large"] });
    const pdf = await send(admin.id, upload("PDF", new File(["%PDF-1.4"], "reviews.pdf", { type: "application/pdf" })));
    expect((pdf as { data: FormAnswer }).data.result.error).toEqual({ "": ["claimReviewFeeds.refused.file_format"] });
    const none = await send(admin.id, upload("Kosong", new File(['{"@type":"DataFeed","dataFeedElement":[]}'], "feed.json")));
    expect((none as { data: FormAnswer; init: { status: number } }).init.status).toBe(422);
    expect((none as { data: FormAnswer }).data.result.error).toEqual({ "": ["claimReviewFeeds.refused.no_claim_reviews"] });
    const noName = await send(admin.id, upload("", new File(["[]"], "x.json")));
    expect((noName as { init: { status: number } }).init.status).toBe(400);
    expect(await prisma.claimReviewFeed.count()).toBe(sources);

    const good = await send(admin.id, upload("Baik", new File([JSON.stringify([claimReview("lampu", "Lampu jalan di seluruh kota dimatikan setiap malam Jumat demi hemat listrik", "Salah")])], "ok.json")));
    expect((good as FormAnswer).notice).toEqual({ tone: "success", key: "claimReviewFeeds.uploaded", count: 1 });
  });
});
