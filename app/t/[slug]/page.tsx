import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { ThreadKindBadge } from "@/components/thread-kind-badge";
import { ThreadPosts } from "@/components/thread-posts";
import { getViewer } from "@/lib/auth";
import { countLabel } from "@/lib/format";
import { listPosts } from "@/lib/posts";
import { POST_PAGE_SIZE } from "@/lib/schemas/post";
import { getThreadBySlug } from "@/lib/threads";
import { isSuspended } from "@/lib/users";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const thread = await getThreadBySlug((await params).slug);
  return { title: thread?.title ?? "Fil introuvable" };
}

export default async function ThreadPage({ params }: Props) {
  const [thread, viewer] = await Promise.all([getThreadBySlug((await params).slug), getViewer()]);
  if (!thread) notFound();
  const posts = await listPosts(thread.id, { limit: POST_PAGE_SIZE });
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <ThreadKindBadge kind={thread.kind} />
          {thread.isLocked && <span className="text-sm text-slate-600 dark:text-slate-400">Fil verrouillé</span>}
        </div>
        <h1 className="text-2xl font-bold leading-snug">{thread.title}</h1>
        {thread.author && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Question proposée par{" "}
            <Link href={`/u/${thread.author.id}`} className="text-blue-700 underline dark:text-blue-300">
              {thread.author.name}
            </Link>
          </p>
        )}
        {thread.article && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {thread.questionNumber ? `Question ${thread.questionNumber} de l’article ` : "À propos de l’article "}
            <Link href="/article" className="text-blue-700 underline dark:text-blue-300">
              « {thread.article.title} »
            </Link>
          </p>
        )}
      </header>
      <section aria-labelledby="context-title" className="rounded-lg border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="context-title" className="text-lg font-semibold">
          Le contexte
        </h2>
        <Markdown source={thread.body} className="mt-2 leading-relaxed" />
      </section>
      <section aria-labelledby="posts-title" className="space-y-3">
        <h2 id="posts-title" className="text-lg font-semibold">
          {countLabel(thread.postCount, "opinion", "opinions")}
        </h2>
        <ThreadPosts
          threadId={thread.id}
          threadPath={`/t/${thread.slug}`}
          isLocked={thread.isLocked}
          viewer={viewer && { id: viewer.id, name: viewer.name, canWrite: !isSuspended(viewer) }}
          initialItems={posts.items}
          initialCursor={posts.nextCursor}
        />
      </section>
    </div>
  );
}
