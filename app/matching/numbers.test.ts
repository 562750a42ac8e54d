import { describe, expect, it } from "vitest";
import { canonicalNumbers, parseDigits } from "~/matching/numbers";
import { tokenize } from "~/matching/tokens";

const canonical = (text: string, language: "id" | "en") => canonicalNumbers(tokenize(text), language).join(" ");

describe("canonicalNumbers", () => {
  it("reads ten thousand the same in every newsroom format", () => {
    for (const text of ["10.000", "10,000", "10 000", "10 ribu", "sepuluh ribu", "10rb", "10k"]) {
      expect(canonical(text, "id"), text).toBe("10000");
    }
    for (const text of ["10,000", "10.000", "10 000", "ten thousand", "10k"]) expect(canonical(text, "en"), text).toBe("10000");
  });

  it("reads digits followed by a hundred word as that many hundreds", () => {
    expect(canonical("44 ratus", "id")).toBe(canonical("4.400", "id"));
    expect(canonical("45 hundred", "en")).toBe(canonical("4,500", "en"));
    expect(canonical("dua ratus", "id")).toBe("200");
  });

  it("reads decimals with a scale word in both languages", () => {
    expect(canonical("1,5 juta", "id")).toBe("1500000");
    expect(canonical("satu setengah juta", "id")).toBe("1500000");
    expect(canonical("setengah juta", "id")).toBe("500000");
    expect(canonical("1.5 million", "en")).toBe("1500000");
    expect(canonical("one and a half million", "en")).toBe("1500000");
    expect(canonical("1,25 miliar", "id")).toBe("1250000000");
  });

  it("puts the currency before the amount and reads scale letters only after a currency", () => {
    expect(canonical("Rp 5 triliun", "id")).toBe("rp 5000000000000");
    expect(canonical("Rp5 T", "id")).toBe("rp 5000000000000");
    expect(canonical("Rp. 5T", "id")).toBe("rp 5000000000000");
    expect(canonical("$3 billion", "en")).toBe("usd 3000000000");
    expect(canonical("US$3 bn", "en")).toBe("usd 3000000000");
    expect(canonical("USD 3B", "en")).toBe("usd 3000000000");
    // "M" is miliar in Indonesian and million in English; without a currency it is a unit (metres) and stays.
    expect(canonical("Rp 5 M", "id")).toBe("rp 5000000000");
    expect(canonical("$5M", "en")).toBe("usd 5000000");
    expect(canonical("tinggi 5 m", "id")).toBe("tinggi 5 m");
  });

  it("reads percentages", () => {
    for (const [text, language] of [["40 persen", "id"], ["40%", "id"], ["empat puluh persen", "id"], ["40 per cent", "en"],
      ["40 percent", "en"], ["forty per cent", "en"], ["40%", "en"]] as const) {
      expect(canonical(text, language), text).toBe("40%");
    }
    expect(canonical("2,5 persen", "id")).toBe("2.5%");
    expect(canonical("2.5%", "en")).toBe("2.5%");
  });

  it("reads spelled numbers", () => {
    expect(canonical("dua ratus tiga puluh lima ribu", "id")).toBe("235000");
    expect(canonical("tiga belas ribu", "id")).toBe("13000");
    expect(canonical("seratus dua puluh", "id")).toBe("120");
    expect(canonical("seribu orang", "id")).toBe("1000 orang");
    expect(canonical("sejuta", "id")).toBe("1000000");
    expect(canonical("dua ratus ribu juta", "id")).toBe("200000000000");
    expect(canonical("twenty-five thousand three hundred", "en")).toBe("25300");
    expect(canonical("two hundred and five", "en")).toBe("205");
    expect(canonical("a million people", "en")).toBe("1000000 people");
    expect(canonical("a man", "en")).toBe("a man");
    expect(canonical("twenty five", "en")).toBe("25");
  });

  it("reads two units in a row as two numbers", () => {
    expect(canonical("dua tiga orang", "id")).toBe("2 3 orang");
    expect(canonical("one and two", "en")).toBe("1 and 2");
    expect(canonical("salah satu", "id")).toBe("salah 1");
  });

  it("leaves years, dates and times as they are", () => {
    expect(canonical("tahun 2024 pada 17.08.2024 pukul 10.30", "id")).toBe("tahun 2024 pada 17.08.2024 pukul 10.30");
    expect(canonical("on 17/08/2024 and 17.08.2024", "en")).toBe("on 17/08/2024 and 17.08.2024");
    // An English time reads as a decimal: "10.30" and "10.3" meet, which is harmless on both sides.
    expect(canonical("at 10.30", "en")).toBe("at 10.3");
    expect(canonical("in 1998", "en")).toBe("in 1998");
  });
});

describe("parseDigits: the ambiguity of . and ,", () => {
  it("reads three-digit groups as grouping in both languages", () => {
    expect(parseDigits("10.000", "id")).toBe(10000);
    expect(parseDigits("10,000", "id")).toBe(10000);
    expect(parseDigits("1.500", "en")).toBe(1500);
    expect(parseDigits("1,500", "en")).toBe(1500);
    expect(parseDigits("1.234.567", "en")).toBe(1234567);
  });

  it("reads the language's decimal mark as a decimal otherwise", () => {
    expect(parseDigits("1,5", "id")).toBe(1.5);
    expect(parseDigits("1.5", "en")).toBe(1.5);
    expect(parseDigits("1.234,5", "id")).toBe(1234.5);
    expect(parseDigits("1,234.5", "en")).toBe(1234.5);
  });

  it("leaves the other mark alone unless a scale word follows", () => {
    expect(parseDigits("10.30", "id")).toBeNull();
    expect(parseDigits("1,5", "en")).toBeNull();
    expect(parseDigits("1.5", "id", true)).toBe(1.5);
  });

  it("reads a single decimal mark before a scale word as a decimal even with three digits after it", () => {
    expect(parseDigits("1,250", "id", true)).toBe(1.25);
    expect(parseDigits("1.250", "id", true)).toBe(1250);
    expect(parseDigits("1.250", "en", true)).toBe(1.25);
    expect(parseDigits("1,250", "en", true)).toBe(1250);
  });
});
