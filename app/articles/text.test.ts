import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { articleLimits, bodyHash, detectLanguage, hasUnreadableCharacters, isRelatedLinkLine, languageFromTag, normaliseArticleText } from "./text";

const fixture = readFileSync(new URL("../../tests/fixtures/tribunnews-kursk-2024-10-28.txt", import.meta.url), "utf8");
const fixtureLines = fixture.split("\n").filter((line) => line.trim() !== "");

describe("normaliseArticleText", () => {
  it("turns CRLF and CR into paragraphs separated by exactly one blank line", () => {
    expect(normaliseArticleText("Satu.\r\nDua.\rTiga.\n\n\n\nEmpat.")).toBe("Satu.\n\nDua.\n\nTiga.\n\nEmpat.");
  });

  it("treats every non-empty line as its own paragraph (newsroom copy-paste)", () => {
    expect(normaliseArticleText("Paragraf pertama.\nParagraf kedua.\n   \nParagraf ketiga.")).toBe(
      "Paragraf pertama.\n\nParagraf kedua.\n\nParagraf ketiga.",
    );
  });

  it("turns no-break spaces, tabs and other odd spaces into single spaces and trims lines", () => {
    expect(normaliseArticleText("\u00a0 Harga\u00a0naik\t\t10\u202fpersen  di\u2003Jakarta.  \t")).toBe("Harga naik 10 persen di Jakarta.");
  });

  it("removes zero-width spaces, word joiners, BOMs and soft hyphens", () => {
    expect(normaliseArticleText("\ufeffKe\u200bmen\u2060terian mem\u00adbantah.")).toBe("Kementerian membantah.");
  });

  it("removes control characters and repairs lone surrogates", () => {
    expect(normaliseArticleText("A\u0000B\u0007C\u009fD")).toBe("ABCD");
    expect(normaliseArticleText("rusak \ud800 teks")).toBe("rusak \ufffd teks");
  });

  it("composes to NFC", () => {
    const decomposed = "Perse\u0301rikatan"; // e + combining acute
    expect(normaliseArticleText(decomposed)).toBe("Pers\u00e9rikatan");
    expect(normaliseArticleText(decomposed)).not.toBe(decomposed);
  });

  it("keeps emoji (including ZWJ sequences and flags) intact", () => {
    const text = "Warganet bereaksi 😂👍🏽 dan 👨‍👩‍👧 serta 🇮🇩.";
    expect(normaliseArticleText(text)).toBe(text);
  });

  it("keeps right-to-left Arabic and Hebrew text intact, with its directional marks and joiners", () => {
    const arabic = "قال الأمين العام لحلف الناتو إن القوات موجودة في روسيا.";
    const hebrew = "‏ראש הממשלה אמר כי המצב יציב.";
    const persian = "می‌خواهم"; // zero-width non-joiner is part of the spelling
    expect(normaliseArticleText(`${arabic}\n${hebrew}\n${persian}`)).toBe(`${arabic}\n\n${hebrew}\n\n${persian}`);
  });

  it("drops related-article lines in their usual spellings", () => {
    const raw = [
      "Paragraf satu.",
      "Baca juga: Perang Rusia-Ukraina Hari ke-979",
      "Baca Juga : Harga Emas Hari Ini",
      "BACA JUGA: Timnas Menang",
      "baca juga Kabar Lain",
      "Lihat juga: Video Banjir",
      "Simak juga: Profil Mark Rutte",
      "Simak: Daftar Lengkapnya",
      "Paragraf dua.",
      "Read more: Can a sea wall save Jakarta?",
      "ADVERTISEMENT",
      "SCROLL TO CONTINUE WITH CONTENT",
      "Artikel ini telah tayang di Kompas.com dengan judul \"Banjir Jakarta\"",
      "Paragraf tiga.",
    ].join("\n");
    expect(normaliseArticleText(raw)).toBe("Paragraf satu.\n\nParagraf dua.\n\nParagraf tiga.");
  });

  it("imports the fixture with every paragraph but the Baca juga line", () => {
    const body = normaliseArticleText(fixture);
    const paragraphs = body.split("\n\n");
    expect(paragraphs).toEqual(fixtureLines.filter((line) => !line.startsWith("Baca juga:")).map((line) => line.trim()));
    expect(paragraphs).toHaveLength(fixtureLines.length - 1);
    expect(body).not.toContain("Hari ke-979");
    expect(body.startsWith("TRIBUNNEWS.COM – Sekitar 10.000 tentara")).toBe(true);
    expect(body).toContain("“berita palsu.”");
  });

  it("handles 1,000 paragraphs", () => {
    const raw = Array.from({ length: 1000 }, (_, i) => `Paragraf nomor ${i + 1} berisi angka ${i * 3}.`).join("\n");
    const body = normaliseArticleText(raw);
    const paragraphs = body.split("\n\n");
    expect(paragraphs).toHaveLength(1000);
    expect(paragraphs[999]).toBe("Paragraf nomor 1000 berisi angka 2997.");
    expect(articleLimits.maxParagraphs).toBeGreaterThanOrEqual(1000);
  });

  it("returns an empty string for whitespace only, and is idempotent", () => {
    expect(normaliseArticleText(" \n\t\u00a0\u200b\r\n ")).toBe("");
    const once = normaliseArticleText(fixture);
    expect(normaliseArticleText(once)).toBe(once);
  });
});

