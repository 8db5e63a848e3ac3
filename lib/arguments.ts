// « Les arguments »: the strongest case of each side, side by side. A position question's groups
// are its positions (the posts written from each), an open question's its facets, or, without
// facets, a single group of its best posts. "Best" is the thread's own `best` sort (the Wilson
// lower bound of the votes, posts.best_rank), among visible top-level posts.
import "server-only";
import type { FacetRef } from "./facets";
import { Prisma } from "./generated/prisma/client";
import { EXCERPT_HTML_CHARS, htmlExcerpt, type PostExcerpt } from "./html-excerpt";
import type { PositionRef } from "./positions";
import type { PositionColour } from "./schemas/vocabulary";

/** Arguments each group shows by default. */
export const ARGUMENTS_PER_GROUP = 3;
/**
 * A group's posts are counted up to this many: beyond, the count would read every post of a busy
 * question's side on every view of its page (no counter is stored per position or facet).
 */
export const ARGUMENTS_COUNTED_MAX = 1000;

export type BestArgument = PostExcerpt & {
  score: number;
  upvotes: number;
  downvotes: number;
};

/** A column of « Les arguments »: a position (in its colour), a facet, or all the question's posts. */
export type ArgumentGroup = {
  kind: "position" | "facet" | "all";
  /** The position's or facet's id (the list's filter); null for « all ». */
  id: number | null;
  label: string | null;
  colour: PositionColour | null;
  /** How many visible top-level posts it has (the link to the full list says it), at most ARGUMENTS_COUNTED_MAX. */
  postCount: number;
  /** It has more than ARGUMENTS_COUNTED_MAX: postCount is where counting stopped. */
  hasUncountedPosts: boolean;
  /** Its best visible top-level posts, best first. */
  posts: BestArgument[];
};

/** What the groups are read from: the question as its page has it already. */
export type ArgumentsQuestion = { id: number; kind: "POSITION" | "OPEN"; positions: PositionRef[]; facets: FacetRef[] };

/** A row of bestArgumentsQuery as JSON (lib/question-highlights.ts): its date as an ISO string. */
export type ArgumentRow = Omit<BestArgument, "excerpt" | "createdAt"> & { groupId: number; postCount: number; bodyHtml: string; bestRank: number; createdAt: string };

const VISIBLE_ROOT = Prisma.sql`p.parent_id IS NULL AND p.deleted_at IS NULL AND p.hidden_at IS NULL`;

/** The groups of a question, in their order, and the posts column that says a post's group. */
function groupsOf(question: ArgumentsQuestion): { groups: Pick<ArgumentGroup, "kind" | "id" | "label" | "colour">[]; column: Prisma.Sql | null } {
  if (question.kind === "POSITION") {
    return {
      groups: question.positions.map(({ id, label, colour }) => ({ kind: "position", id, label, colour })),
      column: Prisma.raw("p.author_position_id"),
    };
  }
  if (question.facets.length > 0) {
    return { groups: question.facets.map(({ id, label }) => ({ kind: "facet", id, label, colour: null })), column: Prisma.raw("p.facet_id") };
  }
  return { groups: [{ kind: "all", id: null, label: null, colour: null }], column: null };
}

/**
 * The SQL of every group at once: per group (a LATERAL each), its count and its best `perGroup`
 * posts, one range of the partial index (thread_id, author_position_id | facet_id, best_rank,
 * id) WHERE parent_id IS NULL — or of the `best` sort's own index for the single group.
 */
export function bestArgumentsQuery(question: ArgumentsQuestion, perGroup: number) {
  const { groups, column } = groupsOf(question);
  const ids = groups.map((group) => group.id ?? 0);
  const inGroup = column ? Prisma.sql`${column} = g.id` : Prisma.sql`TRUE`;
  const where = Prisma.sql`p.thread_id = ${question.id} AND ${inGroup} AND ${VISIBLE_ROOT}`;
  return Prisma.sql`
    SELECT g.id AS "groupId", c.count AS "postCount", b.*
    FROM unnest(${ids}::int[]) AS g(id)
    CROSS JOIN LATERAL (SELECT count(*)::int AS count FROM (SELECT FROM posts p WHERE ${where} LIMIT ${ARGUMENTS_COUNTED_MAX + 1}) counted) c
    LEFT JOIN LATERAL (
      SELECT p.id, u.name AS "authorName", left(p.body_html, ${EXCERPT_HTML_CHARS}) AS "bodyHtml", p.created_at AT TIME ZONE 'UTC' AS "createdAt",
        p.score, p.upvotes, p.downvotes, p.best_rank AS "bestRank"
      FROM posts p JOIN users u ON u.id = p.author_id
      WHERE ${where}
      ORDER BY p.best_rank DESC, p.id DESC LIMIT ${perGroup}
    ) b ON true`;
}

/**
 * « Les arguments » from the rows of bestArgumentsQuery: one group per position, or per facet, or
 * a single one, each with its best visible top-level posts (best_rank DESC, id DESC) and how many
 * it has (up to ARGUMENTS_COUNTED_MAX).
 */
export function argumentGroupsFrom(question: ArgumentsQuestion, rows: (ArgumentRow | (Pick<ArgumentRow, "groupId" | "postCount"> & { id: null }))[]): ArgumentGroup[] {
  return groupsOf(question).groups.map((group) => {
    const mine = rows.filter((row) => row.groupId === (group.id ?? 0));
    const posts = mine
      .filter((row): row is ArgumentRow => row.id !== null)
      // A LATERAL's rows arrive in its order in practice, but SQL promises no order without ORDER BY.
      .sort((a, b) => b.bestRank - a.bestRank || b.id - a.id)
      .map(({ groupId: _group, postCount: _count, bodyHtml, bestRank: _rank, createdAt, ...post }) => ({
        ...post,
        createdAt: new Date(createdAt),
        excerpt: htmlExcerpt(bodyHtml, 200),
      }));
    const counted = mine[0]?.postCount ?? 0;
    return { ...group, postCount: Math.min(counted, ARGUMENTS_COUNTED_MAX), hasUncountedPosts: counted > ARGUMENTS_COUNTED_MAX, posts };
  });
}
