// Import by paste, file and URL. URL imports fetch from a local node:http server on 127.0.0.1 that is
// allowed through the exact host:port allow-list; nothing else is contacted.
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { strToU8, zipSync, type Zippable } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SafeFetchOptions } from "~/fetching/safe-fetch.server";
import { ImportError, type ImportFailure } from "../text";
import type { ArticleDraft } from "./draft";
import { draftFromFile } from "./file.server";
import { draftFromPaste } from "./paste";
import { draftFromUrl } from "./url.server";

const read = (path: string) => readFileSync(new URL(`../../../tests/fixtures/${path}`, import.meta.url));
const fixtureText = read("tribunnews-kursk-2024-10-28.txt").toString("utf8");
const fixtureParagraphs = fixtureText
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("Baca juga:"));
const tribunPage = read("pages/tribunnews-kursk.html");
const loginPage = read("pages/login-page.html");

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<ImportError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected the import to fail");
}

async function code(promise: Promise<unknown> | (() => unknown)): Promise<ImportFailure> {
  return (await failure(promise)).reason;
}

// ---------------------------------------------------------------------------------------------------------

describe("draftFromPaste", () => {
  it("imports the fixture: every paragraph but the Baca juga line, Indonesian, with the details given", () => {
    const draft = draftFromPaste({
      title: "  Sekjen NATO Konfirmasi 10.000 Tentara Korut Tiba di Kursk ",
      body: fixtureText,
      outlet: " Tribunnews.com ",
      author: "",
      publishedAt: "2024-10-28",
      originalUrl: "https://www.tribunnews.com/internasional/2024/10/28/kursk#komentar",
    });
    expect(draft.body.split("\n\n")).toEqual(fixtureParagraphs);
    expect(draft.body).not.toContain("Baca juga");
    expect(draft.title).toBe("Sekjen NATO Konfirmasi 10.000 Tentara Korut Tiba di Kursk");
    expect(draft.language).toBe("id");
    expect(draft.outlet).toBe("Tribunnews.com");
    expect(draft.author).toBeNull();
    expect(draft.publishedAt?.toISOString()).toBe("2024-10-28T00:00:00.000Z");
    expect(draft.originalUrl).toBe("https://www.tribunnews.com/internasional/2024/10/28/kursk");
    expect(draft.canonicalUrl).toBeNull();
    expect(draft.method).toBe("PASTE");
  });

  it("normalises Windows line endings, no-break spaces and zero-width characters", () => {
    const draft = draftFromPaste({ title: "Judul", body: "Satu\u00a0dua.\r\n\r\nTi\u200bga.\r\n" });
    expect(draft.body).toBe("Satu dua.\n\nTiga.");
  });

  it("detects English", () => {
    const draft = draftFromPaste({
      title: "Floods",
      body: "More than 12,000 residents of Jakarta were forced from their homes on Tuesday after heavy rain.\nThe agency opened 41 shelters in schools and mosques.",
    });
    expect(draft.language).toBe("en");
  });

  it("accepts 1,000 paragraphs and refuses more than the paragraph limit", () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `Paragraf ${i + 1}.`).join("\n");
    expect(draftFromPaste({ title: "Panjang", body: lines(1000) }).body.split("\n\n")).toHaveLength(1000);
    expect(draftFromPaste({ title: "Panjang", body: lines(5000) }).body.split("\n\n")).toHaveLength(5000);
    expect(() => draftFromPaste({ title: "Terlalu panjang", body: lines(5001) })).toThrow(ImportError);
  });

  it.each([
    ["an empty body", { title: "Judul", body: "" }, "empty", { field: "body" }],
    ["a whitespace-only body", { title: "Judul", body: " \n\t\u00a0\r\n\u200b" }, "empty", { field: "body" }],
    ["a body of related links only", { title: "Judul", body: "Baca juga: A\nBACA JUGA B\nADVERTISEMENT" }, "empty", { field: "body" }],
    ["a blank title", { title: "  ", body: "Isi." }, "empty", { field: "title" }],
    ["a NUL character", { title: "Judul", body: "Isi\u0000berita." }, "unreadable_text", { field: "body" }],
    ["an escape character", { title: "Judul", body: "Isi \u001b[31m berita." }, "unreadable_text", { field: "body" }],
    ["a lone surrogate", { title: "Judul", body: "Isi \ud83d berita." }, "unreadable_text", { field: "body" }],
    ["a control character in the title", { title: "Ju\u0007dul", body: "Isi." }, "unreadable_text", { field: "title" }],
    ["a javascript: original URL", { title: "Judul", body: "Isi.", originalUrl: "javascript:alert(1)" }, "unsupported_scheme", { field: "originalUrl" }],
    ["an invalid original URL", { title: "Judul", body: "Isi.", originalUrl: "bukan alamat" }, "invalid_url", { field: "originalUrl" }],
    ["an unreadable date", { title: "Judul", body: "Isi.", publishedAt: "kemarin" }, "unreadable_text", { field: "publishedAt" }],
    ["a title over 500 characters", { title: "x".repeat(501), body: "Isi." }, "too_large", { field: "title", maxLength: 500 }],
  ])("refuses %s", async (_label, input, expected, detail) => {
    const error = await failure(() => draftFromPaste(input));
    expect(error.reason).toBe(expected);
    expect(error.detail).toEqual(detail);
  });

  it("refuses more than 5 MB of text", async () => {
    const error = await failure(() => draftFromPaste({ title: "Besar", body: "Paragraf panjang sekali.\n".repeat(260_000) }));
    expect(error.reason).toBe("too_large");
    expect(error.detail).toEqual({ limitMb: 5 });
  });

  it("reads dates as ISO or day/month/year (Indonesian order)", () => {
    expect(draftFromPaste({ title: "J", body: "Isi.", publishedAt: "28/10/2024" }).publishedAt?.toISOString()).toBe("2024-10-28T00:00:00.000Z");
    expect(draftFromPaste({ title: "J", body: "Isi.", publishedAt: "2024-10-28T21:05:00+07:00" }).publishedAt?.toISOString()).toBe(
      "2024-10-28T14:05:00.000Z",
    );
    expect(draftFromPaste({ title: "J", body: "Isi.", publishedAt: "" }).publishedAt).toBeNull();
  });

  it("reads a published time typed without an offset on the newsroom's clock, not the server's", () => {
    const typed = (publishedAt: string, timeZone?: string) => draftFromPaste({ title: "J", body: "Isi.", publishedAt, ...(timeZone ? { timeZone } : {}) }).publishedAt?.toISOString();
    expect(typed("2024-10-28T21:05", "Asia/Jakarta")).toBe("2024-10-28T14:05:00.000Z");
    expect(typed("2024-10-28 21:05:30", "Europe/Berlin")).toBe("2024-10-28T20:05:30.000Z");
    expect(typed("2024-10-28T21:05")).toBe("2024-10-28T21:05:00.000Z");
    // A date alone stays a calendar date, whatever the zone; an offset, when given, wins.
    expect(typed("2024-10-28", "Asia/Jakarta")).toBe("2024-10-28T00:00:00.000Z");
    expect(typed("2024-10-28T21:05:00Z", "Asia/Jakarta")).toBe("2024-10-28T21:05:00.000Z");
    for (const bad of ["2024-02-30", "2024-10-28T25:00", "2024-10-28T21:61"]) {
      expect(() => typed(bad, "Asia/Jakarta")).toThrow(ImportError);
    }
  });

  it("keeps emoji and RTL text in the body", () => {
    const body = "Warganet bereaksi 😂👍🏽.\nقال المتحدث إن الوضع مستقر.";
    expect(draftFromPaste({ title: "J", body }).body).toBe("Warganet bereaksi 😂👍🏽.\n\nقال المتحدث إن الوضع مستقر.");
  });
});

