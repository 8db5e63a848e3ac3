import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown/render";

describe("renderMarkdown", () => {
  it("renders the GitHub-flavoured subset", async () => {
    const html = await renderMarkdown("Un **avis** et une [source](https://example.org).\n\n> citation\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<strong>avis</strong>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<table>");
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">source</a>');
  });

  it.each([
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[clic](javascript:alert(1))",
    "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="#" onclick="alert(1)">x</a>',
  ])("neutralises %s", async (payload) => {
    const html = await renderMarkdown(payload);
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|data:text/i);
  });
});

describe("the forum's markdown subset", () => {
  it("lets the keyboard reach a code block, which scrolls sideways (WCAG 2.1.1)", async () => {
    const html = await renderMarkdown("```\n" + "x".repeat(300) + "\n```");
    expect(html).toMatch(/^<pre tabindex="0"><code>x{300}\n<\/code><\/pre>$/);
  });

  it("drops images and task-list inputs, keeping their text", async () => {
    const html = await renderMarkdown("![traceur](https://tracker.example/pixel.png)\n\n- [x] fait");
    expect(html).not.toMatch(/<img|<input/);
    expect(html).toContain("fait");
  });
});
