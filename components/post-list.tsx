"use client";

import { useState } from "react";
import { loadConversationPage, loadThreadPage } from "@/app/actions/post-pages";
import { withQuery } from "@/lib/form-links";
import { encodeCursor } from "@/lib/schemas/vocabulary";
import type { PostSort } from "@/lib/schemas/post";
import type { PostContext } from "./post-controls";
import { MAX_INDENT_DEPTH, type RenderedPage, type RenderedPost } from "./post-types";
import { useIsHydrated } from "./ui/action-form";

/** Where the list's next pages come from: a thread's conversations in a sort, or one conversation's replies. */
export type PostPages = { kind: "thread"; sort: PostSort; position?: number; facet?: number } | { kind: "conversation"; rootId: number; limit: number };

type Props = {
  items: RenderedPost[];
  context: PostContext;
  /** Where the thread's conversations have their own pages (`/t/slug`). */
  threadPath: string;
  pages: PostPages;
  /** The next page: its link (page suivante), and its cursor, to append it in place. */
  next: { href: string; cursor: string } | null;
  previousHref: string | null;
  emptyMessage: string;
};

type Node = { post: RenderedPost; replies: Node[] };

/**
 * Posts arrive depth-first; the list nests them (a list of replies inside each post's item) so
 * that a screen reader tells who answers whom. A reply whose parent is on another page starts
 * a branch of its own.
 */
