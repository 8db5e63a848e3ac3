import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PostList } from "@/components/post-list";
import { renderPosts } from "@/components/rendered-posts";
import { getViewer } from "@/lib/auth";
import { openPanelOf } from "@/lib/open-panel";
import { idParam } from "@/lib/schemas/pagination";
import { CONVERSATION_PAGE_SIZE, conversationPageQuery } from "@/lib/schemas/post";
import { getConversationRoot, listConversation } from "@/lib/posts";
import { getThreadBySlug } from "@/lib/threads";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; postId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A conversation of a thread on a page of its own: its first post, then every reply, page by page. */
async function loadConversation({ params }: Pick<Props, "params">) {
  const viewer = await getViewer();
  const { slug, postId } = await params;
  const thread = await getThreadBySlug(viewer, slug);
  const rootId = idParam.safeParse(postId);
  const root = thread && rootId.success ? await getConversationRoot(viewer, thread, rootId.data) : null;
  return thread && root ? { viewer, thread, root } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const conversation = await loadConversation({ params });
  if (!conversation) return { title: "Conversation introuvable" };
  const author = conversation.root.author?.name ?? "une contribution retirée";
  return { title: `Conversation de ${author} — ${conversation.thread.title}` };
}

export default async function ConversationPage({ params, searchParams }: Props) {
  const conversation = await loadConversation({ params });
  if (!conversation) notFound();
  const { viewer, thread, root } = conversation;
  const address = await searchParams;
  const query = conversationPageQuery(address);
  const [replies, openPanel] = await Promise.all([listConversation(viewer, root.id, query), openPanelOf(viewer, address)]);
  const threadPath = `/t/${thread.slug}`;
  const path = `${threadPath}/c/${root.id}`;
  const position = query.cursor ? `?cursor=${address.cursor}` : query.before ? `?before=${address.before}` : "";
  const context = { threadId: thread.id, returnTo: `${path}${position}` };

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={threadPath} className="text-blue-700 underline dark:text-blue-300">
            ← {thread.title}
          </Link>
        </p>
        <h1 className="text-2xl font-bold leading-snug">Conversation de {root.author?.name ?? "[supprimé]"}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {replies.items.length === 0 ? "Aucune réponse pour l’instant." : "Toutes les réponses, des plus anciennes aux plus récentes."}
        </p>
      </header>
      <section aria-labelledby="conversation-title" className="space-y-3">
        <h2 id="conversation-title" className="text-lg font-semibold">
          La conversation
        </h2>
        <PostList
          items={await renderPosts([{ ...root, hasMoreReplies: false }, ...replies.items], context, openPanel)}
          context={context}
          threadPath={threadPath}
          pages={{ kind: "conversation", rootId: root.id, limit: CONVERSATION_PAGE_SIZE }}
          next={replies.nextCursor ? { href: `${path}?cursor=${replies.nextCursor}`, cursor: replies.nextCursor } : null}
          previousHref={replies.previousCursor ? `${path}?before=${replies.previousCursor}` : null}
          emptyMessage=""
        />
      </section>
    </div>
  );
}
