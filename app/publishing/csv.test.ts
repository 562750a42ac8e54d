import { describe, expect, it } from "vitest";
import { csvCell, csvDocument } from "./csv";

describe("csv cells", () => {
  it("are written as they are when nothing needs quoting", () => {
    expect(csvCell("Harga beras naik")).toBe("Harga beras naik");
    expect(csvCell("")).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("are quoted when they hold a comma, a quote or a line break, with quotes doubled (RFC 4180)", () => {
    expect(csvCell("Rp 18.500, kata BPS")).toBe('"Rp 18.500, kata BPS"');
    expect(csvCell('Ia berkata "tidak benar"')).toBe('"Ia berkata ""tidak benar"""');
    expect(csvCell("baris satu\nbaris dua")).toBe('"baris satu\nbaris dua"');
    expect(csvCell("baris satu\r\nbaris dua")).toBe('"baris satu\r\nbaris dua"');
    expect(csvCell('"')).toBe('""""');
  });

  it("keep text a spreadsheet would run as a formula as text (leading apostrophe)", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","klik")')).toBe('"\'=HYPERLINK(""http://evil.example"",""klik"")"');
    expect(csvCell("+62 812")).toBe("'+62 812");
    expect(csvCell("-1 persen")).toBe("'-1 persen");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
    // Only a leading character counts; numbers are numbers.
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(3.5)).toBe("3.5");
    expect(csvCell(Number.NaN)).toBe("");
  });
});

describe("csv documents", () => {
  it("start with a byte-order mark and end every line with CRLF", () => {
    const text = csvDocument(
      ["a", "b"],
      [
        ["1", 2],
        ["x,y", null],
      ],
    );
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('a,b\r\n1,2\r\n"x,y",\r\n');
  });

  it("keep line breaks inside quoted cells, so a record is still one record", () => {
    const text = csvDocument(["claim", "rationale"], [["Klaim", "Paragraf satu.\n\nParagraf dua."]]);
    expect(text.slice(1).split("\r\n")).toEqual(["claim,rationale", 'Klaim,"Paragraf satu.\n\nParagraf dua."', ""]);
  });

  it("refuse a row that does not match the header", () => {
    expect(() => csvDocument(["a", "b"], [["1"]])).toThrow(RangeError);
  });

  it("hold UTF-8 text unchanged", () => {
    const text = csvDocument(["kutipan"], [["Kata “resmi” — Menteri"]]);
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text).toContain("Kata “resmi” — Menteri");
  });
});
