import { renderMarkdown } from "@/lib/markdown";

// Thread and article bodies render on every view and seldom change: the HTML of recent sources
// is kept, keyed by the source itself (an edit is a new key), the oldest dropped first.
const MAX_CACHED = 200;
const renderedHtml = new Map<string, string>();

function htmlOf(source: string) {
  let html = renderedHtml.get(source);
  if (html === undefined) {
    html = renderMarkdown(source);
    if (renderedHtml.size >= MAX_CACHED) renderedHtml.delete(renderedHtml.keys().next().value!);
    renderedHtml.set(source, html);
  }
  return html;
}

/** Markdown rendered on the server and sanitised by lib/markdown.ts before it reaches the page. */
export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return <div className={`prose-agora ${className}`} dangerouslySetInnerHTML={{ __html: htmlOf(source) }} />;
}
