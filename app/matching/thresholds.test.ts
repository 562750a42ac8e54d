import { describe, expect, it } from "vitest";
import { matchStrength, thresholdPercent } from "~/matching/thresholds";

describe("matchStrength", () => {
  const thresholds = { suggestAt: 0.15, likelySameAt: 0.45 };

  it("hides a match below suggest, suggests it from suggest, marks it likely the same from likely-same (both inclusive)", () => {
    expect(matchStrength(0.1499, thresholds)).toBe("hidden");
    expect(matchStrength(0.15, thresholds)).toBe("suggested");
    expect(matchStrength(0.4499, thresholds)).toBe("suggested");
    expect(matchStrength(0.45, thresholds)).toBe("likelySame");
    expect(matchStrength(1, thresholds)).toBe("likelySame");
  });

  it("marks every shown match when both thresholds are equal", () => {
    expect(matchStrength(0.5, { suggestAt: 0.5, likelySameAt: 0.5 })).toBe("likelySame");
    expect(matchStrength(0.49, { suggestAt: 0.5, likelySameAt: 0.5 })).toBe("hidden");
  });
});

describe("thresholdPercent", () => {
  it("shows a stored fraction as a whole percentage", () => {
    expect(thresholdPercent(0.45)).toBe(45);
    expect(thresholdPercent(0.15)).toBe(15);
    expect(thresholdPercent(1)).toBe(100);
  });
});