// ---------------------------------------------------------------------------------------------------------

const wordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function docx(paragraphs: Array<{ text: string; style?: string } | string>, extra: Zippable = {}): Uint8Array {
  const body = paragraphs
    .map((p) => (typeof p === "string" ? { text: p } : p))
    .map(
      ({ text, style }) =>
        `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text
          .replaceAll("&", "&amp;")
          .replaceAll("<", "&lt;")}</w:t></w:r></w:p>`,
    )
    .join("");
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/_rels/document.xml.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    "word/styles.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${wordNs}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>`,
    ),
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${wordNs}"><w:body>${body}</w:body></w:document>`),
    ...extra,
  });
}

/** Rewrites one entry's uncompressed size in the central directory: a ZIP that lies about its contents. */
function withDeclaredSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const copy = Buffer.from(zip);
  let rewritten = 0;
  for (let i = 0; i + 46 <= copy.length; i += 1) {
    if (copy.readUInt32LE(i) !== 0x02014b50) continue;
    const name = copy.toString("utf8", i + 46, i + 46 + copy.readUInt16LE(i + 28));
    if (name === entry) {
      copy.writeUInt32LE(size, i + 24);
      rewritten += 1;
    }
  }
  if (rewritten !== 1) throw new Error(`entry ${entry} not found`);
  return new Uint8Array(copy);
}

