// "Checked before" on the desk against a real PostgreSQL: our published checks become known fact-checks with
// each publication (replaced by a correction, removed by a withdrawal, back with a republication; a claim never
// matches its own); linking a match records a FACT_CHECK source, its archive job and an audit event, and is
// refused with nothing written for a reviewer not on the claim, on a settled claim and twice; an editor settles
// a claim from a linked check (refused for a reviewer); the published page says "Checked before by …".
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createClaim } from "~/claims/claims.server";
import { database, prisma } from "~/db/client.server";
import { actAs, claimVersion } from "~/demo/actors.server";
import { checkedBefore } from "~/matching/checked-before.server";
import { CheckedBeforeLinkRefused, claimCheckedBefore, linkCheckedBefore } from "~/matching/link.server";
import { type KnownFactCheckInput, upsertKnownFactChecks } from "~/matching/match.server";
import { backfillOwnFactChecks } from "~/publishing/known-fact-checks.server";
import { getNewsroom } from "~/newsroom/settings.server";
import { correctFactCheck } from "~/publishing/correction.server";
import { publicFactCheck } from "~/publishing/public-fact-check.server";
import { renderPublishedPage } from "~/publishing/public-page/serve.server";
import { publishFactCheck } from "~/publishing/publication.server";
import { withdrawFactCheck } from "~/publishing/withdrawal.server";
import { activeScale } from "~/rating-scale/rating-scale.server";
import { claimAccess } from "~/auth/claim-access.server";
import { listVerdicts } from "~/review/verdict-views.server";
import { settleFromCheckedBefore, TransitionRefused, VerdictRefused } from "~/review/verdicts.server";
import { SourceRefused } from "~/sources/sources.server";
import { createSession, sessionCookieName } from "~/auth/session.server";
import { action as sourcesAction } from "~/routes/claims.$claimId.sources";
import { createRequestContext } from "~/server/request-context";
import { settledArticle } from "../support/fact-checks";
import { actorOf, assign, createArticle, refusal } from "../support/fixtures";

const run = randomUUID().slice(0, 8);
const text = { headline: "Cek Fakta: Banjir dan Dana Bantuan", summary: "Dua klaim tentang banjir.", methodology: "Kami membandingkan data." };

async function ownRows(factCheckId: string) {
  return prisma.knownFactCheck.findMany({
    where: { factCheckId },
    orderBy: { url: "asc" },
    select: { id: true, url: true, claimId: true, claimReviewed: true, rating: true, publisher: true, language: true, source: true, datePublished: true },
  });
}

/** A neighbour's review of a claim of our own words, in Indonesian. */
function neighbourReview(slug: string, claimReviewed: string, rating = "Salah"): KnownFactCheckInput {
  return {
    url: `https://cektetangga.example/${run}/${slug}`,
    claimReviewed,
    language: "id",
    publisher: "Cek Tetangga",
    rating,
    datePublished: new Date("2024-10-20T00:00:00Z"),
    source: "feed",
  };
}

/** A claim (its words: `body`) on a new Indonesian article, assigned to a new reviewer and in research. */
async function claimInResearch(body: string) {
  const editorRow = await actorOf("editor");
  const reviewerRow = await actorOf("reviewer");
  const editor = await actAs(editorRow.email);
  const reviewer = await actAs(reviewerRow.email);
  const { id: articleId } = await createArticle(editor.id, body);
  await prisma.article.update({ where: { id: articleId }, data: { language: "id" } });
  const claim = await createClaim(editor, articleId, { start: 0, end: body.length });
  await assign(claim.id, reviewer.id, editor.id, { claimStatus: "ASSIGNED" });
  return { editor, reviewer, articleId, claimId: claim.id };
}

async function archiveJobs(snapshotId: string) {
  const { rows } = await database().pool.query<{ id: string }>(`SELECT id FROM pgboss.job WHERE name = 'archive-source' AND data->>'snapshotId' = $1`, [snapshotId]);
  return rows;
}

