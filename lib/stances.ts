import "server-only";
import { assertAllowed, requireActiveUser, threadPermissions, type ThreadTarget } from "./authorization";
import { db } from "./db";
import { AppError } from "./errors";
import { consumeRateLimit } from "./rate-limit";
import type { StanceInput, StanceValue } from "./schemas/vote";
import type { Actor } from "./users";

export type StanceTally = { agree: number; disagree: number; nuanced: number; myStance: StanceValue | null };

type QuestionState = ThreadTarget & { agree: number; disagree: number; nuanced: number; myStance: StanceValue | null };

/**
 * Takes, changes or withdraws the actor's stance on a POSITION question, in one statement that
 * also checks the question takes stances; the stance table's trigger moves the tallies in that
 * statement, under the thread's row lock (migration stance_counters); its condition is the rule
 * of lib/authorization.ts, which a second read tells the reason of, with the tally.
 */
export async function setStance(actor: Actor, threadId: number, { stance }: StanceInput): Promise<StanceTally> {
  requireActiveUser(actor);
  await consumeRateLimit("votesPerMember", String(actor.id));
  if (stance === null) {
    await db.$executeRaw`
      DELETE FROM thread_stances s USING threads t
      WHERE s.thread_id = ${threadId} AND s.user_id = ${actor.id} AND t.id = s.thread_id AND t.hidden_at IS NULL AND t.kind = 'POSITION'`;
  } else {
    await db.$executeRaw`
      INSERT INTO thread_stances (thread_id, user_id, stance, updated_at)
      SELECT t.id, ${actor.id}, ${stance}::"Stance", now() FROM threads t
      WHERE t.id = ${threadId} AND t.hidden_at IS NULL AND t.kind = 'POSITION'
      ON CONFLICT (thread_id, user_id) DO UPDATE SET stance = EXCLUDED.stance, updated_at = EXCLUDED.updated_at
      WHERE thread_stances.stance <> EXCLUDED.stance`;
  }
  const [state] = await db.$queryRaw<QuestionState[]>`
    SELECT t.kind::text AS kind, t.hidden_at IS NOT NULL AS "isHidden", t.is_locked AS "isLocked", t.author_id AS "authorId", t.agree_count AS agree, t.disagree_count AS disagree,
      t.nuanced_count AS nuanced, (SELECT s.stance::text FROM thread_stances s WHERE s.thread_id = t.id AND s.user_id = ${actor.id}) AS "myStance"
    FROM threads t WHERE t.id = ${threadId}`;
  if (!state) throw new AppError("not_found", "Ce fil de discussion n'existe pas.");
  assertAllowed(threadPermissions(actor, state).takeStance);
  return { agree: state.agree, disagree: state.disagree, nuanced: state.nuanced, myStance: state.myStance };
}

/** The viewer's stance on a thread, for the page. */
export async function getMyStance(actor: Actor | null, threadId: number): Promise<StanceValue | null> {
  if (!actor) return null;
  const row = await db.threadStance.findUnique({ select: { stance: true }, where: { threadId_userId: { threadId, userId: actor.id } } });
  return row?.stance ?? null;
}
