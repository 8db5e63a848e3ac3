import { describe, expect, it } from "vitest";
import { formatCount } from "@/lib/numbers";

describe("formatCount", () => {
  it("writes integers as toLocaleString(\"fr-FR\") does, without Intl", () => {
    for (const value of [0, 1, 7, 42, 999, 1000, 1001, 12_345, 999_999, 1_000_000, 1_234_567, 2 ** 31 - 1, -1, -1000, -1_234_567]) {
      expect(formatCount(value), String(value)).toBe(value.toLocaleString("fr-FR"));
    }
  });

  it("groups with a narrow no-break space", () => {
    expect(formatCount(1_234_567)).toBe("1\u202f234\u202f567");
  });
});