describe("our published checks as known fact-checks", () => {
  it("are added by publishing, replaced by a correction, removed by a withdrawal and back with a republication", async () => {
    const desk = await settledArticle({ language: "id" });
    const newsroom = await getNewsroom();
    const slug = `banjir-${run}`;
    const published = await publishFactCheck(desk.editor, { articleId: desk.articleId, slug, ...text });

    const rows = await ownRows(published.id);
    expect(rows).toHaveLength(2);
    const byClaim = new Map(rows.map((row) => [row.claimId, row]));
    const [partly, falseClaim] = desk.claimIds;
    const falseLabel = desk.labels.find((label) => label.labelEn === "False")!;
    expect(byClaim.get(falseClaim!)).toMatchObject({
      source: "OWN",
      publisher: newsroom.name,
      language: "id",
      rating: falseLabel.labelId,
      claimReviewed: "Dana bantuan banjir dipotong 40 persen",
    });
    // The URL our ClaimReview markup gives the claim: the page's address and the claim's anchor.
    const page = await publicFactCheck(slug);
    if (page.kind !== "published") throw new Error(page.kind);
    const anchorOf = new Map(page.version.content.claims.map((claim) => [claim.claimId, claim.anchor]));
    expect(byClaim.get(falseClaim!)!.url).toMatch(new RegExp(`^https?://[^/]+/fact-checks/${slug}#${anchorOf.get(falseClaim!)}$`));
    expect(byClaim.get(partly!)!.url).toMatch(new RegExp(`/fact-checks/${slug}#${anchorOf.get(partly!)}$`));

    // Matching finds our own check for another claim, never for the claim it rates.
    const wording = "Dana bantuan banjir dipotong 40 persen";
    const forAnother = await checkedBefore(wording, { language: "id", thresholds: { suggestAt: 0, likelySameAt: 0.65 } });
    expect(forAnother.map((match) => match.url)).toContain(byClaim.get(falseClaim!)!.url);
    const forItself = await checkedBefore(wording, { language: "id", excludeClaimId: falseClaim!, thresholds: { suggestAt: 0, likelySameAt: 0.65 } });
    expect(forItself.map((match) => match.url)).not.toContain(byClaim.get(falseClaim!)!.url);

    // A correction without the first claim: its row goes, the other's stays (the same row).
    await prisma.claim.update({ where: { id: partly! }, data: { deletedAt: new Date() } });
    await correctFactCheck(desk.editor, { factCheckId: published.id, basedOnVersion: 1, ...text, correctionNote: "Klaim pertama dihapus." });
    const corrected = await ownRows(published.id);
    expect(corrected.map((row) => row.claimId)).toEqual([falseClaim]);
    expect(corrected[0]!.id).toBe(byClaim.get(falseClaim!)!.id);

    await withdrawFactCheck(desk.editor, { factCheckId: published.id, reason: "Diterbitkan sebelum waktunya." });
    expect(await ownRows(published.id)).toEqual([]);
    const afterWithdrawal = await checkedBefore(wording, { language: "id", thresholds: { suggestAt: 0, likelySameAt: 0.65 } });
    expect(afterWithdrawal.map((match) => match.url)).not.toContain(byClaim.get(falseClaim!)!.url);

    await correctFactCheck(desk.editor, { factCheckId: published.id, basedOnVersion: 2, ...text, correctionNote: "Diterbitkan lagi." });
    expect((await ownRows(published.id)).map((row) => row.claimId)).toEqual([falseClaim]);
  });

  it("leave out only a claim the ClaimReview markup refuses (wording over its limit); publishing goes through", async () => {
    const long = `Dana bantuan banjir dipotong 40 persen ${"dan seterusnya ".repeat(40)}`.trim();
    expect(long.length).toBeGreaterThan(500);
    const desk = await settledArticle({
      language: "id",
      claims: [
        { quote: "1.200 sekolah rusak akibat banjir", wording: "1.200 sekolah rusak akibat banjir di Jawa Tengah", rating: "Partly true" },
        { quote: "dana bantuan dipotong 40 persen", wording: long, rating: "False" },
      ],
    });
    const published = await publishFactCheck(desk.editor, { articleId: desk.articleId, slug: `panjang-${run}`, ...text });
    expect((await ownRows(published.id)).map((row) => row.claimId)).toEqual([desk.claimIds[0]]);
  });

  it("are backfilled once for fact-checks published before, idempotently", async () => {
    const desk = await settledArticle({ language: "id" });
    const published = await publishFactCheck(desk.editor, { articleId: desk.articleId, slug: `isi-ulang-${run}`, ...text });
    const before = await ownRows(published.id);
    await prisma.knownFactCheck.deleteMany({ where: { factCheckId: published.id } });
    await backfillOwnFactChecks();
    const after = await ownRows(published.id);
    expect(after.map(({ id: _id, ...row }) => row)).toEqual(before.map(({ id: _id, ...row }) => row));
    await backfillOwnFactChecks();
    expect(await ownRows(published.id)).toEqual(after);
  });
});

