// Publishing end to end. In the browser: an editor publishes (the address follows the headline; a confirmation
// step names what will happen; the preview is the page readers will get) → an anonymous reader with JavaScript
// disabled sees every claim, verdict and source → the editor corrects a verdict → the reader sees the correction
// note and opens the earlier version → the editor withdraws it → the address answers 410 → it is published again.
// The outcome message stays through live refreshes; the confirmation step also works without JavaScript.
// Over HTTP: ETag, 304, the ETag changing at once with a correction, pre-compressed bodies, no client script,
// archive copies, the demo's page.
import { parseHTML } from "linkedom";
import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "~/db/client.server";
import { sampleFactCheckSlug } from "~/demo/published";
import { publishChange } from "~/live/bus.server";
import { correctFactCheck } from "~/publishing/correction.server";
import { publishFactCheck } from "~/publishing/publication.server";
import { gotoHydrated, launchBrowser, signInBrowser } from "../support/browser";
import { claimReviewErrors } from "../support/claim-review-validator";
import { settledArticle } from "../support/fact-checks";
import { testPassword } from "../support/fixtures";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const appUrl = () => inject("appUrl");

async function editorDesk(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", baseURL: appUrl() });
  const page = await context.newPage();
  await signInBrowser(page, email, testPassword);
  return page;
}

/** An anonymous reader whose browser runs no JavaScript at all. */
async function reader(): Promise<Page> {
  const context = await browser.newContext({ locale: "id-ID", baseURL: appUrl(), javaScriptEnabled: false });
  return context.newPage();
}

function jsonLdOf(html: string): Record<string, unknown>[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('script[type="application/ld+json"]')].flatMap(
    (script) => JSON.parse(script.textContent ?? "[]") as Record<string, unknown>[],
  );
}

