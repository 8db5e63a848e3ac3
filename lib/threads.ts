import "server-only";
import { db } from "./db";
import { type Page, encodeCursor } from "./schemas/pagination";
import type { ListThreadsQuery, ThreadCursor } from "./schemas/thread";

// What lists and pages show of a thread; hidden-by-moderation fields stay private.
const threadSummary = {
  id: true,
  slug: true,
  title: true,
  kind: true,
  questionNumber: true,
  isPinned: true,
  isLocked: true,
  postCount: true,
  lastActivityAt: true,
  createdAt: true,
  score: true,
  agreeCount: true,
  disagreeCount: true,
  nuancedCount: true,
} as const;

const visible = { hiddenAt: null };

export type ThreadSummary = Awaited<ReturnType<typeof listThreads>>["items"][number];

/** Keyset condition "after this cursor" in the order (pinned desc, hot rank desc, id desc). */
function after(cursor: ThreadCursor) {
  return {
    OR: [
      // Unpinned threads come after pinned ones.
      ...(cursor.pinned ? [{ isPinned: false }] : []),
      { isPinned: cursor.pinned, hotRank: { lt: cursor.rank } },
      { isPinned: cursor.pinned, hotRank: cursor.rank, id: { lt: cursor.id } },
    ],
  };
}

export async function listThreads({ cursor, limit }: ListThreadsQuery) {
  const rows = await db.thread.findMany({
    select: { ...threadSummary, hotRank: true },
    where: cursor ? { ...visible, ...after(cursor) } : visible,
    orderBy: [{ isPinned: "desc" }, { hotRank: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ pinned: last.isPinned, rank: last.hotRank, id: last.id }) : null;
  return { items: items.map(({ hotRank: _rank, ...thread }) => thread), nextCursor } satisfies Page<unknown>;
}

/** The article's questions, in the article's order (for the article page). */
export async function listArticleQuestions(articleId: number) {
  return db.thread.findMany({
    select: threadSummary,
    where: { ...visible, articleId },
    orderBy: { questionNumber: "asc" },
  });
}

const threadDetail = { ...threadSummary, body: true, article: { select: { slug: true, title: true } } } as const;

export async function getThread(id: number) {
  return db.thread.findFirst({ select: threadDetail, where: { ...visible, id } });
}

export async function getThreadBySlug(slug: string) {
  return db.thread.findFirst({ select: threadDetail, where: { ...visible, slug } });
}
