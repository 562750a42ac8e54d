import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { atomDocument, xmlAttribute, xmlText } from "./atom";

describe("xml escaping", () => {
  it("escapes markup characters in text and attributes", () => {
    expect(xmlText(`Keliru: "harga <beras>" & 'stok'`)).toBe(`Keliru: "harga &lt;beras&gt;" &amp; 'stok'`);
    expect(xmlAttribute(`https://x.example/?a=1&b="2"<'3'>`)).toBe("https://x.example/?a=1&amp;b=&quot;2&quot;&lt;&apos;3&apos;&gt;");
    // An entity in the input is text, not markup: its ampersand is escaped too.
    expect(xmlText("&amp;")).toBe("&amp;amp;");
  });

  it("drops characters XML 1.0 cannot carry, keeps every other character", () => {
    expect(xmlText("a\u0000b\u0007c\u000bd\u001fe\ufffef\ud800g")).toBe("abcdefg");
    expect(xmlText("baris\tsatu\nbaris dua\r")).toBe("baris\tsatu\nbaris dua\r");
    expect(xmlText("Cek fakta 😀 “resmi” — é")).toBe("Cek fakta 😀 “resmi” — é");
    // Line breaks in attributes survive attribute-value normalisation as character references.
    expect(xmlAttribute("a\nb\tc")).toBe("a&#10;b&#9;c");
  });
});

describe("atom documents", () => {
  const feed = {
    id: "https://cekfakta.example.id/fact-checks",
    title: "Cek Fakta <Nusantara> & Co",
    language: "id",
    updated: new Date("2025-03-13T03:00:00Z"),
    selfUrl: "https://cekfakta.example.id/fact-checks/feed.atom",
    alternateUrl: "https://cekfakta.example.id/fact-checks",
    author: { name: "Cek Fakta <Nusantara> & Co", uri: "https://cekfakta.example.id/" },
    logoUrl: null,
    entries: [
      {
        id: "https://cekfakta.example.id/fact-checks/harga-beras",
        title: "Keliru: <script>alert(1)</script> & harga beras",
        url: "https://cekfakta.example.id/fact-checks/harga-beras",
        summary: "Baris satu.\nBaris dua.",
        language: "id",
        published: new Date("2025-03-12T01:30:00Z"),
        updated: new Date("2025-03-13T03:00:00Z"),
      },
    ],
  };

  it("hold the feed's and each entry's required elements, with the text back exactly as given", () => {
    const xml = atomDocument(feed);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">')).toBe(true);
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("Keliru: &lt;script&gt;alert(1)&lt;/script&gt; &amp; harga beras");
    const doc = new DOMParser().parseFromString(xml, "text/xml");
    const root = doc.documentElement as unknown as Element;
    expect(root.tagName).toBe("feed");
    const child = (parent: Element, name: string) => [...parent.children].filter((element) => element.tagName === name);
    expect(child(root, "title")[0]?.textContent).toBe(feed.title);
    expect(child(root, "id")[0]?.textContent).toBe(feed.id);
    expect(child(root, "updated")[0]?.textContent).toBe("2025-03-13T03:00:00.000Z");
    expect(child(root, "link").map((link) => [link.getAttribute("rel"), link.getAttribute("href")])).toEqual([
      ["self", feed.selfUrl],
      ["alternate", feed.alternateUrl],
    ]);
    expect(child(child(root, "author")[0]!, "name")[0]?.textContent).toBe(feed.author.name);
    expect(child(root, "logo")).toHaveLength(0);
    const [entry] = child(root, "entry");
    expect(entry?.getAttribute("xml:lang")).toBe("id");
    expect(child(entry!, "title")[0]?.textContent).toBe(feed.entries[0]!.title);
    expect(child(entry!, "summary")[0]?.textContent).toBe("Baris satu.\nBaris dua.");
    expect(child(entry!, "published")[0]?.textContent).toBe("2025-03-12T01:30:00.000Z");
    // The entry has no script element: the headline stayed text.
    expect(entry!.getElementsByTagName("script")).toHaveLength(0);
  });

  it("carries no entries when nothing is published, and is still a feed", () => {
    const xml = atomDocument({ ...feed, entries: [] });
    const doc = new DOMParser().parseFromString(xml, "text/xml");
    expect(doc.documentElement.tagName).toBe("feed");
    expect(doc.getElementsByTagName("entry")).toHaveLength(0);
    expect(xml.trimEnd().endsWith("</feed>")).toBe(true);
  });
});