describe("publishing in the browser", () => {
  it("publish → read without JavaScript → correct a verdict → earlier version → withdraw → 410", async () => {
    const desk = await settledArticle({ language: "id" });
    const wordings = ["1.200 sekolah rusak akibat banjir di Jawa Tengah", "Dana bantuan banjir dipotong 40 persen"];

    // The editor publishes, through the confirmation step (its preview is tested below).
    const editor = await editorDesk(desk.emails.editor);
    await gotoHydrated(editor, `/articles/${desk.articleId}/fact-check`);
    await editor.getByLabel("Headline").fill("Cek Fakta: Sekolah Rusak dan Dana Bantuan Banjir");
    await editor.getByLabel("Summary").fill("Jumlah sekolah rusak sebagian benar; dana bantuan tidak dipotong.");
    await editor.getByLabel("Methodology").fill("Kami membandingkan data BPBD dengan laporan Kementerian.");
    await editor.getByLabel("Web address").fill("sekolah-rusak-dan-dana-bantuan-banjir");
    await editor.getByRole("button", { name: "Publish…" }).click();
    const confirmation = editor.getByRole("region", { name: "Check before publishing" });
    await expect
      .poll(() => confirmation.textContent())
      .toContain("Publish “Cek Fakta: Sekolah Rusak dan Dana Bantuan Banjir” at /fact-checks/sekolah-rusak-dan-dana-bantuan-banjir?");
    await confirmation.getByRole("button", { name: "Publish now" }).click();
    await expect.poll(() => editor.getByRole("status").first().textContent()).toContain("Published. The public page is live.");
    expect(new URL(editor.url()).search).toBe("?done=published");

    // An anonymous reader, no JavaScript: every claim, verdict and source, and valid ClaimReview markup.
    const page = await reader();
    const first = await page.goto("/fact-checks/sekolah-rusak-dan-dana-bantuan-banjir");
    expect(first?.status()).toBe(200);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Cek Fakta: Sekolah Rusak dan Dana Bantuan Banjir");
    for (const wording of wordings) expect(await page.locator(".claim h2").allTextContents()).toContain(wording);
    expect(await page.locator(".claim .verdict .badge").allTextContents()).toEqual(["◐Sebagian Benar", "✗Keliru"]);
    expect(await page.locator(".claim .sources a").allTextContents()).toEqual(["Sumber 1", "Sumber 2"]);
    expect(await page.locator(".rationale strong").first().textContent()).toBe("data");
    // Printed, the navigation goes and the sources' addresses are written out.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".masthead nav").isVisible()).toBe(false);
    expect(
      await page
        .locator(".sources a")
        .first()
        .evaluate((a) => getComputedStyle(a, "::after").content),
    ).toContain("https://data.example/0");
    await page.emulateMedia({ media: "screen" });
    const reviews = jsonLdOf(await page.content());
    expect(reviews).toHaveLength(2);
    for (const review of reviews) expect(claimReviewErrors(review)).toEqual([]);
    expect(reviews.map((r) => (r.itemReviewed as { datePublished?: string }).datePublished)).toEqual([
      "2025-03-03T00:00:00.000Z",
      undefined,
    ]);

    // The editor corrects the first verdict, with a public note.
    await gotoHydrated(editor, `/articles/${desk.articleId}/fact-check`);
    await editor.getByLabel("Correction note (public)").fill("Data BPBD 10 Maret: jumlah sekolah rusak memang 1.200.");
    // Claims are named by number and first words, as on the public page.
    await editor
      .getByLabel("New verdict for Claim 1: 1.200 sekolah rusak akibat banjir di Jawa Tengah")
      .selectOption({ label: "True (5)" });
    await editor
      .getByLabel("Rationale for Claim 1: 1.200 sekolah rusak akibat banjir di Jawa Tengah")
      .fill("Data BPBD 10 Maret 2025 mencatat 1.200 sekolah rusak.");
    expect(await editor.getByLabel(/^New verdict for Claim \d/).evaluateAll((selects) => selects.map((select) => select.id))).toHaveLength(
      2,
    );
    await editor.getByRole("button", { name: "Publish correction…" }).click();
    const correcting = editor.getByRole("region", { name: "Check before publishing the correction" });
    await expect
      .poll(() => correcting.textContent())
      .toContain(
        "Publish version 2 of “Cek Fakta: Sekolah Rusak dan Dana Bantuan Banjir” at /fact-checks/sekolah-rusak-dan-dana-bantuan-banjir with this public note: “Data BPBD 10 Maret: jumlah sekolah rusak memang 1.200.”?",
      );
    expect(await correcting.locator("li").allTextContents()).toEqual([
      "Claim 1: 1.200 sekolah rusak akibat banjir di Jawa Tengah: Partly true → True",
    ]);
    await correcting.getByRole("button", { name: "Publish correction now" }).click();
    await expect.poll(() => editor.getByRole("status").first().textContent()).toContain("Correction published");

    // The reader sees the note and the new verdict, and can open the earlier version.
    await page.reload();
    await expect.poll(() => page.locator("aside.notice").textContent()).toContain("Data BPBD 10 Maret: jumlah sekolah rusak memang 1.200.");
    expect(await page.locator("aside.notice").textContent()).toContain("Dikoreksi pada");
    expect(await page.locator(".claim .verdict .badge").first().textContent()).toBe("✓Benar");
    await page.getByRole("link", { name: /^Versi 1,/ }).click();
    await page.waitForURL("**/fact-checks/sekolah-rusak-dan-dana-bantuan-banjir/v/1");
    expect(await page.locator(".notice[role=note]").textContent()).toContain("Anda membaca versi 1 dari 2");
    expect(await page.locator(".claim .verdict .badge").first().textContent()).toBe("◐Sebagian Benar");
    expect(jsonLdOf(await page.content())).toEqual([]); // markup only on the current version

    // The editor withdraws it; the address answers 410 with the reason, and so does the earlier version.
    await gotoHydrated(editor, `/articles/${desk.articleId}/fact-check`);
    await editor.getByLabel("Reason (public)").fill("Artikel asli ternyata satire.");
    await editor.getByRole("button", { name: "Withdraw…" }).click();
    const withdrawing = editor.getByRole("region", { name: "Check before withdrawing" });
    await expect
      .poll(() => withdrawing.textContent())
      .toContain(
        "Withdraw “Cek Fakta: Sekolah Rusak dan Dana Bantuan Banjir”? /fact-checks/sekolah-rusak-dan-dana-bantuan-banjir and its earlier versions will answer 410 Gone with your reason: “Artikel asli ternyata satire.”",
      );
    expect((await page.goto("/fact-checks/sekolah-rusak-dan-dana-bantuan-banjir"))?.status()).toBe(200);
    await withdrawing.getByRole("button", { name: "Withdraw now" }).click();
    await expect.poll(() => editor.getByRole("status").first().textContent()).toContain("Withdrawn");
    const gone = await page.goto("/fact-checks/sekolah-rusak-dan-dana-bantuan-banjir");
    expect(gone?.status()).toBe(410);
    expect(await page.locator("main").textContent()).toContain("Artikel asli ternyata satire.");
    expect((await page.goto("/fact-checks/sekolah-rusak-dan-dana-bantuan-banjir/v/1"))?.status()).toBe(410);

    // Withdrawn by mistake: the editor publishes it again with a public note, and the page is back.
    await gotoHydrated(editor, `/articles/${desk.articleId}/fact-check`);
    await editor.getByLabel("Correction note (public)").fill("Diterbitkan kembali: artikel aslinya bukan satire.");
    await editor.getByRole("button", { name: "Publish again…" }).click();
    await editor.getByRole("region", { name: "Check before publishing again" }).getByRole("button", { name: "Publish again now" }).click();
    await expect.poll(() => editor.getByRole("status").first().textContent()).toContain("Published again");
    expect((await page.goto("/fact-checks/sekolah-rusak-dan-dana-bantuan-banjir"))?.status()).toBe(200);
    expect(await page.locator("aside.notice").textContent()).toContain("Diterbitkan kembali: artikel aslinya bukan satire.");
    await editor.context().close();
    await page.context().close();
  }, 180_000); // the whole life of a fact-check, three people set up first: longer than the default on a busy machine
});

