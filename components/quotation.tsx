import Link from "next/link";
import type { ReactNode } from "react";

type Props = {
  /** The address of the source, for the blockquote's `cite`. */
  cite?: string;
  /** Who or what is quoted: the figure's caption. */
  caption: ReactNode;
  /** The quoted text: paragraphs (or stored HTML through <Markdown>), which globals.css sets between guillemets. */
  children: ReactNode;
  className?: string;
};

/** A text quoted from elsewhere (the article, mostly), set as a quotation and attributed below it, not as the site speaking. */
export function Quotation({ cite, caption, children, className = "" }: Props) {
  return (
    <figure className={`space-y-3 border-s-4 border-slate-300 ps-4 dark:border-slate-600 ${className}`}>
      <blockquote cite={cite} className="quotation">
        {children}
      </blockquote>
      <figcaption className="text-sm text-slate-600 dark:text-slate-400">— {caption}</figcaption>
    </figure>
  );
}

/** "<how> l’article <title>", the title linking to the article's page. */
export function ArticleCaption({ how, title }: { how: string; title: string }) {
  return (
    <>
      {how} l’article{" "}
      <cite>
        <Link href="/article" className="text-blue-700 underline dark:text-blue-300">
          {title}
        </Link>
      </cite>
    </>
  );
}
