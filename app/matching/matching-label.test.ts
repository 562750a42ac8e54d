import { describe, expect, it } from "vitest";
import { matchingLabel } from "./matching-label";

const labels = [
  { id: "1", labelEn: "False", labelId: "Salah" },
  { id: "2", labelEn: "Partly true", labelId: "Sebagian benar" },
];

describe("matchingLabel", () => {
  it("finds the label named in either language, whatever the case", () => {
    expect(matchingLabel(labels, "Salah")?.id).toBe("1");
    expect(matchingLabel(labels, " false ")?.id).toBe("1");
    expect(matchingLabel(labels, "SEBAGIAN BENAR")?.id).toBe("2");
  });
  it("finds none for another wording or an empty rating", () => {
    expect(matchingLabel(labels, "Mostly false")).toBeUndefined();
    expect(matchingLabel(labels, "  ")).toBeUndefined();
  });
});