describe("isRelatedLinkLine", () => {
  it.each([
    "Baca juga: Perang Rusia-Ukraina Hari ke-979: Bangunan Bersejarah di Kharkiv Hancur Kena Bom",
    "Baca Juga : Harga Emas",
    "BACA JUGA Zelensky Minta Sekutu Bertindak",
    "» Baca juga: Kabar Lain",
    "Baca pula: Kabar Lain",
    "Baca selengkapnya di sini",
    "Baca berita lainnya di Google News",
    "Lihat juga: Video Banjir",
    "Lihat Juga Video: Banjir Jakarta",
    "Simak juga: Profil Rutte",
    "Simak: Daftar Negara",
    "Tonton juga - Video Serangan",
    "Berita terkait: Korut Kirim Tentara",
    "Read more: Can a sea wall save Jakarta?",
    "Read also: Floods in Jakarta",
    "Related: Jakarta is sinking",
    "Related stories: Floods",
    "See also: Earlier coverage",
    "ADVERTISEMENT",
    "Advertisement",
    "SCROLL TO CONTINUE WITH CONTENT",
    "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT",
    "Artikel ini telah tayang di Tribunnews.com dengan judul Sekjen NATO Konfirmasi",
    "Ikuti kami di Google News",
    "Follow Coastal Herald on Google News",
    "Dapatkan update berita pilihan setiap hari. Gabung di saluran WhatsApp Kompas.com",
    "Editor: Bambang Prasetyo",
    "Penulis: Nadia Rahmawati | Editor: Bambang Prasetyo",
    "(Reporting by Jane Doe; Editing by Mark Smith)",
  ])("drops %s", (line) => {
    expect(isRelatedLinkLine(line)).toBe(true);
  });

  it.each([
    "Menurut editor: kebijakan itu tidak berubah.",
    "Para pembaca diminta membaca juga laporan resmi pemerintah.",
    "Kremlin menepis laporan itu sebagai berita palsu, kata juru bicara.",
    "Lihat saja datanya: angka kemiskinan naik 2 persen.",
    "Related parties were not consulted, the minister said.",
    "Editor: the decision was made after the board met on Monday and reviewed every complaint received.",
    "Sumber: Badan Pusat Statistik",
    "Simak baik-baik pernyataan presiden berikut ini.",
    "Ukraina Desak Tentara Korut Untuk Membelot",
    "",
  ])("keeps %j", (line) => {
    expect(isRelatedLinkLine(line)).toBe(false);
  });
});

describe("bodyHash", () => {
  it("is the SHA-256 hex of the UTF-8 body", () => {
    const body = normaliseArticleText(fixture);
    expect(bodyHash(body)).toBe(createHash("sha256").update(body, "utf8").digest("hex"));
    expect(bodyHash("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(bodyHash("a")).not.toBe(bodyHash("b"));
  });

  it("gives the same hash for the same text pasted with different line endings and spaces", () => {
    expect(bodyHash(normaliseArticleText("Satu.\r\n\r\nDua.\u00a0"))).toBe(bodyHash(normaliseArticleText("Satu.\nDua.")));
  });
});

describe("detectLanguage", () => {
  it("recognises the Indonesian fixture (which franc scores as Malay)", () => {
    expect(detectLanguage(fixture)).toBe("id");
    expect(detectLanguage(fixtureLines[1]!)).toBe("id");
  });

  it("recognises English", () => {
    expect(
      detectLanguage(
        "The NATO Secretary General confirmed on Monday that North Korean troops had been sent to Russia and that military units had been deployed to the Kursk region.",
      ),
    ).toBe("en");
  });

  it("says und for short text, other languages and other scripts", () => {
    expect(detectLanguage("Kata Rutte.")).toBe("und");
    expect(detectLanguage("")).toBe("und");
    expect(detectLanguage("12.000 / 87 / 41 / 2020 / 1,5")).toBe("und");
    expect(
      detectLanguage("Le secrétaire général de l'OTAN a confirmé lundi que des troupes nord-coréennes avaient été envoyées en Russie et déployées."),
    ).toBe("und");
    expect(detectLanguage("قال الأمين العام لحلف شمال الأطلسي إن القوات الكورية الشمالية موجودة في روسيا وإنها انتشرت في منطقة كورسك")).toBe("und");
  });

  it("maps HTML lang tags", () => {
    expect(languageFromTag("id-ID")).toBe("id");
    expect(languageFromTag("in")).toBe("id");
    expect(languageFromTag("en-GB")).toBe("en");
    expect(languageFromTag("fr")).toBe("und");
    expect(languageFromTag(null)).toBe("und");
  });
});

describe("hasUnreadableCharacters", () => {
  it("flags NUL, control characters and lone surrogates but not tabs, line breaks or emoji", () => {
    expect(hasUnreadableCharacters("a\u0000b")).toBe(true);
    expect(hasUnreadableCharacters("a\u001bb")).toBe(true);
    expect(hasUnreadableCharacters("a\ud800b")).toBe(true);
    expect(hasUnreadableCharacters("a\udc00b")).toBe(true);
    expect(hasUnreadableCharacters("a\tb\r\nc 😂 قال")).toBe(false);
  });
});
