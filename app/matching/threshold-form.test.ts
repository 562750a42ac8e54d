import { describe, expect, it } from "vitest";
import { MatchThresholdsForm, thresholdsFromPercent } from "~/matching/threshold-form";

const parse = (suggestPercent: unknown, likelySamePercent: unknown) => MatchThresholdsForm.safeParse({ intent: "matchThresholds", suggestPercent, likelySamePercent });
const messages = (result: ReturnType<typeof parse>) => (result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));

describe("the Checked before thresholds form", () => {
  it("takes two whole percentages, suggest at most likely-same, and stores them as fractions", () => {
    const result = parse("15", "45");
    expect(result.success).toBe(true);
    expect(thresholdsFromPercent(result.data!)).toEqual({ suggestAt: 0.15, likelySameAt: 0.45 });
    expect(parse("0", "0").success).toBe(true);
    expect(parse("100", "100").success).toBe(true);
  });

  it("refuses a percentage outside 0–100, a fraction or no number", () => {
    expect(messages(parse("-1", "45"))).toEqual(["suggestPercent: matchSettings.error.range"]);
    expect(messages(parse("15", "101"))).toEqual(["likelySamePercent: matchSettings.error.range"]);
    expect(messages(parse("15.5", "45"))).toEqual(["suggestPercent: matchSettings.error.range"]);
    expect(messages(parse("abc", "45"))).toEqual(["suggestPercent: matchSettings.error.range"]);
  });

  it("refuses suggest above likely-same, on the likely-same field", () => {
    expect(messages(parse("60", "45"))).toEqual(["likelySamePercent: matchSettings.error.order"]);
  });
});
