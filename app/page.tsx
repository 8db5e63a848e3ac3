import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ThreadList } from "@/components/thread-list";
import { getArticle } from "@/lib/articles";
import { ArticleCaption, Quotation } from "@/components/quotation";
import { SortLinks } from "@/components/sort-links";
import { THREAD_PAGE_SIZE, type ThreadSort, listThreadsQuery } from "@/lib/schemas/thread";
import { listThreads } from "@/lib/threads";

export const dynamic = "force-dynamic";
// The layout's default title, the site's own.
export const metadata: Metadata = { alternates: { canonical: "/" } };

type Props = { searchParams: Promise<{ cursor?: string; sort?: string }> };

const SORT_OPTIONS: { value: ThreadSort; label: string }[] = [
  { value: "hot", label: "Tendances" },
  { value: "new", label: "Nouvelles" },
  { value: "top", label: "Les mieux notées" },
  { value: "active", label: "Actives" },
];

export default async function HomePage({ searchParams }: Props) {
  // A malformed sort or cursor in the address bar shows the first page rather than an error.
  const parsed = listThreadsQuery.safeParse(await searchParams);
  const query = parsed.success && (!parsed.data.cursor || parsed.data.cursor.s === parsed.data.sort) ? parsed.data : { sort: "hot" as const, limit: THREAD_PAGE_SIZE };
  const [article, threads] = await Promise.all([getArticle(), listThreads(query)]);
  if (!article) notFound();
  const [lead] = article.body.split("\n\n");
  return (
    <div className="space-y-10">
      <section aria-labelledby="article-title" className="rounded-lg border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
        <p className="text-sm font-medium text-slate-600 dark:text-slate-400">L’article en débat</p>
        <h2 id="article-title" className="mt-1 text-2xl font-bold">
          {article.title}
        </h2>
        <Quotation cite="/article" caption={<ArticleCaption how="Extrait de" title={article.title} />} className="mt-3">
          <p className="text-slate-700 dark:text-slate-300">{lead}</p>
        </Quotation>
        <p className="mt-4">
          <Link href="/article" className="font-medium text-blue-700 underline dark:text-blue-300">
            Lire l’article et ses questions
          </Link>
        </p>
      </section>
      <section aria-labelledby="threads-title" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 id="threads-title" className="text-2xl font-bold">
            Les questions en débat
          </h1>
          <Link href="/questions/nouvelle" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">
            Proposer une question
          </Link>
        </div>
        <SortLinks label="Trier les questions" options={SORT_OPTIONS} current={query.sort} hrefFor={(sort) => `/?sort=${sort}`} />
        <ThreadList threads={threads.items} />
        {threads.nextCursor && (
          <p>
            <Link href={`/?sort=${query.sort}&cursor=${threads.nextCursor}`} className="font-medium text-blue-700 underline dark:text-blue-300">
              Questions suivantes
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
