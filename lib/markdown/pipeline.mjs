// @ts-check
// Markdown → safe HTML: the one pipeline, run by the server's render worker (render-worker.mjs)
// and by the composer's preview in the browser, so what a member previews is what is published.
// Plain JavaScript so that the worker loads it without a TypeScript loader (tsx adds about two
// seconds to every worker start). Raw HTML in the source is never passed through (remark-rehype
// drops it), and the result is filtered by an allow-list (rehype-sanitize's GitHub schema: no
// script, no event handlers, no javascript:/data: URLs), narrowed to the subset the forum
// offers: no images (they would load from anywhere and track readers) and no form inputs
// (task-list boxes). Links carry rel="nofollow ugc noopener", code blocks a tabindex, and the text gets French spacing
// (french-spacing.mjs). A change of the output here bumps RENDERER_VERSION (renderer-version.mjs).
// Unbounded on its own: the server renders only through lib/markdown/render.ts (time and memory
// bounds), and both sides refuse what lib/schemas/markdown.ts finds too deep beforehand.
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { frenchSpacing } from "./french-spacing.mjs";

/** @typedef {{ type: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] }} HastNode */

/**
 * Links carry rel="nofollow ugc noopener"; a code block, which scrolls sideways when its lines
 * are long, takes the keyboard's focus (tabindex="0") so that it can be scrolled without a mouse.
 */
function markElements() {
  /** @param {HastNode} tree */
  return (tree) => {
    /** @param {HastNode} node */
    const visit = (node) => {
      if (node.type === "element" && node.tagName === "a" && node.properties) {
        node.properties.rel = ["nofollow", "ugc", "noopener"];
      }
      if (node.type === "element" && node.tagName === "pre" && node.properties) node.properties.tabIndex = 0;
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

const EXCLUDED_TAGS = new Set(["img", "input"]);
const schema = { ...defaultSchema, tagNames: defaultSchema.tagNames?.filter((tag) => !EXCLUDED_TAGS.has(tag)) };

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(markElements)
  .use(frenchSpacing)
  .use(rehypeStringify);

/**
 * @param {string} source
 * @returns {string}
 */
export function renderMarkdownUnbounded(source) {
  return String(processor.processSync(source));
}
