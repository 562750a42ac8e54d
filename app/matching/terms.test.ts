import { describe, expect, it } from "vitest";
import { matchTerms } from "~/matching/terms";

describe("matchTerms", () => {
  it("reduces two wordings of one Indonesian claim to the same terms", () => {
    const first = matchTerms("Polisi mengerahkan 10.000 personel untuk pengamanan demo.", "id");
    const second = matchTerms("Sepuluh ribu personel dikerahkan polisi dalam mengamankan demo", "id");
    expect(new Set(first)).toEqual(new Set(second));
    expect(first).toEqual(["polisi", "kerah", "10000", "personel", "aman", "demo"]);
  });

  it("reduces two wordings of one English claim to the same terms", () => {
    const first = matchTerms("The minister claimed forty per cent of the buildings were damaged.", "en");
    const second = matchTerms("Minister claims 40% of buildings damaged", "en");
    expect(new Set(first)).toEqual(new Set(second));
  });

  it("folds case and accents, drops stop-words and counts reduplication once", () => {
    expect(matchTerms("Anak-anak yang MENERIMA bantuan", "id")).toEqual(["anak", "terima", "bantu"]);
    expect(matchTerms("The Café is open", "en")).toEqual(["caf", "open"]);
  });

  it("keeps currency and amount apart and the year as written", () => {
    expect(matchTerms("Anggaran Rp1,5 triliun pada 2024", "id")).toEqual(["anggar", "rp", "1500000000000", "2024"]);
    expect(matchTerms("A $3 billion budget in 2024", "en")).toEqual(["usd", "3000000000", "budget", "2024"]);
  });

  it("returns no terms for text without words", () => {
    expect(matchTerms("", "id")).toEqual([]);
    expect(matchTerms("— … !", "en")).toEqual([]);
  });
});
