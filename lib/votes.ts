import "server-only";
import { assertAllowed, type Permission, postPermissions, requireActiveUser, threadPermissions } from "./authorization";
import { db } from "./db";
import { refusingClosedQuestion } from "./db-errors";
import { Prisma } from "./generated/prisma/client";
import { AppError } from "./errors";
import { consumeRateLimit } from "./rate-limit";
import type { VoteInput } from "./schemas/vote";
import type { Actor } from "./users";

export type VoteTally = { up: number; down: number; score: number; myVote: -1 | 0 | 1 };

/**
 * A kind of target, as SQL fragments (constants, never input). `source` names the target row
 * `target`; `mayVote` is the condition, in SQL, under which it takes a vote (the same rule as
 * lib/authorization.ts, so that the vote is one statement); `state` reads what that rule needs,
 * and `permission` tells from it why a vote was refused.
 */
type Target = {
  voteTable: Prisma.Sql;
  column: Prisma.Sql;
  source: Prisma.Sql;
  mayVote: Prisma.Sql;
  state: Prisma.Sql;
  permission: (actor: Actor, state: TargetState) => Permission;
};

type TargetState = {
  authorId: number | null;
  upvotes: number;
  downvotes: number;
  isHidden: boolean;
  isDeleted: boolean;
  isLocked: boolean;
  isClosed: boolean;
  kind: "POSITION" | "OPEN";
  threadAuthorId: number | null;
  isThreadHidden: boolean;
  myVote: number | null;
};

const POST: Target = {
  voteTable: Prisma.raw("post_votes"),
  column: Prisma.raw("post_id"),
  source: Prisma.sql`posts target JOIN threads thread ON thread.id = target.thread_id`,
  mayVote: Prisma.sql`target.hidden_at IS NULL AND thread.hidden_at IS NULL AND thread.closed_at IS NULL AND target.deleted_at IS NULL`,
  state: Prisma.sql`target.hidden_at IS NOT NULL AS "isHidden", target.deleted_at IS NOT NULL AS "isDeleted", thread.is_locked AS "isLocked", thread.closed_at IS NOT NULL AS "isClosed",
    thread.kind::text AS kind, thread.author_id AS "threadAuthorId", thread.hidden_at IS NOT NULL AS "isThreadHidden"`,
  permission: (actor, state) =>
    postPermissions(actor, {
      ...state,
      thread: { authorId: state.threadAuthorId, isHidden: state.isThreadHidden, isLocked: state.isLocked, isClosed: state.isClosed },
    }).vote,
};

/** Only threads that members proposed take votes; the article's questions do not. */
const THREAD: Target = {
  voteTable: Prisma.raw("thread_votes"),
  column: Prisma.raw("thread_id"),
  source: Prisma.sql`threads target`,
  mayVote: Prisma.sql`target.hidden_at IS NULL AND target.closed_at IS NULL AND target.author_id IS NOT NULL`,
  state: Prisma.sql`target.hidden_at IS NOT NULL AS "isHidden", false AS "isDeleted", target.is_locked AS "isLocked", target.closed_at IS NOT NULL AS "isClosed",
    target.kind::text AS kind, target.author_id AS "threadAuthorId", target.hidden_at IS NOT NULL AS "isThreadHidden"`,
  permission: (actor, state) => threadPermissions(actor, state).vote,
};

const TARGETS = { post: POST, thread: THREAD };
type TargetKind = keyof typeof TARGETS;

/**
 * The SQL of a vote: one statement that casts, changes or withdraws it if the target may take it
 * (the vote table's triggers move the target's counters in that statement, under the target's row
 * lock: migration vote_counters), then a read of the target's state. Exported for the benchmark's
 * raw-pg baseline, which runs the same SQL.
 */
export function voteQueries(kind: TargetKind, actorId: number, id: number, value: VoteInput["value"]) {
  const target = TARGETS[kind];
  const mayVote = Prisma.sql`target.id = ${id} AND ${target.mayVote} AND target.author_id IS DISTINCT FROM ${actorId}`;
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
    SELECT target.author_id AS "authorId", target.upvotes, target.downvotes, ${target.state},
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
  const queries = voteQueries(kind, actor.id, id, value);
  const written = await refusingClosedQuestion(db.$executeRaw(queries.write));
  const [state] = await db.$queryRaw<TargetState[]>(queries.state);
  if (!state) throw new AppError("not_found", kind === "post" ? "Cette contribution n'existe pas." : "Ce fil de discussion n'existe pas.");
  if (written === 0) assertAllowed(TARGETS[kind].permission(actor, state));
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