describe("before publishing", () => {
  it("the address follows the headline until changed; the confirmation names what will happen; the preview is the page", async () => {
    const desk = await settledArticle({ language: "id" });
    // The address follows the headline as it is typed.
    const editor = await editorDesk(desk.emails.editor);
    await gotoHydrated(editor, `/articles/${desk.articleId}/fact-check`);
    await editor.getByLabel("Headline").fill("Cek Fakta: Sekolah Rusak dan Dana Bantuan Banjir");
    expect(await editor.getByLabel("Web address").inputValue()).toBe("cek-fakta-sekolah-rusak-dan-dana-bantuan-banjir");
    await editor.getByLabel("Summary").fill("Jumlah sekolah rusak sebagian benar; dana bantuan tidak dipotong.");
    await editor.getByLabel("Methodology").fill("Kami membandingkan data BPBD dengan laporan Kementerian.");
    // Changed by hand, the address no longer follows the headline.
    await editor.getByLabel("Web address").fill("pratinjau-sekolah-rusak");
    await editor.getByLabel("Headline").fill("Cek Fakta: Sekolah Rusak dan Dana Bantuan Banjir di Jawa Tengah");
    await editor.getByLabel("Headline").fill("Cek Fakta: Sekolah Rusak dan Dana Bantuan Banjir");
    expect(await editor.getByLabel("Web address").inputValue()).toBe("pratinjau-sekolah-rusak");
    await editor.getByRole("button", { name: "Publish…" }).click();
    const confirmation = editor.getByRole("region", { name: "Check before publishing" });
    await expect
      .poll(() => confirmation.textContent())
      .toContain("Publish “Cek Fakta: Sekolah Rusak dan Dana Bantuan Banjir” at /fact-checks/pratinjau-sekolah-rusak?");
    expect(await confirmation.textContent()).toContain("Claims on the page: 2 rated, 0 not checkable.");
    expect((await fetch(new URL("/fact-checks/pratinjau-sekolah-rusak", appUrl()))).status).toBe(404);

    // The preview, in a new tab: the public page as readers will get it, marked as a preview, not indexed,
    // with its ClaimReviews, under the public page's own policy (its inline stylesheet applies, no script).
    const consoleErrors: string[] = [];
    // (A browser asks every site for /favicon.ico; whether it has one is not the preview's business.)
    const onConsole = (message: ConsoleMessage) => {
      if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) consoleErrors.push(message.text());
    };
    editor.context().on("console", onConsole);
    const [preview, previewResponse] = await Promise.all([
      editor.context().waitForEvent("page"),
      editor.context().waitForEvent("response", (response) => response.url().endsWith("/fact-check/preview")),
      confirmation.getByRole("button", { name: "Preview (new tab)" }).click(),
    ]);
    await preview.waitForLoadState("load");
    expect(previewResponse.status()).toBe(200);
    const previewPolicy = (await previewResponse.allHeaders())["content-security-policy"] ?? "";
    expect(previewPolicy).toMatch(/^default-src 'none'; style-src 'sha256-[\w+/=]+'; /);
    expect(previewPolicy).not.toContain("script-src");
    expect(await preview.locator(".preview-banner").textContent()).toContain("/fact-checks/pratinjau-sekolah-rusak");
    expect(await preview.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex");
    expect(await preview.locator("h1").textContent()).toBe("Cek Fakta: Sekolah Rusak dan Dana Bantuan Banjir");
    expect(await preview.locator(".claim .verdict .badge").allTextContents()).toEqual(["◐Sebagian Benar", "✗Keliru"]);
    expect(await preview.locator(".masthead").evaluate((element) => getComputedStyle(element).borderBottomStyle)).toBe("solid");
    expect(jsonLdOf(await preview.content())).toHaveLength(2);
    expect(consoleErrors).toEqual([]);
    editor.context().off("console", onConsole);
    await preview.close();
    expect(await prisma.factCheck.count({ where: { articleId: desk.articleId } })).toBe(0);
    await editor.context().close();
  });
});