function toTree(items: RenderedPost[]) {
  const nodes = new Map(items.map((post) => [post.id, { post, replies: [] } as Node]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.post.parentId ? nodes.get(node.post.parentId) : undefined;
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}

/**
 * Where a reply goes: after the last post of its parent's subtree (items are depth-first), unless
 * it is there already.
 */
function insertReply(items: RenderedPost[], reply: RenderedPost) {
  const parentIndex = items.findIndex((item) => item.id === reply.parentId);
  if (parentIndex < 0 || items.some((item) => item.id === reply.id)) return items;
  let end = parentIndex + 1;
  while (end < items.length && items[end].depth > items[parentIndex].depth) end += 1;
  return [...items.slice(0, end), reply, ...items.slice(end)];
}

/** The cursor after the newest reply of a conversation loaded so far. */
function conversationCursor(items: RenderedPost[], rootId: number) {
  const last = items
    .filter((item) => item.rootId === rootId)
    .reduce<RenderedPost | null>((latest, reply) => {
      if (!latest) return reply;
      const [a, b] = [new Date(reply.createdAt).getTime(), new Date(latest.createdAt).getTime()];
      return a > b || (a === b && reply.id > latest.id) ? reply : latest;
    }, null);
  return last ? encodeCursor({ at: last.createdAt, id: last.id }) : undefined;
}

/** The posts loaded in place since the server's page `served`, that its fresh version `fresh` lacks. */
function appendedTo(served: RenderedPost[], current: RenderedPost[], fresh: RenderedPost[]) {
  const known = new Set([...served, ...fresh].map((item) => item.id));
  return current.filter((item) => !known.has(item.id));
}

/**
 * The server's fresh page with what was loaded in place after it: pages of conversations at the
 * end, replies under their parents (the tree nests by parent). A conversation whose rest was
 * loaded keeps saying whether more is left, which the fresh page, showing its first replies only,
 * cannot know.
 */
function withAppended(fresh: RenderedPost[], appended: RenderedPost[], current: RenderedPost[]) {
  const expanded = new Set(appended.map((item) => item.rootId));
  const before = new Map(current.map((item) => [item.id, item]));
  const kept = fresh.map((item) => (expanded.has(item.id) && before.has(item.id) ? { ...item, hasMoreReplies: before.get(item.id)!.hasMoreReplies } : item));
  return appended.reduce((list, item) => (item.parentId === null ? [...list, item] : insertReply(list, item)), kept);
}

const FAILED_LOAD = "Le chargement a échoué. Vérifiez votre connexion et réessayez.";
const MORE_LINK = "inline-block rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

export function PostList({ items: initialItems, context, threadPath, pages, next: initialNext, previousHref, emptyMessage }: Props) {
  // The server's page, followed when it renders again: after a form's action (a vote, a reply) the
  // same page comes back fresh, and what was appended here in place stays after it — a member who
  // votes on a post « Voir plus » brought keeps reading there. Another page (a cursor) starts afresh.
  const [source, setSource] = useState({ items: initialItems, page: context.returnTo });
  const [items, setItems] = useState(initialItems);
  const [next, setNext] = useState(initialNext);
  if (source.items !== initialItems) {
    setSource({ items: initialItems, page: context.returnTo });
    const appended = source.page === context.returnTo ? appendedTo(source.items, items, initialItems) : [];
    setItems(appended.length > 0 ? withAppended(initialItems, appended, items) : initialItems);
    if (appended.every((item) => item.parentId !== null)) setNext(initialNext);
  }
  const [loading, setLoading] = useState<"more" | number | null>(null);
  const [failure, setFailure] = useState<{ at: "more" | number; message: string } | null>(null);

  async function load(at: "more" | number, run: () => Promise<void>) {
    setLoading(at);
    setFailure(null);
    try {
      await run();
    } catch {
      setFailure({ at, message: FAILED_LOAD });
    } finally {
      setLoading(null);
    }
  }
  const { threadId, returnTo } = context;
  const nextPage = (cursor: string): Promise<RenderedPage> =>
    pages.kind === "thread"
      ? loadThreadPage({ threadId, returnTo, query: { sort: pages.sort, position: pages.position, facet: pages.facet, cursor } })
      : loadConversationPage({ threadId, rootId: pages.rootId, returnTo, query: { cursor, limit: pages.limit } });
  const loadMore = () =>
    load("more", async () => {
      const page = await nextPage(next!.cursor);
      setItems((current) => [...current, ...page.items.filter((item) => !current.some((known) => known.id === item.id))]);
      setNext(page.nextCursor ? { href: withQuery(next!.href, { cursor: page.nextCursor }, ""), cursor: page.nextCursor } : null);
    });
  const loadConversation = (root: RenderedPost) =>
    load(root.id, async () => {
      const page = await loadConversationPage({ threadId, rootId: root.id, returnTo, query: { cursor: conversationCursor(items, root.id) } });
      setItems((current) =>
        page.items
          .reduce(insertReply, current)
          .map((item) => (item.id === root.id ? { ...item, hasMoreReplies: page.nextCursor !== null } : item)),
      );
    });

  const renderNode = ({ post, replies }: Node) => (
    <li key={post.id} className="space-y-3">
      {post.node}
      {replies.length > 0 && <ol className={`space-y-3 ${post.depth < MAX_INDENT_DEPTH ? "ms-4 sm:ms-8" : ""}`}>{replies.map(renderNode)}</ol>}
      {post.parentId === null && post.hasMoreReplies && (
        <p className="ms-4 sm:ms-8">
          <a
            href={`${threadPath}/c/${post.id}`}
            className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-300"
            aria-busy={loading === post.id}
            onClick={(event) => {
              event.preventDefault();
              if (loading === null) void loadConversation(post);
            }}
          >
            {loading === post.id ? "Chargement…" : "Voir la suite de la conversation"}
          </a>
          {failure?.at === post.id && <span role="alert" className="ms-2 text-sm text-red-700 dark:text-red-300">{failure.message}</span>}
        </p>
      )}
    </li>
  );

  return (
    <div className="space-y-4">
      {items.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-700 dark:border-slate-700 dark:text-slate-300">{emptyMessage}</p>
      )}
      <ol className="space-y-3">{toTree(items).map(renderNode)}</ol>
      {(next || previousHref) && (
        <nav aria-label="Pages de contributions" className="flex flex-wrap items-center gap-3">
          {previousHref && (
            <a href={previousHref} className={MORE_LINK}>
              Page précédente
            </a>
          )}
          {next && (
            <a
              href={next.href}
              className={MORE_LINK}
              aria-busy={loading === "more"}
              onClick={(event) => {
                event.preventDefault();
                if (loading === null) void loadMore();
              }}
            >
              {/* The link to the next page is, once the script runs, a "load more" in place. */}
              {loading === "more" ? "Chargement…" : <NextPageLabel />}
            </a>
          )}
          {failure?.at === "more" && <span role="alert" className="text-sm text-red-700 dark:text-red-300">{failure.message}</span>}
        </nav>
      )}
    </div>
  );
}


/**
 * The next page's link reads « Voir plus » once the script runs: a component of its own, so that
 * hydration's one change of text renders this alone again, not the list.
 */
function NextPageLabel() {
  return useIsHydrated() ? "Voir plus de contributions" : "Page suivante";
}
