import "server-only";
import {
  type Permission, THREAD_RULE_FIELDS, assertAllowed, postPermissions, postTarget, requireAdmin, requireModerator, threadPermissions, threadTarget, userPermissions,
} from "./authorization";
import { db } from "./db";
import { AppError } from "./errors";
import { Prisma } from "./generated/prisma/client";
import { writeLog } from "./moderation-log";
import type { HideInput, ModerateThreadInput, SuspendInput } from "./schemas/moderation";
import type { Role } from "./schemas/user";
import type { Actor } from "./users";

type Transaction = Prisma.TransactionClient;

/** Closes a target's open reports as acted upon (hiding it answers them). */
export function closeReports(tx: Transaction, actor: Actor | null, target: { postId?: number; threadId?: number }, status: "ACTIONED" | "DISMISSED") {
  return tx.report.updateMany({
    where: { ...target, status: "OPEN" },
    data: { status, resolvedAt: new Date(), resolvedById: actor?.id ?? null },
  });
}

type HidePermissions = { hide: Permission; restore: Permission };

// What hiding and restoring differ in between posts and threads (constants, never input); the
// rules are lib/authorization.ts's, on the row once locked.
const HIDEABLE = {
  POST: {
    table: Prisma.raw("posts"),
    target: (id: number) => ({ postId: id }),
    actions: { hide: "HIDE_POST", restore: "RESTORE_POST" },
    missing: "Cette contribution n'existe pas.",
    permissions: async (tx: Transaction, actor: Actor, id: number): Promise<HidePermissions> => {
      const post = await tx.post.findUniqueOrThrow({
        select: { authorId: true, deletedAt: true, hiddenAt: true, hiddenById: true, thread: { select: THREAD_RULE_FIELDS } },
        where: { id },
      });
      return postPermissions(actor, postTarget(post, post.thread));
    },
  },
  THREAD: {
    table: Prisma.raw("threads"),
    target: (id: number) => ({ threadId: id }),
    actions: { hide: "HIDE_THREAD", restore: "RESTORE_THREAD" },
    missing: "Ce fil de discussion n'existe pas.",
    permissions: async (tx: Transaction, actor: Actor, id: number): Promise<HidePermissions> =>
      threadPermissions(actor, threadTarget(await tx.thread.findUniqueOrThrow({ select: { kind: true, ...THREAD_RULE_FIELDS }, where: { id } }))),
  },
} as const;
type Hideable = keyof typeof HIDEABLE;

/** Locks the row, checks `action` is allowed on it now, and answers what the log records of it. */
async function lockHideable(tx: Transaction, actor: Actor, type: Hideable, id: number, action: keyof HidePermissions) {
  const [row] = await tx.$queryRaw<{ hiddenAt: Date | null; hiddenReason: string | null }[]>`
    SELECT hidden_at AS "hiddenAt", hidden_reason AS "hiddenReason" FROM ${HIDEABLE[type].table} WHERE id = ${id} FOR UPDATE`;
  if (!row) throw new AppError("not_found", HIDEABLE[type].missing);
  assertAllowed((await HIDEABLE[type].permissions(tx, actor, id))[action]);
  return row;
}

/**
 * Hides a post or a thread (nothing is deleted): the public sees a placeholder (a 404 for a
 * thread), its author the reason. What reports hid automatically can be hidden for good by a
 * moderator; hiding answers the target's open reports.
 */
export async function hideInTransaction(tx: Transaction, actor: Actor, type: Hideable, id: number, reason: string) {
  const { table, target, actions } = HIDEABLE[type];
  const row = await lockHideable(tx, actor, type, id, "hide");
  await tx.$executeRaw`UPDATE ${table} SET hidden_at = now(), hidden_reason = ${reason}, hidden_by_id = ${actor.id} WHERE id = ${id}`;
  await closeReports(tx, actor, target(id), "ACTIONED");
  await writeLog(tx, { actorId: actor.id, action: actions.hide, targetType: type, ...target(id), reason, before: { hidden: row.hiddenAt !== null }, after: { hidden: true } });
}

export async function hide(actor: Actor, type: Hideable, id: number, { reason }: HideInput) {
  requireModerator(actor);
  await db.$transaction((tx) => hideInTransaction(tx, actor, type, id, reason));
}

export async function restore(actor: Actor, type: Hideable, id: number) {
  requireModerator(actor);
  const { table, target, actions } = HIDEABLE[type];
  await db.$transaction(async (tx) => {
    const row = await lockHideable(tx, actor, type, id, "restore");
    await tx.$executeRaw`UPDATE ${table} SET hidden_at = NULL, hidden_reason = NULL, hidden_by_id = NULL WHERE id = ${id}`;
    await writeLog(tx, { actorId: actor.id, action: actions.restore, targetType: type, ...target(id), before: { hidden: true, reason: row.hiddenReason }, after: { hidden: false } });
  });
}

type LockedThread = {
  isLocked: boolean;
  isPinned: boolean;
  title: string;
  authorId: number | null;
  kind: "POSITION" | "OPEN";
  hiddenAt: Date | null;
  closedAt: Date | null;
  summary: string | null;
  summaryHtml: string | null;
};