describe("the editor's outcome message", () => {
  it("says 'Published' and keeps saying it while the page refreshes live", async () => {
    const desk = await settledArticle({ language: "id" });
    const editor = await editorDesk(desk.emails.editor);
    await gotoHydrated(editor, `/articles/${desk.articleId}/fact-check`);
    await editor.waitForSelector('[data-live-status="live"]');
    await editor.getByLabel("Headline").fill("Cek Fakta: Pesan yang Tetap Tampil");
    await editor.getByLabel("Summary").fill("Ringkasan.");
    await editor.getByLabel("Methodology").fill("Metode.");
    await editor.getByRole("button", { name: "Publish…" }).click();
    await editor.getByRole("button", { name: "Publish now" }).click();
    const published = editor.getByRole("status").filter({ hasText: "Published. The public page is live." });
    await published.waitFor();
    // Other changes to the article arrive on the live bus and refresh the page's data (here: its title,
    // which the page header shows). Each refresh has landed once the new title is on screen.
    for (const n of [1, 2, 3]) {
      const title = `Judul diperbarui ${n} ${desk.articleId.slice(0, 8)}`;
      await prisma.article.update({ where: { id: desk.articleId }, data: { title } });
      await publishChange([`article:${desk.articleId}`], "test.refresh");
      await editor.getByText(title, { exact: true }).waitFor();
      expect(await published.count(), `after live refresh ${n}`).toBe(1);
    }
    await editor.context().close();
  });
});

describe("the confirmation step without JavaScript", () => {
  it("publishes only after the confirmation, with the address from the headline, in a browser that runs no script", async () => {
    const desk = await settledArticle({ language: "id" });
    const signedIn = await editorDesk(desk.emails.editor);
    const context = await browser.newContext({
      locale: "en-US",
      baseURL: appUrl(),
      javaScriptEnabled: false,
      storageState: await signedIn.context().storageState(),
    });
    await signedIn.context().close();
    const editor = await context.newPage();
    await editor.goto(`/articles/${desk.articleId}/fact-check`);
    // Without script the address field keeps the suggestion it was given; the server then takes the headline's.
    await editor.getByLabel("Headline").fill("Benarkah 1.5 Juta Sekolah Rusak?");
    await editor.getByLabel("Summary").fill("Ringkasan.");
    await editor.getByLabel("Methodology").fill("Metode.");
    await editor.getByRole("button", { name: "Publish…" }).click();
    await editor.waitForLoadState("load");
    const confirmation = editor.getByRole("region", { name: "Check before publishing" });
    expect(await confirmation.textContent()).toContain(
      "Publish “Benarkah 1.5 Juta Sekolah Rusak?” at /fact-checks/benarkah-1-5-juta-sekolah-rusak?",
    );
    expect(await prisma.factCheck.count({ where: { articleId: desk.articleId } })).toBe(0);
    await confirmation.getByRole("button", { name: "Publish now" }).click();
    await editor.waitForURL("**/fact-check?done=published");
    expect(await editor.getByRole("status").first().textContent()).toContain("Published. The public page is live.");
    expect(await prisma.factCheck.findUniqueOrThrow({ where: { articleId: desk.articleId }, select: { slug: true } })).toEqual({
      slug: "benarkah-1-5-juta-sekolah-rusak",
    });
    await context.close();
  });
});

