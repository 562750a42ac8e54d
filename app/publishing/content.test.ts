import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n";
import { assignAnchors, claimLabel, claimNumber, claimsInOrder, firstWords } from "./content";

describe("claim numbers and labels", () => {
  it("names a claim by its number and its first words, in the language asked for", () => {
    const claim = { anchor: "claim-3", wording: "Sekitar 10.000 tentara asal Korea Utara dilaporkan tiba di Kursk" };
    expect(claimLabel(translator("id"), claim)).toBe("Klaim 3: Sekitar 10.000 tentara asal Korea Utara dilaporkan tiba…");
    expect(claimLabel(translator("en"), { anchor: "claim-12", wording: "  Rutte   confirmed it " })).toBe("Claim 12: Rutte confirmed it");
  });

  it("cuts at whole words", () => {
    expect(firstWords("one two three", 2)).toBe("one two…");
    expect(firstWords("one two", 2)).toBe("one two");
  });

  it("takes the number from the anchor, which a claim keeps through corrections", () => {
    const first = assignAnchors(["a", "b", "c"], new Map());
    // A correction: "d" is new and comes first in the text; the others keep their numbers.
    const second = assignAnchors(["d", "a", "b", "c"], first);
    expect([...second].map(([id, anchor]) => [id, claimNumber(anchor)])).toEqual([
      ["d", 4],
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    expect(claimsInOrder([...second].map(([id, anchor]) => ({ id, anchor }))).map((claim) => claim.id)).toEqual(["a", "b", "c", "d"]);
    expect(claimNumber("claim-10")).toBe(10);
  });
});
