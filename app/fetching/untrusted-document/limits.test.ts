import { describe, expect, it } from "vitest";
import { checkDocumentShape, DocumentRefusal, documentLimits } from "./limits";

const limits = { maxDepth: 10, maxElements: 50 };

function refusal(html: string, given = limits): DocumentRefusal | null {
  try {
    checkDocumentShape(html, given);
    return null;
  } catch (error) {
    if (error instanceof DocumentRefusal) return error;
    throw error;
  }
}

const nested = (tag: string, levels: number, inner = "x") => `${`<${tag}>`.repeat(levels)}${inner}${`</${tag}>`.repeat(levels)}`;

describe("checkDocumentShape: depth", () => {
  it("accepts nesting up to the limit and counts it", () => {
    expect(checkDocumentShape(nested("div", 10), limits)).toEqual({ elements: 10, depth: 10 });
  });

  it("refuses one level more, naming the limit", () => {
    const error = refusal(nested("div", 11));
    expect(error?.code).toBe("too_deeply_nested");
    expect(error?.detail).toEqual({ maxDepth: 10 });
  });

  it("refuses 100,000 nested <div>s under the real limits", () => {
    expect(refusal(nested("div", 100_000), documentLimits)?.code).toBe("too_deeply_nested");
  });

  it("counts unclosed elements as open, as a browser does", () => {
    expect(refusal("<div>".repeat(11))?.code).toBe("too_deeply_nested");
    expect(refusal("<span>".repeat(11) + "text")?.code).toBe("too_deeply_nested");
  });

  it("treats <div/> as an open <div> in HTML, as a browser does", () => {
    expect(refusal("<div/>".repeat(11))?.code).toBe("too_deeply_nested");
  });

  it("does not nest void elements", () => {
    const html = `<div>${"<br><img src=a.png><input><hr><meta charset=utf-8><link rel=x><wbr>".repeat(5)}</div>`;
    expect(checkDocumentShape(html, limits)).toEqual({ elements: 36, depth: 2 });
  });

  it("closes what is implied: paragraphs, list items, table cells and rows, options", () => {
    const big = { maxDepth: 10, maxElements: 10_000 };
    expect(checkDocumentShape(`<body>${"<p>paragraph".repeat(500)}</body>`, big).depth).toBe(2);
    expect(checkDocumentShape(`<ul>${"<li>item".repeat(500)}</ul>`, big).depth).toBe(2);
    expect(checkDocumentShape(`<table>${"<tr><td>a<td>b".repeat(200)}</table>`, big).depth).toBe(3);
    expect(checkDocumentShape(`<select>${"<option>o".repeat(500)}</select>`, big).depth).toBe(2);
    expect(checkDocumentShape(`<div>${"<p>a<div>b</div>".repeat(300)}</div>`, big).depth).toBe(2);
  });

  it("never lets stray end tags lower the count below zero", () => {
    expect(refusal(`${"</div></span>".repeat(1000)}${nested("div", 11)}`)?.code).toBe("too_deeply_nested");
  });

  it("does not count tags inside comments, scripts, styles, textareas or titles", () => {
    const tags = "<div>".repeat(1000);
    const html = [
      `<!-- ${tags} -->`,
      `<script>document.write("${tags}")</script>`,
      `<style>/* ${tags} */</style>`,
      `<textarea>${tags}</textarea>`,
      `<title>${tags}</title>`,
      `<![CDATA[ ${tags} ]]>`,
    ].join("");
    expect(checkDocumentShape(html, limits)).toEqual({ elements: 4, depth: 1 });
  });

  it("counts a tag that follows an unterminated comment as comment text", () => {
    expect(checkDocumentShape(`<p>a</p><!-- ${"<div>".repeat(1000)}`, limits)).toEqual({ elements: 1, depth: 1 });
  });
});

describe("checkDocumentShape: element count", () => {
  it("accepts up to the limit", () => {
    expect(checkDocumentShape("<span>a</span>".repeat(50), limits)).toEqual({ elements: 50, depth: 1 });
  });

  it("refuses one element more, naming the limit", () => {
    const error = refusal("<span>a</span>".repeat(51));
    expect(error?.code).toBe("too_many_elements");
    expect(error?.detail).toEqual({ maxElements: 50 });
  });

  it("counts void elements", () => {
    expect(refusal(`<p>${"<br>".repeat(50)}</p>`)?.code).toBe("too_many_elements");
  });

  it("refuses 100,001 flat elements under the real limits", () => {
    expect(refusal("<i></i>".repeat(100_001), documentLimits)?.code).toBe("too_many_elements");
  });
});

describe("checkDocumentShape: ordinary input", () => {
  it("accepts an empty string and plain text", () => {
    expect(checkDocumentShape("", limits)).toEqual({ elements: 0, depth: 0 });
    expect(checkDocumentShape("Harga beras naik 12 persen < 20 persen > 5 persen", limits)).toEqual({ elements: 0, depth: 0 });
  });

  it("accepts a small news page", () => {
    const page = `<!DOCTYPE html><html lang="id"><head><title>Berita</title><meta charset="utf-8"></head>
      <body><article><h1>Judul</h1><p>Satu.<p>Dua <a href="/x">tautan</a>.</p><ul><li>a<li>b</ul></article></body></html>`;
    expect(checkDocumentShape(page, documentLimits)).toEqual({ elements: 13, depth: 5 });
  });
});
