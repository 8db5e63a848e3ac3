// « Ce message m'a fait changer d'avis »: the posts members credit with their change of position,
// and what the question's pages read of them. The rules are lib/authorization.ts
// (creditPermission); the database keeps what no caller may break (migration mind_change_credits).
import "server-only";
import { type Actor } from "./users";
import { CREDIT_GONE, type CreditTarget, creditPermission, type MindChange, postTarget, threadOfRow } from "./authorization";
import { db } from "./db";
import { AppError } from "./errors";
import { Prisma } from "./generated/prisma/client";
import { EXCERPT_HTML_CHARS, htmlExcerpt, type PostExcerpt } from "./html-excerpt";
import type { PositionRef } from "./positions";
import type { PositionColour } from "./schemas/vocabulary";

/** Members who left a position for another, crediting a post. */
export type MindChangeMove = { from: PositionRef; to: PositionRef; count: number };

/** A post of « Ce qui a fait bouger les avis », or one a member may credit. */
export type CreditedPost = PostExcerpt & {
  writtenFrom: PositionRef | null;
  mindChangeCount: number;
  moves: MindChangeMove[];
};

type ChangeRow = MindChange & { id: number };
export type CreditRow = {
  id: number;
  threadId: number;
  authorId: number;
  createdAt: Date;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenById: number | null;
  threadAuthorId: number | null;
  threadIsLocked: boolean;
  threadHiddenAt: Date | null;
  threadClosedAt: Date | null;
  isCreditedByViewer: boolean;
};

/**
 * Credits the posts with the change of position the actor has just made in this transaction
 * (setStance): the last change recorded is that one. A refusal names the post it is about
 * (`creditedPostIds.<index>`) and undoes the change with it.
 */
export async function creditMindChange(tx: Prisma.TransactionClient, actor: Actor, threadId: number, postIds: number[]) {
  const [change] = await tx.$queryRaw<ChangeRow[]>`
    SELECT id, thread_id AS "threadId", from_position_id AS "fromPositionId", to_position_id AS "toPositionId", changed_at AS at
    FROM stance_changes WHERE thread_id = ${threadId} AND user_id = ${actor.id} ORDER BY id DESC LIMIT 1`;
  // Locked against a moderator hiding one while it is credited.
  const rows = await tx.$queryRaw<CreditRow[]>`
    SELECT p.id, p.thread_id AS "threadId", p.author_id AS "authorId", p.created_at AS "createdAt", p.deleted_at AS "deletedAt",
      p.hidden_at AS "hiddenAt", p.hidden_by_id AS "hiddenById", t.author_id AS "threadAuthorId", t.is_locked AS "threadIsLocked",
      t.hidden_at AS "threadHiddenAt", t.closed_at AS "threadClosedAt",
      EXISTS (SELECT 1 FROM mind_change_credits c WHERE c.user_id = ${actor.id} AND c.post_id = p.id) AS "isCreditedByViewer"
    FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = ANY(${postIds}::int[]) FOR SHARE OF p`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  postIds.forEach((postId, index) => {
    const row = byId.get(postId);
    const permission = row ? creditPermission(actor, creditTarget(row), change) : CREDIT_GONE;
    if (!permission.allowed) {
      throw new AppError(permission.code, permission.reason, { issues: [{ path: `creditedPostIds.${index}`, message: permission.reason }] });
    }
  });
  await tx.$executeRaw`
    INSERT INTO mind_change_credits (change_id, thread_id, post_id, user_id, from_position_id, to_position_id)
    SELECT ${change.id}, ${threadId}, post_id, ${actor.id}, ${change.fromPositionId}, ${change.toPositionId}
    FROM unnest(${postIds}::int[]) AS post_id`;
}

/** A post's row as the credit rules see it. */
export const creditTarget = (row: CreditRow): CreditTarget => ({
  ...postTarget(row, threadOfRow(row)),
  threadId: row.threadId,
  createdAt: row.createdAt,
  isCreditedByViewer: row.isCreditedByViewer,
});

/**
 * The viewer's position on the question, and which of these posts they credited already (voided
 * credits too: a member credits a post once, ever), in one query.
 */
export async function listMyCreditsOn(viewer: Actor, threadId: number, postIds: number[]) {
  const [row] = await db.$queryRaw<{ myPositionId: number | null; myCredits: number[] }[]>`
    SELECT (SELECT position_id FROM thread_stances WHERE thread_id = ${threadId} AND user_id = ${viewer.id}) AS "myPositionId",
      ARRAY(SELECT post_id FROM mind_change_credits WHERE user_id = ${viewer.id} AND post_id = ANY(${postIds}::int[])) AS "myCredits"`;
  return { myPositionId: row.myPositionId, myCredits: new Set(row.myCredits) };
}

/** The moves each of these posts caused, most frequent first, in one query; a voided credit moved nobody. */
export async function listMindChangeMoves(postIds: number[]): Promise<Map<number, MindChangeMove[]>> {
  const moves = new Map<number, MindChangeMove[]>();
  if (postIds.length === 0) return moves;
  const rows = await db.$queryRaw<{ postId: number; count: number; from: PositionRef; to: PositionRef }[]>`
    SELECT c.post_id AS "postId", count(*)::int AS count,
      json_build_object('id', f.id, 'label', f.label, 'colour', f.colour) AS "from",
      json_build_object('id', n.id, 'label', n.label, 'colour', n.colour) AS "to"
    FROM mind_change_credits c
    JOIN thread_positions f ON f.id = c.from_position_id JOIN thread_positions n ON n.id = c.to_position_id
    WHERE c.post_id = ANY(${postIds}::int[]) AND c.voided_at IS NULL
    GROUP BY c.post_id, f.id, n.id ORDER BY count DESC, f.ord, n.ord`;
  for (const { postId, ...move } of rows) moves.set(postId, [...(moves.get(postId) ?? []), move]);
  return moves;
}

