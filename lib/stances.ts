import "server-only";
import { requireActiveUser } from "./authorization";
import { db } from "./db";
import { AppError } from "./errors";
import { Prisma } from "./generated/prisma/client";
import { consumeRateLimit } from "./rate-limit";
import type { StanceInput, StanceValue } from "./schemas/vote";
import type { Actor } from "./users";

export type StanceTally = { agree: number; disagree: number; nuanced: number; myStance: StanceValue | null };

const COUNTER: Record<StanceValue, Prisma.Sql> = {
  AGREE: Prisma.raw("agree_count"),
  DISAGREE: Prisma.raw("disagree_count"),
  NUANCED: Prisma.raw("nuanced_count"),
};

/**
 * Takes, changes or withdraws the actor's stance on a POSITION question. The thread's row is
 * locked for the transaction, so the tallies move by exactly the change of the stance row.
 */
export async function setStance(actor: Actor, threadId: number, { stance }: StanceInput): Promise<StanceTally> {
  requireActiveUser(actor);
  const thread = await db.thread.findFirst({ select: { kind: true }, where: { id: threadId, hiddenAt: null } });
  if (!thread) throw new AppError("not_found", "Ce fil de discussion n'existe pas.");
  if (thread.kind !== "POSITION") throw new AppError("conflict", "Cette question est ouverte : elle n’appelle pas de prise de position.");
  await consumeRateLimit("votesPerMember", String(actor.id));
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM threads WHERE id = ${threadId} FOR UPDATE`;
    const previous = await tx.threadStance.findUnique({ select: { stance: true }, where: { threadId_userId: { threadId, userId: actor.id } } });
    const before = previous?.stance ?? null;
    if (before !== stance) {
      if (stance === null) await tx.threadStance.delete({ where: { threadId_userId: { threadId, userId: actor.id } } });
      else {
        await tx.threadStance.upsert({
          where: { threadId_userId: { threadId, userId: actor.id } },
          create: { threadId, userId: actor.id, stance },
          update: { stance },
        });
      }
      if (before) await tx.$executeRaw`UPDATE threads SET ${COUNTER[before]} = ${COUNTER[before]} - 1 WHERE id = ${threadId}`;
      if (stance) await tx.$executeRaw`UPDATE threads SET ${COUNTER[stance]} = ${COUNTER[stance]} + 1 WHERE id = ${threadId}`;
    }
    const counts = await tx.thread.findUniqueOrThrow({
      select: { agreeCount: true, disagreeCount: true, nuancedCount: true },
      where: { id: threadId },
    });
    return { agree: counts.agreeCount, disagree: counts.disagreeCount, nuanced: counts.nuancedCount, myStance: stance };
  });
}

/** The viewer's stance on a thread, for the page. */
export async function getMyStance(actor: Actor | null, threadId: number): Promise<StanceValue | null> {
  if (!actor) return null;
  const row = await db.threadStance.findUnique({ select: { stance: true }, where: { threadId_userId: { threadId, userId: actor.id } } });
  return row?.stance ?? null;
}
