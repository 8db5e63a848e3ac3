import { Markdown } from "./markdown";
import { ArticleCaption, Quotation } from "./quotation";

type Props = { html: string | null; article: { title: string } | null; className?: string };

/**
 * A question's context, on its page and on its synthesis: the article's questions set out what
 * the article says, so they quote it; a member's question is the member's own words.
 */
export function ThreadContext({ html, article, className = "" }: Props) {
  return article ? (
    <Quotation cite="/article" caption={<ArticleCaption how="D’après" title={article.title} />} className={className}>
      <Markdown html={html} className="leading-relaxed" />
    </Quotation>
  ) : (
    <Markdown html={html} className={`leading-relaxed ${className}`} />
  );
}
