/** Shown where stored HTML is missing: a source written before it was stored, whose render failed. */
export const UNRENDERED_PLACEHOLDER = "Ce texte ne peut pas être affiché.";

type Props = { html: string | null; className?: string; as?: "div" | "span" };

/**
 * Markdown as it was rendered and sanitised when written (lib/markdown/render.ts): a page never
 * renders Markdown, so no stored text can stall or crash a read.
 */
export function Markdown({ html, className = "", as: Tag = "div" }: Props) {
  if (html === null) return <Tag className={`${className} block italic text-slate-600 dark:text-slate-400`}>{UNRENDERED_PLACEHOLDER}</Tag>;
  return <Tag className={`prose-agora ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