describe("linking a match", () => {
  it("records a FACT_CHECK source, queues its archiving and writes an audit event; the same review twice is refused", async () => {
    const words = `Bantuan beras ${run} untuk korban banjir dihentikan pemerintah`;
    const { reviewer, claimId } = await claimInResearch(words);
    // Our scale's "False" is "Keliru" in Indonesian: the settle form preselects it, whatever the case.
    const review = neighbourReview("beras", words, "KELIRU");
    await upsertKnownFactChecks([review]);
    const known = await prisma.knownFactCheck.findUniqueOrThrow({ where: { url: review.url }, select: { id: true } });

    const { sourceId, snapshotId } = await linkCheckedBefore(reviewer, { claimId, knownFactCheckId: known.id, stance: "REFUTES" });
    const source = await prisma.source.findUniqueOrThrow({
      where: { id: sourceId },
      select: { kind: true, knownFactCheckId: true, url: true, title: true, publisher: true, stance: true, note: true, claimId: true },
    });
    expect(source).toEqual({
      kind: "FACT_CHECK",
      knownFactCheckId: known.id,
      url: review.url,
      title: words,
      publisher: "Cek Tetangga",
      stance: "REFUTES",
      note: "dinilai “KELIRU” pada 2024-10-20",
      claimId,
    });
    expect((await prisma.sourceSnapshot.findUniqueOrThrow({ where: { id: snapshotId }, select: { status: true } })).status).toBe("PENDING");
    expect(await archiveJobs(snapshotId)).toHaveLength(1);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "source.link_checked_before", entityId: sourceId }, select: { actorId: true, after: true } });
    expect(audit.actorId).toBe(reviewer.id);
    expect(audit.after).toMatchObject({ claimId, knownFactCheckId: known.id, url: review.url, rating: "KELIRU", datePublished: "2024-10-20" });

    const sources = await prisma.source.count({ where: { claimId } });
    const again = await refusal(linkCheckedBefore(reviewer, { claimId, knownFactCheckId: known.id, stance: "CONTEXT" }), CheckedBeforeLinkRefused);
    expect(again.reason).toBe("alreadyLinked");
    expect(again.status).toBe(409);
    expect(await prisma.source.count({ where: { claimId } })).toBe(sources);

    // The claim page shows the match as linked, and the editor's settle form starts with our "False".
    const editor = await actAs((await actorOf("editor")).email);
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { id: true, wording: true, status: true, article: { select: { language: true } } } });
    const scale = (await activeScale())!.labels;
    const section = await claimCheckedBefore(editor, claim, (await claimAccess(editor, claimId))!.access, scale);
    expect(section.matches.map((match) => match.id)).toContain(known.id);
    expect(section.linkedIds).toEqual([known.id]);
    expect(section.maySettle).toBe(true);
    expect(section.drafts).toEqual([
      {
        sourceId,
        ratingId: scale.find((label) => label.labelEn === "False")!.id,
        rationale: `Pernah dicek oleh Cek Tetangga pada 2024-10-20, dinilai “KELIRU”: ${review.url}`,
      },
    ]);
  });

  it("is refused with nothing written for a reviewer not on the claim, on a settled claim, and for an unknown review", async () => {
    const words = `Harga gabah ${run} turun separuh setelah banjir`;
    const { editor, claimId } = await claimInResearch(words);
    const review = neighbourReview("gabah", words);
    await upsertKnownFactChecks([review]);
    const known = await prisma.knownFactCheck.findUniqueOrThrow({ where: { url: review.url }, select: { id: true } });
    const outsider = await actAs((await actorOf("reviewer")).email);
    const audits = await prisma.auditEvent.count();

    expect((await refusal(linkCheckedBefore(outsider, { claimId, knownFactCheckId: known.id, stance: "CONTEXT" }), SourceRefused)).reason).toBe("forbidden");
    expect((await refusal(linkCheckedBefore(editor, { claimId, knownFactCheckId: "nope", stance: "CONTEXT" }), CheckedBeforeLinkRefused)).reason).toBe("unknown");
    await prisma.claim.update({ where: { id: claimId }, data: { status: "APPROVED" } });
    expect((await refusal(linkCheckedBefore(editor, { claimId, knownFactCheckId: known.id, stance: "CONTEXT" }), SourceRefused)).reason).toBe("settled");

    expect(await prisma.source.count({ where: { claimId } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(audits);
  });
});

describe("the sources route's link intent", () => {
  it("links through a form and answers a repeated link with the refusal's message (409)", async () => {
    const words = `Sungai ${run} di Demak meluap tiga meter`;
    const { reviewer, claimId } = await claimInResearch(words);
    const review = neighbourReview("sungai", words);
    await upsertKnownFactChecks([review]);
    const known = await prisma.knownFactCheck.findUniqueOrThrow({ where: { url: review.url }, select: { id: true } });
    const token = await createSession(reviewer.id, null);
    const post = (form: Record<string, string>) => {
      const request = new Request(`http://localhost/claims/${claimId}/sources`, {
        method: "POST",
        headers: { Cookie: `${sessionCookieName}=${token}`, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form),
      });
      return sourcesAction({ request, url: new URL(request.url), pattern: "/claims/:claimId/sources", params: { claimId }, context: createRequestContext({ cspNonce: "", clientIp: "127.0.0.1" }) } as Parameters<typeof sourcesAction>[0]);
    };
    const linked = await post({ intent: "link", knownFactCheckId: known.id, stance: "CONTEXT" });
    expect((linked as Response).status).toBe(302);
    expect(await prisma.source.count({ where: { claimId, knownFactCheckId: known.id } })).toBe(1);
    expect(await post({ intent: "link", knownFactCheckId: known.id, stance: "CONTEXT" })).toMatchObject({
      data: { result: { error: { "": ["checkedBefore.error.alreadyLinked"] } } },
      init: { status: 409 },
    });
    expect(await post({ intent: "link", knownFactCheckId: known.id, stance: "MAYBE" })).toMatchObject({ init: { status: 400 } });
    expect(await prisma.source.count({ where: { claimId } })).toBe(1);
  });
});

describe("settling from a linked check", () => {
  it("writes an approved verdict with checkedBefore (editors only); the published page says who checked it before", async () => {
    const words = `Jembatan ${run} di Semarang runtuh karena banjir`;
    const { editor, reviewer, articleId, claimId } = await claimInResearch(words);
    const review = neighbourReview("jembatan", words, "Salah");
    await upsertKnownFactChecks([review]);
    const known = await prisma.knownFactCheck.findUniqueOrThrow({ where: { url: review.url }, select: { id: true } });
    const { sourceId } = await linkCheckedBefore(reviewer, { claimId, knownFactCheckId: known.id, stance: "REFUTES" });
    const falseLabel = (await activeScale())!.labels.find((label) => label.labelEn === "False")!;
    const rationale = `Pernah dicek oleh Cek Tetangga pada 2024-10-20, dinilai “Salah”: ${review.url}`;

    const byReviewer = await refusal(
      settleFromCheckedBefore(reviewer, { claimId, claimVersion: await claimVersion(claimId), sourceId, ratingId: falseLabel.id, rationale }),
      VerdictRefused,
    );
    expect(byReviewer.reason).toBe("notAllowed");
    expect(await prisma.verdict.count({ where: { claimId } })).toBe(0);

    await settleFromCheckedBefore(editor, { claimId, claimVersion: await claimVersion(claimId), sourceId, ratingId: falseLabel.id, rationale });
    const verdict = await prisma.verdict.findFirstOrThrow({
      where: { claimId },
      select: { status: true, ratingId: true, proposedById: true, decidedById: true, rationale: true, checkedBefore: true },
    });
    expect(verdict).toEqual({
      status: "APPROVED",
      ratingId: falseLabel.id,
      proposedById: editor.id,
      decidedById: editor.id,
      rationale,
      checkedBefore: { url: review.url, publisher: "Cek Tetangga", rating: "Salah", datePublished: "2024-10-20", claimReviewed: words },
    });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true } })).status).toBe("APPROVED");
    // The claim page's verdict says whose check it was, to the reviewer too.
    expect((await listVerdicts(reviewer, claimId))[0]!.checkedBefore).toEqual(verdict.checkedBefore);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "verdict.settle_checked_before", entityId: claimId }, select: { after: true } });
    expect(audit.after).toMatchObject({ settledDirectly: true, sourceId, status: "APPROVED" });

    // Never on a claim already settled.
    const twice = await refusal(
      settleFromCheckedBefore(editor, { claimId, claimVersion: await claimVersion(claimId), sourceId, ratingId: falseLabel.id, rationale }),
      TransitionRefused,
    );
    expect(twice.status).toBe(409);
    expect(await prisma.verdict.count({ where: { claimId } })).toBe(1);

    const slug = `jembatan-${run}`;
    await publishFactCheck(editor, { articleId, slug, headline: "Cek Fakta: Jembatan di Semarang", summary: "Satu klaim.", methodology: "Kami membaca cek terdahulu." });
    const page = await publicFactCheck(slug);
    if (page.kind !== "published") throw new Error(page.kind);
    expect(page.version.content.claims[0]!.checkedBefore).toEqual(verdict.checkedBefore);
    const { html, contentSecurityPolicy } = renderPublishedPage(page, await getNewsroom(), "http://127.0.0.1:3000").page;
    expect(html).toContain(`<a href="${review.url}" rel="nofollow noopener noreferrer">Pernah dicek oleh Cek Tetangga</a>`);
    expect(html).toContain("dinilai “Salah” pada");
    expect(contentSecurityPolicy).not.toContain("script-src");
  });
});
