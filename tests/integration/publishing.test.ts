// Publishing against a real PostgreSQL: readiness, the frozen version, slugs, corrections (with verdict
// corrections and stale forms), concurrent corrections, immutable versions, withdrawal, search vectors.
import { describe, expect, it } from "vitest";
import { createClaim } from "~/claims/claims.server";
import { prisma } from "~/db/client.server";
import { actAs } from "~/demo/actors.server";
import { deskSummary, readyToPublish, recentFactChecks } from "~/desk/dashboard.server";
import { publishChange } from "~/live/bus.server";
import { correctFactCheck } from "~/publishing/correction.server";
import { factCheckStamp, publicFactCheck } from "~/publishing/public-fact-check.server";
import { publishFactCheck, suggestSlug } from "~/publishing/publication.server";
import { publishReadiness } from "~/publishing/readiness.server";
import { PublishRefused } from "~/publishing/refused";
import { withdrawFactCheck } from "~/publishing/withdrawal.server";
import { settledArticle } from "../support/fact-checks";
import { actorOf, refusal } from "../support/fixtures";

const text = {
  headline: "Cek Fakta: Banjir dan Dana Bantuan",
  summary: "Dua klaim tentang banjir.",
  methodology: "Kami membandingkan data BPBD dan Kementerian.",
};

describe("publishing a fact-check", () => {
  it("refuses while a claim is open, naming it; then publishes a frozen version 1", async () => {
    const desk = await settledArticle();
    const open = await createClaim(desk.editor, desk.articleId, { start: 0, end: 10 });
    const notReady = await refusal(publishFactCheck(desk.editor, { articleId: desk.articleId, slug: "banjir-belum-siap", ...text }), PublishRefused);
    expect(notReady.reason).toBe("notReady");
    expect(notReady.detail?.claims?.map((c) => c.id)).toEqual([open.id]);
    expect(await prisma.factCheck.count({ where: { articleId: desk.articleId } })).toBe(0);

    await prisma.claim.update({ where: { id: open.id }, data: { deletedAt: new Date() } });
    expect((await publishReadiness(desk.articleId)).ready).toBe(true);
    const published = await publishFactCheck(desk.editor, { articleId: desk.articleId, slug: "banjir-dan-dana-bantuan", ...text });
    const page = await publicFactCheck("banjir-dan-dana-bantuan");
    expect(page.kind).toBe("published");
    if (page.kind !== "published") return;
    expect(page.currentVersion).toBe(1);
    expect(page.version.content.claims.map((c) => [c.anchor, c.rating?.labelEn, c.reviewedBy, c.approvedBy])).toEqual([
      ["claim-1", "Partly true", desk.reviewer.name, desk.approver.name],
      ["claim-2", "False", desk.reviewer.name, desk.approver.name],
    ]);
    expect(page.version.content.claims[0]!.claimDate).toBe("2025-03-03T00:00:00.000Z");
    expect(page.version.content.claims[1]!.claimDate).toBeNull();
    expect(page.version.content.scale).toMatchObject({ best: 5, worst: 1 });
    expect((await prisma.article.findUniqueOrThrow({ where: { id: desk.articleId } })).status).toBe("PUBLISHED");
    expect(await prisma.auditEvent.count({ where: { entityId: published.id, action: "factcheck.publish" } })).toBe(1);
    // A second publication of the same article is refused: it is corrected instead.
    expect((await refusal(publishFactCheck(desk.editor, { articleId: desk.articleId, slug: "lain", ...text }), PublishRefused)).reason).toBe(
      "alreadyPublished",
    );
  });

  it("lists not-checkable claims with their reasons and refuses an article with nothing rated", async () => {
    const nothing = await settledArticle({
      claims: [{ quote: "dana bantuan dipotong 40 persen", wording: "Dana dipotong 40 persen", notCheckable: "Tidak ada data publik." }],
    });
    expect(
      (await refusal(publishFactCheck(nothing.editor, { articleId: nothing.articleId, slug: "tidak-ada-penilaian", ...text }), PublishRefused)).reason,
    ).toBe("noRatedClaims");

    const mixed = await settledArticle({
      claims: [
        { quote: "1.200 sekolah rusak akibat banjir", wording: "1.200 sekolah rusak", rating: "True" },
        {
          quote: "dana bantuan dipotong 40 persen",
          wording: "Dana dipotong 40 persen",
          notCheckable: "Prediksi; belum dapat diverifikasi.",
        },
      ],
    });
    await publishFactCheck(mixed.editor, { articleId: mixed.articleId, slug: "campuran", ...text });
    const page = await publicFactCheck("campuran");
    if (page.kind !== "published") throw new Error(page.kind);
    expect(page.version.content.claims.map((c) => [c.outcome, c.notCheckableReason])).toEqual([
      ["rated", null],
      ["notCheckable", "Prediksi; belum dapat diverifikasi."],
    ]);
  });

  it("keeps slugs readable, unique and valid; reviewers may not publish", async () => {
    const first = await settledArticle();
    await publishFactCheck(first.editor, {
      articleId: first.articleId,
      slug: await suggestSlug("Benarkah 10.000 Tentara Tiba di Kursk?"),
      ...text,
    });
    expect(await prisma.factCheck.findFirst({ where: { articleId: first.articleId }, select: { slug: true } })).toEqual({
      slug: "benarkah-10-000-tentara-tiba-di-kursk",
    });
    expect(await suggestSlug("Benarkah 10.000 tentara tiba di Kursk")).toBe("benarkah-10-000-tentara-tiba-di-kursk-2");

    const second = await settledArticle();
    expect(
      (
        await refusal(
          publishFactCheck(second.editor, { articleId: second.articleId, slug: "benarkah-10-000-tentara-tiba-di-kursk", ...text }),
          PublishRefused,
        )
      ).reason,
    ).toBe("slugTaken");
    expect((await refusal(publishFactCheck(second.editor, { articleId: second.articleId, slug: "Bukan Slug!", ...text }), PublishRefused)).reason).toBe(
      "badSlug",
    );
    expect(
      (await refusal(publishFactCheck(second.editor, { articleId: second.articleId, slug: "ok", ...text, headline: "   " }), PublishRefused)).reason,
    ).toBe("badText");
    expect((await refusal(publishFactCheck(second.reviewer, { articleId: second.articleId, slug: "ok", ...text }), PublishRefused)).reason).toBe(
      "notAllowed",
    );
  });
});

