import { describe, expect, it } from "vitest";
import { MARKDOWN_MAX_DEPTH, markdownLimitProblem, nestingDepth } from "@/lib/schemas/markdown";
import { createPostSchema } from "@/lib/schemas/post";

describe("nestingDepth", () => {
  it.each([
    ["plain text", "Un avis.\n\nUn autre paragraphe.", 0],
    ["a list", "- un\n- deux\n- trois", 1],
    ["a nested list", "- un\n  - deux\n    - trois", 3],
    ["an ordered nested list", "1. un\n   1. deux", 2],
    ["quotes on one line", "> > > citation", 3],
    ["a list inside a quote, indented after the marker", "> - un\n>   - deux", 3],
    ["a tab of indentation", "- un\n\t- deux", 3],
    ["a thematic break of stars", "* * * * * * * * * * * * * * * * * * * *", 0],
    ["a thematic break of dashes, 20 kB of them", "- ".repeat(9_999), 0],
    ["plus signs, which never make a thematic break", "+ + +", 3],
    ["a thematic break inside a list item", "1. - - -", 1],
    ["nested empty items", "- - - texte", 3],
    ["indented code without markers", `${" ".repeat(60)}code`, 0],
    ["a number that is not a list marker", "2024. Une année.", 1],
    ["ten digits, not a marker", "1234567890. texte", 0],
  ])("counts %s", (_label, source, depth) => {
    expect(nestingDepth(source)).toBe(depth);
  });

  it.each([
    ["> ".repeat(9_999)],
    ["1. ".repeat(6_665)],
    ["+ ".repeat(9_999)],
    ["- ".repeat(9_998) + "x"],
    ["* ".repeat(5_000) + "x"],
    [Array.from({ length: 40 }, (_, level) => `${"  ".repeat(level)}- niveau ${level}`).join("\n")],
    [Array.from({ length: 40 }, (_, level) => `${"> ".repeat(level)}citation`).join("\n")],
    [Array.from({ length: 40 }, (_, level) => `>${"  ".repeat(level)} - niveau`).join("\r\n")],
  ])("never counts less than the parser would nest: %#", (source) => {
    expect(nestingDepth(source)).toBeGreaterThan(MARKDOWN_MAX_DEPTH);
  });

  it("reads 20,000 characters of markers at once", () => {
    expect(nestingDepth("> ".repeat(10_000))).toBe(10_000);
  });
});

describe("markdownLimitProblem", () => {
  it("names the size limit, then the nesting limit, in French", () => {
    expect(markdownLimitProblem("x".repeat(20_001))).toContain(`${(20_000).toLocaleString("fr-FR")} caractères`);
    expect(markdownLimitProblem("> ".repeat(17) + "x")).toContain(`${MARKDOWN_MAX_DEPTH} niveaux au plus`);
    expect(markdownLimitProblem("> ".repeat(16) + "x")).toBeNull();
  });
});

describe("the post body schema", () => {
  it("refuses what the renderer refuses, with one issue on body naming the limit", () => {
    const result = createPostSchema.safeParse({ body: "1. ".repeat(6_665) });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ["body"], message: expect.stringContaining("niveaux au plus") })]);
  });

  it("reports only the size of a body over 20,000 characters", () => {
    const result = createPostSchema.safeParse({ body: "> ".repeat(12_000) });
    expect(result.error!.issues.map((issue) => issue.message)).toEqual([`Une contribution compte au plus ${(20_000).toLocaleString("fr-FR")} caractères.`]);
  });
});
