// Markdown → safe HTML, on the server. Raw HTML in the source is never passed through
// (remark-rehype drops it), and the result is filtered by an allow-list (rehype-sanitize's
// GitHub schema: no script, no event handlers, no javascript:/data: URLs). Links to other
// sites carry rel="nofollow ugc noopener".
import rehypeSanitize from "rehype-sanitize";
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

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(markLinks)
  .use(rehypeStringify);

export function renderMarkdown(source: string): string {
  return String(processor.processSync(source));
}