describe("correcting and withdrawing", () => {
  it("a correction changes a verdict, adds version 2 with its note, keeps version 1 as it was", async () => {
    const desk = await settledArticle();
    const published = await publishFactCheck(desk.editor, { articleId: desk.articleId, slug: "koreksi-banjir", ...text });
    const stampBefore = await factCheckStamp("koreksi-banjir");
    const trueLabel = desk.labels.find((l) => l.labelEn === "True")!;

    expect(
      (await refusal(correctFactCheck(desk.editor, { factCheckId: published.id, basedOnVersion: 1, ...text, correctionNote: "  " }), PublishRefused))
        .reason,
    ).toBe("noteRequired");
    await correctFactCheck(desk.editor, {
      factCheckId: published.id,
      basedOnVersion: 1,
      ...text,
      correctionNote: "Data BPBD terbaru: jumlah sekolah rusak memang 1.200.",
      verdicts: [
        { claimId: desk.claimIds[0]!, ratingId: trueLabel.id, rationale: "Data BPBD 10 Maret 2025 mencatat 1.200 sekolah rusak." },
      ],
    });
    expect(await factCheckStamp("koreksi-banjir")).not.toBe(stampBefore);

    const current = await publicFactCheck("koreksi-banjir");
    const earlier = await publicFactCheck("koreksi-banjir", 1);
    if (current.kind !== "published" || earlier.kind !== "published") throw new Error("not published");
    expect(current.version.version).toBe(2);
    expect(current.version.content.claims[0]!.rating?.labelEn).toBe("True");
    expect(current.version.content.claims[0]!.approvedBy).toBe(desk.editor.name);
    expect(current.corrections).toEqual([
      { version: 2, publishedAt: expect.any(Date), note: "Data BPBD terbaru: jumlah sekolah rusak memang 1.200." },
    ]);
    expect(earlier.version.content.claims[0]!.rating?.labelEn).toBe("Partly true");
    // The anchors (and so the ClaimReview URLs) stay the same.
    expect(current.version.content.claims.map((c) => c.anchor)).toEqual(earlier.version.content.claims.map((c) => c.anchor));
    // The desk kept both verdicts: the old one superseded, the correction approved, both audited.
    const verdicts = await prisma.verdict.findMany({
      where: { claimId: desk.claimIds[0]! },
      orderBy: { version: "asc" },
      select: { status: true, decisionNote: true },
    });
    expect(verdicts.map((v) => v.status)).toEqual(["SUPERSEDED", "APPROVED"]);
    expect(await prisma.auditEvent.count({ where: { entityId: desk.claimIds[0]!, action: "verdict.correct" } })).toBe(1);

    // A form based on version 1 is stale now, and nothing changes.
    const stale = await refusal(
      correctFactCheck(desk.editor, { factCheckId: published.id, basedOnVersion: 1, ...text, correctionNote: "Koreksi lain" }),
      PublishRefused,
    );
    expect(stale.reason).toBe("stale");
    expect(await prisma.factCheckVersion.count({ where: { factCheckId: published.id } })).toBe(2);
  });

  it("two editors correcting at once: exactly one correction lands", async () => {
    const desk = await settledArticle();
    const second = await actAs((await actorOf("editor")).email);
    const published = await publishFactCheck(desk.editor, { articleId: desk.articleId, slug: "koreksi-bersamaan", ...text });
    const outcomes = await Promise.allSettled([
      correctFactCheck(desk.editor, { factCheckId: published.id, basedOnVersion: 1, ...text, correctionNote: "Koreksi A" }),
      correctFactCheck(second, { factCheckId: published.id, basedOnVersion: 1, ...text, correctionNote: "Koreksi B" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(PublishRefused);
    expect((rejected.reason as PublishRefused).reason).toBe("stale");
    expect(await prisma.factCheckVersion.count({ where: { factCheckId: published.id } })).toBe(2);
  });

  it("published versions cannot be rewritten, even directly in the database", async () => {
    const desk = await settledArticle();
    const published = await publishFactCheck(desk.editor, { articleId: desk.articleId, slug: "tidak-bisa-diubah", ...text });
    await expect(
      prisma.factCheckVersion.updateMany({ where: { factCheckId: published.id }, data: { headline: "Diubah diam-diam" } }),
    ).rejects.toThrow(/immutable/);
    expect((await prisma.factCheckVersion.findFirstOrThrow({ where: { factCheckId: published.id } })).headline).toBe(text.headline);
  });

  it("withdrawing needs a reason; then the page and its versions are gone, with the reason, until republished", async () => {
    const desk = await settledArticle();
    const published = await publishFactCheck(desk.editor, { articleId: desk.articleId, slug: "ditarik", ...text });
    expect((await refusal(withdrawFactCheck(desk.editor, { factCheckId: published.id, reason: "" }), PublishRefused)).reason).toBe("noteRequired");
    await withdrawFactCheck(desk.editor, { factCheckId: published.id, reason: "Artikel asli ternyata satire." });
    const gone = await publicFactCheck("ditarik");
    expect(gone).toMatchObject({ kind: "gone", reason: "Artikel asli ternyata satire.", headline: text.headline });
    expect((await publicFactCheck("ditarik", 1)).kind).toBe("gone");
    expect((await publicFactCheck("tidak-pernah-ada")).kind).toBe("missing");

    // Withdrawn by mistake: republishing is a correction with its public note, and the page is back.
    expect(
      (await refusal(correctFactCheck(desk.editor, { factCheckId: published.id, basedOnVersion: 1, ...text, correctionNote: "" }), PublishRefused)).reason,
    ).toBe("noteRequired");
    await correctFactCheck(desk.editor, {
      factCheckId: published.id,
      basedOnVersion: 1,
      ...text,
      correctionNote: "Diterbitkan kembali: artikel aslinya bukan satire.",
    });
    const back = await publicFactCheck("ditarik");
    expect(back).toMatchObject({
      kind: "published",
      currentVersion: 2,
      corrections: [{ version: 2, note: "Diterbitkan kembali: artikel aslinya bukan satire." }],
    });
    expect(
      await prisma.factCheck.findUniqueOrThrow({ where: { id: published.id }, select: { status: true, withdrawalReason: true } }),
    ).toEqual({ status: "PUBLISHED", withdrawalReason: null });
    expect((await prisma.article.findUniqueOrThrow({ where: { id: desk.articleId } })).status).toBe("PUBLISHED");
    expect(await prisma.auditEvent.count({ where: { entityId: published.id, action: "factcheck.republish" } })).toBe(1);
  });
});

describe("search vectors", () => {
  // "pasukannya berbatasan" finds "pasukan … perbatasan" only through the Indonesian stemmer.
  it("are written in the page's language: Indonesian stems for id, English stems for en", async () => {
    const id = await settledArticle({ language: "id" });
    await publishFactCheck(id.editor, {
      articleId: id.articleId,
      slug: "pengerahan-pasukan",
      ...text,
      headline: "Pengerahan pasukan ke perbatasan",
    });
    const en = await settledArticle({ language: "en" });
    await publishFactCheck(en.editor, {
      articleId: en.articleId,
      slug: "troops-deployed",
      ...text,
      headline: "Troops were deployed to the border",
    });
    const matches = await prisma.$queryRaw<{ slug: string }[]>`
      SELECT slug FROM "FactCheck"
      WHERE (language = 'id' AND "searchVector" @@ websearch_to_tsquery('indonesian', 'pasukannya berbatasan'))
         OR (language = 'en' AND "searchVector" @@ websearch_to_tsquery('english', 'deploying troop'))
      ORDER BY slug`;
    expect(matches.map((m) => m.slug)).toEqual(["pengerahan-pasukan", "troops-deployed"]);
  });
});

describe("the editor's dashboard", () => {
  it("lists articles ready to publish until they are published, then the fact-check among the recent ones", async () => {
    const desk = await settledArticle();
    const notReady = await settledArticle();
    await createClaim(notReady.editor, notReady.articleId, { start: 0, end: 10 });
    const ready = (await readyToPublish(100)).map((article) => article.id);
    expect(ready).toContain(desk.articleId);
    expect(ready).not.toContain(notReady.articleId);

    await publishFactCheck(desk.editor, { articleId: desk.articleId, slug: "dasbor-banjir", ...text });
    expect((await readyToPublish(100)).map((article) => article.id)).not.toContain(desk.articleId);
    expect((await recentFactChecks(1))[0]).toMatchObject({
      slug: "dasbor-banjir",
      status: "PUBLISHED",
      version: 1,
      articleId: desk.articleId,
    });
  });
});

describe("the desk's figures", () => {
  it("count articles, claims, open claims and published fact-checks, and follow announced changes at once", async () => {
    const before = await deskSummary();
    const desk = await settledArticle();
    // The review steps announced changes on the desk; an import announces none, so say so here too.
    await publishChange(["desk"], "test");
    const after = await deskSummary();
    expect(after.articles).toBe(before.articles + 1);
    expect(after.claims).toBe(before.claims + 2);
    expect(after.openClaims).toBe(before.openClaims);
    await publishFactCheck(desk.editor, { articleId: desk.articleId, slug: "angka-meja", ...text });
    expect((await deskSummary()).published).toBe(after.published + 1);
  });
});
