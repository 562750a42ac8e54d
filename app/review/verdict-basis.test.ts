import { describe, expect, it } from "vitest";
import { changedVerdicts, parseVerdictBasis, verdictBasis } from "./verdict-basis";

describe("verdict basis", () => {
  it("round-trips the verdicts a page showed and finds the new and the decided ones", () => {
    const shown = [
      { version: 1, status: "RETURNED" },
      { version: 2, status: "PROPOSED" },
    ];
    const basis = verdictBasis(shown);
    expect(basis).toBe("2:PROPOSED,1:RETURNED");
    const seen = parseVerdictBasis(basis)!;
    expect(changedVerdicts(seen, shown)).toEqual([]);
    const now = [{ version: 3, status: "PROPOSED" }, { version: 2, status: "SUPERSEDED" }, shown[0]!];
    expect(changedVerdicts(seen, now).map((verdict) => verdict.version)).toEqual([3, 2]);
  });

  it("tells no basis from an empty one, and refuses anything else", () => {
    expect(parseVerdictBasis(undefined)).toBeNull();
    expect(verdictBasis([])).toBe("-");
    expect(parseVerdictBasis("-")).toEqual(new Map());
    expect(parseVerdictBasis("")).toBeNull();
    expect(parseVerdictBasis("2:PROPOSED;drop")).toBeNull();
    expect(changedVerdicts(new Map(), [{ version: 1, status: "PROPOSED" }])).toHaveLength(1);
  });
});