/** The thread's row, locked until the transaction ends: moderators acting at once act one after the other. */
export async function lockThread(tx: Transaction, threadId: number): Promise<LockedThread> {
  const [thread] = await tx.$queryRaw<LockedThread[]>`
    SELECT is_locked AS "isLocked", is_pinned AS "isPinned", title, author_id AS "authorId", kind::text AS kind, hidden_at AS "hiddenAt",
      closed_at AS "closedAt", summary, summary_html AS "summaryHtml"
    FROM threads WHERE id = ${threadId} FOR UPDATE`;
  if (!thread) throw new AppError("not_found", "Ce fil de discussion n'existe pas.");
  return thread;
}

/** Lock/unlock, pin/unpin, rename: one log row per attribute that changes. */
export async function moderateThread(actor: Actor, threadId: number, changes: ModerateThreadInput) {
  requireModerator(actor);
  return db.$transaction(async (tx) => {
    const thread = await lockThread(tx, threadId);
    assertAllowed(threadPermissions(actor, threadTarget(thread)).moderate);
    const log = (action: "LOCK_THREAD" | "UNLOCK_THREAD" | "PIN_THREAD" | "UNPIN_THREAD" | "RENAME_THREAD", before: Prisma.InputJsonValue, after: Prisma.InputJsonValue) =>
      writeLog(tx, { actorId: actor.id, action, targetType: "THREAD", threadId, before, after });
    if (changes.locked !== undefined && changes.locked !== thread.isLocked) {
      await log(changes.locked ? "LOCK_THREAD" : "UNLOCK_THREAD", { locked: thread.isLocked }, { locked: changes.locked });
    }
    if (changes.pinned !== undefined && changes.pinned !== thread.isPinned) {
      await log(changes.pinned ? "PIN_THREAD" : "UNPIN_THREAD", { pinned: thread.isPinned }, { pinned: changes.pinned });
    }
    if (changes.title !== undefined && changes.title !== thread.title) {
      await log("RENAME_THREAD", { title: thread.title }, { title: changes.title });
    }
    return tx.thread.update({
      select: { id: true, isLocked: true, isPinned: true, title: true },
      where: { id: threadId },
      data: { isLocked: changes.locked, isPinned: changes.pinned, title: changes.title },
    });
  });
}

/** The member, locked, if `action` is allowed on them (lib/authorization.ts: who may suspend whom). */
async function lockSuspendable(tx: Transaction, actor: Actor, userId: number, action: "suspend" | "unsuspend") {
  const [target] = await tx.$queryRaw<{ id: number; role: Role; suspendedAt: Date | null; suspendedUntil: Date | null }[]>`
    SELECT id, role::text AS role, suspended_at AS "suspendedAt", suspended_until AS "suspendedUntil" FROM users WHERE id = ${userId} FOR UPDATE`;
  if (!target) throw new AppError("not_found", "Ce membre n'existe pas.");
  assertAllowed(userPermissions(actor, target)[action]);
  return target;
}

/** Suspends from the next request on: the session version moves, so open sessions end too. */
export async function suspendUser(actor: Actor, userId: number, { until, reason }: SuspendInput) {
  requireModerator(actor);
  return db.$transaction(async (tx) => {
    await lockSuspendable(tx, actor, userId, "suspend");
    const suspendedUntil = until ? new Date(until) : null;
    await tx.user.update({
      where: { id: userId },
      data: { suspendedAt: new Date(), suspendedUntil, suspensionReason: reason, sessionVersion: { increment: 1 } },
    });
    await writeLog(tx, {
      actorId: actor.id, action: "SUSPEND_USER", targetType: "USER", targetUserId: userId, reason,
      after: { until: suspendedUntil?.toISOString() ?? null },
    });
    return { id: userId, suspendedUntil };
  });
}

export async function unsuspendUser(actor: Actor, userId: number) {
  requireModerator(actor);
  await db.$transaction(async (tx) => {
    const user = await lockSuspendable(tx, actor, userId, "unsuspend");
    await tx.user.update({ where: { id: userId }, data: { suspendedAt: null, suspendedUntil: null, suspensionReason: null } });
    await writeLog(tx, {
      actorId: actor.id, action: "UNSUSPEND_USER", targetType: "USER", targetUserId: userId,
      before: { until: user.suspendedUntil?.toISOString() ?? null },
    });
  });
}

/** Admins change roles (lib/authorization.ts: the last admin cannot step down). */
export async function changeRole(actor: Actor, userId: number, role: Role) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    // Serialise role changes, so that two admins cannot demote each other at once.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('agora:roles'))::text`;
    const target = await tx.user.findUnique({ select: { id: true, role: true, suspendedAt: true, suspendedUntil: true }, where: { id: userId } });
    if (!target) throw new AppError("not_found", "Ce membre n'existe pas.");
    const isDemotion = target.role === "ADMIN" && role !== "ADMIN";
    const isLastAdmin = isDemotion && (await tx.user.count({ where: { role: "ADMIN" } })) === 1;
    assertAllowed(userPermissions(actor, { ...target, isLastAdmin }).changeRole);
    if (target.role !== role) {
      await tx.user.update({ where: { id: userId }, data: { role } });
      await writeLog(tx, { actorId: actor.id, action: "CHANGE_ROLE", targetType: "USER", targetUserId: userId, before: { role: target.role }, after: { role } });
    }
    return { id: userId, role };
  });
}
