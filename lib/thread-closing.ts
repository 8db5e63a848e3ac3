// Closing a question and its closing summary: moderators close a question (read-only, its votes
// and stances final: lib/authorization.ts says why, the database refuses too with SQLSTATE AGCLO),
// reopen it, and write the summary shown first on its page, whose earlier texts stay readable as a
// post's do. Each action writes its moderation log row in its own transaction.
import "server-only";
import { assertAllowed, requireModerator, threadPermissions, threadTarget } from "./authorization";
import { db } from "./db";
import { lockThread } from "./moderation";
import { writeLog } from "./moderation-log";
import { renderMemberText } from "./posts";
import type { CloseThreadInput, SummaryInput } from "./schemas/moderation";
import { requireThread, type ThreadSummaryText } from "./threads";
import type { Actor } from "./users";

export type ClosedState = { id: number; closedAt: Date | null };

/** Closes or reopens, once: closing a closed question (or reopening an open one) is a 409. */
async function setClosed(actor: Actor, threadId: number, close: boolean, { reason }: CloseThreadInput): Promise<ClosedState> {
  requireModerator(actor);
  return db.$transaction(async (tx) => {
    const thread = await lockThread(tx, threadId);
    const can = threadPermissions(actor, threadTarget(thread));
    assertAllowed(close ? can.close : can.reopen);
    const closedAt = close ? new Date() : null;
    await tx.thread.update({ where: { id: threadId }, data: { closedAt, closedById: close ? actor.id : null } });
    await writeLog(tx, {
      actorId: actor.id, action: close ? "CLOSE_THREAD" : "REOPEN_THREAD", targetType: "THREAD", threadId, reason: reason ?? null,
      before: { closed: !close }, after: { closed: close },
    });
    return { id: threadId, closedAt };
  });
}

export function closeThread(actor: Actor, threadId: number, input: CloseThreadInput = {}) {
  return setClosed(actor, threadId, true, input);
}

export function reopenThread(actor: Actor, threadId: number, input: CloseThreadInput = {}) {
  return setClosed(actor, threadId, false, input);
}

/**
 * Writes or rewrites the summary. The text it replaces, with the HTML it was shown as, becomes a
 * revision in the same transaction, under the thread's row lock: two moderators writing at once
 * write one after the other, and the first one's text is the second one's revision. The same text
 * again changes nothing (no revision, no log row).
 */
export async function writeSummary(actor: Actor, threadId: number, { body }: SummaryInput): Promise<ThreadSummaryText> {
  requireModerator(actor);
  const html = await renderMemberText(actor, body);
  await db.$transaction(async (tx) => {
    const thread = await lockThread(tx, threadId);
    assertAllowed(threadPermissions(actor, threadTarget(thread)).writeSummary);
    if (thread.summary === body) return;
    if (thread.summary !== null) {
      await tx.threadSummaryRevision.create({ data: { threadId, editorId: actor.id, body: thread.summary, bodyHtml: thread.summaryHtml } });
    }
    await tx.thread.update({ where: { id: threadId }, data: { summary: body, summaryHtml: html, summaryAt: new Date(), summaryById: actor.id } });
    await writeLog(tx, { actorId: actor.id, action: "WRITE_SUMMARY", targetType: "THREAD", threadId, before: { summary: thread.summary }, after: { summary: body } });
  });
  return (await requireThread(actor, threadId)).summary!;
}

export type SummaryRevision = { id: number; body: string; bodyHtml: string | null; replacedAt: Date; replacedBy: { id: number; name: string } };

/**
 * The summary's history, newest first: public while the question is visible. Each revision is a
 * text as it was until a moderator replaced it (replacedAt, replacedBy), as a post's revisions are.
 */
export async function listSummaryRevisions(viewer: Actor | null, threadId: number): Promise<{ current: ThreadSummaryText | null; items: SummaryRevision[] }> {
  const { summary } = await requireThread(viewer, threadId);
  const revisions = await db.threadSummaryRevision.findMany({
    select: { id: true, body: true, bodyHtml: true, createdAt: true, editor: { select: { id: true, name: true } } },
    where: { threadId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return {
    current: summary,
    items: revisions.map(({ createdAt, editor, ...revision }) => ({ ...revision, replacedAt: createdAt, replacedBy: editor })),
  };
}
