// The synthesis of a question (`/t/{slug}/synthese`, GET /api/threads/{id}/synthesis): what a
// reader shares or prints, generated from the data at each read. Plain data; the page and the API
// show the same. Later sections (« Les arguments », « Points d'accord ») are fields added here.
import "server-only";
import { db } from "./db";
import { type CreditedPost, listMostCredited } from "./mind-changes";
import { type PositionHistory, positionHistoryOf } from "./position-history";
import { type Position, stanceTotal } from "./positions";
import { type AgreementPoint } from "./consensus";
import { type ArgumentGroup } from "./arguments";
import { listQuestionHighlights } from "./question-highlights";
import { getThreadBySlug, requireThread, type ThreadSummaryText } from "./threads";
import type { Actor } from "./users";

/**
 * The question's figures, each over what the public can see.
 * - `posts`: its posts neither deleted nor hidden by moderation, top-level ones and replies
 *   (`topLevelPosts` + `replies`).
 * - `participants`: the distinct members who wrote one of those posts, voted on one of them, or
 *   ever took a position on the question (a row in `stance_changes`, so a member who withdrew
 *   counts too). Voting on the question itself, or only on a post now hidden, does not count.
 * - `positionChanges`: changes from one position to another (not a first stance, not a withdrawal:
 *   the changes « Ce message m'a fait changer d'avis » may credit).
 * - `period`: from the first of those posts or stance changes to the last; null when there is none.
 */
export type SynthesisFigures = {
  posts: number;
  topLevelPosts: number;
  replies: number;
  participants: number;
  positionChanges: number;
  period: { from: Date; to: Date } | null;
};

/** Whether a moderator closed the question, and their closing summary (its HTML rendered when written). */
export type SynthesisClosing = {
  closedAt: Date | null;
  summary: Pick<ThreadSummaryText, "html" | "writtenAt" | "author"> | null;
};

export type Synthesis = {
  question: {
    id: number;
    slug: string;
    title: string;
    questionNumber: number | null;
    kind: "POSITION" | "OPEN";
    /** The question's context, as stored HTML (null when it could not be rendered). */
    contextHtml: string | null;
    /** The article a seeded question comes from. */
    article: { title: string; path: string } | null;
    path: string;
  };
  /** Where members stand now; null for an open question. */
  tally: { positions: Position[]; total: number } | null;
  /** The tally's history; null for an open question, no points when no stance was ever taken. */
  history: PositionHistory | null;
  /** « Les arguments »: the best visible top-level posts of each position, facet, or of all. */
  arguments: ArgumentGroup[];
  /** « Points d'accord »: the posts every camp approves of (a position question's; none otherwise). */
  agreementPoints: AgreementPoint[];
  /** « Ce qui a fait bouger les avis », most credited first. */
  mindChanges: CreditedPost[];
  figures: SynthesisFigures;
  closing: SynthesisClosing;
  /** When it was read: a printed synthesis says what day it describes. */
  generatedAt: Date;
};

type FiguresRow = Omit<SynthesisFigures, "period"> & { periodFrom: Date | null; periodTo: Date | null };

/**
 * The figures in one statement. Every sub-select is one range of an index
 * on the question: its posts by (thread_id, created_at, id), their votes by the votes' primary key
 * (post_id, user_id), its stance changes by (thread_id, changed_at).
 */
async function readFigures(threadId: number) {
  const [row] = await db.$queryRaw<FiguresRow[]>`
    WITH visible AS (
      SELECT id, author_id, parent_id, created_at FROM posts
      WHERE thread_id = ${threadId} AND deleted_at IS NULL AND hidden_at IS NULL
    ), changes AS (
      SELECT user_id, from_position_id, to_position_id, changed_at FROM stance_changes WHERE thread_id = ${threadId}
    )
    SELECT
      (SELECT count(*) FROM visible)::int AS posts,
      (SELECT count(*) FROM visible WHERE parent_id IS NULL)::int AS "topLevelPosts",
      (SELECT count(*) FROM visible WHERE parent_id IS NOT NULL)::int AS replies,
      (SELECT count(*) FROM (
        SELECT author_id FROM visible
        UNION SELECT v.user_id FROM visible p JOIN post_votes v ON v.post_id = p.id
        UNION SELECT user_id FROM changes
      ) AS members)::int AS participants,
      (SELECT count(*) FROM changes WHERE from_position_id IS NOT NULL AND to_position_id IS NOT NULL)::int AS "positionChanges",
      (SELECT min(at) FROM (SELECT min(created_at) FROM visible UNION ALL SELECT min(changed_at) FROM changes) AS firsts (at)) AS "periodFrom",
      (SELECT max(at) FROM (SELECT max(created_at) FROM visible UNION ALL SELECT max(changed_at) FROM changes) AS lasts (at)) AS "periodTo"`;
  const { periodFrom, periodTo, ...figures } = row;
  return { ...figures, period: periodFrom && periodTo ? { from: periodFrom, to: periodTo } : null };
}

/**
 * The synthesis of a question the viewer may see (a hidden one only to moderators and its author,
 * as its page), or null. The thread's read is the one its page's metadata shares.
 */
export async function getSynthesis(viewer: Actor | null, slug: string): Promise<Synthesis | null> {
  const thread = await getThreadBySlug(viewer, slug);
  return thread ? synthesisOf(thread) : null;
}

/** The synthesis of a question by id, or a 404 as GET /api/threads/{id} (for the JSON API). */
export async function requireSynthesis(viewer: Actor | null, threadId: number): Promise<Synthesis> {
  return synthesisOf(await requireThread(viewer, threadId));
}

async function synthesisOf(thread: NonNullable<Awaited<ReturnType<typeof getThreadBySlug>>>): Promise<Synthesis> {
  const isPosition = thread.kind === "POSITION";
  // Side by side, each on its own connection: a question nobody took a position on reads only its
  // figures and its highlights, as its page reads its posts and its highlights.
  const [figures, highlights, history, mindChanges] = await Promise.all([
    readFigures(thread.id),
    listQuestionHighlights(thread),
    isPosition ? positionHistoryOf(thread) : null,
    listMostCredited(thread),
  ]);
  return {
    question: {
      id: thread.id,
      slug: thread.slug,
      title: thread.title,
      questionNumber: thread.questionNumber,
      kind: thread.kind,
      contextHtml: thread.bodyHtml,
      article: thread.article ? { title: thread.article.title, path: "/article" } : null,
      path: `/t/${thread.slug}`,
    },
    tally: isPosition ? { positions: thread.positions, total: stanceTotal(thread.positions) } : null,
    history,
    arguments: highlights.arguments,
    agreementPoints: highlights.agreementPoints,
    mindChanges,
    figures,
    closing: { closedAt: thread.closedAt, summary: thread.summary && { html: thread.summary.html, writtenAt: thread.summary.writtenAt, author: thread.summary.author } },
    generatedAt: new Date(),
  };
}
