import "server-only";
import { requireActiveUser, requireRole } from "./authorization";
import { db } from "./db";
import { AppError } from "./errors";
import { Prisma } from "./generated/prisma/client";
import { writeLog } from "./moderation-log";
import type { HideInput, ModerateThreadInput, SuspendInput } from "./schemas/moderation";
import type { Role } from "./schemas/user";
import type { Actor } from "./users";

type Transaction = Prisma.TransactionClient;

/** Moderation is for active moderators and admins. */
export function requireModerator(actor: Actor | null) {
  return requireActiveUser(requireRole(actor, "MODERATOR"));
}

/** Closes a target's open reports as acted upon (hiding it answers them). */
export function closeReports(tx: Transaction, actor: Actor | null, target: { postId?: number; threadId?: number }, status: "ACTIONED" | "DISMISSED") {
  return tx.report.updateMany({
    where: { ...target, status: "OPEN" },
    data: { status, resolvedAt: new Date(), resolvedById: actor?.id ?? null },
  });
}

// What hiding and restoring differ in between posts and threads (constants, never input).
const HIDEABLE = {
  POST: {
    table: Prisma.raw("posts"),
    target: (id: number) => ({ postId: id }),
    actions: { hide: "HIDE_POST", restore: "RESTORE_POST" },
    messages: { missing: "Cette contribution n'existe pas.", hidden: "Cette contribution est déjà masquée.", visible: "Cette contribution n'est pas masquée." },
  },
  THREAD: {
    table: Prisma.raw("threads"),
    target: (id: number) => ({ threadId: id }),
    actions: { hide: "HIDE_THREAD", restore: "RESTORE_THREAD" },
    messages: { missing: "Ce fil de discussion n'existe pas.", hidden: "Ce fil est déjà masqué.", visible: "Ce fil n'est pas masqué." },
  },
} as const;
type Hideable = keyof typeof HIDEABLE;

async function lockHideable(tx: Transaction, type: Hideable, id: number) {
  const [row] = await tx.$queryRaw<{ hiddenAt: Date | null; hiddenById: number | null; hiddenReason: string | null }[]>`
    SELECT hidden_at AS "hiddenAt", hidden_by_id AS "hiddenById", hidden_reason AS "hiddenReason"
    FROM ${HIDEABLE[type].table} WHERE id = ${id} FOR UPDATE`;
  if (!row) throw new AppError("not_found", HIDEABLE[type].messages.missing);
  return row;
}

/**
 * Hides a post or a thread (nothing is deleted): the public sees a placeholder (a 404 for a
 * thread), its author the reason. What reports hid automatically can be hidden for good by a
 * moderator; hiding answers the target's open reports.
 */
export async function hideInTransaction(tx: Transaction, actor: Actor, type: Hideable, id: number, reason: string) {
  const { table, target, actions, messages } = HIDEABLE[type];
  const row = await lockHideable(tx, type, id);
  if (row.hiddenById !== null) throw new AppError("conflict", messages.hidden);
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
  const { table, target, actions, messages } = HIDEABLE[type];
  await db.$transaction(async (tx) => {
    const row = await lockHideable(tx, type, id);
    if (!row.hiddenAt) throw new AppError("conflict", messages.visible);
    await tx.$executeRaw`UPDATE ${table} SET hidden_at = NULL, hidden_reason = NULL, hidden_by_id = NULL WHERE id = ${id}`;
    await writeLog(tx, { actorId: actor.id, action: actions.restore, targetType: type, ...target(id), before: { hidden: true, reason: row.hiddenReason }, after: { hidden: false } });
  });
}

/** Lock/unlock, pin/unpin, rename: one log row per attribute that changes. */
export async function moderateThread(actor: Actor, threadId: number, changes: ModerateThreadInput) {
  requireModerator(actor);
  return db.$transaction(async (tx) => {
    const [thread] = await tx.$queryRaw<{ isLocked: boolean; isPinned: boolean; title: string }[]>`
      SELECT is_locked AS "isLocked", is_pinned AS "isPinned", title FROM threads WHERE id = ${threadId} FOR UPDATE`;
    if (!thread) throw new AppError("not_found", "Ce fil de discussion n'existe pas.");
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

const RANK: Record<Role, number> = { MEMBER: 0, MODERATOR: 1, ADMIN: 2 };

/** Moderators may suspend members; only admins may suspend moderators and admins. */
async function suspendableTarget(tx: Transaction, actor: Actor, userId: number) {
  const [target] = await tx.$queryRaw<{ id: number; role: Role }[]>`SELECT id, role::text AS role FROM users WHERE id = ${userId} FOR UPDATE`;
  if (!target) throw new AppError("not_found", "Ce membre n'existe pas.");
  if (target.id === actor.id) throw new AppError("forbidden", "On ne se suspend pas soi-même.");
  if (RANK[target.role] >= RANK.MODERATOR && actor.role !== "ADMIN") {
    throw new AppError("forbidden", "Seul un administrateur peut suspendre un membre de la modération.");
  }
  return target;
}

/** Suspends from the next request on: the session version moves, so open sessions end too. */
export async function suspendUser(actor: Actor, userId: number, { until, reason }: SuspendInput) {
  requireModerator(actor);
  return db.$transaction(async (tx) => {
    await suspendableTarget(tx, actor, userId);
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
    await suspendableTarget(tx, actor, userId);
    const user = await tx.user.findUniqueOrThrow({ select: { suspendedAt: true, suspendedUntil: true }, where: { id: userId } });
    if (!user.suspendedAt) throw new AppError("conflict", "Ce membre n'est pas suspendu.");
    await tx.user.update({ where: { id: userId }, data: { suspendedAt: null, suspendedUntil: null, suspensionReason: null } });
    await writeLog(tx, {
      actorId: actor.id, action: "UNSUSPEND_USER", targetType: "USER", targetUserId: userId,
      before: { until: user.suspendedUntil?.toISOString() ?? null },
    });
  });
}

/** Admins change roles; the last admin cannot step down (someone must be able to appoint). */
export async function changeRole(actor: Actor, userId: number, role: Role) {
  requireActiveUser(requireRole(actor, "ADMIN"));
  return db.$transaction(async (tx) => {
    // Serialise role changes, so that two admins cannot demote each other at once.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('agora:roles'))::text`;
    const target = await tx.user.findUnique({ select: { id: true, role: true }, where: { id: userId } });
    if (!target) throw new AppError("not_found", "Ce membre n'existe pas.");
    if (target.role === "ADMIN" && role !== "ADMIN" && (await tx.user.count({ where: { role: "ADMIN" } })) === 1) {
      throw new AppError("conflict", "Le dernier administrateur ne peut pas quitter ce rôle : nommez-en un autre d’abord.");
    }
    if (target.role !== role) {
      await tx.user.update({ where: { id: userId }, data: { role } });
      await writeLog(tx, { actorId: actor.id, action: "CHANGE_ROLE", targetType: "USER", targetUserId: userId, before: { role: target.role }, after: { role } });
    }
    return { id: userId, role };
  });
}
