import "server-only";
import { db } from "./db";
import { requireModerator } from "./moderation";
import type { Actor } from "./users";
import { Prisma } from "./generated/prisma/client";
import type { ListLogQuery, ModerationActionName } from "./schemas/moderation";
import { newestFirstAfter, timeOrderedPage } from "./keyset";

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
  post: { select: { id: true, thread: { select: { slug: true, title: true } } } },
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

/**
 * The public journal: every action with its date, kind, target and reason; never the
 * moderator's or reporters' identity, never the text that was hidden.
 */
export async function listModerationJournal(query: Pick<ListLogQuery, "cursor" | "limit">) {
  const rows = await db.moderationLog.findMany({
    select: { ...logFields, before: false, after: false },
    where: where(query),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  return timeOrderedPage(rows, query.limit);
}