/** Which of these posts members credited, voided credits included, in one query. */
export async function listCreditedPosts(postIds: number[]): Promise<Set<number>> {
  if (postIds.length === 0) return new Set();
  const rows = await db.$queryRaw<{ postId: number }[]>`
    SELECT DISTINCT post_id AS "postId" FROM mind_change_credits WHERE post_id = ANY(${postIds}::int[])`;
  return new Set(rows.map((row) => row.postId));
}

type CreditedPostRow = Omit<CreditedPost, "excerpt" | "moves" | "writtenFrom"> & {
  bodyHtml: string;
  writtenId: number | null;
  writtenLabel: string | null;
  writtenColour: PositionColour | null;
};

const CREDITED_POST_COLUMNS = Prisma.sql`p.id, u.name AS "authorName", left(p.body_html, ${EXCERPT_HTML_CHARS}) AS "bodyHtml",
  p.created_at AS "createdAt", p.mind_change_count AS "mindChangeCount",
  wp.id AS "writtenId", wp.label AS "writtenLabel", wp.colour::text AS "writtenColour"`;
const CREDITED_POST_SOURCE = Prisma.sql`posts p JOIN users u ON u.id = p.author_id LEFT JOIN thread_positions wp ON wp.id = p.author_position_id`;
const PUBLIC_POST = Prisma.sql`p.deleted_at IS NULL AND p.hidden_at IS NULL`;

/** The number of posts « Ce qui a fait bouger les avis » lists. */
const MOST_CREDITED_SHOWN = 10;

/**
 * « Ce qui a fait bouger les avis »: the question's posts members credited, most credited first
 * (ties: the oldest), visible ones only, so that a hidden post's credits stop counting while it is
 * hidden. The caller has checked the question is visible to the viewer.
 */
export async function listMostCredited({ id: threadId, firstStanceChangeAt }: { id: number; firstStanceChangeAt: Date | null }): Promise<CreditedPost[]> {
  // A credit goes with a change of position: before the first one, there is none to read.
  if (!firstStanceChangeAt) return [];
  const rows = await db.$queryRaw<CreditedPostRow[]>`
    SELECT ${CREDITED_POST_COLUMNS} FROM ${CREDITED_POST_SOURCE}
    WHERE p.thread_id = ${threadId} AND p.mind_change_count > 0 AND ${PUBLIC_POST}
    ORDER BY p.mind_change_count DESC, p.id LIMIT ${MOST_CREDITED_SHOWN}`;
  return withMoves(rows);
}

/** Suggestions the stance form offers besides the posts the member picked. */
const SUGGESTED_CREDITS = 5;

/**
 * The posts the stance form offers to credit with a change: those the member picked on the page
 * (« Ce message m'a fait changer d'avis », `?credit=`), then the best-scored posts written from
 * a position other than theirs, the arguments most likely to have moved them. Never their own,
 * one they credited already, or one no longer visible: the ones creditPermission would refuse.
 */
export async function listCreditCandidates(actor: Actor, threadId: number, myPositionId: number, pickedIds: number[]): Promise<CreditedPost[]> {
  const eligible = Prisma.sql`p.thread_id = ${threadId} AND ${PUBLIC_POST} AND p.author_id <> ${actor.id}
    AND NOT EXISTS (SELECT 1 FROM mind_change_credits c WHERE c.user_id = ${actor.id} AND c.post_id = p.id)`;
  const rows = await db.$queryRaw<(CreditedPostRow & { isPicked: boolean })[]>`
    (SELECT ${CREDITED_POST_COLUMNS}, true AS "isPicked" FROM ${CREDITED_POST_SOURCE} WHERE ${eligible} AND p.id = ANY(${pickedIds}::int[]))
    UNION ALL
    (SELECT ${CREDITED_POST_COLUMNS}, false FROM ${CREDITED_POST_SOURCE}
     WHERE ${eligible} AND p.author_position_id <> ${myPositionId} AND NOT (p.id = ANY(${pickedIds}::int[]))
     ORDER BY p.score DESC, p.id LIMIT ${SUGGESTED_CREDITS})`;
  const picked = rows.filter((row) => row.isPicked).sort((a, b) => pickedIds.indexOf(a.id) - pickedIds.indexOf(b.id));
  return withMoves([...picked, ...rows.filter((row) => !row.isPicked)].map(({ isPicked: _picked, ...row }) => row));
}

async function withMoves(rows: CreditedPostRow[]): Promise<CreditedPost[]> {
  const moves = await listMindChangeMoves(rows.filter((row) => row.mindChangeCount > 0).map((row) => row.id));
  return rows.map(({ bodyHtml, writtenId, writtenLabel, writtenColour, ...row }) => ({
    ...row,
    excerpt: htmlExcerpt(bodyHtml, 200),
    writtenFrom: writtenId && writtenLabel && writtenColour ? { id: writtenId, label: writtenLabel, colour: writtenColour } : null,
    moves: moves.get(row.id) ?? [],
  }));
}
