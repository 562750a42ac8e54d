import { describe, expect, it } from "vitest";
import { matchMentions, maxMentions, mentionSegments, normaliseName, parseMentions } from "./mentions";

describe("parseMentions", () => {
  it("reads email local parts, full addresses and quoted names", () => {
    expect(parseMentions('Tolong cek, @budi dan @nadia.putri@example.org; juga @"Dewi  Anggraini" dan @“Agus Setiawan”.')).toEqual({
      handles: ["budi"],
      addresses: ["nadia.putri@example.org"],
      names: ["dewi anggraini", "agus setiawan"],
    });
  });

  it("leaves sentence punctuation outside a mention", () => {
    expect(parseMentions("Thanks @budi. And @editor2, (@reviewer-3) @sari!").handles).toEqual(["budi", "editor2", "reviewer-3", "sari"]);
    expect(parseMentions("Ask @rizky.pratama.").handles).toEqual(["rizky.pratama"]);
  });

  it("does not read email addresses or words with @ inside as mentions", () => {
    expect(parseMentions("Write to redaksi@example.org or budi@ or a@b")).toEqual({ handles: [], addresses: [], names: [] });
    expect(parseMentions("@ alone, @. and @\"\" are nothing")).toEqual({ handles: [], addresses: [], names: [] });
  });

  it("lower-cases and de-duplicates", () => {
    expect(parseMentions("@Budi @budi @BUDI @\"budi santoso\" @\"Budi Santoso\"")).toEqual({
      handles: ["budi"],
      addresses: [],
      names: ["budi santoso"],
    });
  });

  it("starts at a line start and after line breaks", () => {
    expect(parseMentions("@budi\n@dewi\r\n@\"Nadia Putri\"").handles).toEqual(["budi", "dewi"]);
  });

  it("does not let a quoted name run over a line break", () => {
    expect(parseMentions('@"Budi\nSantoso"').names).toEqual([]);
  });

  it("counts at most maxMentions mentions", () => {
    const body = Array.from({ length: maxMentions + 5 }, (_, i) => `@person${i}`).join(" ");
    expect(parseMentions(body).handles).toHaveLength(maxMentions);
  });
});

describe("matchMentions", () => {
  const people = [
    { id: "1", email: "budi@example.org", name: "Budi Santoso" },
    { id: "2", email: "Dewi@Example.org", name: "Dewi  Anggraini" },
    { id: "3", email: "budi@other.example", name: "Budi Lain" },
    { id: "4", email: "nadia@example.org", name: "Nadia Putri" },
  ];

  it("matches local parts (every address with it), full addresses and names", () => {
    expect(matchMentions(parseMentions("@budi"), people).map((p) => p.id)).toEqual(["1", "3"]);
    expect(matchMentions(parseMentions("@budi@other.example"), people).map((p) => p.id)).toEqual(["3"]);
    expect(matchMentions(parseMentions("@dewi"), people).map((p) => p.id)).toEqual(["2"]);
    expect(matchMentions(parseMentions('@"dewi anggraini" @"Nadia Putri"'), people).map((p) => p.id)).toEqual(["2", "4"]);
    expect(matchMentions(parseMentions("@nobody @\"No Body\""), people)).toEqual([]);
  });
});

describe("normaliseName", () => {
  it("ignores case, extra whitespace and Unicode composition", () => {
    expect(normaliseName("  Sri\u00a0 Rahayu ")).toBe("sri rahayu");
    expect(normaliseName("Ame\u0301lia")).toBe(normaliseName("Amélia"));
  });
});

describe("mentionSegments", () => {
  it("cuts the text around mentions and keeps every character", () => {
    const body = 'Cek @budi. Lalu @"Dewi Anggraini"\nselesai <b>x</b>';
    const segments = mentionSegments(body);
    expect(segments).toEqual([
      { text: "Cek ", mention: false },
      { text: "@budi", mention: true },
      { text: ". Lalu ", mention: false },
      { text: '@"Dewi Anggraini"', mention: true },
      { text: "\nselesai <b>x</b>", mention: false },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(body);
  });

  it("returns plain text without mentions as one segment", () => {
    expect(mentionSegments("tanpa sebutan")).toEqual([{ text: "tanpa sebutan", mention: false }]);
    expect(mentionSegments("")).toEqual([]);
  });
});
