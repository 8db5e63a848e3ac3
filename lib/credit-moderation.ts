// Moderators void a credit of « Ce message m'a fait changer d'avis » (a member crediting a post
// from several accounts) rather than hide the post, and restore one voided by mistake. The rules
// are lib/authorization.ts (creditListPermission, creditPermissions); the database keeps the rest
// (migration mind_change_credit_voids): posts.mind_change_count counts the credits not voided,
// and voiding or restoring is the one change a credit takes.
import "server-only";
import { assertAllowed, creditListPermission, creditPermissions, requireModerator } from "./authorization";
import { db } from "./db";
import { AppError } from "./errors";
import { newestFirstAfter, timeOrderedPage } from "./keyset";
import { writeLog } from "./moderation-log";
import type { ListPostCreditsQuery, ModerateCreditInput } from "./schemas/moderation";
import type { Page } from "./schemas/pagination";
import type { Actor } from "./users";

/** A credit as moderators see it: who gave it, the move it came with, and whether it still counts. */
export type PostCredit = {
  id: number;
  postId: number;
  member: { id: number; name: string };
  from: string;
  to: string;
  createdAt: Date;
  voidedAt: Date | null;
};

const CREDIT_FIELDS = {
  id: true,
  postId: true,
  createdAt: true,
  voidedAt: true,
  user: { select: { id: true, name: true } },
  fromPosition: { select: { label: true } },
  toPosition: { select: { label: true } },
} as const;

type CreditRow = { id: number; postId: number; createdAt: Date; voidedAt: Date | null; user: PostCredit["member"]; fromPosition: { label: string }; toPosition: { label: string } };

const toCredit = ({ user, fromPosition, toPosition, ...row }: CreditRow): PostCredit => ({ ...row, member: user, from: fromPosition.label, to: toPosition.label });

/** A post's credits, voided ones included, newest first (the index on post_id, created_at, id). */
export async function listPostCredits(viewer: Actor | null, postId: number, { cursor, limit }: ListPostCreditsQuery): Promise<Page<PostCredit>> {
  assertAllowed(creditListPermission(viewer));
  const [post, rows] = await Promise.all([
    db.post.findUnique({ select: { id: true }, where: { id: postId } }),
    db.mindChangeCredit.findMany({
      select: CREDIT_FIELDS,
      where: { postId, ...newestFirstAfter(cursor) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
    }),
  ]);
  if (!post) throw new AppError("not_found", "Cette contribution n'existe pas.");
  const page = timeOrderedPage(rows, limit);
  return { ...page, items: page.items.map(toCredit) };
}

/**
 * Voids a credit (it stops counting: the post's count goes down, its move leaves the lists) or
 * restores it, and logs it, in one transaction. The credit's row is locked first, so that two
 * moderators voiding it at once void it once: the second reads it voided (409).
 */
export async function moderateCredit(actor: Actor, creditId: number, input: ModerateCreditInput): Promise<PostCredit> {
  requireModerator(actor);
  const isVoid = input.action === "VOID";
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ postId: number; threadId: number; userId: number; voidedAt: Date | null }[]>`
      SELECT post_id AS "postId", thread_id AS "threadId", user_id AS "userId", voided_at AS "voidedAt"
      FROM mind_change_credits WHERE id = ${creditId} FOR UPDATE`;
    if (!row) throw new AppError("not_found", "Ce crédit n'existe pas.");
    assertAllowed(creditPermissions(actor, { isVoided: row.voidedAt !== null })[isVoid ? "void" : "restore"]);
    const credit = await tx.mindChangeCredit.update({
      select: CREDIT_FIELDS,
      where: { id: creditId },
      data: isVoid ? { voidedAt: new Date(), voidedById: actor.id } : { voidedAt: null, voidedById: null },
    });
    await writeLog(tx, {
      actorId: actor.id,
      action: isVoid ? "VOID_CREDIT" : "RESTORE_CREDIT",
      targetType: "POST",
      postId: row.postId,
      threadId: row.threadId,
      targetUserId: row.userId,
      reason: input.reason ?? null,
      before: { creditId, voided: !isVoid },
      after: { creditId, voided: isVoid },
    });
    return toCredit(credit);
  });
}
