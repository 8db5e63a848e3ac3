// What both sides endorse: Pol.is's group-informed consensus on a position question. The database
// keeps each post's votes by the voter's current position and the score itself (migration
// arguments_consensus_closing, its triggers); this module reads them.
import "server-only";
import { Prisma } from "./generated/prisma/client";
import { EXCERPT_HTML_CHARS, htmlExcerpt, type PostExcerpt } from "./html-excerpt";
import type { Position, PositionRef } from "./positions";

/** How many « Points d'accord » a question shows. */
export const AGREEMENT_POINTS_SHOWN = 3;

/** A post that every camp approves of: its up- and down-votes from each position. */
export type AgreementPoint = PostExcerpt & {
  writtenFrom: PositionRef | null;
  consensus: number;
  votes: { position: PositionRef; up: number; down: number }[];
};

/** A row of agreementPointsQuery as JSON (lib/question-highlights.ts): its date as an ISO string. */
export type AgreementRow = {
  id: number;
  authorName: string;
  bodyHtml: string;
  createdAt: string;
  writtenPositionId: number | null;
  consensus: number;
  ups: number[];
  downs: number[];
};

/**
 * The visible top-level posts of a position question up-voted by at least one member of each
 * position, by consensus then id: a walk of the index posts_roots_consensus, in the order of
 * `sort=consensus`. "No position counts 0 up-votes" rather than "0 < ALL (…)": counts are never
 * negative (a CHECK), and PostgreSQL estimates this form from the column's element statistics,
 * where it guesses one row for the other and sorts the whole question instead of walking the index.
 */
export function agreementPointsQuery(threadId: number, limit: number) {
  return Prisma.sql`
    SELECT p.id, u.name AS "authorName", left(p.body_html, ${EXCERPT_HTML_CHARS}) AS "bodyHtml", p.created_at AT TIME ZONE 'UTC' AS "createdAt",
      p.author_position_id AS "writtenPositionId", p.consensus, p.position_upvotes AS ups, p.position_downvotes AS downs
    FROM posts p JOIN users u ON u.id = p.author_id
    WHERE p.thread_id = ${threadId} AND p.parent_id IS NULL AND p.deleted_at IS NULL AND p.hidden_at IS NULL
      AND NOT (0 = ANY (p.position_upvotes))
    ORDER BY p.consensus DESC, p.id DESC LIMIT ${limit}`;
}

type AgreementQuestion = { kind: "OPEN" | "POSITION"; positions: Pick<Position, "id" | "label" | "colour" | "stanceCount">[] };

/** Whether a question may have « Points d'accord »: a position nobody holds has no voter, so no post can have its up-vote. */
export const mayHaveAgreementPoints = (question: AgreementQuestion) =>
  question.kind === "POSITION" && question.positions.every((position) => position.stanceCount > 0);

/** « Points d'accord » from the rows of agreementPointsQuery, most consensual first. */
export function agreementPointsFrom(question: AgreementQuestion, rows: AgreementRow[]): AgreementPoint[] {
  const positions = question.positions.map(({ id, label, colour }) => ({ id, label, colour }));
  return [...rows]
    .sort((a, b) => b.consensus - a.consensus || b.id - a.id)
    .map(({ bodyHtml, writtenPositionId, ups, downs, createdAt, ...row }) => ({
      ...row,
      createdAt: new Date(createdAt),
      excerpt: htmlExcerpt(bodyHtml, 200),
      writtenFrom: positions.find((position) => position.id === writtenPositionId) ?? null,
      // Counters follow the question's order of positions (slot i: the position of ord i).
      votes: positions.map((position, ord) => ({ position, up: ups[ord] ?? 0, down: downs[ord] ?? 0 })),
    }));
}
