// The editors' preview and confirmation step against a real PostgreSQL: a dry run of a publication, a
// correction or a withdrawal refuses what the real action would refuse and writes nothing, and the preview's
// page is, byte for byte, the page the publication then serves — but for the preview's banner and noindex.
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db/client.server";
import { getNewsroom } from "~/newsroom/settings.server";
import { correctFactCheck, draftCorrection } from "~/publishing/correction.server";
import { publicFactCheck } from "~/publishing/public-fact-check.server";
import { draftPublication, publishFactCheck, requestedSlug } from "~/publishing/publication.server";
import { PublishRefused } from "~/publishing/refused";
import { draftWithdrawal } from "~/publishing/withdrawal.server";
import { renderPublishedPage } from "~/publishing/public-page/serve.server";
import { settledArticle } from "../support/fact-checks";
import { refusal } from "../support/fixtures";

const text = {
  headline: "Cek Fakta: 1,5 Juta Sekolah dan Dana Bantuan",
  summary: "Dua klaim tentang banjir.",
  methodology: "Kami membandingkan data BPBD dan Kementerian.",
};

const banner = { language: "en" as const, title: "Preview, not published.", text: "Readers will see exactly this page." };
/** The address the page is served from when the newsroom set none (the demo, these tests). */
const origin = "http://127.0.0.1:3000";

/** The preview's document without what only a preview has: its banner and its noindex. */
function withoutPreviewMarks(html: string) {
  const banner =
    /<div class="preview-banner" role="note" lang="en"><p><strong>Preview, not published\.<\/strong> Readers will see exactly this page\.<\/p><\/div>/;
  const noindex = '<meta name="robots" content="noindex"/>';
  expect(html).toMatch(banner);
  expect(html).toContain(noindex);
  return html.replace(banner, "").replace(noindex, "");
}

