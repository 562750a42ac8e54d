import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractArticle, htmlFragmentParagraphs } from "./extract.server";
import { DocumentRefusal, documentLimits } from "~/fetching/untrusted-document/limits";
import { ImportError } from "./text";

const read = (path: string) => readFileSync(new URL(`../../tests/fixtures/${path}`, import.meta.url), "utf8");
const tribunPage = read("pages/tribunnews-kursk.html");
const heraldPage = read("pages/coastal-herald-jakarta-floods.html");
const fixtureParagraphs = read("tribunnews-kursk-2024-10-28.txt")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("Baca juga:"));

const tribunUrl = "https://www.tribunnews.com/internasional/2024/10/28/sekjen-nato-konfirmasi-10000-tentara-korea-utara-tiba-di-kursk?page=all";
const heraldUrl = "https://www.coastalherald.example/world/2025/01/14/jakarta-floods-displace-12000?ref=home";

/** Text that must never come out of extraction: markup, script payloads and page furniture. */
function expectNoMarkupOrPayload(paragraphs: string[]) {
  const all = paragraphs.join("\n");
  expect(all).not.toMatch(/<\/?[a-z][^>]*>/i);
  expect(all).not.toContain("alert(");
  expect(all).not.toContain("onerror");
  expect(all).not.toContain("<script");
  expect(all).not.toMatch(/ADVERTISEMENT/i);
}

function notAnArticle(html: string, url: string | null = null) {
  try {
    extractArticle(html, url);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).reason;
  }
  return "extracted";
}

