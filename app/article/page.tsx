import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { Quotation } from "@/components/quotation";
import { getArticle } from "@/lib/articles";
import { ClosedBadge } from "@/components/thread-kind-badge";
import { listArticleQuestions } from "@/lib/threads";
import { NNBSP } from "@/lib/typography";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "L’article", alternates: { canonical: "/article" } };

export default async function ArticlePage() {
  const article = await getArticle();
  if (!article) notFound();
  const questions = await listArticleQuestions(article.id);
  return (
    <article className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">{article.title}</h1>
      </header>
      <Quotation
        cite={article.sourceUrl ?? undefined}
        caption={
          <>
            {article.sourceNote} Source{NNBSP}:{" "}
            <cite>
              {article.sourceUrl ? (
                <a href={article.sourceUrl} className="text-blue-700 underline dark:text-blue-300">
                  {article.sourceTitle}
                </a>
              ) : (
                article.sourceTitle
              )}
            </cite>
            .
          </>
        }
      >
        <Markdown html={article.bodyHtml} className="leading-relaxed" />
      </Quotation>
      <section aria-labelledby="questions-title" className="rounded-lg border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="questions-title" className="text-xl font-bold">
          Les questions de l’article
        </h2>
        <ol className="mt-4 list-decimal space-y-2 ps-6">
          {questions.map((question) => (
            <li key={question.id}>
              <Link href={`/t/${question.slug}`} className="text-blue-700 underline dark:text-blue-300">
                {question.title}
              </Link>
              {question.closedAt && (
                <>
                  {" "}
                  <ClosedBadge />
                </>
              )}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
