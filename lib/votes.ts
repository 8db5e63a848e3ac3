import "server-only";
import { requireActiveUser } from "./authorization";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { AppError } from "./errors";
import { consumeRateLimit } from "./rate-limit";
import type { VoteInput } from "./schemas/vote";
import type { Actor } from "./users";

export type VoteTally = { up: number; down: number; score: number; myVote: -1 | 0 | 1 };

// Identifiers of the two kinds of target (constants, never input).
type Target = { table: Prisma.Sql; voteTable: Prisma.Sql; column: Prisma.Sql };
const POST: Target = { table: Prisma.raw("posts"), voteTable: Prisma.raw("post_votes"), column: Prisma.raw("post_id") };
const THREAD: Target = { table: Prisma.raw("threads"), voteTable: Prisma.raw("thread_votes"), column: Prisma.raw("thread_id") };

type Locked = { authorId: number | null; upvotes: number; downvotes: number };

/**
 * Casts, changes or withdraws the actor's vote. The target's row is locked for the transaction,
 * so concurrent votes on one target apply one after the other: the counters move by exactly the
 * change of the vote row, and the triggers recompute score and ranks from them.
 */
async function castVote(actor: Actor, target: Target, id: number, value: VoteInput["value"]) {
  requireActiveUser(actor);
  await consumeRateLimit("votesPerMember", String(actor.id));
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Locked[]>`
      SELECT author_id AS "authorId", upvotes, downvotes FROM ${target.table} WHERE id = ${id} FOR UPDATE`;
    if (row.authorId === actor.id) throw new AppError("forbidden", "On ne vote pas pour sa propre contribution.");
    const [previous] = await tx.$queryRaw<{ value: number }[]>`
      SELECT value FROM ${target.voteTable} WHERE ${target.column} = ${id} AND user_id = ${actor.id}`;
    const before = previous?.value ?? 0;
    if (value === 0) {
      await tx.$executeRaw`DELETE FROM ${target.voteTable} WHERE ${target.column} = ${id} AND user_id = ${actor.id}`;
    } else if (value !== before) {
      await tx.$executeRaw`
        INSERT INTO ${target.voteTable} (${target.column}, user_id, value, updated_at) VALUES (${id}, ${actor.id}, ${value}, now())
        ON CONFLICT (${target.column}, user_id) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`;
    }
    const up = row.upvotes + (value === 1 ? 1 : 0) - (before === 1 ? 1 : 0);
    const down = row.downvotes + (value === -1 ? 1 : 0) - (before === -1 ? 1 : 0);
    if (value !== before) {
      await tx.$executeRaw`UPDATE ${target.table} SET upvotes = ${up}, downvotes = ${down} WHERE id = ${id}`;
    }
    return { up, down, score: up - down, myVote: value } satisfies VoteTally;
  });
}

export async function votePost(actor: Actor, postId: number, { value }: VoteInput) {
  const post = await db.post.findUnique({ select: { deletedAt: true, hiddenAt: true, thread: { select: { hiddenAt: true } } }, where: { id: postId } });
  if (!post || post.hiddenAt || post.thread.hiddenAt) throw new AppError("not_found", "Cette contribution n'existe pas.");
  if (post.deletedAt) throw new AppError("conflict", "Cette contribution a été supprimée : on ne vote plus pour elle.");
  return castVote(actor, POST, postId, value);
}

/** Only threads that members proposed take votes; the article's questions do not. */
export async function voteThread(actor: Actor, threadId: number, { value }: VoteInput) {
  const thread = await db.thread.findFirst({ select: { authorId: true }, where: { id: threadId, hiddenAt: null } });
  if (!thread) throw new AppError("not_found", "Ce fil de discussion n'existe pas.");
  if (thread.authorId === null) throw new AppError("conflict", "Les questions de l’article ne se votent pas : prenez position.");
  return castVote(actor, THREAD, threadId, value);
}

/** The viewer's vote on a thread, for its page. */
export async function getMyThreadVote(actor: Actor | null, threadId: number): Promise<VoteTally["myVote"]> {
  if (!actor) return 0;
  const vote = await db.threadVote.findUnique({ select: { value: true }, where: { threadId_userId: { threadId, userId: actor.id } } });
  return (vote?.value ?? 0) as VoteTally["myVote"];
}
