import { describe, expect, it } from "vitest";
import { matchFacts, matchScore, scoreWeights } from "~/matching/score";

const id = (text: string) => matchFacts(text, "id");
const en = (text: string) => matchFacts(text, "en");
/** The score without either clash: what the two texts share. */
const plain = { ...scoreWeights, numberClash: 0, nameClash: 0 };

describe("matchFacts", () => {
  it("keeps the terms, the numbers among them, and the names after the first word", () => {
    const facts = id("Sebanyak 1.000 tentara Korea Utara tewas di Kursk pada 2024");
    expect(facts.numbers).toEqual(new Set(["1000", "2024"]));
    expect(facts.names).toEqual(["korea", "utara", "kursk"]);
    expect(facts.terms.has("tentara")).toBe(true);
    expect(facts.ordered.indexOf("korea")).toBeLessThan(facts.ordered.indexOf("utara"));
  });

  it("does not take a currency for a name", () => {
    expect(id("Harga naik jadi Rp 15.000 per liter").names).toEqual([]);
    expect(en("It costs USD 5 million, says Jokowi").names).toEqual(["jokowi"]);
  });
});

describe("matchScore", () => {
  it("lies in [0, 1] and is 1 for the same text", () => {
    const facts = id("TNI mengerahkan 5.000 personel ke Papua pekan ini");
    expect(matchScore(facts, facts, 1)).toBeCloseTo(1);
    expect(matchScore(facts, id("Harga cabai naik"), 0)).toBe(0);
  });

  it("is nothing for a claim without terms", () => {
    expect(matchScore(id("yang dan di"), id("Harga cabai naik"), 0.5)).toBe(0);
  });

  it("cuts the score when both carry a figure the other lacks (1.000 against 10.000)", () => {
    const check = id("Sekitar 10.000 tentara Korea Utara sudah tiba di Kursk");
    const same = id("Sepuluh ribu tentara Korea Utara tiba di Kursk");
    const other = id("Sekitar 1.000 tentara Korea Utara sudah tiba di Kursk");
    expect(matchScore(same, check, 0.6)).toBeCloseTo(matchScore(same, check, 0.6, plain));
    expect(matchScore(other, check, 0.9)).toBeCloseTo(matchScore(other, check, 0.9, plain) * (1 - scoreWeights.numberClash));
    expect(matchScore(other, check, 0.9)).toBeLessThan(matchScore(same, check, 0.6));
  });

  it("does not cut it when only one side gives a figure (a fragment leaves the year out)", () => {
    const check = en("Medium-grade rice prices rose 5 percent in November 2024");
    const fragment = en("Medium rice up 5% in November");
    expect(matchScore(fragment, check, 0.5)).toBeCloseTo(matchScore(fragment, check, 0.5, plain));
  });

  it("cuts it when each names a place or person the other does not (Jawa Barat against Jawa Tengah; Jokowi against Prabowo)", () => {
    const check = id("Foto banjir bandang di Jawa Barat yang menewaskan 200 orang");
    const other = id("Foto banjir bandang di Jawa Tengah yang menewaskan 200 orang");
    expect(matchScore(other, check, 0.9)).toBeCloseTo(matchScore(other, check, 0.9, plain) * (1 - scoreWeights.nameClash));
    const said = en("President Jokowi said civil servants will get a 20 percent pay rise");
    const otherPerson = en("President Prabowo said civil servants will get a 20 percent pay rise");
    expect(matchScore(otherPerson, said, 0.9)).toBeLessThan(matchScore(otherPerson, said, 0.9, plain));
  });

  it("takes an abbreviation or another form of a name for the same name", () => {
    const pairs: [string, string, "id" | "en"][] = [
      ["Tiga juta pemilih di Jateng dihapus", "KPU menghapus 3 juta pemilih di Jawa Tengah", "id"],
      ["Seribu serdadu Korut tewas di Kursk", "Sebanyak 1.000 tentara Korea Utara tewas di Kursk", "id"],
      ["Plastic rice found in Vietnamese rice imports", "Rice imported from Vietnam is mixed with plastic rice", "en"],
    ];
    for (const [claim, check, language] of pairs) {
      const a = matchFacts(claim, language);
      const b = matchFacts(check, language);
      expect(matchScore(a, b, 0.5), claim).toBeCloseTo(matchScore(a, b, 0.5, plain));
    }
  });

  it("does not take two different names sharing a beginning for one (Pertalite, Pertamax)", () => {
    const a = id("Harga Pertalite naik menjadi Rp 15.000 per liter");
    const b = id("Harga Pertamax naik menjadi Rp 15.000 per liter");
    expect(matchScore(a, b, 0.9)).toBeLessThan(matchScore(a, b, 0.9, plain));
  });
});
