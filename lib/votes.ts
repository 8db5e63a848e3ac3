import "server-only";
import { requireActiveUser } from "./authorization";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { AppError } from "./errors";
import { consumeRateLimit } from "./rate-limit";
import type { VoteInput } from "./schemas/vote";
import type { Actor } from "./users";

export type VoteTally = { up: number; down: number; score: number; myVote: -1 | 0 | 1 };

/**
 * A kind of target, as SQL fragments (constants, never input). `source` names the target row
 * `target`; `visible` and `closed` are conditions on it: a vote needs a visible, open target that
 * is not the voter's own.
 */
type Target = {
  voteTable: Prisma.Sql;
  column: Prisma.Sql;
  source: Prisma.Sql;
  visible: Prisma.Sql;
  closed: Prisma.Sql;
  notFound: string;
  closedMessage: string;
  ownMessage: string;
};

const POST: Target = {
  voteTable: Prisma.raw("post_votes"),
  column: Prisma.raw("post_id"),
  source: Prisma.sql`posts target JOIN threads thread ON thread.id = target.thread_id`,
  visible: Prisma.sql`target.hidden_at IS NULL AND thread.hidden_at IS NULL`,
  closed: Prisma.sql`target.deleted_at IS NOT NULL`,
  notFound: "Cette contribution n'existe pas.",
  closedMessage: "Cette contribution a été supprimée : on ne vote plus pour elle.",
  ownMessage: "On ne vote pas pour sa propre contribution.",
};

/** Only threads that members proposed take votes; the article's questions do not. */
const THREAD: Target = {
  voteTable: Prisma.raw("thread_votes"),
  column: Prisma.raw("thread_id"),
  source: Prisma.sql`threads target`,
  visible: Prisma.sql`target.hidden_at IS NULL`,
  closed: Prisma.sql`target.author_id IS NULL`,
  notFound: "Ce fil de discussion n'existe pas.",
  closedMessage: "Les questions de l’article ne se votent pas : prenez position.",
  ownMessage: "On ne vote pas pour sa propre question.",
};

const TARGETS = { post: POST, thread: THREAD };
type TargetKind = keyof typeof TARGETS;

type TargetState = { authorId: number | null; upvotes: number; downvotes: number; visible: boolean; closed: boolean; myVote: number | null };

/**
 * The SQL of a vote: one statement that casts, changes or withdraws it if the target may take it
 * (the vote table's triggers move the target's counters in that statement, under the target's row
 * lock: migration vote_counters), then a read of the target's state. Exported for the benchmark's
 * raw-pg baseline, which runs the same SQL.
 */
export function voteQueries(kind: TargetKind, actorId: number, id: number, value: VoteInput["value"]) {
  const target = TARGETS[kind];
  const mayVote = Prisma.sql`target.id = ${id} AND ${target.visible} AND NOT (${target.closed}) AND target.author_id IS DISTINCT FROM ${actorId}`;
  const write =
    value === 0
      ? Prisma.sql`
          DELETE FROM ${target.voteTable} vote USING ${target.source}
          WHERE vote.${target.column} = ${id} AND vote.user_id = ${actorId} AND ${mayVote}`
      : Prisma.sql`
          INSERT INTO ${target.voteTable} (${target.column}, user_id, value, updated_at)
          SELECT target.id, ${actorId}, ${value}, now() FROM ${target.source} WHERE ${mayVote}
          ON CONFLICT (${target.column}, user_id) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
          WHERE ${target.voteTable}.value <> EXCLUDED.value`;
  const state = Prisma.sql`
    SELECT target.author_id AS "authorId", target.upvotes, target.downvotes, ${target.visible} AS visible, ${target.closed} AS closed,
      (SELECT value FROM ${target.voteTable} WHERE ${target.column} = ${id} AND user_id = ${actorId}) AS "myVote"
    FROM ${target.source} WHERE target.id = ${id}`;
  return { write, state };
}

/**
 * Casts, changes or withdraws the actor's vote. Nothing written means a refusal (the state says
 * which) or a vote already as asked (the tally is the answer).
 */
async function castVote(actor: Actor, kind: TargetKind, id: number, { value }: VoteInput): Promise<VoteTally> {
  requireActiveUser(actor);
  await consumeRateLimit("votesPerMember", String(actor.id));
  const target = TARGETS[kind];
  const queries = voteQueries(kind, actor.id, id, value);
  const written = await db.$executeRaw(queries.write);
  const [state] = await db.$queryRaw<TargetState[]>(queries.state);
  if (!state?.visible) throw new AppError("not_found", target.notFound);
  if (written === 0 && state.closed) throw new AppError("conflict", target.closedMessage);
  if (written === 0 && state.authorId === actor.id) throw new AppError("forbidden", target.ownMessage);
  return { up: state.upvotes, down: state.downvotes, score: state.upvotes - state.downvotes, myVote: (state.myVote ?? 0) as VoteTally["myVote"] };
}

export function votePost(actor: Actor, postId: number, input: VoteInput) {
  return castVote(actor, "post", postId, input);
}

export function voteThread(actor: Actor, threadId: number, input: VoteInput) {
  return castVote(actor, "thread", threadId, input);
}

/** The viewer's vote on a thread, for its page. */
export async function getMyThreadVote(actor: Actor | null, threadId: number): Promise<VoteTally["myVote"]> {
  if (!actor) return 0;
  const vote = await db.threadVote.findUnique({ select: { value: true }, where: { threadId_userId: { threadId, userId: actor.id } } });
  return (vote?.value ?? 0) as VoteTally["myVote"];
}
