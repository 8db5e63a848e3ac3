import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";
import { assertAllowed, canSeeHidden, sitePermissions } from "./authorization";
import { db } from "./db";
import { AppError } from "./errors";
import { Prisma } from "./generated/prisma/client";
import { after, cursorValue, orderBy, type SortSpec, sortSpec } from "./keyset";
import { facetsSelect } from "./facets";
import { type Position, positionsSelect } from "./positions";
import { consumePostingLimits, renderMemberText } from "./posts";
import { colourOf, type CreateThreadInput } from "./schemas/post";
import type { Actor } from "./users";
import { type Page, encodeCursor } from "./schemas/pagination";
import type { ListThreadsQuery, ThreadSort } from "./schemas/thread";

// What lists and pages show of a thread; hidden-by-moderation fields stay private.
const threadSummary = {
  id: true,
  slug: true,
  title: true,
  kind: true,
  questionNumber: true,
  isPinned: true,
  isLocked: true,
  closedAt: true,
  postCount: true,
  lastActivityAt: true,
  createdAt: true,
  upvotes: true,
  downvotes: true,
  score: true,
  positions: positionsSelect,
} as const;

export type ThreadSummary = {
  id: number;
  slug: string;
  title: string;
  kind: "POSITION" | "OPEN";
  questionNumber: number | null;
  isPinned: boolean;
  isLocked: boolean;
  /** When a moderator closed the question (read-only, its tally final); null while open. */
  closedAt: Date | null;
  postCount: number;
  lastActivityAt: Date;
  createdAt: Date;
  upvotes: number;
  downvotes: number;
  score: number;
  /** A position question's positions and their tallies; none for an open question. */
  positions: Position[];
};

const visible = { hiddenAt: null };

// Each sort has an index (is_pinned DESC, column DESC, id DESC): pinned threads come first.
const THREAD_SORT_SPECS: Record<ThreadSort, SortSpec> = {
  hot: sortSpec("t.hot_rank", "desc"),
  new: sortSpec("t.created_at", "desc", true),
  top: sortSpec("t.score", "desc"),
  active: sortSpec("t.last_activity_at", "desc", true),
};
const PINNED = Prisma.raw("t.is_pinned");
const THREAD_ID = Prisma.raw("t.id");

export async function listThreads({ sort, cursor, limit }: ListThreadsQuery): Promise<Page<ThreadSummary>> {
  if (cursor && cursor.s !== sort) throw new AppError("bad_request", "Ce curseur appartient à un autre tri.");
  const rows = await db.$queryRaw<(Omit<ThreadSummary, "positions"> & { sortValue: Date | number })[]>(threadsQuery({ sort, cursor }, limit + 1));
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const positions = await positionsOf(items.filter((thread) => thread.kind === "POSITION").map((thread) => thread.id));
  return {
    items: items.map(({ sortValue: _value, ...thread }) => ({ ...thread, positions: positions.get(thread.id) ?? [] })),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ s: sort, pinned: last.isPinned, v: cursorValue(last.sortValue), id: last.id }) : null,
  };
}

// A page's positions in one query of the (thread_id, ord) index, beside the page's own query so
// that the page stays a single walk of its sort's index (test/integration/sort-indexes.test.ts).
async function positionsOf(threadIds: number[]): Promise<Map<number, Position[]>> {
  const byThread = new Map<number, Position[]>();
  if (threadIds.length === 0) return byThread;
  const rows = await db.threadPosition.findMany({
    select: { threadId: true, ...positionsSelect.select },
    where: { threadId: { in: threadIds } },
    orderBy: [{ threadId: "asc" }, { ord: "asc" }],
  });
  for (const { threadId, ...position } of rows) byThread.set(threadId, [...(byThread.get(threadId) ?? []), position]);
  return byThread;
}

/** The SQL of a page of threads: one range of the sort's index (pinned first). */
export function threadsQuery({ sort, cursor }: Omit<ListThreadsQuery, "limit">, limit: number) {
  const spec = THREAD_SORT_SPECS[sort];
  const afterCursor = cursor
    ? Prisma.sql`AND ${after(spec, THREAD_ID, cursor.v, cursor.id, [{ column: PINNED, value: cursor.pinned }])}`
    : Prisma.empty;
  return Prisma.sql`
    SELECT t.id, t.slug, t.title, t.kind::text AS kind, t.question_number AS "questionNumber", t.is_pinned AS "isPinned",
      t.is_locked AS "isLocked", t.closed_at AS "closedAt", t.post_count AS "postCount", t.last_activity_at AS "lastActivityAt",
      t.created_at AS "createdAt", t.upvotes, t.downvotes, t.score, ${spec.column} AS "sortValue"
    FROM threads t
    WHERE t.hidden_at IS NULL ${afterCursor}
    ORDER BY ${orderBy(spec, THREAD_ID, [PINNED])}
    LIMIT ${limit}`;
}

