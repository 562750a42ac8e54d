import { describe, expect, it } from "vitest";
import { checkedBeforeBasis } from "./checked-before-basis";

describe("a verdict's earlier check, as stored", () => {
  it("keeps an http(s) check with its publisher, and nothing else", () => {
    const stored = { url: "https://cektetangga.example/1", publisher: "Cek Tetangga", rating: "Salah", datePublished: "2024-10-20", claimReviewed: "Klaim" };
    expect(checkedBeforeBasis(stored)).toEqual(stored);
    expect(checkedBeforeBasis(null)).toBeNull();
    expect(checkedBeforeBasis({ ...stored, url: "javascript:alert(1)" })).toBeNull();
    expect(checkedBeforeBasis({ ...stored, publisher: "" })).toBeNull();
  });
});
