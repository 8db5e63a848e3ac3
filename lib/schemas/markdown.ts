// Limits on a Markdown source, checked before any parser runs (on the server and in the
// composer's preview, which import this file alike). The parser recurses once per nested block
// quote or list item: 20 kB of "> " or "1. " exhausted a 192 MB heap. A line-by-line estimate
// of that nesting is linear and refuses such sources in microseconds; what stays expensive
// within these limits is bounded by the render worker's time and memory (lib/markdown/render.ts).

export const MARKDOWN_MAX_CHARS = 20_000;
/** Block quotes and list items inside one another; real texts rarely go past 4. */
export const MARKDOWN_MAX_DEPTH = 16;
/**
 * What one render may take, on the server (then refused) and in the preview. A dense
 * 20,000-character text renders in well under a second on an idle machine, about 2 s on a busy one.
 */
export const MARKDOWN_RENDER_TIMEOUT_MS = 5_000;

const TAB_STOP = 4;
const BULLETS = new Set(["-", "*", "+"]);
const THEMATIC_BREAK_MARKS = new Set(["-", "*"]);

const isBlank = (char: string | undefined) => char === " " || char === "\t";
const endsMarker = (char: string | undefined) => char === undefined || isBlank(char);

/**
 * How many containers (block quotes, list items) a line may open: one per marker at its start,
 * plus one per two columns of indentation before a marker, beyond the space each marker takes
 * (a nested item sits under its parent's text, at least two columns in). Only lines with a marker open containers;
 * a line of markers only, all `-` or all `*` and at least three, is a thematic break (`* * *`).
 */
function lineDepth(line: string) {
  let markers = 0;
  let indent = 0;
  let pendingIndent = 0;
  let column = 0;
  let trailingBullet = "";
  let trailingRun = 0;
  let index = 0;
  while (index < line.length) {
    const char = line[index];
    if (isBlank(char)) {
      const width = char === "\t" ? TAB_STOP - (column % TAB_STOP) : 1;
      pendingIndent += width;
      column += width;
      index += 1;
      continue;
    }
    let end = index;
    if (char === ">") end = index + 1;
    else if (BULLETS.has(char) && endsMarker(line[index + 1])) end = index + 1;
    else {
      while (end < line.length && end - index < 10 && line[end] >= "0" && line[end] <= "9") end += 1;
      const isOrdered = end > index && end - index < 10 && (line[end] === "." || line[end] === ")") && endsMarker(line[end + 1]);
      if (!isOrdered) break;
      end += 1;
    }
    markers += 1;
    indent += pendingIndent;
    pendingIndent = 0;
    const isBreakMark = THEMATIC_BREAK_MARKS.has(char);
    trailingRun = isBreakMark && char === trailingBullet ? trailingRun + 1 : isBreakMark ? 1 : 0;
    trailingBullet = isBreakMark ? char : "";
    column += end - index;
    index = end;
    // The one space after a marker belongs to it, not to the indentation of what follows.
    if (isBlank(line[index])) {
      column += 1;
      index += 1;
    }
  }
  if (markers === 0) return 0;
  const isThematicBreak = index === line.length && trailingRun >= 3;
  return markers - (isThematicBreak ? trailingRun : 0) + Math.floor(indent / 2);
}

/** The deepest nesting of containers the source may reach, estimated line by line (never less than the parser's). */
export function nestingDepth(source: string) {
  let deepest = 0;
  for (const line of source.split(/\r\n|\r|\n/)) deepest = Math.max(deepest, lineDepth(line));
  return deepest;
}

/** What is wrong with the source, in French, or null when it may be rendered. */
export function markdownLimitProblem(source: string): string | null {
  if (source.length > MARKDOWN_MAX_CHARS) {
    return `Ce texte compte plus de ${MARKDOWN_MAX_CHARS.toLocaleString("fr-FR")} caractères : raccourcissez-le.`;
  }
  if (nestingDepth(source) > MARKDOWN_MAX_DEPTH) {
    return `Ce texte imbrique trop de citations ou de listes (${MARKDOWN_MAX_DEPTH} niveaux au plus) : réduisez l’imbrication.`;
  }
  return null;
}
