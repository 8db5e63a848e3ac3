import "server-only";
import { db } from "./db";
import { requireModerator } from "./authorization";
import type { Actor } from "./users";
import { Prisma } from "./generated/prisma/client";
import type { ListLogQuery, ModerationActionName } from "./schemas/moderation";
import { newestFirstAfter, timeOrderedPage } from "./keyset";
import type { Page } from "./schemas/pagination";

type Transaction = Prisma.TransactionClient;

export type LogEntry = {
  actorId: number | null;
  action: ModerationActionName;
  targetType: "POST" | "THREAD" | "USER";
  postId?: number;
  threadId?: number;
  targetUserId?: number;
  reason?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** One append-only row per action, written by the transaction that does the action. */
export function writeLog(tx: Transaction, entry: LogEntry) {
  return tx.moderationLog.create({ data: entry });
}

const logFields = {
  id: true,
  action: true,
  targetType: true,
  reason: true,
  before: true,
  after: true,
  createdAt: true,
  post: { select: { id: true, author: { select: { name: true } }, thread: { select: { slug: true, title: true } } } },
  thread: { select: { slug: true, title: true } },
  targetUser: { select: { id: true, name: true } },
} as const;

function where({ actorId, action, targetType, cursor }: Omit<ListLogQuery, "limit">): Prisma.ModerationLogWhereInput {
  return {
    ...(actorId ? { actorId } : {}),
    ...(action ? { action } : {}),
    ...(targetType ? { targetType } : {}),
    ...newestFirstAfter(cursor),
  };
}

/** The full log, for moderators: who did what, newest first, filterable. */
export async function listModerationLog(actor: Actor, query: ListLogQuery) {
  requireModerator(actor);
  const rows = await db.moderationLog.findMany({
    select: { ...logFields, actor: { select: { id: true, name: true } } },
    where: where(query),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  return timeOrderedPage(rows, query.limit);
}

/** Everyone the log names as having acted, by name, for its filter (served by the index on actor_id). */
export async function listLogActors(actor: Actor) {
  requireModerator(actor);
  return db.user.findMany({
    select: { id: true, name: true },
    where: { moderationActs: { some: {} } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/** How the public journal names a target: its kind and public number, and a link while the public can see it. */
export type JournalTarget = { type: "POST" | "THREAD" | "USER"; id: number; path: string | null };

export type JournalEntry = { id: number; action: ModerationActionName; createdAt: Date; target: JournalTarget };

const journalFields = {
  id: true,
  action: true,
  targetType: true,
  postId: true,
  threadId: true,
  targetUserId: true,
  createdAt: true,
  post: { select: { hiddenAt: true, deletedAt: true, thread: { select: { slug: true, hiddenAt: true } } } },
  thread: { select: { slug: true, hiddenAt: true } },
} as const;

type JournalRow = Prisma.ModerationLogGetPayload<{ select: typeof journalFields }>;

function journalTarget(row: JournalRow): JournalTarget {
  if (row.postId !== null) {
    const isPublic = row.post && !row.post.hiddenAt && !row.post.deletedAt && !row.post.thread.hiddenAt;
    return { type: "POST", id: row.postId, path: isPublic ? `/t/${row.post!.thread.slug}#p-${row.postId}` : null };
  }
  if (row.threadId !== null) {
    return { type: "THREAD", id: row.threadId, path: row.thread && !row.thread.hiddenAt ? `/t/${row.thread.slug}` : null };
  }
  return { type: "USER", id: row.targetUserId!, path: `/u/${row.targetUserId}` };
}

/**
 * The public journal: what moderation did and when, to which target, named by its public
 * number. It says no more than a reader could see elsewhere: never who acted or reported, never
 * a title or a name (a hidden thread's title, a suspended member's name), never a reason (a hide
 * reason is told to the author, a suspension's to the member, both to moderators).
 */
export async function listModerationJournal(query: Pick<ListLogQuery, "cursor" | "limit">): Promise<Page<JournalEntry>> {
  const rows = await db.moderationLog.findMany({
    select: journalFields,
    where: where(query),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = timeOrderedPage(rows, query.limit);
  return { ...page, items: page.items.map((row) => ({ id: row.id, action: row.action, createdAt: row.createdAt, target: journalTarget(row) })) };
}
