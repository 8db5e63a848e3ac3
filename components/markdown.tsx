import { renderMarkdown } from "@/lib/markdown";

/** Markdown rendered on the server and sanitised by lib/markdown.ts before it reaches the page. */
export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return <div className={`prose-agora ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
