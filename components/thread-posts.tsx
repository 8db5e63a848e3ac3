"use client";

import Link from "next/link";
import { useState } from "react";
import { sendJson } from "@/lib/api-client";
import { encodeCursor } from "@/lib/schemas/pagination";
import { PostComposer } from "./post-composer";
import { PostItem } from "./post-item";
import type { ClientPost, Viewer } from "./post-types";
import { Button } from "./ui/button";

type Props = {
  threadId: number;
  threadPath: string;
  /** The sort and stance filter of the page ("sort=best&stance=AGREE"), kept by "load more". */
  listQuery: string;
  isLocked: boolean;
  viewer: Viewer;
  initialItems: ClientPost[];
  initialCursor: string | null;
};

/**
 * Where a reply goes: after the last post of its parent's subtree (items are depth-first). A
 * reply just published also counts on its parent; one loaded later was counted already.
 */
function insertReply(items: ClientPost[], reply: ClientPost, isNew: boolean) {
  const parentIndex = items.findIndex((item) => item.id === reply.parentId);
  if (parentIndex < 0 || items.some((item) => item.id === reply.id)) return items;
  let end = parentIndex + 1;
  while (end < items.length && items[end].depth > items[parentIndex].depth) end += 1;
  const parent = isNew ? { ...items[parentIndex], replyCount: items[parentIndex].replyCount + 1 } : items[parentIndex];
  return [...items.slice(0, parentIndex), parent, ...items.slice(parentIndex + 1, end), reply, ...items.slice(end)];
}

/** The cursor after the newest reply of a conversation loaded so far (replies posted here aside). */
function conversationCursor(items: ClientPost[], rootId: number) {
  const replies = items.filter((item) => item.rootId === rootId && !item.justPosted);
  const last = replies.reduce<ClientPost | null>((latest, reply) => {
    if (!latest) return reply;
    const [a, b] = [new Date(reply.createdAt).getTime(), new Date(latest.createdAt).getTime()];
    return a > b || (a === b && reply.id > latest.id) ? reply : latest;
  }, null);
  return last ? encodeCursor({ at: new Date(last.createdAt).toISOString(), id: last.id }) : null;
}

export function ThreadPosts({ threadId, threadPath, listQuery, isLocked, viewer, initialItems, initialCursor }: Props) {
  const [items, setItems] = useState(initialItems);
  const [cursor, setCursor] = useState(initialCursor);
  const [isLoading, setIsLoading] = useState(false);
  const byId = new Map(items.map((item) => [item.id, item]));
  const canPost = !!viewer?.canWrite && !isLocked;

  async function publish(body: string) {
    const created = await sendJson<ClientPost>("POST", `/api/threads/${threadId}/posts`, { body });
    setItems((current) => [...current, created]);
  }
  async function loadMore() {
    setIsLoading(true);
    const page = await sendJson<{ items: ClientPost[]; nextCursor: string | null }>("GET", `/api/threads/${threadId}/posts?${listQuery}&cursor=${cursor}`);
    setItems((current) => [...current, ...page.items.filter((item) => !current.some((known) => known.id === item.id))]);
    setCursor(page.nextCursor);
    setIsLoading(false);
  }
  async function loadConversation(root: ClientPost) {
    const cursor = conversationCursor(items, root.id);
    const page = await sendJson<{ items: ClientPost[]; nextCursor: string | null }>(
      "GET",
      `/api/posts/${root.id}/replies${cursor ? `?cursor=${cursor}` : ""}`,
    );
    setItems((current) =>
      page.items
        .reduce((list, reply) => insertReply(list, reply, false), current)
        .map((item) => (item.id === root.id ? { ...item, hasMoreReplies: page.nextCursor !== null } : item)),
    );
  }
  const replace = (changed: ClientPost) => setItems((current) => current.map((item) => (item.id === changed.id ? { ...item, ...changed } : item)));

  return (
    <div className="space-y-4">
      {items.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-700 dark:border-slate-700 dark:text-slate-300">
          Personne n’a encore donné son avis sur cette question.
        </p>
      )}
      <ol className="space-y-3">
        {items.map((post, index) => {
          const root = byId.get(post.rootId ?? post.id);
          const endsConversation = index === items.length - 1 || items[index + 1].depth === 0;
          return (
          <li key={post.id}>
            <PostItem
              threadId={threadId}
              threadPath={threadPath}
              post={post}
              parent={post.parentId ? byId.get(post.parentId) : undefined}
              viewer={viewer}
              canReply={canPost}
              onReplied={(reply) => setItems((current) => insertReply(current, { ...reply, justPosted: true }, true))}
              onChanged={replace}
            />
            {endsConversation && root?.hasMoreReplies && (
              <button type="button" className="ms-4 mt-2 text-sm font-medium text-blue-700 hover:underline sm:ms-8 dark:text-blue-300" onClick={() => loadConversation(root)}>
                Voir la suite de la conversation
              </button>
            )}
          </li>
          );
        })}
      </ol>
      {cursor && (
        <Button variant="secondary" type="button" onClick={loadMore} disabled={isLoading}>
          {isLoading ? "Chargement…" : "Voir plus de contributions"}
        </Button>
      )}
      <section aria-labelledby="compose-title" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h3 id="compose-title" className="mb-2 font-semibold">
          Votre avis
        </h3>
        {isLocked ? (
          <p>Ce fil est verrouillé : il ne prend plus de nouvelles contributions.</p>
        ) : !viewer ? (
          <p>
            <Link href={`/connexion?callbackUrl=${encodeURIComponent(threadPath)}`} className="font-medium text-blue-700 underline dark:text-blue-300">
              Connectez-vous pour participer
            </Link>{" "}
            au débat.
          </p>
        ) : !viewer.canWrite ? (
          <p>Votre compte est suspendu : vous pouvez lire le débat, pas y écrire.</p>
        ) : (
          <PostComposer label="Votre contribution (Markdown)" submitLabel="Publier" onSubmit={publish} />
        )}
      </section>
    </div>
  );
}
