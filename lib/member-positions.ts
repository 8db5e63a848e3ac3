import "server-only";
import { db } from "./db";
import { AppError } from "./errors";
import { Prisma } from "./generated/prisma/client";
import type { PositionRef } from "./positions";
import { getProfile } from "./users";

/** The changes a profile tells of one question: the latest, the older ones counted. */
export const HISTORY_PER_QUESTION = 20;
/** The questions a profile lists: the article's, then the others changed last. */
export const MEMBER_QUESTIONS_MAX = 50;

/** A position taken (from none), changed, or withdrawn (to none): never from none to none. */
type StanceMove = { from: null; to: PositionRef } | { from: PositionRef; to: PositionRef | null };
/** One change of mind, and when. */
export type StanceChangeView = StanceMove & { at: Date };

export type MemberQuestion = {
  question: { id: number; slug: string; title: string; questionNumber: number | null };
  /** The position the member holds now; null once withdrawn. */
  position: PositionRef | null;
  /** Oldest first: the last HISTORY_PER_QUESTION changes. */
  history: StanceChangeView[];
  /** The changes before those. */
  earlierChangeCount: number;
};

export type MemberPositions = { items: MemberQuestion[]; otherQuestionCount: number };

type Row = Omit<MemberQuestion, "history"> & { history: (StanceMove & { at: string })[]; questionCount: number };

/** A position as PositionRef, or null, as a JSON value of a raw query. */
const positionRef = (positionId: Prisma.Sql) =>
  Prisma.sql`(SELECT json_build_object('id', p.id, 'label', p.label, 'colour', p.colour) FROM thread_positions p WHERE p.id = ${positionId})`;

/**
 * Where a member stands, and stood, on each question: those where they hold a position or ever
 * held one (every stance opens its history, so the history names them all). Public, as their
 * posts are (lib/users.ts publicPostsOf): never a hidden question, whoever is looking.
 *
 * One query. Its cost grows with the member's changes only by one pass over their range of the
 * index (user_id, thread_id, changed_at), which groups them by question; what it returns is
 * bounded: MEMBER_QUESTIONS_MAX questions of HISTORY_PER_QUESTION changes, each read backwards
 * from that index, the rest counted.
 */
export async function listMemberPositions(userId: number): Promise<MemberPositions> {
  const rows = await db.$queryRaw<Row[]>`
    WITH questions AS (
      SELECT c.thread_id, count(*)::int AS changes, max(c.changed_at) AS last_changed_at
      FROM stance_changes c WHERE c.user_id = ${userId}
      GROUP BY c.thread_id
    ), shown AS (
      SELECT t.id, t.slug, t.title, t.question_number, q.changes, q.last_changed_at, count(*) OVER ()::int AS question_count
      FROM questions q JOIN threads t ON t.id = q.thread_id
      WHERE t.hidden_at IS NULL AND t.kind = 'POSITION'
      ORDER BY t.question_number ASC NULLS LAST, q.last_changed_at DESC, t.id DESC
      LIMIT ${MEMBER_QUESTIONS_MAX}
    )
    SELECT json_build_object('id', s.id, 'slug', s.slug, 'title', s.title, 'questionNumber', s.question_number) AS question,
      ${positionRef(Prisma.sql`(SELECT st.position_id FROM thread_stances st WHERE st.thread_id = s.id AND st.user_id = ${userId})`)} AS position,
      (SELECT json_agg(json_build_object('from', ${positionRef(Prisma.sql`h.from_position_id`)}, 'to', ${positionRef(Prisma.sql`h.to_position_id`)},
          'at', h.changed_at AT TIME ZONE 'UTC') ORDER BY h.changed_at, h.id)
        FROM (
          SELECT c.id, c.from_position_id, c.to_position_id, c.changed_at FROM stance_changes c
          WHERE c.user_id = ${userId} AND c.thread_id = s.id
          ORDER BY c.changed_at DESC, c.id DESC LIMIT ${HISTORY_PER_QUESTION}
        ) h) AS history,
      s.changes - least(s.changes, ${HISTORY_PER_QUESTION}) AS "earlierChangeCount", s.question_count AS "questionCount"
    FROM shown s
    ORDER BY s.question_number ASC NULLS LAST, s.last_changed_at DESC, s.id DESC`;
  return {
    items: rows.map(({ questionCount: _count, history, ...question }) => ({
      ...question,
      history: history.map((change) => ({ ...change, at: new Date(change.at) })),
    })),
    otherQuestionCount: (rows[0]?.questionCount ?? 0) - rows.length,
  };
}

/** The same for the JSON API, which answers 404 for a member who does not exist. */
export async function requireMemberPositions(userId: number): Promise<MemberPositions> {
  const [profile, positions] = await Promise.all([getProfile(userId), listMemberPositions(userId)]);
  if (!profile) throw new AppError("not_found", "Ce membre n'existe pas.");
  return positions;
}