/** A small but real article page; `head` and `extra` vary the details under test. */
function page({ head = "", title = "Harga beras naik 12 persen", lang = "id", extra = "" } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>
    <nav><a href="/">Beranda</a> <a href="/ekonomi">Ekonomi</a></nav>
    <article>
      <h1>${title}</h1>
      ${extra}
      <p>Badan Pusat Statistik mencatat harga beras medium naik 12 persen dibandingkan bulan lalu, tertinggi dalam tiga tahun terakhir.</p>
      <p>Kenaikan paling tajam terjadi di Jawa Barat dan Jawa Timur, menurut data yang dirilis pada Senin (3/3/2025) di Jakarta.</p>
      <p>Pemerintah menyatakan cadangan beras nasional mencukupi hingga akhir tahun dan operasi pasar akan diperluas ke 200 kota.</p>
    </article>
    <footer><p>© 2025 Contoh</p></footer></body></html>`;
}

describe("extractArticle: an Indonesian news page (Tribunnews layout)", () => {
  const article = extractArticle(tribunPage, tribunUrl);

  it("keeps exactly the article's paragraphs, in order, without the Baca juga lines", () => {
    expect(article.paragraphs).toEqual(fixtureParagraphs);
  });

  it("reads title, author, outlet, date, canonical URL and language", () => {
    expect(article.title).toBe("Sekjen NATO Konfirmasi 10.000 Tentara Korea Utara Tiba di Kursk, Kremlin Sebut Berita Palsu");
    expect(article.author).toBe("Nadia Rahmawati"); // JSON-LD, not the meta author "Tribunnews.com"
    expect(article.outlet).toBe("Tribunnews.com");
    expect(article.publishedAt?.toISOString()).toBe("2024-10-28T14:05:00.000Z");
    expect(article.canonicalUrl).toBe(
      "https://www.tribunnews.com/internasional/2024/10/28/sekjen-nato-konfirmasi-10000-tentara-korea-utara-tiba-di-kursk",
    );
    expect(article.htmlLang).toBe("id-ID");
  });

  it("keeps no markup, no script payload and no page furniture", () => {
    expectNoMarkupOrPayload(article.paragraphs);
    const all = article.paragraphs.join("\n");
    for (const furniture of [
      "googletag",
      "Baca",
      "Korea Selatan Panggil Dubes Rusia", // related link inside the body
      "Berita Terkait",
      "Terpopuler",
      "Harga Emas Antam",
      "Copyright",
      "Ikuti kami",
      "Artikel ini telah tayang",
      "Editor:",
      "parade militer", // figure caption
      "Cari berita",
      "Pedoman Media Siber",
    ]) {
      expect(all, furniture).not.toContain(furniture);
    }
  });

  it("keeps the text around an inline <img onerror> and <script> without their payload", () => {
    expect(article.paragraphs).toContain(
      "Rutte mengatakan pengerahan puluhan ribu tentara Korea Utara itu merupakan eskalasi yang signifikan dari keterlibatan Pyongyang dalam invasi Rusia di Ukraina.",
    );
    expect(article.paragraphs).toContain('"Kami terus memantau situasi dengan saksama," katanya Rutte.');
  });

  it("without a page URL (a saved file) still finds the canonical URL and the outlet", () => {
    const saved = extractArticle(tribunPage, null);
    expect(saved.canonicalUrl).toBe(article.canonicalUrl);
    expect(saved.outlet).toBe("Tribunnews.com");
    expect(saved.paragraphs).toEqual(article.paragraphs);
  });
});

describe("extractArticle: an English news page", () => {
  const article = extractArticle(heraldPage, heraldUrl);

  it("reads the details: site suffix trimmed, meta author, <time>, relative canonical resolved", () => {
    expect(article.title).toBe("Jakarta floods displace 12,000 residents as rivers burst their banks");
    expect(article.author).toBe("Jane Doe");
    expect(article.outlet).toBe("Coastal Herald");
    expect(article.publishedAt?.toISOString()).toBe("2025-01-14T08:30:00.000Z");
    expect(article.canonicalUrl).toBe("https://www.coastalherald.example/world/2025/01/14/jakarta-floods-displace-12000");
    expect(article.htmlLang).toBe("en");
  });

  it("keeps paragraphs, the quote, list items and subheadings; <br> starts a new paragraph", () => {
    expect(article.paragraphs[0]).toMatch(/^More than 12,000 residents of Jakarta were forced/);
    expect(article.paragraphs).toContain(
      "Water levels began to fall by the afternoon in the north of the city, but officials warned residents not to return home until the electricity supply had been checked.",
    );
    expect(article.paragraphs).toContain("Power was cut to about 3,000 households as a precaution.");
    expect(article.paragraphs.some((p) => p.startsWith('"We lost everything on the ground floor again.'))).toBe(true);
    expect(article.paragraphs).toContain("Cipinang Melayu, near Halim airport, with 1.2 metres;");
    expect(article.paragraphs).toContain("A recurring problem");
    expect(article.paragraphs.at(-1)).toMatch(/^The government plans to move the capital to Nusantara/);
    expect(article.paragraphs).toHaveLength(13);
  });

  it("drops Read more / Related lines, link-only paragraphs, wire credits and captions; keeps no payload", () => {
    expectNoMarkupOrPayload(article.paragraphs);
    const all = article.paragraphs.join("\n");
    for (const furniture of ["Read more", "sea wall", "Related", "Sign up", "Reporting by", "Photo: Coastal Herald", "More from Climate", "Skip to content", "All rights reserved", "Google News"]) {
      expect(all, furniture).not.toContain(furniture);
    }
  });

  it("falls back to og:url for the canonical URL when the canonical link is relative and there is no page URL", () => {
    expect(extractArticle(heraldPage, null).canonicalUrl).toBe("https://www.coastalherald.example/world/2025/01/14/jakarta-floods?utm_source=og");
  });
});

describe("extractArticle: not an article", () => {
  it.each(["login-page.html", "photo-gallery.html", "spa-shell.html"])("%s → not_an_article", (name) => {
    expect(notAnArticle(read(`pages/${name}`), "https://example.org/x")).toBe("not_an_article");
  });

  it.each([
    ["an empty string", ""],
    ["a bare word", "hello"],
    ["one short paragraph", "<html><body><article><p>Harga beras naik.</p></article></body></html>"],
    ["scripts only", "<html><body><script>alert(1)</script><script>document.write('x'.repeat(5000))</script></body></html>"],
  ])("%s → not_an_article", (_label, html) => {
    expect(notAnArticle(html)).toBe("not_an_article");
  });

  it("refuses a pathologically nested page before building its DOM, naming the depth limit", () => {
    const text = `<p>${"Teks panjang tentang harga beras yang naik. ".repeat(10)}</p>`;
    const html = `<html><body><article>${"<div>".repeat(3000)}${text}${text}${"</div>".repeat(3000)}</article></body></html>`;
    const refusal = (() => {
      try {
        extractArticle(html, null);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DocumentRefusal);
    expect(refusal).toMatchObject({ code: "too_deeply_nested", detail: { maxDepth: documentLimits.maxDepth } });
  });

  it("refuses a page over the depth limit in raw HTML fragments too (Word documents, Markdown)", () => {
    expect(() => htmlFragmentParagraphs(`${"<blockquote>".repeat(200)}Teks`)).toThrow(DocumentRefusal);
  });
});

describe("extractArticle: metadata rules", () => {
  it("keeps a title separator that does not name the site", () => {
    const html = page({ title: "Perang Rusia - Ukraina Memasuki Hari ke-979", head: '<meta property="og:site_name" content="Contoh News">' });
    expect(extractArticle(html, "https://contoh.example/a").title).toBe("Perang Rusia - Ukraina Memasuki Hari ke-979");
  });

  it("trims a site-name suffix that matches the host name, and a prefix too", () => {
    expect(extractArticle(page({ title: "Harga beras naik 12 persen | Kompas.com" }), "https://www.kompas.com/a").title).toBe(
      "Harga beras naik 12 persen",
    );
    expect(extractArticle(page({ title: "detikNews - Harga beras naik 12 persen", head: '<meta property="og:site_name" content="detiknews">' }), null).title).toBe(
      "Harga beras naik 12 persen",
    );
  });

  it("takes og:title over <title>", () => {
    const html = page({ head: '<meta property="og:title" content="Beras Makin Mahal: Naik 12 Persen">' });
    expect(extractArticle(html, null).title).toBe("Beras Makin Mahal: Naik 12 Persen");
  });

  it("ignores an author that is a URL or the outlet's own name, and finds a Penulis: credit line", () => {
    const html = page({
      head: '<meta name="author" content="Contoh.com"><meta property="article:author" content="https://facebook.com/contoh"><meta property="og:site_name" content="Contoh.com">',
      extra: "<div class=\"credit\"><span>Penulis: Dewi Lestari</span></div>",
    });
    expect(extractArticle(html, "https://contoh.com/a").author).toBe("Dewi Lestari");
  });

  it("joins several JSON-LD authors and takes publisher.name as the outlet when there is no og:site_name", () => {
    const ld = {
      "@context": "https://schema.org",
      "@type": ["NewsArticle"],
      author: [{ "@type": "Person", name: "Ani Wijaya" }, { "@type": "Person", name: "Budi Santoso" }],
      publisher: { "@type": "Organization", name: "Harian Contoh" },
      datePublished: "2025-03-03T09:00:00+07:00",
    };
    const html = page({ head: `<script type="application/ld+json">${JSON.stringify(ld)}</script>` });
    const article = extractArticle(html, "https://www.contoh.example/a");
    expect(article.author).toBe("Ani Wijaya, Budi Santoso");
    expect(article.outlet).toBe("Harian Contoh");
    expect(article.publishedAt?.toISOString()).toBe("2025-03-03T02:00:00.000Z");
  });

  it("ignores an unparsable date and uses the next source; outlet falls back to the host name", () => {
    const html = page({
      head: '<meta property="article:published_time" content="Senin, 3 Maret 2025"><meta name="pubdate" content="2025-03-03T10:00:00Z">',
      extra: "",
    });
    const article = extractArticle(html, "https://www.contoh.example/a");
    expect(article.publishedAt?.toISOString()).toBe("2025-03-03T10:00:00.000Z");
    expect(article.outlet).toBe("contoh.example");
    expect(article.author).toBeNull();
  });

  it("reads only machine dates: an ambiguous 10/11/2024 is ignored, RFC 2822 is read", () => {
    expect(extractArticle(page({ head: '<meta name="date" content="10/11/2024">' }), null).publishedAt).toBeNull();
    const rfc = page({ head: '<meta name="date" content="Mon, 28 Oct 2024 14:05:00 GMT">' });
    expect(extractArticle(rfc, null).publishedAt?.toISOString()).toBe("2024-10-28T14:05:00.000Z");
  });

  it("takes a time without a zone as WIB on an Indonesian page and as UTC elsewhere", () => {
    const head = '<meta property="article:published_time" content="2024-10-28 21:05:00">';
    expect(extractArticle(page({ head, lang: "id" }), null).publishedAt?.toISOString()).toBe("2024-10-28T14:05:00.000Z");
    expect(extractArticle(page({ head, lang: "en" }), "https://example.org/a").publishedAt?.toISOString()).toBe("2024-10-28T21:05:00.000Z");
    expect(extractArticle(page({ head: '<meta property="article:published_time" content="2024-10-28">' }), null).publishedAt?.toISOString()).toBe(
      "2024-10-28T00:00:00.000Z",
    );
  });

  it("ignores dates in the future or before 1990", () => {
    expect(extractArticle(page({ head: '<meta name="date" content="2999-01-01T00:00:00Z">' }), null).publishedAt).toBeNull();
    expect(extractArticle(page({ head: '<meta name="date" content="1970-01-01T00:00:00Z">' }), null).publishedAt).toBeNull();
  });

  it("returns no date at all when none parses", () => {
    const html = page({ head: '<meta property="article:published_time" content="kemarin sore">' });
    expect(extractArticle(html, null).publishedAt).toBeNull();
  });

  it("refuses a javascript: canonical link and falls back to the page URL", () => {
    const html = page({ head: '<link rel="canonical" href="javascript:alert(1)">' });
    expect(extractArticle(html, "https://contoh.example/berita/1#top").canonicalUrl).toBe("https://contoh.example/berita/1");
  });

  it("accepts an HTML fragment without <html>", () => {
    const fragment =
      "<h1>Harga beras naik</h1><p>Badan Pusat Statistik mencatat harga beras medium naik 12 persen dibandingkan bulan lalu.</p><p>Kenaikan paling tajam terjadi di Jawa Barat dan Jawa Timur, menurut data yang dirilis pada Senin di Jakarta oleh pemerintah.</p>";
    const article = extractArticle(fragment, null);
    expect(article.paragraphs).toHaveLength(2);
    expect(article.title).toBe("Harga beras naik");
  });
});

describe("htmlFragmentParagraphs", () => {
  it("returns the first heading apart and the text of the other blocks, without markup or related lines", () => {
    const { heading, paragraphs } = htmlFragmentParagraphs(
      '<h1>Judul Dokumen</h1><p>Paragraf <strong>pertama</strong>.</p><p>Baca juga: Lainnya</p><ul><li>Butir satu</li><li>Butir dua</li></ul><p><img src=x onerror=alert(1)>Paragraf akhir.</p><script>alert(1)</script>',
    );
    expect(heading).toBe("Judul Dokumen");
    expect(paragraphs).toEqual(["Paragraf pertama.", "Butir satu", "Butir dua", "Paragraf akhir."]);
  });
});