const file = (name: string, bytes: Uint8Array | string, type = "") => ({
  name,
  type,
  bytes: typeof bytes === "string" ? new Uint8Array(Buffer.from(bytes, "utf8")) : bytes,
});

describe("draftFromFile", () => {
  it("imports the fixture as .txt (with a UTF-8 BOM): title from the file name, since the first line is a paragraph", async () => {
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), read("tribunnews-kursk-2024-10-28.txt")]));
    const draft = await draftFromFile(file("tribunnews-kursk-2024-10-28.txt", bytes, "text/plain"));
    expect(draft.title).toBe("tribunnews-kursk-2024-10-28");
    expect(draft.body.split("\n\n")).toEqual(fixtureParagraphs);
    expect(draft.method).toBe("FILE");
    expect(draft.language).toBe("id");
  });

  it("takes a short first line of a .txt as the title", async () => {
    const draft = await draftFromFile(file("berita.txt", "Harga Beras Naik 12 Persen\nBPS mencatat kenaikan.\nPemerintah menambah stok."));
    expect(draft.title).toBe("Harga Beras Naik 12 Persen");
    expect(draft.body).toBe("BPS mencatat kenaikan.\n\nPemerintah menambah stok.");
  });

  it("decodes UTF-16 with a BOM", async () => {
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Judul Berita\nIsi berita dengan é dan 😂.", "utf16le")]));
    const draft = await draftFromFile(file("utf16.txt", bytes));
    expect(draft.title).toBe("Judul Berita");
    expect(draft.body).toBe("Isi berita dengan é dan 😂.");
  });

  it("reads Markdown as plain text: title from the first heading, no markup, no images, no related lines", async () => {
    const markdown = [
      "# Harga Beras Naik **12 Persen**",
      "",
      "Badan Pusat Statistik mencatat harga beras medium naik [12 persen](https://bps.go.id/x) dibandingkan bulan lalu.",
      "Baca juga: Harga Emas Hari Ini",
      "Kenaikan tertinggi dalam tiga tahun.",
      "",
      "![Foto pasar](pasar.jpg)",
      "",
      "## Penyebab",
      "",
      "- Panen mundur di *Jawa Barat*;",
      "- distribusi terganggu banjir.",
      "",
      "> \"Stok cukup,\" kata menteri.",
      "",
      "<script>alert(1)</script>",
      "",
      "Baris pertama  ",
      "baris kedua setelah hard break.",
    ].join("\n");
    const draft = await draftFromFile(file("beras.md", markdown));
    expect(draft.title).toBe("Harga Beras Naik 12 Persen");
    expect(draft.body.split("\n\n")).toEqual([
      "Badan Pusat Statistik mencatat harga beras medium naik 12 persen dibandingkan bulan lalu. Kenaikan tertinggi dalam tiga tahun.",
      "Penyebab",
      "Panen mundur di Jawa Barat;",
      "distribusi terganggu banjir.",
      '"Stok cukup," kata menteri.',
      "Baris pertama",
      "baris kedua setelah hard break.",
    ]);
    expect(draft.body).not.toMatch(/alert|Foto pasar|\*|#|\[|\]\(/);
  });

  it("takes the title from Markdown front matter", async () => {
    const draft = await draftFromFile(file("x.markdown", "---\ntitle: \"Judul dari Front Matter\"\ndate: 2025-01-01\n---\n\nIsi pertama.\n\nIsi kedua."));
    expect(draft.title).toBe("Judul dari Front Matter");
    expect(draft.body).toBe("Isi pertama.\n\nIsi kedua.");
  });

  it("extracts a saved HTML page", async () => {
    const draft = await draftFromFile(file("halaman.html", new Uint8Array(tribunPage), "text/html"));
    expect(draft.title).toBe("Sekjen NATO Konfirmasi 10.000 Tentara Korea Utara Tiba di Kursk, Kremlin Sebut Berita Palsu");
    expect(draft.body.split("\n\n")).toEqual(fixtureParagraphs);
    expect(draft.originalUrl).toBeNull();
    expect(draft.canonicalUrl).toMatch(/^https:\/\/www\.tribunnews\.com\/internasional\/2024\/10\/28\//);
    expect(draft.author).toBe("Nadia Rahmawati");
    expect(draft.method).toBe("FILE");
    expect(draft.body).not.toContain("alert(");
  });

  it("decodes a saved page in the legacy charset its <meta> declares", async () => {
    const html = `<html><head><meta charset="windows-1252"><title>Café</title></head><body><article><h1>Café</h1><p>${"Le café est très cher cette année à Jakarta, selon les commerçants du marché. ".repeat(3)}</p><p>${"Les prix ont augmenté de douze pour cent en un mois, un record. ".repeat(3)}</p></article></body></html>`;
    const draft = await draftFromFile(file("cafe.htm", new Uint8Array(Buffer.from(html, "latin1"))));
    expect(draft.body).toContain("Le café est très cher");
  });

  it("reads a Word document: title from the Title/Heading 1 paragraph, text only", async () => {
    const bytes = docx([
      { text: "Sekjen NATO Konfirmasi Tentara Korut di Kursk", style: "Title" },
      "Sekitar 10.000 tentara asal Korea Utara dilaporkan tiba di Kursk.",
      "Baca juga: Perang Rusia-Ukraina Hari ke-979",
      { text: "Ukraina Desak Tentara Korut Membelot", style: "Heading1" },
      "Kremlin menepis laporan itu sebagai <berita palsu> & bohong.",
    ]);
    const draft = await draftFromFile(file("artikel.docx", bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    expect(draft.title).toBe("Sekjen NATO Konfirmasi Tentara Korut di Kursk");
    expect(draft.body.split("\n\n")).toEqual([
      "Sekitar 10.000 tentara asal Korea Utara dilaporkan tiba di Kursk.",
      "Ukraina Desak Tentara Korut Membelot",
      "Kremlin menepis laporan itu sebagai <berita palsu> & bohong.",
    ]);
    expect(draft.method).toBe("FILE");
  });

  it("refuses a .docx zip bomb (honest sizes) before unzipping it", async () => {
    const bomb = docx(["Isi."], { "word/media/padding.bin": [new Uint8Array(40 * 1024 * 1024), { level: 1 }] });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await code(draftFromFile(file("bom.docx", bomb)))).toBe("too_large");
  });

  it("refuses a .docx whose directory understates what an entry inflates to", async () => {
    const lying = withDeclaredSize(docx(["Isi."], { "word/media/padding.bin": [new Uint8Array(8 * 1024 * 1024), { level: 1 }] }), "word/media/padding.bin", 1024);
    expect(await code(draftFromFile(file("bohong.docx", lying)))).toBe("too_large");
  });

  it.each([
    ["a .docx that is not a ZIP", file("palsu.docx", "ini teks biasa, bukan dokumen Word"), "unreadable_text"],
    ["a ZIP without a Word document inside", file("arsip.docx", zipSync({ "readme.txt": strToU8("halo") })), "unreadable_text"],
    ["a PNG named .txt", file("gambar.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])), "unreadable_text"],
    ["a PDF named .html", file("dok.html", "%PDF-1.7\n1 0 obj << >> endobj\n"), "unreadable_text"],
    ["binary bytes named .txt", file("acak.txt", new Uint8Array([0x41, 0x00, 0x42, 0x00, 0x01, 0x02, 0x03, 0x43])), "unreadable_text"],
    ["invalid UTF-8", file("latin1.txt", new Uint8Array(Buffer.from("Caf\xe9 au lait, prix \xe0 Jakarta", "latin1"))), "unreadable_text"],
    ["an empty file", file("kosong.txt", new Uint8Array()), "empty"],
    ["whitespace only", file("spasi.md", " \n\n\t "), "empty"],
    ["an HTML file that is not an article", file("login.html", new Uint8Array(loginPage)), "not_an_article"],
  ])("%s → %s", async (_label, input, expected) => {
    expect(await code(draftFromFile(input))).toBe(expected);
  });

  it.each([
    ["laporan.pdf", "application/pdf", "%PDF-1.7\n", "application/pdf"],
    ["setup.exe", "application/x-msdownload", "MZ\x90\x00", "application/x-msdownload"],
    ["foto.png", "image/png", "\x89PNG\r\n", "image/png"],
    ["lama.doc", "", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/msword"],
    ["tanpa-ekstensi", "application/octet-stream", "data", "application/octet-stream"],
  ])("%s → unsupported_file_type", async (name, type, content, reported) => {
    const error = await failure(draftFromFile(file(name, new Uint8Array(Buffer.from(content, "latin1")), type)));
    expect(error.reason).toBe("unsupported_file_type");
    expect(error.detail).toEqual({ type: reported });
  });

  it("refuses a 6 MB file as too_large", async () => {
    const error = await failure(draftFromFile(file("besar.txt", new Uint8Array(6 * 1024 * 1024).fill(0x61))));
    expect(error.reason).toBe("too_large");
    expect(error.detail).toEqual({ limitMb: 5 });
  });
});

// ---------------------------------------------------------------------------------------------------------

let server: http.Server;
let origin: string;
let options: SafeFetchOptions;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { "Content-Type": type });
      response.end(body);
    };
    switch (path) {
      case "/berita/kursk":
        return send(200, "text/html; charset=utf-8", tribunPage);
      case "/pindah":
        response.writeHead(301, { Location: "/berita/kursk" });
        return response.end();
      case "/rilis.txt":
        return send(200, "text/plain; charset=utf-8", "Siaran Pers Kementerian\r\nKementerian membantah kabar pemotongan dana bantuan 40 persen.\r\nBaca juga: Lainnya\r\nDana disalurkan penuh.");
      case "/latin1":
        return send(200, "text/html; charset=iso-8859-1", Buffer.from(`<html><head><title>Café</title></head><body><article><h1>Café</h1><p>${"Le café est très cher cette année à Jakarta, selon les commerçants. ".repeat(4)}</p><p>${"Les prix ont augmenté de douze pour cent en un mois. ".repeat(4)}</p></article></body></html>`, "latin1"));
      case "/tanpa-tipe":
        response.writeHead(200);
        return response.end(tribunPage);
      case "/laporan.pdf":
        return send(200, "application/pdf", "%PDF-1.7\n1 0 obj << >> endobj\n");
      case "/pdf-menyamar":
        return send(200, "text/html", "%PDF-1.7\n1 0 obj << >> endobj\n");
      case "/foto":
        return send(200, "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      case "/masuk":
        return send(200, "text/html", loginPage);
      case "/kosong":
        return send(200, "text/html", "   ");
      case "/putar":
        response.writeHead(302, { Location: "/putar" });
        return response.end();
      case "/lambat":
        setTimeout(() => response.destroyed || send(200, "text/html", tribunPage), 3000);
        return;
      case "/besar":
        response.writeHead(200, { "Content-Type": "text/html" });
        for (let i = 0; i < 100; i += 1) response.write("x".repeat(64 * 1024));
        return response.end();
      case "/galat":
        return send(500, "text/html", "<h1>Internal Server Error</h1>");
      default:
        return send(404, "text/html", "<h1>Not found</h1>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  options = { allowedPrivateHosts: [`127.0.0.1:${port}`] };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("draftFromUrl (local server, allowed by exact host:port)", () => {
  let draft: ArticleDraft;

  it("imports a news page", async () => {
    draft = await draftFromUrl(`${origin}/berita/kursk#atas`, options);
    expect(draft.title).toBe("Sekjen NATO Konfirmasi 10.000 Tentara Korea Utara Tiba di Kursk, Kremlin Sebut Berita Palsu");
    expect(draft.body.split("\n\n")).toEqual(fixtureParagraphs);
    expect(draft.language).toBe("id");
    expect(draft.outlet).toBe("Tribunnews.com");
    expect(draft.author).toBe("Nadia Rahmawati");
    expect(draft.publishedAt?.toISOString()).toBe("2024-10-28T14:05:00.000Z");
    expect(draft.originalUrl).toBe(`${origin}/berita/kursk`);
    expect(draft.canonicalUrl).toBe("https://www.tribunnews.com/internasional/2024/10/28/sekjen-nato-konfirmasi-10000-tentara-korea-utara-tiba-di-kursk");
    expect(draft.method).toBe("URL");
    expect(draft.body).not.toMatch(/alert\(|<|onerror/);
  });

  it("keeps the requested URL as the original after a redirect", async () => {
    const redirected = await draftFromUrl(`${origin}/pindah`, options);
    expect(redirected.originalUrl).toBe(`${origin}/pindah`);
    expect(redirected.body).toBe(draft.body);
  });

  it("imports text/plain as paragraphs, with a headline-like first line as the title", async () => {
    const text = await draftFromUrl(`${origin}/rilis.txt`, options);
    expect(text.title).toBe("Siaran Pers Kementerian");
    expect(text.body).toBe("Kementerian membantah kabar pemotongan dana bantuan 40 persen.\n\nDana disalurkan penuh.");
    expect(text.canonicalUrl).toBe(`${origin}/rilis.txt`);
    expect(text.method).toBe("URL");
  });

  it("decodes the charset from Content-Type", async () => {
    expect((await draftFromUrl(`${origin}/latin1`, options)).body).toContain("Le café est très cher");
  });

  it("sniffs HTML served without a content type", async () => {
    expect((await draftFromUrl(`${origin}/tanpa-tipe`, options)).body).toBe(draft.body);
  });

  it.each([
    ["/laporan.pdf", "not_an_article", { type: "application/pdf" }],
    ["/pdf-menyamar", "not_an_article", { type: "application/pdf" }],
    ["/foto", "not_an_article", { type: "image/png" }],
    ["/masuk", "not_an_article", undefined],
    ["/kosong", "empty", undefined],
    ["/tidak-ada", "http_error", { status: 404 }],
    ["/galat", "http_error", { status: 500 }],
    ["/putar", "too_many_redirects", undefined],
    ["/besar", "too_large", { limitMb: 5 }],
  ])("%s → %s", async (path, expected, detail) => {
    const error = await failure(draftFromUrl(`${origin}${path}`, options));
    expect(error.reason).toBe(expected);
    expect(error.detail).toEqual(detail);
  });

  it("times out", async () => {
    const started = Date.now();
    expect(await code(draftFromUrl(`${origin}/lambat`, { ...options, timeoutMs: 300 }))).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses the same server without the allow-list", async () => {
    expect(await code(draftFromUrl(`${origin}/berita/kursk`, { allowedPrivateHosts: [] }))).toBe("refused_address");
  });

  it.each([
    ["javascript:alert(1)", "unsupported_scheme"],
    ["file:///etc/passwd", "unsupported_scheme"],
    ["bukan alamat", "invalid_url"],
    ["http://169.254.169.254/latest/meta-data/", "refused_address"],
    ["http://[::1]/", "refused_address"],
  ])("%s → %s", async (url, expected) => {
    expect(await code(draftFromUrl(url, { allowedPrivateHosts: [] }))).toBe(expected);
  });

  it("reports a name that does not resolve as fetch_failed", async () => {
    const lookup = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    expect(await code(draftFromUrl("http://tidak-ada.test/", { lookup }))).toBe("fetch_failed");
  });

  it("reports a refused connection as fetch_failed", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await code(draftFromUrl(`http://127.0.0.1:${port}/`, { allowedPrivateHosts: [`127.0.0.1:${port}`] }))).toBe("fetch_failed");
  });
});
