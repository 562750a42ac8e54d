import { describe, expect, it } from "vitest";
import { claimFieldsChangedBy, formValues, mergeClaimEdit, parseLoaded } from "./merge";

const claim = {
  wording: "10.000 tentara tiba di Kursk",
  claimant: "NATO",
  claimantKind: "Organization",
  claimDate: new Date("2024-10-28T00:00:00Z"),
  appearance: null,
};

describe("mergeClaimEdit", () => {
  const loaded = formValues(claim);

  it("writes only the fields the person changed when nobody else changed anything", () => {
    expect(mergeClaimEdit(loaded, { ...loaded, claimant: "Mark Rutte" }, loaded)).toEqual({ apply: ["claimant"], conflicts: [] });
  });

  it("keeps someone else's change to a field the person left alone", () => {
    const current = { ...loaded, wording: "Their wording" };
    expect(mergeClaimEdit(loaded, { ...loaded, claimant: "Mark Rutte" }, current)).toEqual({ apply: ["claimant"], conflicts: [] });
  });

  it("refuses a field both changed, to different things; the same change is no conflict", () => {
    const current = { ...loaded, wording: "Their wording", claimDate: "2024-10-29" };
    expect(mergeClaimEdit(loaded, { ...loaded, wording: "My wording", claimDate: "2024-10-29" }, current)).toEqual({
      apply: [],
      conflicts: ["wording"],
    });
  });

  it("with nothing known of what was loaded, any real change of a field counts as a conflict", () => {
    expect(mergeClaimEdit({}, { ...loaded, wording: "My wording" }, loaded)).toEqual({ apply: [], conflicts: ["wording"] });
    expect(mergeClaimEdit({}, loaded, loaded)).toEqual({ apply: [], conflicts: [] });
  });

  it("ignores what was not sent and whitespace at the ends", () => {
    expect(mergeClaimEdit(loaded, { wording: ` ${loaded.wording} ` }, { ...loaded, claimant: "" })).toEqual({ apply: [], conflicts: [] });
  });
});

describe("parseLoaded", () => {
  it("keeps the known fields that are text and nothing else", () => {
    expect(parseLoaded(JSON.stringify({ wording: "a", claimant: "", version: 3, claimDate: null }))).toEqual({
      wording: "a",
      claimant: "",
    });
    expect(parseLoaded("not json")).toBeUndefined();
    expect(parseLoaded("[1]")).toBeUndefined();
    expect(parseLoaded(undefined)).toBeUndefined();
  });
});

describe("claimFieldsChangedBy", () => {
  it("reads the fields a save, a split or a merge changed from the audit log's records", () => {
    const before = { ...claim, claimDate: "2024-10-28T00:00:00.000Z", version: 1 };
    expect(claimFieldsChangedBy({ action: "claim.update", before, after: { ...before, claimant: "Rutte", version: 2 } })).toEqual([
      "claimant",
    ]);
    expect(
      claimFieldsChangedBy({
        action: "claim.split",
        before,
        after: { first: { start: 0, end: 6, quote: "10.000", wording: "10.000" }, second: {} },
      }),
    ).toEqual(["wording"]);
    expect(claimFieldsChangedBy({ action: "claim.merge", before: [before], after: {} })).toEqual(["wording", "claimant"]);
    expect(
      claimFieldsChangedBy({ action: "verdict.propose", before: { status: "ASSIGNED" }, after: { status: "VERDICT_PROPOSED" } }),
    ).toEqual([]);
  });
});
