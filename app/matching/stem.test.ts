import { describe, expect, it } from "vitest";
import { stemEnglish, stemIndonesian } from "~/matching/stem";

const family = (words: string[]) => new Set(words.map(stemIndonesian));

describe("stemIndonesian", () => {
  it("brings a word family to one stem", () => {
    expect(family(["dikerahkan", "pengerahan", "mengerahkan", "kerahkan"])).toEqual(new Set(["kerah"]));
    expect(family(["ditangkap", "penangkapan", "menangkap", "tertangkap"])).toEqual(new Set(["tangkap"]));
    expect(family(["pembangunan", "dibangun", "membangun"])).toEqual(new Set(["bangun"]));
    expect(family(["diperkuat", "memperkuat"])).toEqual(new Set(["kuat"]));
    expect(family(["keberhasilan", "berhasil"])).toEqual(new Set(["hasil"]));
    expect(family(["membantu", "bantuan", "dibantu"])).toEqual(new Set(["bantu"]));
  });

  it("undoes the nasal assimilation of meN- and peN-", () => {
    expect(family(["menyebut", "penyebutan", "disebut", "sebutkan"])).toEqual(new Set(["sebut"]));
    expect(family(["memukul", "pemukulan", "dipukul"])).toEqual(new Set(["pukul"]));
    expect(family(["mengirim", "pengiriman", "dikirim"])).toEqual(new Set(["kirim"]));
    expect(family(["menarik", "penarikan", "ditarik"])).toEqual(new Set(["tarik"]));
  });

  it("keeps roots that start with a vowel, m, n or ny after meN-", () => {
    expect(family(["mengajar", "pengajar", "diajar"])).toEqual(new Set(["ajar"]));
    expect(family(["memakan", "dimakan", "makan"])).toEqual(new Set(["makan"]));
    expect(family(["menilai", "penilaian", "dinilai"])).toEqual(new Set(["nilai"]));
    expect(family(["menyatakan", "pernyataan", "dinyatakan"])).toEqual(new Set(["nyata"]));
    expect(family(["pengungsi", "mengungsi"])).toEqual(new Set(["ungsi"]));
    expect(family(["mengalami", "dialami", "pengalaman"])).toEqual(new Set(["alam"]));
    expect(family(["mengawasi", "pengawasan", "diawasi"])).toEqual(new Set(["awas"]));
    expect(family(["menggunakan", "penggunaan", "digunakan"])).toEqual(new Set(["guna"]));
  });

  it("leaves words that only look prefixed or suffixed", () => {
    for (const word of ["berita", "menteri", "sekolah", "masalah", "jalan", "bulan", "makan", "personel", "kenapa"]) {
      expect(stemIndonesian(word), word).toBe(word);
    }
    expect(stemIndonesian("diberitakan")).toBe("berita");
    expect(stemIndonesian("kementerian")).toBe("menteri");
    expect(family(["pemerintah", "diperintahkan", "pemerintahnya"])).toEqual(new Set(["perintah"]));
  });
});

describe("stemEnglish", () => {
  it("removes plurals, -ed and -ing", () => {
    expect(new Set(["claims", "claimed", "claiming", "claim"].map(stemEnglish))).toEqual(new Set(["claim"]));
    expect(new Set(["arrested", "arrests", "arresting"].map(stemEnglish))).toEqual(new Set(["arrest"]));
    expect(new Set(["stopped", "stopping", "stops"].map(stemEnglish))).toEqual(new Set(["stop"]));
    expect(new Set(["make", "making", "makes"].map(stemEnglish)).size).toBe(1);
    expect(new Set(["studies", "studied", "study"].map(stemEnglish))).toEqual(new Set(["study"]));
    expect(stemEnglish("buildings")).toBe("build");
    expect(stemEnglish("jakarta’s")).toBe("jakarta");
  });

  it("leaves short words and words ending in -ss, -us, -is alone", () => {
    for (const word of ["bus", "news", "analysis", "press", "virus", "need"]) expect(stemEnglish(word), word).toBe(word);
  });
});
