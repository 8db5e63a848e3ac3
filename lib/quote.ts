// "Citer": the start of a reply that quotes a post, with a link back to it. Pure: the browser
// quotes the reader's selection with it, the server the whole post (the page opened by ?citer=).

/** The quoted text's own quotes are left out: a quote answers one post, not the chain. */
export function withoutQuotes(markdown: string) {
  return markdown
    .split("\n")
    .filter((line) => !/^\s*>/.test(line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function quoteOf(post: { id: number; authorName: string }, text: string) {
  const lines = text.trim().split("\n").map((line) => `> ${line}`.trimEnd());
  return `> **[${escapeMarkdown(post.authorName)}](/p/${post.id})** :\n${lines.join("\n")}\n\n`;
}

/** A member's name as literal text in Markdown (a name may hold `]`, `*`, `_`…). */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]()<>#!|~]/g, "\\$&");
