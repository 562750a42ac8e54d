// The public page's rendering, without a server: what it shows, what it escapes, the credits setting, the
// not-checkable claims, earlier versions, and a Content-Security-Policy that allows exactly its stylesheet.
import { createHash } from "node:crypto";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n";
import type { PublishedClaim, PublishedContent } from "../content";
import type { FactCheckPageModel } from "./model";
import { renderFactCheckPage, renderGonePage } from "./render";

const labels = [
  { value: 1, labelEn: "False", labelId: "Keliru", colour: "#b3261e" },
  { value: 3, labelEn: "Unproven", labelId: "Tidak Terbukti", colour: "#6b6f76" },
  { value: 5, labelEn: "True", labelId: "Benar", colour: "#1f6f3f" },
];

const content: PublishedContent = {
  article: {
    title: "Banjir <b>besar</b>",
    outlet: "Kabar",
    author: null,
    publishedAt: "2025-03-04T00:00:00.000Z",
    url: "https://kabar.example/banjir",
    language: "id",
  },
  scale: { best: 5, worst: 1, labels },
  claims: [
    {
      claimId: "c1",
      anchor: "claim-1",
      quote: "1.200 sekolah rusak",
      wording: "1.200 sekolah rusak <script>alert(1)</script>",
      claimant: "BPBD",
      claimantKind: "Organization",
      claimDate: "2025-03-03T00:00:00.000Z",
      appearance: "https://kabar.example/banjir",
      outcome: "rated",
      rating: labels[0]!,
      rationale: "Data menunjukkan sebaliknya.",
      notCheckableReason: null,
      sources: [
        {
          sourceId: "s1",
          url: "https://bps.example/data",
          title: "Data BPS",
          publisher: "BPS",
          kind: "DATASET",
          stance: "REFUTES",
          archive: {
            snapshotId: "00000000-0000-4000-8000-000000000001",
            status: "ARCHIVED",
            archivedAt: "2025-03-05T08:00:00.000Z",
            sha256: "ab",
          },
        },
      ],
      reviewedBy: "Rizky Pratama",
      approvedBy: "Dewi Anggraini",
    },
    {
      claimId: "c2",
      anchor: "claim-2",
      quote: "harga akan naik",
      wording: "Harga akan naik bulan depan",
      claimant: null,
      claimantKind: null,
      claimDate: null,
      appearance: null,
      outcome: "notCheckable",
      rating: null,
      rationale: null,
      notCheckableReason: "Prediksi; belum dapat diverifikasi.",
      sources: [],
      reviewedBy: null,
      approvedBy: null,
    },
  ],
};

function model(overrides: Partial<FactCheckPageModel> = {}): FactCheckPageModel {
  return {
    language: "id",
    t: translator("id"),
    newsroom: { name: "Redaksi Uji", url: "https://redaksi.example", logoUrl: null, creditReviewers: true, timeZone: "UTC" },
    canonicalUrl: "https://redaksi.example/fact-checks/banjir",
    slug: "banjir",
    version: {
      version: 1,
      headline: "Cek Fakta: Banjir",
      summary: "Ringkasan.",
      methodology: "Metode satu.\n\nMetode dua.",
      publishedAt: new Date("2025-03-06T00:00:00Z"),
      content,
    },
    currentVersion: 1,
    firstPublishedAt: new Date("2025-03-06T00:00:00Z"),
    lastPublishedAt: new Date("2025-03-06T00:00:00Z"),
    corrections: [],
    rationaleHtml: new Map([["c1", "<p>Data menunjukkan <strong>sebaliknya</strong>.</p>"]]),
    jsonLd: '[{"@type":"ClaimReview"}]',
    ...overrides,
  };
}

const documentOf = (html: string) => parseHTML(html).document;

