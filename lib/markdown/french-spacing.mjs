// @ts-check
// French typography for rendered texts (a rehype step of pipeline.mjs): a narrow no-break space
// (U+202F) before ; : ! ? » and after «, as French printing sets them, so that a mark never
// wraps to a line of its own. A plain or no-break space already there is replaced; one already
// narrow (or thin) is kept, never doubled. Code, preformatted text and links whose text is their
// address are left exactly as written, and a ; : ! ? glued to what follows ("10:30",
// "https://…", "?!") is not a French mark and gets nothing.
// The text of a paragraph (or list item, heading, cell…) is read as one string across its inline
// elements, so that "**Bravo**!" is spaced too; each change is then made in the node that holds
// the mark, and only when that node may be changed.

export const NARROW_NO_BREAK_SPACE = "\u202F";

/** Marks that take a narrow space before them, and the one that takes it after. */
const SPACED_AFTER_TEXT = new Set([";", ":", "!", "?", "»"]);
const OPENING_GUILLEMET = "«";
/** Replaced by the narrow space when they sit where it goes. */
const REPLACEABLE_SPACES = /[ \u00A0]/;
/** After these, a mark gets no space of its own: "(?)", "«!", "?!". */
const NO_SPACE_AFTER = new Set(["(", "[", "{", OPENING_GUILLEMET, ";", ":", "!", "?"]);
/** What may follow a ; : ! ? that is a French mark (end of the text, a space, other punctuation). */
const ENDS_A_MARK = /[\s;:!?»).,\]…'"’”]/u;

/** Elements whose text stays as written (still read, for what surrounds them). */
const VERBATIM_TAGS = new Set(["code", "pre", "kbd", "samp"]);
/** Elements that continue the text around them; any other element starts a new one. */
const INLINE_TAGS = new Set(["a", "strong", "em", "b", "i", "del", "s", "code", "kbd", "samp", "sup", "sub", "span", "abbr", "q", "mark"]);

/** @typedef {{ type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: HastNode[] }} HastNode */
/** @typedef {{ node: HastNode; editable: boolean }} Segment */

/** @param {HastNode} node @returns {string} */
const textOf = (node) => (node.type === "text" ? (node.value ?? "") : (node.children ?? []).map(textOf).join(""));

/** A link that shows its own address (an autolink): spacing its ":" or "?" would break it. */
function isAddressLink(/** @type {HastNode} */ node) {
  const href = String(node.properties?.href ?? "");
  const text = textOf(node);
  return href !== "" && href.replace(/^(https?:\/\/|mailto:)/, "") === text.replace(/^(https?:\/\/|mailto:)/, "");
}

/**
 * Calls `onRun` with the text segments of each run of inline content, in document order.
 * @param {HastNode} root
 * @param {(segments: Segment[]) => void} onRun
 */
function forEachInlineRun(root, onRun) {
  /** @type {Segment[]} */
  let run = [];
  const flush = () => {
    if (run.length) onRun(run);
    run = [];
  };
  /** @param {HastNode} node @param {boolean} editable */
  const visit = (node, editable) => {
    if (node.type === "text") {
      run.push({ node, editable });
      return;
    }
    if (node.type !== "element" && node.type !== "root") return;
    const tag = node.tagName ?? "";
    const isInline = INLINE_TAGS.has(tag);
    const childrenEditable = editable && !VERBATIM_TAGS.has(tag) && !(tag === "a" && isAddressLink(node));
    if (!isInline) flush();
    for (const child of node.children ?? []) visit(child, childrenEditable);
    if (!isInline) flush();
  };
  visit(root, true);
  flush();
}

/** Spaces one run: reads it as one string, and writes each change into the node of its mark. */
function spaceRun(/** @type {Segment[]} */ segments) {
  const text = segments.map(({ node }) => node.value ?? "").join("");
  /** @type {number[]} which segment holds each character */
  const owner = segments.flatMap(({ node }, index) => Array.from({ length: (node.value ?? "").length }, () => index));
  const isEditable = (/** @type {number} */ at) => segments[owner[at]].editable;
  /** @type {Map<number, string>} what each changed character becomes ("" deletes it) */
  const replaced = new Map();
  /** @type {Map<number, string>} a space to write right before / after a character */
  const before = new Map();
  const after = new Map();

  /** Turns the plain spaces from `start` to `end` (excluded) into one narrow space, if all may change. */
  const narrowSpaces = (/** @type {number} */ start, /** @type {number} */ end) => {
    for (let at = start; at < end; at += 1) if (!isEditable(at)) return;
    replaced.set(start, NARROW_NO_BREAK_SPACE);
    for (let at = start + 1; at < end; at += 1) replaced.set(at, "");
  };

  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (!isEditable(at)) continue;
    if (SPACED_AFTER_TEXT.has(char)) {
      let start = at;
      while (start > 0 && REPLACEABLE_SPACES.test(text[start - 1])) start -= 1;
      if (start < at) {
        if (start > 0) narrowSpaces(start, at);
        continue;
      }
      const previous = text[at - 1];
      if (previous === undefined || /\s/u.test(previous) || NO_SPACE_AFTER.has(previous)) continue;
      const next = text[at + 1];
      if (char !== "»" && next !== undefined && !ENDS_A_MARK.test(next)) continue;
      before.set(at, NARROW_NO_BREAK_SPACE);
    } else if (char === OPENING_GUILLEMET) {
      let end = at + 1;
      while (end < text.length && REPLACEABLE_SPACES.test(text[end])) end += 1;
      if (end > at + 1) {
        if (end < text.length) narrowSpaces(at + 1, end);
      } else if (end < text.length && !/\s/u.test(text[end])) {
        after.set(at, NARROW_NO_BREAK_SPACE);
      }
    }
  }
  if (!replaced.size && !before.size && !after.size) return;

  let offset = 0;
  for (const { node, editable } of segments) {
    const length = (node.value ?? "").length;
    if (editable) {
      let value = "";
      for (let at = offset; at < offset + length; at += 1) {
        value += (before.get(at) ?? "") + (replaced.get(at) ?? text[at]) + (after.get(at) ?? "");
      }
      node.value = value;
    }
    offset += length;
  }
}

/** The rehype plugin. */
export function frenchSpacing() {
  return (/** @type {HastNode} */ tree) => forEachInlineRun(tree, spaceRun);
}
