import { describe, expect, it } from "vitest";
import { waitAge } from "./age";

describe("waitAge", () => {
  it("says minutes under an hour, hours under a day, then days, rounding down", () => {
    expect(waitAge(0)).toEqual({ unit: "minutes", count: 0 });
    expect(waitAge(59.9)).toEqual({ unit: "minutes", count: 59 });
    expect(waitAge(60)).toEqual({ unit: "hours", count: 1 });
    expect(waitAge(23 * 60 + 59)).toEqual({ unit: "hours", count: 23 });
    expect(waitAge(24 * 60)).toEqual({ unit: "days", count: 1 });
    expect(waitAge(10 * 24 * 60 + 5)).toEqual({ unit: "days", count: 10 });
    expect(waitAge(-3)).toEqual({ unit: "minutes", count: 0 });
  });
});
