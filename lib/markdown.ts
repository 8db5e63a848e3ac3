// Markdown → safe HTML, on the server (and in the composer's preview, identically). Raw HTML in
// the source is never passed through (remark-rehype drops it), and the result is filtered by an
// allow-list (rehype-sanitize's GitHub schema: no script, no event handlers, no
// javascript:/data: URLs), narrowed to the subset the forum offers: no images (they would load
// from anywhere and track readers) and no form inputs (task-list boxes). Links carry
// rel="nofollow ugc noopener".
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

type HastNode = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };

function markLinks() {
  return (tree: HastNode) => {
    const visit = (node: HastNode) => {
      if (node.type === "element" && node.tagName === "a" && node.properties) {
        node.properties.rel = ["nofollow", "ugc", "noopener"];
      }
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
  .use(markLinks)
  .use(rehypeStringify);

export function renderMarkdown(source: string): string {
  return String(processor.processSync(source));
}
