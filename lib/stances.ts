import "server-only";
import { assertAllowed, requireActiveUser, threadPermissions, type ThreadTarget } from "./authorization";
import { db } from "./db";
import { refusingClosedQuestion } from "./db-errors";
import { AppError } from "./errors";
import type { Position } from "./positions";
import { creditMindChange } from "./mind-changes";
import { consumeRateLimit } from "./rate-limit";
import { Prisma } from "./generated/prisma/client";
import type { StanceInput } from "./schemas/vote";
import type { Actor } from "./users";

/** A question's positions with their tallies, and the viewer's position among them. */
export type StanceTally = { positions: Position[]; myPositionId: number | null };

/** A question's positions (positionsSelect), as a JSON column of a raw query over `threads t` (an empty list for an open question). */
const positionsColumn = Prisma.sql`coalesce((
  SELECT json_agg(json_build_object('id', p.id, 'label', p.label, 'description', p.description, 'colour', p.colour, 'stanceCount', p.stance_count) ORDER BY p.ord)
  FROM thread_positions p WHERE p.thread_id = t.id), '[]'::json) AS positions`;

type QuestionState = ThreadTarget & { positions: Position[]; myPositionId: number | null };

/** "12 « Llama 2 n’est pas open source », 13 « Llama 2 est open source »": what an API client may send. */
const listed = (positions: Position[]) => positions.map((position) => `${position.id} « ${position.label} »`).join(", ");

/**
 * Takes, changes or withdraws the actor's position on a POSITION question, and credits the posts
 * that changed their mind, in one transaction. The stance is written by one statement that also
 * checks the question takes stances and the position is one of its own; the stance table's
 * trigger moves the tallies and records the change (migration thread_positions); its condition is
 * the rule of lib/authorization.ts, which a second read tells the reason of.
 */
export async function setStance(actor: Actor, threadId: number, input: StanceInput): Promise<StanceTally> {
  requireActiveUser(actor);
  const { positionId, creditedPostIds = [] } = input;
  await consumeRateLimit("votesPerMember", String(actor.id));
  return refusingClosedQuestion(db.$transaction(async (tx) => {
    const changed = await writeStance(tx, actor, threadId, positionId);
    const state = await questionState(tx, actor, threadId);
    assertAllowed(threadPermissions(actor, state).takeStance);
    if (positionId === undefined) {
      throw new AppError("invalid_input", `Envoyez {"positionId": <id> | null}. Positions de cette question : ${listed(state.positions)}.`, {
        issues: [{ path: ["positionId"], message: `positionId vaut l’une de ces positions : ${listed(state.positions)}, ou null.` }],
      });
    }
    if (positionId !== null && !state.positions.some((position) => position.id === positionId)) {
      throw new AppError("invalid_input", `Cette position n’est pas l’une de cette question : ${listed(state.positions)}.`, {
        issues: [{ path: ["positionId"], message: "Choisissez l’une des positions de la question." }],
      });
    }
    if (creditedPostIds.length > 0) {
      if (!changed) throw notAChange();
      await consumeRateLimit("mindChangeCreditsPerMember", String(actor.id), tx);
      await creditMindChange(tx, actor, threadId, creditedPostIds);
    }
    return { positions: state.positions, myPositionId: state.myPositionId };
  }));
}

const notAChange = () =>
  new AppError("conflict", "Vous n’avez pas changé de position : un message ne peut être crédité que d’un vrai changement d’avis.", {
    issues: [{ path: "creditedPostIds", message: "Choisissez une autre position que la vôtre pour dire ce qui vous a fait changer d’avis." }],
  });

/** The stance statement; whether it changed the actor's position (the trigger then recorded it). */
async function writeStance(tx: Prisma.TransactionClient, actor: Actor, threadId: number, positionId: number | null | undefined) {
  if (positionId === null) {
    return (
      (await tx.$executeRaw`
        DELETE FROM thread_stances s USING threads t
        WHERE s.thread_id = ${threadId} AND s.user_id = ${actor.id} AND t.id = s.thread_id AND t.hidden_at IS NULL AND t.closed_at IS NULL AND t.kind = 'POSITION'`) > 0
    );
  }
  if (positionId === undefined) return false;
  return (
    (await tx.$executeRaw`
      INSERT INTO thread_stances (thread_id, user_id, position_id, updated_at)
      SELECT t.id, ${actor.id}, p.id, now() FROM threads t JOIN thread_positions p ON p.thread_id = t.id AND p.id = ${positionId}
      WHERE t.id = ${threadId} AND t.hidden_at IS NULL AND t.closed_at IS NULL AND t.kind = 'POSITION'
      ON CONFLICT (thread_id, user_id) DO UPDATE SET position_id = EXCLUDED.position_id, updated_at = EXCLUDED.updated_at
      WHERE thread_stances.position_id <> EXCLUDED.position_id`) > 0
  );
}

async function questionState(tx: Prisma.TransactionClient, actor: Actor, threadId: number): Promise<QuestionState> {
  const [state] = await tx.$queryRaw<QuestionState[]>`
    SELECT t.kind::text AS kind, t.hidden_at IS NOT NULL AS "isHidden", t.is_locked AS "isLocked", t.closed_at IS NOT NULL AS "isClosed", t.author_id AS "authorId",
      ${positionsColumn},
      (SELECT s.position_id FROM thread_stances s WHERE s.thread_id = t.id AND s.user_id = ${actor.id}) AS "myPositionId"
    FROM threads t WHERE t.id = ${threadId}`;
  if (!state) throw new AppError("not_found", "Ce fil de discussion n'existe pas.");
  return state;
}

/** The viewer's position on a thread, for the page. */
export async function getMyPositionId(actor: Actor | null, threadId: number): Promise<number | null> {
  if (!actor) return null;
  const row = await db.threadStance.findUnique({ select: { positionId: true }, where: { threadId_userId: { threadId, userId: actor.id } } });
  return row?.positionId ?? null;
}
