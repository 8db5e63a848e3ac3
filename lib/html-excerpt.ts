// A plain-text excerpt of stored, sanitised HTML (a post as it is shown, never its Markdown
// source): for profiles and page descriptions. Reads at most the start of the HTML it is given
// (callers fetch only that much), so its cost is bounded whatever the length of the text.

/** How much of the stored HTML an excerpt reads: enough for EXCERPT_CHARS of text after tags. */
export const EXCERPT_HTML_CHARS = 2_000;
export const EXCERPT_CHARS = 280;

/** A post as a list quotes it (« Les arguments », « Points d'accord », « Ce qui a fait bouger les avis »). */
export type PostExcerpt = { id: number; authorName: string; excerpt: string; createdAt: Date };

/** The entities hast-util-to-html writes (it uses numeric ones for the rest). */
const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0" };

function decodeEntities(text: string) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== "#") return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const codePoint = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  });
}

/**
 * The text of `html`, blocks separated by a space, cut at a word boundary to at most `maxChars`
 * characters (with "…" when cut). `html` may itself be cut anywhere: a tag or an entity left
 * incomplete at its end is dropped.
 */
export function htmlExcerpt(html: string, maxChars = EXCERPT_CHARS) {
  const text = decodeEntities(
    html
      .slice(0, EXCERPT_HTML_CHARS)
      .replace(/<[^>]*$/, "")
      .replace(/&[#a-z0-9]*$/i, "")
      // A block's end, a line break or a cell is a word boundary; other tags (emphasis, links) are not.
      .replace(/<\/(p|li|h[1-6]|blockquote|pre|td|th|tr|div)>|<br\s*\/?>/gi, " ")
      .replace(/<[^>]*>/g, ""),
  )
    // HTML's own white space only: the narrow and no-break spaces of French typography stay.
    .replace(/[ \t\n\r\f]+/g, " ")
    .trim();
  const isCut = html.length >= EXCERPT_HTML_CHARS || text.length > maxChars;
  if (!isCut) return text;
  // One character more tells whether the cut falls between two words; a word cut short is dropped.
  const head = text.slice(0, maxChars + 1);
  const lastSpace = head.lastIndexOf(" ");
  const kept = lastSpace > maxChars / 2 ? head.slice(0, lastSpace) : head.slice(0, maxChars);
  return `${kept.replace(/[\s,;:.!?]+$/, "")}…`;
}