/** The article's questions, in the article's order (for the article page). */
export async function listArticleQuestions(articleId: number) {
  return db.thread.findMany({
    select: threadSummary,
    where: { ...visible, articleId },
    orderBy: { questionNumber: "asc" },
  });
}

const threadDetail = {
  ...threadSummary,
  // An open question's facets, if any (« Licence », « Données »…): in the same statement (relationJoins).
  facets: facetsSelect,
  body: true,
  bodyHtml: true,
  article: { select: { slug: true, title: true } },
  author: { select: { id: true, name: true } },
  // The first recorded change of position, if any: one probe of the (thread_id, changed_at) index
  // in the same statement. A question nobody ever took a position on has no history and no
  // credits, and its page does not ask for them.
  stanceChanges: { select: { changedAt: true }, orderBy: { changedAt: "asc" }, take: 1 },
  summary: true,
  summaryHtml: true,
  summaryAt: true,
  summaryBy: { select: { id: true, name: true } },
} as const;

/** The moderators' closing summary, as pages and the API show it. */
export type ThreadSummaryText = { body: string; html: string | null; writtenAt: Date; author: { id: number; name: string } | null };

/** A thread, if the viewer may see it: a hidden one only to moderators and its author. */
async function findVisibleThread(viewer: Actor | null, where: { id: number } | { slug: string }) {
  const row = await db.thread.findUnique({ select: { ...threadDetail, hiddenAt: true, hiddenReason: true }, where });
  if (!row) return null;
  const { stanceChanges, summary, summaryHtml, summaryAt, summaryBy, ...rest } = row;
  const thread = {
    ...rest,
    summary: summary !== null && summaryAt ? ({ body: summary, html: summaryHtml, writtenAt: summaryAt, author: summaryBy } satisfies ThreadSummaryText) : null,
    firstStanceChangeAt: stanceChanges[0]?.changedAt ?? null,
  };
  if (!thread.hiddenAt) return { ...thread, hiddenReason: null };
  return canSeeHidden(viewer, thread.author?.id ?? null) ? thread : null;
}

/** A visible thread by id, or a 404 (for the JSON API). */
export async function requireThread(viewer: Actor | null, id: number) {
  const thread = await findVisibleThread(viewer, { id });
  if (!thread) throw new AppError("not_found", "Ce fil de discussion n'existe pas.");
  return thread;
}

/**
 * A visible thread by slug, or null. Memoised per request (React's cache): the page and its
 * metadata share one database read.
 */
export const getThreadBySlug = cache((viewer: Actor | null, slug: string) => findVisibleThread(viewer, { slug }));

/** A member's own question, open (perhaps with facets) or with its positions. Its slug is readable and unique: words of the title, then the id. */
export async function createThread(actor: Actor, input: CreateThreadInput) {
  assertAllowed(sitePermissions(actor).proposeQuestion);
  const bodyHtml = await renderMemberText(actor, input.body);
  const createdAt = new Date();
  return db.$transaction(async (tx) => {
    await consumePostingLimits(actor, tx);
    const draft = await tx.thread.create({
      select: { id: true },
      data: {
        slug: `brouillon-${randomUUID()}`,
        title: input.title,
        body: input.body,
        bodyHtml,
        kind: input.kind,
        positions: { create: input.positions.map((position, ord) => ({ ord, ...position, colour: colourOf(input.positions, ord) })) },
        facets: { create: input.facets.map((facet, ord) => ({ ord, ...facet })) },
        authorId: actor.id,
        createdAt,
        lastActivityAt: createdAt,
      },
    });
    return tx.thread.update({
      select: { ...threadSummary, facets: facetsSelect, body: true, bodyHtml: true },
      where: { id: draft.id },
      data: { slug: `${slugify(input.title)}-${draft.id}` },
    });
  });
}

function slugify(title: string) {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const cut = words.length > 60 ? words.slice(0, 60).replace(/-[^-]*$/, "") : words;
  return cut || "question";
}
