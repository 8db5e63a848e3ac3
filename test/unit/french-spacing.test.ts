// French spacing in rendered texts: a narrow no-break space (U+202F) before ; : ! ? » and after «,
// never in code or addresses, never doubled.
import { describe, expect, it } from "vitest";
import { renderMarkdownUnbounded } from "@/lib/markdown/pipeline.mjs";

const NNBSP = "\u202F";
/** The HTML, with each narrow space shown as "⍽" so that a failure reads at a glance. */
const render = (source: string) => renderMarkdownUnbounded(source).replaceAll(NNBSP, "⍽").trim();

describe("French spacing of rendered texts", () => {
  it.each([
    ["replaces the plain space before each mark", "Vraiment ? Oui : bien ; merci !", "<p>Vraiment⍽? Oui⍽: bien⍽; merci⍽!</p>"],
    ["adds one where there was none", "Vraiment? Oui: bien; merci!", "<p>Vraiment⍽? Oui⍽: bien⍽; merci⍽!</p>"],
    ["spaces the inside of guillemets", "« libre » et «ouvert»", "<p>«⍽libre⍽» et «⍽ouvert⍽»</p>"],
    ["replaces a no-break space", "Note\u00A0: voir\u00A0!", "<p>Note⍽: voir⍽!</p>"],
    ["never doubles a narrow space already there", `Note${NNBSP}: «${NNBSP}oui${NNBSP}», non !`, "<p>Note⍽: «⍽oui⍽», non⍽!</p>"],
    ["reads across inline elements", "**Bravo**! «*mot*»", "<p><strong>Bravo</strong>⍽! «⍽<em>mot</em>⍽»</p>"],
    ["spaces the first of several marks only", "Quoi?! Vraiment ?!", "<p>Quoi⍽?! Vraiment⍽?!</p>"],
    ["leaves marks glued to what follows (times, ratios, addresses)", "À 10:30, le ratio 3:1, ftp://exemple, voilà!", "<p>À 10:30, le ratio 3:1, ftp://exemple, voilà⍽!</p>"],
    ["leaves an opening bracket's mark alone", "Un doute (?) reste, non?", "<p>Un doute (?) reste, non⍽?</p>"],
    ["spaces the text of a link", "[voir ici !](https://example.org)", '<p><a href="https://example.org" rel="nofollow ugc noopener">voir ici⍽!</a></p>'],
  ])("%s", (_name, source, html) => {
    expect(render(source)).toBe(html);
  });

  it("never changes code, preformatted text or an address shown as a link", () => {
    expect(render("Le code `a ? b : c` ici")).toBe("<p>Le code <code>a ? b : c</code> ici</p>");
    expect(render("```\nx : y !\n```")).toBe("<pre tabindex=\"0\"><code>x : y !\n</code></pre>");
    const autolink = render("Voir https://example.org/?q=1&r=a:b !");
    expect(autolink).toContain(">https://example.org/?q=1&#x26;r=a:b</a>⍽!");
    expect(render("<https://example.org/a?b>")).toBe('<p><a href="https://example.org/a?b" rel="nofollow ugc noopener">https://example.org/a?b</a></p>');
  });

  it("spaces a mark that follows code, in the text after it", () => {
    expect(render("Lancez `npm test`!")).toBe("<p>Lancez <code>npm test</code>⍽!</p>");
  });

  it("does not carry a mark across paragraphs or list items", () => {
    expect(render("Un\n\n! deux!\n\n- a\n- : b!")).toBe("<p>Un</p>\n<p>! deux⍽!</p>\n<ul>\n<li>a</li>\n<li>: b⍽!</li>\n</ul>");
  });
});