async function published(slug: string) {
  const page = await publicFactCheck(slug);
  if (page.kind !== "published") throw new Error(`${slug} is ${page.kind}`);
  return page;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the preview of a publication", () => {
  it("is the page publishing then serves, byte for byte, but for its banner and noindex; it writes nothing", async () => {
    const desk = await settledArticle();
    const newsroom = await getNewsroom();
    // One clock for the preview and the publication, so both pages carry the same times.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2025-03-06T03:04:05Z") });
    const slug = await requestedSlug({ headline: text.headline });
    expect(slug).toBe("cek-fakta-1-5-juta-sekolah-dan-dana-bantuan");
    const input = { articleId: desk.articleId, slug, ...text };
    const audits = await prisma.auditEvent.count();

    const draft = await draftPublication(desk.editor, input);
    expect(await prisma.factCheck.count({ where: { articleId: desk.articleId } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(audits);
    expect((await prisma.article.findUniqueOrThrow({ where: { id: desk.articleId }, select: { status: true } })).status).not.toBe(
      "PUBLISHED",
    );
    const preview = renderPublishedPage(draft, newsroom, origin, banner).page;

    await publishFactCheck(desk.editor, input);
    const live = renderPublishedPage(await published(slug), newsroom, origin).page;
    expect(withoutPreviewMarks(preview.html)).toBe(live.html);
    expect(live.html).not.toContain('class="preview-banner"');
    expect(preview.contentSecurityPolicy).toBe(live.contentSecurityPolicy);
    expect(preview.contentSecurityPolicy).not.toContain("script-src");
    expect(preview.html.match(/"@type":"ClaimReview"/g)).toHaveLength(2);
  });

  it("refuses what publishing would refuse", async () => {
    const desk = await settledArticle();
    await publishFactCheck(desk.editor, { articleId: desk.articleId, slug: "sudah-dipakai", ...text });
    const other = await settledArticle();
    expect((await refusal(draftPublication(other.editor, { articleId: other.articleId, slug: "sudah-dipakai", ...text }), PublishRefused)).reason).toBe("slugTaken");
    expect((await refusal(draftPublication(desk.editor, { articleId: desk.articleId, slug: "lain-lagi", ...text }), PublishRefused)).reason).toBe(
      "alreadyPublished",
    );
    expect((await refusal(draftPublication(other.reviewer, { articleId: other.articleId, slug: "boleh", ...text }), PublishRefused)).reason).toBe("notAllowed");
  });
});

describe("the address the publish form asks for", () => {
  it("follows the headline while the field holds the suggestion it was given, and is kept once the editor changed it", async () => {
    const desk = await settledArticle();
    await publishFactCheck(desk.editor, { articleId: desk.articleId, slug: "banjir-10-000-sekolah", ...text });
    expect(await requestedSlug({ headline: "Banjir: 10.000 sekolah", slug: "", suggestedSlug: "" })).toBe("banjir-10-000-sekolah-2");
    expect(await requestedSlug({ headline: "Banjir: 10.000 sekolah", slug: "judul-artikel", suggestedSlug: "judul-artikel" })).toBe(
      "banjir-10-000-sekolah-2",
    );
    expect(await requestedSlug({ headline: "Banjir: 10.000 sekolah", slug: "alamat-pilihan", suggestedSlug: "judul-artikel" })).toBe(
      "alamat-pilihan",
    );
  });
});

describe("the preview of a correction", () => {
  it("shows the new version with its corrected verdict exactly as the correction publishes it, and changes nothing", async () => {
    const desk = await settledArticle();
    const newsroom = await getNewsroom();
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2025-03-06T03:04:05Z") });
    const factCheck = await publishFactCheck(desk.editor, { articleId: desk.articleId, slug: "pratinjau-koreksi", ...text });
    vi.setSystemTime(new Date("2025-03-10T09:30:00Z"));
    const trueLabel = desk.labels.find((label) => label.labelEn === "True")!;
    const correction = {
      factCheckId: factCheck.id,
      basedOnVersion: 1,
      ...text,
      correctionNote: "Data BPBD terbaru: jumlah sekolah rusak memang 1.200.",
      verdicts: [
        { claimId: desk.claimIds[0]!, ratingId: trueLabel.id, rationale: "Data BPBD 10 Maret 2025 mencatat 1.200 sekolah rusak." },
      ],
    };

    const { page: draft, changes } = await draftCorrection(desk.editor, correction);
    expect(changes.map((change) => [change.anchor, change.from?.labelEn, change.to?.labelEn])).toEqual([
      ["claim-1", "Partly true", "True"],
    ]);
    expect(draft.currentVersion).toBe(2);
    // Nothing was written: no version 2, no new verdict.
    expect(await prisma.factCheckVersion.count({ where: { factCheckId: factCheck.id } })).toBe(1);
    expect(await prisma.verdict.count({ where: { claimId: desk.claimIds[0]! } })).toBe(1);
    const preview = renderPublishedPage(draft, newsroom, origin, banner).page;

    await correctFactCheck(desk.editor, correction);
    const live = renderPublishedPage(await published("pratinjau-koreksi"), newsroom, origin).page;
    expect(withoutPreviewMarks(preview.html)).toBe(live.html);
    expect(live.html).toContain("Data BPBD terbaru: jumlah sekolah rusak memang 1.200.");
  });

  it("refuses a stale form, as the correction would", async () => {
    const desk = await settledArticle();
    const factCheck = await publishFactCheck(desk.editor, { articleId: desk.articleId, slug: "pratinjau-basi", ...text });
    const note = { ...text, correctionNote: "Catatan." };
    await correctFactCheck(desk.editor, { factCheckId: factCheck.id, basedOnVersion: 1, ...note });
    expect((await refusal(draftCorrection(desk.editor, { factCheckId: factCheck.id, basedOnVersion: 1, ...note }), PublishRefused)).reason).toBe("stale");
  });
});

describe("the confirmation of a withdrawal", () => {
  it("checks the withdrawal without doing it", async () => {
    const desk = await settledArticle();
    const factCheck = await publishFactCheck(desk.editor, { articleId: desk.articleId, slug: "pratinjau-tarik", ...text });
    expect((await refusal(draftWithdrawal(desk.editor, { factCheckId: factCheck.id, reason: " " }), PublishRefused)).reason).toBe("noteRequired");
    expect(await draftWithdrawal(desk.editor, { factCheckId: factCheck.id, reason: "Satire." })).toMatchObject({
      slug: "pratinjau-tarik",
    });
    expect((await publicFactCheck("pratinjau-tarik")).kind).toBe("published");
  });
});