describe("the public page over HTTP", () => {
  it("answers with an ETag, 304 on a match, a new ETag at once after a correction, compressed, with no script", async () => {
    const desk = await settledArticle({ language: "id" });
    // One source's archive copy is taken (the job queue would do this; here the row is written directly).
    const snapshot = await prisma.sourceSnapshot.findFirstOrThrow({
      where: { source: { claimId: desk.claimIds[0]! } },
      select: { id: true },
    });
    await prisma.sourceSnapshot.update({
      where: { id: snapshot.id },
      data: {
        status: "ARCHIVED",
        httpStatus: 200,
        sha256: "ab".repeat(32),
        text: "Data BPS: 1.200 sekolah <rusak>.",
        fetchedAt: new Date("2025-03-05T08:00:00Z"),
      },
    });
    const published = await publishFactCheck(desk.editor, {
      articleId: desk.articleId,
      slug: "etag-banjir",
      headline: "Banjir",
      summary: "Ringkasan.",
      methodology: "Metode.",
    });
    const url = new URL("/fact-checks/etag-banjir", appUrl());

    const firstResponse = await fetch(url, { headers: { "Accept-Encoding": "gzip" } });
    const html = await firstResponse.text(); // fetch decompresses
    const etag = firstResponse.headers.get("etag");
    expect(firstResponse.status).toBe(200);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(firstResponse.headers.get("content-encoding")).toBe("gzip");
    expect(firstResponse.headers.get("cache-control")).toContain("public");
    expect(firstResponse.headers.get("vary")).toBe("Accept-Encoding");
    // No client JavaScript: the only script is the JSON-LD data block, and the policy allows no script.
    const { document } = parseHTML(html);
    expect([...document.querySelectorAll("script")].map((s) => s.getAttribute("type"))).toEqual(["application/ld+json"]);
    expect(firstResponse.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(firstResponse.headers.get("content-security-policy")).not.toMatch(/script-src/);
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute("href")).toMatch(/\/fact-checks\/etag-banjir$/);
    expect(document.querySelector('meta[property="og:title"]')?.getAttribute("content")).toBe("Banjir");
    expect(document.querySelector('meta[name="twitter:card"]')?.getAttribute("content")).toBe("summary");

    // Readers can open the archive copy of a cited source — and nothing that the fact-check does not cite.
    const archiveLink = document.querySelector(`a[href="/fact-checks/etag-banjir/archive/${snapshot.id}"]`);
    expect(archiveLink?.textContent).toContain("salinan arsip, 5 Maret 2025");
    const archive = await fetch(new URL(`/fact-checks/etag-banjir/archive/${snapshot.id}`, appUrl()));
    expect(archive.status).toBe(200);
    const archiveHtml = await archive.text();
    expect(archiveHtml).toContain("Data BPS: 1.200 sekolah &lt;rusak&gt;.");
    expect(archiveHtml).toContain("ab".repeat(32));
    const uncited = await prisma.sourceSnapshot.findFirstOrThrow({
      where: { source: { claim: { articleId: { not: desk.articleId } } } },
      select: { id: true },
    });
    await prisma.sourceSnapshot.update({ where: { id: uncited.id }, data: { status: "ARCHIVED", text: "Lain", fetchedAt: new Date() } });
    expect((await fetch(new URL(`/fact-checks/etag-banjir/archive/${uncited.id}`, appUrl()))).status).toBe(404);

    const notModified = await fetch(url, { headers: { "If-None-Match": etag! } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(etag);

    // Corrected in another process (this test's): the app hears it on the live bus and drops its rendering.
    await correctFactCheck(desk.editor, {
      factCheckId: published.id,
      basedOnVersion: 1,
      headline: "Banjir (dikoreksi)",
      summary: "Ringkasan.",
      methodology: "Metode.",
      correctionNote: "Judul diperbaiki.",
    });
    await expect.poll(async () => (await fetch(url, { headers: { "If-None-Match": etag! } })).status, { timeout: 3000 }).toBe(200);
    const corrected = await fetch(url);
    expect(corrected.headers.get("etag")).not.toBe(etag);
    expect(await corrected.text()).toContain("Judul diperbaiki.");
  });

  it("serves the demo's published fact-check with five valid ClaimReviews", async () => {
    const response = await fetch(new URL(`/fact-checks/${sampleFactCheckSlug}`, appUrl()));
    expect(response.status).toBe(200);
    const reviews = jsonLdOf(await response.text());
    expect(reviews).toHaveLength(5);
    for (const review of reviews) expect(claimReviewErrors(review)).toEqual([]);
    expect(
      new Set(
        reviews.map((r) =>
          JSON.stringify([(r.reviewRating as { worstRating: number }).worstRating, (r.reviewRating as { bestRating: number }).bestRating]),
        ),
      ),
    ).toEqual(new Set(["[1,5]"]));
    const factCheck = await prisma.factCheck.findUniqueOrThrow({
      where: { slug: sampleFactCheckSlug },
      select: { firstPublishedAt: true },
    });
    for (const review of reviews) {
      expect(review.datePublished).toBe(factCheck.firstPublishedAt.toISOString());
      expect((review.itemReviewed as { datePublished: string }).datePublished).toBe("2024-10-28T00:00:00.000Z");
    }
  });

  it("answers 404 for an unknown fact-check and leaves other paths to the app", async () => {
    expect((await fetch(new URL("/fact-checks/tidak-ada-sama-sekali", appUrl()))).status).toBe(404);
    expect((await fetch(new URL("/fact-checks/tidak-ada/v/9", appUrl()))).status).toBe(404);
  });
});
