import { describe, expect, it } from "vitest";
import { hotRank } from "@/lib/ranking";

describe("hotRank", () => {
  const at = new Date("2026-01-01T00:00:00Z");
  const base = at.getTime() / 1000 / 45_000;

  it("is the creation time in 45,000-second units for a score of 0 or ±1", () => {
    expect(hotRank(0, at)).toBeCloseTo(base, 9);
    expect(hotRank(1, at)).toBeCloseTo(base, 9);
    expect(hotRank(-1, at)).toBeCloseTo(base, 9);
  });

  it("adds one per tenfold score, and takes one away per tenfold negative score", () => {
    expect(hotRank(10, at)).toBeCloseTo(base + 1, 9);
    expect(hotRank(100, at)).toBeCloseTo(base + 2, 9);
    expect(hotRank(-100, at)).toBeCloseTo(base - 2, 9);
  });

  it("weighs 12.5 hours of age like a tenfold score", () => {
    const later = new Date(at.getTime() + 45_000_000);
    expect(hotRank(1, later)).toBeCloseTo(hotRank(10, at), 9);
  });
});