describe("the public fact-check page", () => {
  it("shows each claim as it appeared and as checked, its verdict in words and a mark, its sources and archive copies", () => {
    const { html } = renderFactCheckPage(model());
    const document = documentOf(html);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(document.documentElement.getAttribute("lang")).toBe("id");
    expect(document.querySelector("#claim-1 blockquote")?.textContent).toBe("“1.200 sekolah rusak”");
    expect(document.querySelector("#claim-1 .verdict .badge")?.textContent).toBe("✗Keliru");
    // Where it appeared: the checked article, named by its title.
    expect(document.querySelector('#claim-1 dl.facts a[href="https://kabar.example/banjir"]')?.textContent).toBe("Banjir <b>besar</b>");
    expect(document.querySelector("#claim-1 .verdict__scale")?.textContent).toContain("1 pada skala 1 (Keliru) sampai 5 (Benar)");
    expect(document.querySelector("#claim-1 .sources a")?.getAttribute("href")).toBe("https://bps.example/data");
    expect(document.querySelector('#claim-1 a[href="/fact-checks/banjir/archive/00000000-0000-4000-8000-000000000001"]')?.textContent).toBe(
      "salinan arsip, 5 Maret 2025 pukul 08.00 UTC",
    );
    expect(document.querySelector("#claim-1 .rationale strong")?.textContent).toBe("sebaliknya");
    expect(document.querySelectorAll("section[aria-labelledby=methodology] p")).toHaveLength(2);
    expect(document.querySelectorAll('script[type="application/ld+json"]')).toHaveLength(1);
  });

  it("says who checked a claim before, linking their check, on the calendar day it carries, escaped", () => {
    const claims = content.claims.map((claim, index) =>
      index === 0
        ? {
            ...claim,
            checkedBefore: {
              url: "https://cektetangga.example/cek/1",
              publisher: "Cek <i>Tetangga</i>",
              rating: "Salah",
              datePublished: "2024-10-20",
              claimReviewed: "1.200 sekolah rusak",
            },
          }
        : claim,
    );
    const page = model({
      newsroom: { name: "Redaksi Uji", url: "https://redaksi.example", logoUrl: null, creditReviewers: true, timeZone: "Pacific/Honolulu" },
      version: { ...model().version, content: { ...content, claims } },
    });
    const { html } = renderFactCheckPage(page);
    const link = documentOf(html).querySelector("#claim-1 .checked-before a");
    expect(link?.getAttribute("href")).toBe("https://cektetangga.example/cek/1");
    expect(link?.textContent).toBe("Pernah dicek oleh Cek <i>Tetangga</i>");
    expect(html).not.toContain("<i>Tetangga</i>");
    expect(documentOf(html).querySelector("#claim-1 .checked-before")?.textContent).toContain("dinilai “Salah” pada 20 Oktober 2024");
    expect(documentOf(renderFactCheckPage(model()).html).querySelector(".checked-before")).toBeNull();
  });

  it("escapes what people wrote: a claim's wording or the article's title is text, never markup", () => {
    const { html } = renderFactCheckPage(model());
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(documentOf(html).querySelector(".checked cite")?.textContent).toBe("Banjir <b>besar</b>");
  });

  it("shows a claim left out in its place, with the reason and no verdict of the scale", () => {
    const document = documentOf(renderFactCheckPage(model()).html);
    const leftOut = document.querySelector("section#claim-2");
    expect(leftOut?.querySelector(".kicker")?.textContent).toBe("Klaim 2");
    expect(leftOut?.querySelector("h2")?.textContent).toBe("Harga akan naik bulan depan");
    expect(leftOut?.querySelector(".verdict .badge")?.textContent).toBe("?Tidak dapat diperiksa");
    expect(leftOut?.textContent).toContain("Alasan: Prediksi; belum dapat diverifikasi.");
    expect(leftOut?.querySelector(".verdict__scale, .rationale, .sources")).toBeNull();
  });

  it("numbers every claim once, in order, the same way in the summary, the claims and the claims left out", () => {
    const [rated, notCheckable] = content.claims as [PublishedClaim, PublishedClaim];
    // Text order: 1, 2, 3 (not checkable), 4; the claim added by a correction (claim-5) sits between 1 and 2.
    const claims: PublishedClaim[] = [
      { ...rated, claimId: "a", anchor: "claim-1", wording: "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh" },
      { ...rated, claimId: "e", anchor: "claim-5", wording: "Klaim tambahan dari koreksi" },
      { ...rated, claimId: "b", anchor: "claim-2", wording: "Klaim kedua" },
      { ...notCheckable, claimId: "c", anchor: "claim-3", wording: "Klaim ketiga tidak dapat diperiksa" },
      { ...rated, claimId: "d", anchor: "claim-4", wording: "Klaim keempat" },
    ];
    const document = documentOf(renderFactCheckPage(model({ version: { ...model().version, content: { ...content, claims } } })).html);
    expect([...document.querySelectorAll("section.claim")].map((section) => section.id)).toEqual([
      "claim-1",
      "claim-2",
      "claim-3",
      "claim-4",
      "claim-5",
    ]);
    expect([...document.querySelectorAll("section.claim > .kicker")].map((kicker) => kicker.textContent)).toEqual([
      "Klaim 1",
      "Klaim 2",
      "Klaim 3",
      "Klaim 4",
      "Klaim 5",
    ]);
    expect([...document.querySelectorAll(".glance a")].map((a) => [a.getAttribute("href"), a.textContent])).toEqual([
      ["#claim-1", "Klaim 1: Satu dua tiga empat lima enam tujuh delapan…"],
      ["#claim-2", "Klaim 2: Klaim kedua"],
      ["#claim-3", "Klaim 3: Klaim ketiga tidak dapat diperiksa"],
      ["#claim-4", "Klaim 4: Klaim keempat"],
      ["#claim-5", "Klaim 5: Klaim tambahan dari koreksi"],
    ]);
    expect(document.querySelector("#claim-3 .badge")?.textContent).toBe("?Tidak dapat diperiksa");
  });

  it("credits the reviewers only when the newsroom says so", () => {
    const credited = documentOf(renderFactCheckPage(model()).html);
    expect(credited.querySelector("#claim-1 .credits")?.textContent).toBe("Diteliti oleh Rizky Pratama, disetujui oleh Dewi Anggraini");
    const anonymous = renderFactCheckPage(
      model({ newsroom: { name: "Redaksi Uji", url: null, logoUrl: null, creditReviewers: false, timeZone: "UTC" } }),
    ).html;
    expect(anonymous).not.toContain("Rizky Pratama");
    expect(documentOf(anonymous).querySelector(".credits")).toBeNull();
  });

  it("allows exactly its own stylesheet and no script in its Content-Security-Policy", () => {
    const { html, contentSecurityPolicy } = renderFactCheckPage(model());
    const css = documentOf(html).querySelector("style")?.textContent ?? "";
    expect(css).toContain(".rating-v1{border-left-color:#b3261e}");
    expect(contentSecurityPolicy).toContain(`style-src 'sha256-${createHash("sha256").update(css).digest("base64")}'`);
    expect(contentSecurityPolicy).toMatch(/^default-src 'none';/);
    expect(contentSecurityPolicy).not.toContain("script-src");
  });

  it("shows corrections, and on an earlier version says so, links the current one and carries no markup", () => {
    const corrections = [{ version: 2, publishedAt: new Date("2025-03-10T09:30:00Z"), note: "Angka diperbarui." }];
    const version2 = { ...model().version, version: 2, publishedAt: corrections[0]!.publishedAt };
    const current = documentOf(renderFactCheckPage(model({ currentVersion: 2, corrections, version: version2 })).html);
    expect(current.querySelector("aside.notice")?.textContent).toContain("Dikoreksi pada 10 Maret 2025 pukul 09.30 UTC: Angka diperbarui.");

    const earlier = documentOf(renderFactCheckPage(model({ currentVersion: 2, corrections, jsonLd: null })).html);
    expect(earlier.querySelector(".notice[role=note]")?.textContent).toContain("Anda membaca versi 1 dari 2");
    expect(earlier.querySelector('.notice[role=note] a[href="/fact-checks/banjir"]')).not.toBeNull();
    expect(earlier.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    expect(earlier.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://redaksi.example/fact-checks/banjir");
    // Version 1 predates the correction: its notice does not claim it.
    expect(earlier.querySelector("aside.notice")).toBeNull();
  });

  it("shows moments in the newsroom's time zone, named, and calendar dates as they are", () => {
    const newsroom = { name: "Redaksi Uji", url: null, logoUrl: null, creditReviewers: true, timeZone: "Asia/Jakarta" };
    const document = documentOf(renderFactCheckPage(model({ newsroom })).html);
    // Archived 08:00 UTC is 15:00 in Jakarta; the claim was made on 3 March whatever the zone.
    expect(document.querySelector('#claim-1 a[href^="/fact-checks/banjir/archive/"]')?.textContent).toBe(
      "salinan arsip, 5 Maret 2025 pukul 15.00 WIB",
    );
    expect(document.querySelector("#claim-1 dl.facts time")?.textContent).toBe("3 Maret 2025");
  });

  it("speaks English for an English article", () => {
    const document = documentOf(renderFactCheckPage(model({ language: "en", t: translator("en") })).html);
    expect(document.documentElement.getAttribute("lang")).toBe("en");
    expect(document.querySelector("#claim-1 .verdict .badge")?.textContent).toBe("✗False");
    expect(document.querySelector('meta[property="og:locale"]')?.getAttribute("content")).toBe("en_GB");
  });
});

describe("the withdrawn page", () => {
  it("says when and why, and is not indexed", () => {
    const { html } = renderGonePage({
      language: "id",
      t: translator("id"),
      newsroom: { name: "Redaksi Uji", url: null, logoUrl: null, creditReviewers: true, timeZone: "UTC" },
      headline: "Cek Fakta: Banjir",
      withdrawnAt: new Date("2025-04-01T00:00:00Z"),
      reason: "Artikel asli <i>satire</i>.",
    });
    const document = documentOf(html);
    expect(document.querySelector("h1")?.textContent).toBe("Cek fakta ditarik");
    expect(document.querySelector("main")?.textContent).toContain("Artikel asli <i>satire</i>.");
    expect(document.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
  });
});
