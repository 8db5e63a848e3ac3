import "server-only";
import { randomUUID } from "node:crypto";
import { requireActiveUser } from "./authorization";
import { db } from "./db";
import { consumePostingLimits } from "./posts";
import type { CreateThreadInput } from "./schemas/post";
import type { Actor } from "./users";
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

const threadDetail = {
  ...threadSummary,
  body: true,
  article: { select: { slug: true, title: true } },
  author: { select: { id: true, name: true } },
} as const;

export async function getThread(id: number) {
  return db.thread.findFirst({ select: threadDetail, where: { ...visible, id } });
}

export async function getThreadBySlug(slug: string) {
  return db.thread.findFirst({ select: threadDetail, where: { ...visible, slug } });
}

/** A member's own question. Its slug is readable and unique: words of the title, then the id. */
export async function createThread(actor: Actor, input: CreateThreadInput) {
  requireActiveUser(actor);
  await consumePostingLimits(actor);
  const createdAt = new Date();
  return db.$transaction(async (tx) => {
    const draft = await tx.thread.create({
      select: { id: true },
      data: {
        slug: `brouillon-${randomUUID()}`,
        title: input.title,
        body: input.body,
        kind: "OPEN",
        authorId: actor.id,
        createdAt,
        lastActivityAt: createdAt,
      },
    });
    return tx.thread.update({
      select: { ...threadSummary, body: true },
      where: { id: draft.id },
      data: { slug: `${slugify(input.title)}-${draft.id}` },
    });
  });
}

function slugify(title: string) {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const cut = words.length > 60 ? words.slice(0, 60).replace(/-[^-]*$/, "") : words;
  return cut || "question";
}
