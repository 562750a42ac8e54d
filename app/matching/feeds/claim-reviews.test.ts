import { describe, expect, it } from "vitest";
import {
  claimReviewsFromCsv,
  claimReviewsFromJson,
  claimReviewsFromJsonLdBlocks,
  claimReviewsFromJsonText,
  FeedReadError,
  normaliseReviewUrl,
  reviewDay,
  uploadedFormat,
} from "./claim-reviews";
import { pageJsonLdBlocks } from "./page-json-ld.server";

const review = (slug: string, extra: Record<string, unknown> = {}) => ({
  "@type": "ClaimReview",
  url: `https://cektetangga.example/cek/${slug}`,
  claimReviewed: "Harga beras naik dua kali lipat dalam sebulan di Jakarta",
  author: { "@type": "Organization", name: "Cek Tetangga" },
  datePublished: "2024-10-20",
  inLanguage: "id",
  reviewRating: { "@type": "Rating", ratingValue: 1, alternateName: "Salah" },
  ...extra,
});

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof FeedReadError ? error.code : String(error);
  }
  return null;
};

describe("reading ClaimReviews", () => {
  it("reads a DataFeed of ClaimReviews and of DataFeedItems wrapping them", () => {
    const feed = {
      "@context": "https://schema.org",
      "@type": "DataFeed",
      dataFeedElement: [review("a"), { "@type": "DataFeedItem", item: [review("b", { inLanguage: "en-GB", claimReviewed: "Rice prices doubled in a month in Jakarta" })] }],
    };
    const read = claimReviewsFromJson([feed]);
    expect(read).toMatchObject({ found: 2, skipped: 0 });
    expect(read.reviews[0]).toEqual({
      url: "https://cektetangga.example/cek/a",
      claimReviewed: "Harga beras naik dua kali lipat dalam sebulan di Jakarta",
      publisher: "Cek Tetangga",
      rating: "Salah",
      datePublished: new Date("2024-10-20T00:00:00.000Z"),
      language: "id",
    });
    expect(read.reviews[1]!.language).toBe("en");
  });

  it("skips and counts incomplete, foreign, duplicate reviews; detects a language when none is given", () => {
    const read = claimReviewsFromJson([
      [
        review("ok"),
        review("no-rating", { reviewRating: {} }),
        review("no-date", { datePublished: "soon" }),
        review("bad-url", { url: "ftp://x.example/a" }),
        review("relative", { url: "/cek/relative" }),
        review("german", { inLanguage: "de" }),
        review("ok"),
        review("detected", { inLanguage: undefined, claimReviewed: "Pemerintah akan menghapus subsidi listrik untuk semua rumah tangga mulai bulan depan" }),
        review("too-long", { claimReviewed: "kata ".repeat(400) }),
      ],
    ]);
    expect(read.found).toBe(9);
    expect(read.reviews.map((r) => r.url.split("/").pop())).toEqual(["ok", "detected"]);
    expect(read.reviews[1]!.language).toBe("id");
    expect(read.skipped).toBe(7);
  });

  it("reads @graph and ItemList, and the Fact Check Tools API's claims:search answer", () => {
    const graph = { "@context": "https://schema.org", "@graph": [{ "@type": "WebPage" }, { "@type": "ItemList", itemListElement: [{ "@type": "ListItem", item: review("g") }] }] };
    expect(claimReviewsFromJson([graph]).reviews.map((r) => r.url)).toEqual(["https://cektetangga.example/cek/g"]);
    const google = {
      claims: [
        {
          text: "Rice prices doubled in a month in Jakarta",
          claimant: "A social media post",
          claimDate: "2024-10-18T00:00:00Z",
          claimReview: [{ publisher: { name: "Cek Tetangga", site: "cektetangga.example" }, url: "https://cektetangga.example/en/rice", title: "Rice", reviewDate: "2024-10-21T03:00:00Z", textualRating: "False", languageCode: "en" }],
        },
      ],
      nextPageToken: "x",
    };
    expect(claimReviewsFromJson([google]).reviews).toEqual([
      { url: "https://cektetangga.example/en/rice", claimReviewed: "Rice prices doubled in a month in Jakarta", publisher: "Cek Tetangga", rating: "False", datePublished: new Date("2024-10-21T00:00:00Z"), language: "en" },
    ]);
  });

  it("says why a source cannot be read at all", () => {
    expect(codeOf(() => claimReviewsFromJsonText("<html>"))).toBe("not_json");
    expect(codeOf(() => claimReviewsFromJsonText('{"@type":"DataFeed","dataFeedElement":[]}'))).toBe("no_claim_reviews");
    expect(codeOf(() => claimReviewsFromJsonText(JSON.stringify([review("x", { url: "nope" })])))).toBe("no_valid_claim_reviews");
    expect(codeOf(() => claimReviewsFromCsv('url,claim\n"unclosed,x\n'))).toBe("unreadable_csv");
    expect(codeOf(() => claimReviewsFromCsv("address,words\nhttps://a.example/1,Beras\n"))).toBe("csv_columns_missing");
  });

  it("reads a CSV whose header names vary in case, with quoted cells and a default publisher", () => {
    const csv = '\uFEFFURL,Claim,Rating,Review_Date,LanguageCode\r\nhttps://cektetangga.example/cek/1,"Beras plastik, katanya, beredar di pasar Bekasi",Salah,2024-10-20,id\r\n';
    const read = claimReviewsFromCsv(csv, { defaultPublisher: "Cek Tetangga" });
    expect(read.reviews).toEqual([
      { url: "https://cektetangga.example/cek/1", claimReviewed: "Beras plastik, katanya, beredar di pasar Bekasi", publisher: "Cek Tetangga", rating: "Salah", datePublished: new Date("2024-10-20T00:00:00Z"), language: "id" },
    ]);
  });

  it("normalises URLs and keeps the calendar day as written", () => {
    expect(normaliseReviewUrl("HTTPS://CekTetangga.example:443/cek/a#claim-1")).toBe("https://cektetangga.example/cek/a#claim-1");
    expect(normaliseReviewUrl("https://user:pw@x.example/")).toBeNull();
    expect(reviewDay("2024-10-20T23:30:00-05:00")).toEqual(new Date("2024-10-20T00:00:00Z"));
    expect(reviewDay("2024-02-30")).toBeNull();
  });

  it("finds every JSON-LD block of a page with the HTML parser, not inside other scripts", () => {
    const html = `<!doctype html><html><head><script>var s = '<script type="application/ld+json">{"fake":1}<\\/script>';</script>
<script type="application/ld+json">${JSON.stringify(review("one"))}</script></head>
<body><script type="Application/LD+JSON; charset=utf-8">[${JSON.stringify(review("two"))}]</script><script type="application/ld+json">{broken</script></body></html>`;
    const blocks = pageJsonLdBlocks(html);
    expect(blocks).toHaveLength(3);
    expect(claimReviewsFromJsonLdBlocks(blocks).reviews.map((r) => r.url.split("/").pop())).toEqual(["one", "two"]);
  });

  it("tells JSON from CSV uploads", () => {
    expect(uploadedFormat({ name: "x.txt", type: "", text: " [1]" })).toBe("json");
    expect(uploadedFormat({ name: "x.CSV", type: "", text: "url,claim" })).toBe("csv");
    expect(uploadedFormat({ name: "x.pdf", type: "application/pdf", text: "%PDF" })).toBeNull();
  });
});
