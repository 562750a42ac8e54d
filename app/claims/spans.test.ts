import { describe, expect, it } from "vitest";
import { coveringSpan, highlightPieces, paragraphSpans, splitPoints, splitSpan, trimSpan, wordingFromQuote } from "./spans";

const text = "Sekitar 10.000 tentara tiba.\n\nKremlin menepis laporan itu.";

describe("claim spans", () => {
  it("trims whitespace and refuses empty or out-of-range spans", () => {
    expect(trimSpan(text, { start: 7, end: 23 })).toEqual({ start: 8, end: 22 });
    expect(text.slice(8, 22)).toBe("10.000 tentara");
    expect(trimSpan(text, { start: 28, end: 30 })).toBeNull();
    expect(trimSpan(text, { start: -1, end: 3 })).toBeNull();
    expect(trimSpan(text, { start: 5, end: 500 })).toBeNull();
    expect(trimSpan(text, { start: 5, end: 5 })).toBeNull();
    expect(trimSpan(text, { start: 1.5, end: 5 })).toBeNull();
  });

  it("splits at word boundaries into two trimmed halves", () => {
    const span = { start: 0, end: 28 };
    const points = splitPoints(text, span);
    expect(points.map((p) => text.slice(p.at, p.at + 5))).toEqual(["10.00", "tenta", "tiba."]);
    const [first, second] = splitSpan(text, span, points[1]!.at)!;
    expect(text.slice(first.start, first.end)).toBe("Sekitar 10.000");
    expect(text.slice(second.start, second.end)).toBe("tentara tiba.");
    expect(splitSpan(text, span, 0)).toBeNull();
    expect(splitSpan(text, span, 28)).toBeNull();
  });

  it("covers merged spans and cuts paragraphs into highlight pieces", () => {
    expect(coveringSpan([{ start: 30, end: 37 }, { start: 8, end: 22 }])).toEqual({ start: 8, end: 37 });
    const [first, second] = paragraphSpans(text);
    expect(text.slice(first!.start, first!.end)).toBe("Sekitar 10.000 tentara tiba.");
    expect(text.slice(second!.start, second!.end)).toBe("Kremlin menepis laporan itu.");
    const pieces = highlightPieces(first!, [{ start: 8, end: 22, id: "a" }, { start: 15, end: 40, id: "b" }]);
    expect(pieces.map((p) => [text.slice(p.start, p.end), p.marks.map((m) => m.id).join("+")])).toEqual([
      ["Sekitar ", ""],
      ["10.000 ", "a"],
      ["tentara", "a+b"],
      [" tiba.", "b"],
    ]);
  });

  it("makes a one-line wording from a quote", () => {
    expect(wordingFromQuote("  Kremlin\nmenepis   laporan ")).toBe("Kremlin menepis laporan");
  });
});
