import { describe, expect, it } from "vitest";
import { firstFreeSlug, slugify, slugMaxLength, slugPattern } from "./slug";

describe("slugify", () => {
  it("keeps numbers readable: separators inside a number become hyphens", () => {
    expect(slugify("1.5 million people fled")).toBe("1-5-million-people-fled");
    expect(slugify("10.000 tentara Korea Utara tiba di Kursk")).toBe("10-000-tentara-korea-utara-tiba-di-kursk");
    expect(slugify("Dana dipotong 2,5 persen")).toBe("dana-dipotong-2-5-persen");
    expect(slugify("Rp1.200.000 per bulan")).toBe("rp1-200-000-per-bulan");
  });

  it("folds accents and letters that have no decomposition, drops apostrophes inside words", () => {
    expect(slugify("Café São Paulo: ¿Qué pasó?")).toBe("cafe-sao-paulo-que-paso");
    expect(slugify("Straße, Øresund, Łódź, Œuvre")).toBe("strasse-oresund-lodz-oeuvre");
    expect(slugify("Putin’s claim, Kim's reply")).toBe("putins-claim-kims-reply");
  });

  it("is lower-case words joined by single hyphens, or empty when there are none", () => {
    expect(slugify("  Cek Fakta — «Benarkah?»  ")).toBe("cek-fakta-benarkah");
    expect(slugify("?!… —")).toBe("");
    for (const text of ["A -- b", "x_y", "Ünïcödé 1.0", "ДА 12"]) expect(slugify(text)).toMatch(slugPattern);
  });

  it("stops at a word boundary within the limit", () => {
    const headline = "Benarkah sekitar sepuluh ribu tentara Korea Utara sudah tiba di wilayah Kursk Rusia pada akhir Oktober lalu";
    const slug = slugify(headline);
    expect(slug.length).toBeLessThanOrEqual(slugMaxLength);
    expect(slug).toBe("benarkah-sekitar-sepuluh-ribu-tentara-korea-utara-sudah-tiba-di-wilayah-kursk");
    expect(slugify(headline, 20)).toBe("benarkah-sekitar");
    expect(slugify("a".repeat(100))).toBe("a".repeat(slugMaxLength));
  });
});

describe("firstFreeSlug", () => {
  it("adds -2, -3, … until the address is free", () => {
    const taken = new Set(["banjir", "banjir-2"]);
    expect(firstFreeSlug("banjir", (slug) => taken.has(slug))).toBe("banjir-3");
    expect(firstFreeSlug("gempa", (slug) => taken.has(slug))).toBe("gempa");
  });
});
