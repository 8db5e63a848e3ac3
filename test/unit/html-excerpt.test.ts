// Profiles and page descriptions show stored HTML as plain text: no tag, no Markdown, bounded.
import { describe, expect, it } from "vitest";
import { EXCERPT_HTML_CHARS, htmlExcerpt } from "@/lib/html-excerpt";
import { renderMarkdownUnbounded } from "@/lib/markdown/pipeline.mjs";

describe("htmlExcerpt", () => {
  it("shows the text of rendered Markdown, never its tags or its source", () => {
    const html = renderMarkdownUnbounded("Un **avis** [sourcé](https://example.org) :\n\n> une citation\n\n- a < b & c\n- `code`");
    expect(htmlExcerpt(html)).toBe("Un avis sourcé\u202F: une citation a < b & c code");
  });

  it("cuts a long text at a word boundary, with an ellipsis", () => {
    const excerpt = htmlExcerpt(`<p>${"argument ".repeat(100)}</p>`, 50);
    expect(excerpt).toBe(`${"argument ".repeat(5).trim()}…`);
  });

  it("reads only the start of a long text, dropping a tag or word cut short", () => {
    // What a caller fetches of a longer text: its first EXCERPT_HTML_CHARS characters.
    const cutInTag = `<p>${"mot ".repeat(60)}<a href="https://example.org/${"x".repeat(EXCERPT_HTML_CHARS)}`.slice(0, EXCERPT_HTML_CHARS);
    expect(htmlExcerpt(cutInTag)).toBe(`${"mot ".repeat(59).trim()}…`);
    const cutInWord = `<p>${"mot ".repeat(EXCERPT_HTML_CHARS)}</p>`.slice(0, EXCERPT_HTML_CHARS);
    expect(htmlExcerpt(cutInWord)).toBe(`${"mot ".repeat(70).trim()}…`);
  });
});
