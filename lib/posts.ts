import "server-only";
import { assertAllowed, canSeeHidden, THREAD_RULE_FIELDS, threadOfRow, creditablePost, creditListPermission, type PostPermissions, postPermissions, postTarget, type Refusal, threadPermissions, threadTarget } from "./authorization";
import { db } from "./db";
import { refusingClosedQuestion } from "./db-errors";
import { AppError } from "./errors";
import { Prisma } from "./generated/prisma/client";
import { renderMarkdown } from "./markdown/render";
import { type Facet, type FacetRef, facetsSelect } from "./facets";
import type { PositionRef } from "./positions";
import { consumeRateLimit, refundRateLimit } from "./rate-limit";
import { encodeCursor, type Page } from "./schemas/pagination";
import { after, cursorValue, orderBy, reversed, type SortSpec, sortSpec } from "./keyset";
import { REPLIES_PER_CONVERSATION, sortsOf, type ConversationQuery, type CreatePostInput, type EditPostInput, type ListPostsQuery, type PostSort } from "./schemas/post";
import type { PositionColour } from "./schemas/vocabulary";
import { creditTarget, listCreditedPosts, listMindChangeMoves, listMyCreditsOn, type MindChangeMove } from "./mind-changes";
import type { Actor } from "./users";

const POSTING_LIMITS = ["postsPerMemberBurst", "postsPerMemberHour"] as const;

/**
 * Counts the post against the member's posting limits (posts and proposed threads), inside the
 * write's transaction: a write that fails leaves the limits as they were.
 */
export function consumePostingLimits(actor: Actor, tx: Prisma.TransactionClient) {
  return consumeRateLimit(POSTING_LIMITS, String(actor.id), tx);
}

/**
 * A member's text as stored HTML. A text the renderer gives up on has held the shared render
 * worker for up to its time bound, so a member may send only a few: the attempt is counted
 * atomically before the render (parallel ones cannot all run) and taken back unless the text
 * itself was refused.
 */
export async function renderMemberText(actor: Actor, source: string) {
  const attempt = await consumeRateLimit("unrenderableTextsPerMember", String(actor.id));
  try {
    const html = await renderMarkdown(source);
    await refundRateLimit(attempt);
    return html;
  } catch (error) {
    if (!(error instanceof AppError && error.code === "invalid_input")) await refundRateLimit(attempt);
    throw error;
  }
}

type PostRow = {
  id: number;
  parentId: number | null;
  rootId: number | null;
  depth: number;
  body: string;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  replyCount: number;
  mindChangeCount: number;
  threadId: number;
  upvotes: number;
  downvotes: number;
  score: number;
  positionUpvotes: number[];
  positionDownvotes: number[];
  consensus: number;
  authorId: number;
  authorName: string;
  writtenPositionId: number | null;
  writtenPositionLabel: string | null;
  writtenPositionColour: PositionColour | null;
  currentPositionId: number | null;
  currentPositionLabel: string | null;
  currentPositionColour: PositionColour | null;
  facetId: number | null;
  facetLabel: string | null;
  hiddenById: number | null;
  threadAuthorId: number | null;
  threadIsLocked: boolean;
  threadHiddenAt: Date | null;
  threadClosedAt: Date | null;
};

/** What the viewer may do to a post, as the page needs it: each action, and why voting is refused. */
export type PostAbilities = Record<keyof PostPermissions, boolean> & {
  voteRefusal: Omit<Refusal, "allowed" | "code"> | null;
  /** « Ce message m'a fait changer d'avis »: the viewer may pick it for their next change of position. */
  credit: boolean;
  /** Members credited it (voided credits too), and the viewer may see who (« Voir les crédits »). */
  viewCredits: boolean;
};

export type PostView = {
  id: number;
  parentId: number | null;
  /** The top-level post of the conversation (null for a top-level post). */
  rootId: number | null;
  depth: number;
  author: { id: number; name: string } | null;
  body: string | null;
  bodyHtml: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  hidden: boolean;
  /** Why moderation hid the post: told to moderators and to its author only. */
  hiddenReason?: string | null;
  replyCount: number;
  upvotes: number;
  downvotes: number;
  score: number;
  /**
   * On a position question, the votes by each voter's position of now, in the question's order
   * (a voter who changes position takes their votes along); null on an open question.
   */
  votesByPosition: PositionVotes[] | null;
  /** On a position question, the votes of members who hold no position on it; null on an open question. */
  votesWithoutPosition: { up: number; down: number } | null;
  /**
   * On a position question, Pol.is's consensus: the product over positions of (up + 1) / (up +
   * down + 2), high only when every camp approves (the `consensus` sort); null on an open question.
   */
  consensus: number | null;
  /**
   * On a position question, the position the author wrote from and the one they hold now (null
   * when neither): the badge says both when they differ.
   */
  authorPosition: { written: PositionRef | null; now: PositionRef | null } | null;
  /** On an open question with facets, the one a top-level post was written under (« Risques »). */
  facet: FacetRef | null;
  /**
   * Members who said this post changed their mind (« a fait changer d'avis N membres »), and the
   * positions they left and joined; null when none, or while the post is hidden.
   */
  mindChanges: { count: number; moves: MindChangeMove[] } | null;
  /** The viewer's vote on this post (0 when none, or signed out). */
  myVote: -1 | 0 | 1;
  /** On a top-level post: more replies than the page shows. */
  hasMoreReplies?: boolean;
  /** The rules of lib/authorization.ts for this viewer: the page renders its controls from them. */
  can: PostAbilities;
};

/** A post's votes from the members who hold one position of its question. */
export type PositionVotes = { positionId: number; up: number; down: number };

/**
 * A post's votes by position, from its counters (position_upvotes[i] is the position of ord i,
 * in the question's order): null on an open question, which has no positions.
 */
export function votesByPositionOf(row: Pick<PostRow, "positionUpvotes" | "positionDownvotes">, positionIds: number[]): PositionVotes[] | null {
  if (positionIds.length === 0) return null;
  return positionIds.map((positionId, ord) => ({ positionId, up: row.positionUpvotes[ord] ?? 0, down: row.positionDownvotes[ord] ?? 0 }));
}

const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);

function abilitiesOf(viewer: Actor | null, row: PostRow, extras?: PostExtras): PostAbilities {
  const permissions = postPermissions(viewer, postTarget(row, threadOfRow(row)));
  const vote = permissions.vote;
  return {
    ...(Object.fromEntries(Object.entries(permissions).map(([action, permission]) => [action, permission.allowed])) as Record<keyof PostPermissions, boolean>),
    voteRefusal: vote.allowed ? null : { reason: vote.reason, ...(vote.needsSignIn ? { needsSignIn: true as const } : {}) },
    credit:
      !!extras && creditablePost(viewer, creditTarget({ ...row, isCreditedByViewer: extras.myCredits.has(row.id) }), extras.myPositionId).allowed,
    viewCredits: !!extras?.credited.has(row.id) && creditListPermission(viewer).allowed,
  };
}

/**
 * What a viewer sees of a post: a deleted one keeps its place, not its text; a hidden one shows
 * its text (and why it was hidden) to moderators and to its author, a placeholder to others.
 */
function toView(row: PostRow, viewer: Actor | null, extras: PostExtras): PostView {
  const seesHidden = canSeeHidden(viewer, row.authorId);
  const isGone = row.deletedAt !== null || (row.hiddenAt !== null && !seesHidden);
  const byPosition = votesByPositionOf(row, extras.positionIds);
  return {
    id: row.id,
    parentId: row.parentId,
    rootId: row.rootId,
    depth: row.depth,
    author: row.deletedAt ? null : { id: row.authorId, name: row.authorName },
    body: isGone ? null : row.body,
    bodyHtml: isGone ? null : row.bodyHtml,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deleted: row.deletedAt !== null,
    hidden: row.hiddenAt !== null,
    replyCount: row.replyCount,
    upvotes: row.upvotes,
    downvotes: row.downvotes,
    score: row.score,
    votesByPosition: byPosition,
    // A voter without a position counts in the totals only.
    votesWithoutPosition: byPosition && { up: row.upvotes - sum(row.positionUpvotes), down: row.downvotes - sum(row.positionDownvotes) },
    consensus: byPosition && row.consensus,
    authorPosition: row.deletedAt ? null : authorPositionOf(row),
    facet: row.facetId && row.facetLabel ? { id: row.facetId, label: row.facetLabel } : null,
    // A hidden post's credits stop counting while it is hidden (and a deleted one's for good).
    mindChanges:
      row.mindChangeCount > 0 && !row.deletedAt && !row.hiddenAt ? { count: row.mindChangeCount, moves: extras.moves.get(row.id) ?? [] } : null,
    myVote: extras.myVotes.get(row.id) ?? 0,
    ...(row.hiddenAt && seesHidden ? { hiddenReason: row.hiddenReason } : {}),
    can: abilitiesOf(viewer, row, extras),
  };
}

function authorPositionOf(row: PostRow): PostView["authorPosition"] {
  const ref = (id: number | null, label: string | null, colour: PositionColour | null) => (id && label && colour ? { id, label, colour } : null);
  const written = ref(row.writtenPositionId, row.writtenPositionLabel, row.writtenPositionColour);
  const now = ref(row.currentPositionId, row.currentPositionLabel, row.currentPositionColour);
  return written || now ? { written, now } : null;
}

const POST_COLUMNS = Prisma.sql`p.id, p.parent_id AS "parentId", p.root_id AS "rootId", p.depth, p.body,
  p.body_html AS "bodyHtml", p.created_at AS "createdAt", p.edited_at AS "editedAt", p.deleted_at AS "deletedAt",
  p.hidden_at AS "hiddenAt", p.hidden_reason AS "hiddenReason", p.reply_count AS "replyCount", p.upvotes, p.downvotes, p.score,
  p.position_upvotes AS "positionUpvotes", p.position_downvotes AS "positionDownvotes", p.consensus,
  p.mind_change_count AS "mindChangeCount", p.thread_id AS "threadId", p.author_id AS "authorId", u.name AS "authorName",
  wp.id AS "writtenPositionId", wp.label AS "writtenPositionLabel", wp.colour::text AS "writtenPositionColour",
  np.id AS "currentPositionId", np.label AS "currentPositionLabel", np.colour::text AS "currentPositionColour", p.hidden_by_id AS "hiddenById",
  p.facet_id AS "facetId", f.label AS "facetLabel",
  t.author_id AS "threadAuthorId", t.is_locked AS "threadIsLocked", t.hidden_at AS "threadHiddenAt", t.closed_at AS "threadClosedAt"`;
// Every post with its author, its facet, the position it was written from and the author's current one.
const POST_SOURCE = Prisma.sql`posts p JOIN users u ON u.id = p.author_id JOIN threads t ON t.id = p.thread_id
  LEFT JOIN thread_facets f ON f.id = p.facet_id
  LEFT JOIN thread_positions wp ON wp.id = p.author_position_id
  LEFT JOIN thread_stances s ON s.thread_id = p.thread_id AND s.user_id = p.author_id
  LEFT JOIN thread_positions np ON np.id = s.position_id`;

// Each sort of top-level posts has a partial index (thread_id, column, id) WHERE parent_id IS NULL.
const POST_SORT_SPECS: Record<PostSort, SortSpec> = {
  best: sortSpec("p.best_rank", "desc"),
  top: sortSpec("p.score", "desc"),
  new: sortSpec("p.created_at", "desc", true),
  old: sortSpec("p.created_at", "asc", true),
  controversial: sortSpec("p.controversy", "desc"),
  consensus: sortSpec("p.consensus", "desc"),
};
const POST_ID = Prisma.raw("p.id");

/** A question's positions' ids, in their order (one statement with the thread's: relationJoins). */
const POSITION_IDS = { select: { id: true }, orderBy: { ord: "asc" } } as const;

/** A question as its posts need it: its kind (the sorts it offers) and its positions' ids, in their order. */
export type PostsThread = { id: number; kind: "OPEN" | "POSITION"; positions: { id: number }[] };

/** The thread, if the viewer may see it (a hidden one: moderators and its author only). */
async function visibleThread(viewer: Actor | null, threadId: number) {
  const thread = await db.thread.findUnique({
    select: { id: true, kind: true, isLocked: true, hiddenAt: true, authorId: true, positions: POSITION_IDS },
    where: { id: threadId },
  });
  if (!thread || (thread.hiddenAt && !canSeeHidden(viewer, thread.authorId))) {
    throw new AppError("not_found", "Ce fil de discussion n'existe pas.");
  }
  return thread;
}

/**
 * A page of a thread's conversations: top-level posts in the chosen sort (keyset on the sort's
 * value and id), optionally only those written from a given position or under a given facet, each followed by its
 * first replies in reading order (depth-first, oldest first).
 */
export async function listPosts(viewer: Actor | null, threadId: number, query: ListPostsQuery): Promise<Page<PostView>> {
  return listPostsOfVisibleThread(viewer, await visibleThread(viewer, threadId), query);
}

/** listPosts for a caller that has just checked the thread is visible to the viewer (its page). */
export async function listPostsOfVisibleThread(viewer: Actor | null, thread: PostsThread, query: ListPostsQuery): Promise<Page<PostView>> {
  const { sort, cursor, before, limit } = query;
  if (!sortsOf(thread.kind).includes(sort)) {
    throw new AppError("bad_request", `Le tri ${sort} n'existe que pour les prises de position : choisissez-en un autre (${sortsOf(thread.kind).join(", ")}).`);
  }
  if ((cursor ?? before) && (cursor ?? before)!.s !== sort) throw new AppError("bad_request", "Ce curseur appartient à un autre tri.");
  const rows = await db.$queryRaw<(PostRow & { sortValue: Date | number; isReply: boolean })[]>(conversationsPageQuery(thread.id, query, limit + 1));
  const { items: page, hasNext, hasPrevious } = pageWindow(rows.filter((row) => !row.isReply), limit, { cursor, before });
  const shownRoots = new Set(page.map((root) => root.id));
  const replies = rows.filter((row) => row.isReply && shownRoots.has(row.rootId!));
  const extras = await extrasOf(viewer, [...page, ...replies], positionIdsOf(thread));
  const keyOf = (row: (typeof page)[number] | undefined) => row && encodeCursor({ s: sort, v: cursorValue(row.sortValue), id: row.id });
  return {
    items: inReadingOrder(page, replies, extras, viewer),
    nextCursor: (hasNext && keyOf(page.at(-1))) || null,
    previousCursor: (hasPrevious && keyOf(page[0])) || null,
  };
}

/**
 * The rows of a page fetched with one extra (limit + 1), in reading order, and whether pages
 * follow and precede it. Reading backwards (`before`), rows arrive reversed; a page reached by a
 * cursor has the cursor's own row before it, one reached by `before` has it after.
 */
function pageWindow<T>(rows: T[], limit: number, { cursor, before }: { cursor?: unknown; before?: unknown }) {
  const hasMore = rows.length > limit;
  const items = rows.slice(0, limit);
  if (before) return { items: items.reverse(), hasNext: true, hasPrevious: hasMore };
  return { items, hasNext: hasMore, hasPrevious: !!cursor };
}

const specOf = ({ sort, before }: Pick<ListPostsQuery, "sort" | "before">) => (before ? reversed(POST_SORT_SPECS[sort]) : POST_SORT_SPECS[sort]);

/**
 * The SQL of a page of top-level posts: one range of the sort's partial index, either way; `seq`
 * numbers them in that order.
 */
export function rootsQuery(threadId: number, { sort, position, facet, cursor, before }: Omit<ListPostsQuery, "limit">, limit: number) {
  const spec = specOf({ sort, before });
  const from = cursor ?? before;
  const afterCursor = from ? Prisma.sql`AND ${after(spec, POST_ID, from.v, from.id)}` : Prisma.empty;
  const byPosition = position ? Prisma.sql`AND p.author_position_id = ${position}` : Prisma.empty;
  const byFacet = facet ? Prisma.sql`AND p.facet_id = ${facet}` : Prisma.empty;
  return Prisma.sql`
    SELECT ${POST_COLUMNS}, ${spec.column} AS "sortValue", (row_number() OVER (ORDER BY ${orderBy(spec, POST_ID)}))::int AS seq
    FROM ${POST_SOURCE}
    WHERE p.thread_id = ${threadId} AND p.parent_id IS NULL ${byPosition} ${byFacet} ${afterCursor}
    ORDER BY ${orderBy(spec, POST_ID)} LIMIT ${limit}`;
}

/**
 * A page of conversations in one statement: its top-level posts (rootsQuery) and the first
 * replies of each, plus one to tell if more exist (one range of (root_id, created_at, id) per
 * post), each conversation's replies after its post, oldest first.
 */
export function conversationsPageQuery(threadId: number, query: Omit<ListPostsQuery, "limit">, limit: number) {
  return Prisma.sql`
    WITH roots AS MATERIALIZED (${rootsQuery(threadId, query, limit)})
    SELECT * FROM (
      SELECT roots.*, false AS "isReply" FROM roots
      UNION ALL
      SELECT reply.*, true FROM roots CROSS JOIN LATERAL (
        SELECT ${POST_COLUMNS}, ${specOf(query).column} AS "sortValue", roots.seq FROM ${POST_SOURCE}
        WHERE p.root_id = roots.id ORDER BY p.created_at, p.id LIMIT ${REPLIES_PER_CONVERSATION + 1}
      ) reply
    ) page
    ORDER BY seq, "isReply", "createdAt", id`;
}

/**
 * What a page adds to its rows (all of one question): the viewer's votes, the moves each credited
 * post caused, and what the viewer may credit (their position, the posts they credited).
 */
type PostExtras = {
  /** The question's positions, in their order: what each slot of a post's vote counters is. */
  positionIds: number[];
  myVotes: Map<number, PostView["myVote"]>;
  moves: Map<number, MindChangeMove[]>;
  myPositionId: number | null;
  myCredits: Set<number>;
  /** For a viewer who may see who credited: the posts with credits, voided ones too. */
  credited: Set<number>;
};

const positionIdsOf = (thread: Pick<PostsThread, "positions">) => thread.positions.map((position) => position.id);

async function extrasOf(viewer: Actor | null, rows: PostRow[], positionIds: number[]): Promise<PostExtras> {
  const ids = rows.map((row) => row.id);
  const [myVotes, moves, myCredits, credited] = await Promise.all([
    listMyVotes(viewer, ids),
    listMindChangeMoves(rows.filter((row) => row.mindChangeCount > 0).map((row) => row.id)),
    viewer && rows.length > 0 ? listMyCreditsOn(viewer, rows[0].threadId, ids) : { myPositionId: null, myCredits: new Set<number>() },
    // A post whose credits were all voided counts none, and a moderator may still restore them.
    creditListPermission(viewer).allowed ? listCreditedPosts(ids) : new Set<number>(),
  ]);
  return { positionIds, myVotes, moves, ...myCredits, credited };
}

/** The viewer's votes on these posts, in one query. */
async function listMyVotes(viewer: Actor | null, postIds: number[]) {
  if (!viewer || postIds.length === 0) return new Map<number, PostView["myVote"]>();
  const votes = await db.postVote.findMany({ select: { postId: true, value: true }, where: { userId: viewer.id, postId: { in: postIds } } });
  return new Map(votes.map((vote) => [vote.postId, vote.value as PostView["myVote"]]));
}

/**
 * The rest of a conversation, after the replies already shown (or before a reply, reading
 * backwards): oldest first, a page at a time (keyset on created_at, id; the index
 * (root_id, created_at, id) serves it either way).
 */
export async function listConversation(viewer: Actor | null, rootId: number, { cursor, before, limit }: ConversationQuery): Promise<Page<PostView>> {
  const root = await db.post.findFirst({ select: { threadId: true }, where: { id: rootId, parentId: null } });
  if (!root) throw new AppError("not_found", "Cette conversation n'existe pas.");
  const thread = await visibleThread(viewer, root.threadId);
  const rows = before
    ? await db.$queryRaw<PostRow[]>`
        SELECT ${POST_COLUMNS} FROM ${POST_SOURCE}
        WHERE p.root_id = ${rootId} AND (p.created_at, p.id) < (${new Date(before.at)}, ${before.id})
        ORDER BY p.created_at DESC, p.id DESC LIMIT ${limit + 1}`
    : await db.$queryRaw<PostRow[]>`
        SELECT ${POST_COLUMNS} FROM ${POST_SOURCE}
        WHERE p.root_id = ${rootId} AND (p.created_at, p.id) > (${cursor ? new Date(cursor.at) : new Date(0)}, ${cursor?.id ?? 0})
        ORDER BY p.created_at, p.id LIMIT ${limit + 1}`;
  const { items, hasNext, hasPrevious } = pageWindow(rows, limit, { cursor, before });
  const extras = await extrasOf(viewer, items, positionIdsOf(thread));
  const keyOf = (row: PostRow | undefined) => row && encodeCursor({ at: row.createdAt.toISOString(), id: row.id });
  return {
    items: items.map((row) => toView(row, viewer, extras)),
    nextCursor: (hasNext && keyOf(items.at(-1))) || null,
    previousCursor: (hasPrevious && keyOf(items[0])) || null,
  };
}

/**
 * Top-level posts in page order, each followed depth-first by its replies. Replies arrive
 * oldest first, so a reply's parent always precedes it; children keep that order.
 */
function inReadingOrder(roots: PostRow[], replies: PostRow[], extras: PostExtras, viewer: Actor | null): PostView[] {
  const children = new Map<number, PostRow[]>();
  const shownPerRoot = new Map<number, number>();
  const hasMore = new Set<number>();
  for (const reply of replies) {
    const shown = shownPerRoot.get(reply.rootId!) ?? 0;
    if (shown === REPLIES_PER_CONVERSATION) {
      hasMore.add(reply.rootId!);
      continue;
    }
    shownPerRoot.set(reply.rootId!, shown + 1);
    children.set(reply.parentId!, [...(children.get(reply.parentId!) ?? []), reply]);
  }
  const items: PostView[] = [];
  const visit = (row: PostRow) => {
    const view = toView(row, viewer, extras);
    items.push(row.parentId === null ? { ...view, hasMoreReplies: hasMore.has(row.id) } : view);
    children.get(row.id)?.forEach(visit);
  };
  roots.forEach(visit);
  return items;
}

/**
 * Who wrote these posts, as their replies name them (« en réponse à @… »): "[supprimé]" once
 * deleted, as the post itself shows.
 */
export async function authorNamesOfPosts(postIds: number[]): Promise<Map<number, string>> {
  if (postIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: number; name: string }[]>`
    SELECT p.id, CASE WHEN p.deleted_at IS NULL THEN u.name ELSE '[supprimé]' END AS name
    FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = ANY(${postIds}::int[])`;
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function getPostView(viewer: Actor, id: number, thread: Pick<PostsThread, "positions">): Promise<PostView> {
  const [row] = await db.$queryRaw<PostRow[]>`
    SELECT ${POST_COLUMNS} FROM ${POST_SOURCE} WHERE p.id = ${id}`;
  return toView(row, viewer, await extrasOf(viewer, [row], positionIdsOf(thread)));
}

/** A top-level post of a thread the caller has checked is visible (a conversation's page), or null. */
export async function getConversationRoot(viewer: Actor | null, thread: PostsThread, rootId: number): Promise<PostView | null> {
  const [row] = await db.$queryRaw<PostRow[]>`
    SELECT ${POST_COLUMNS} FROM ${POST_SOURCE} WHERE p.id = ${rootId} AND p.thread_id = ${thread.id} AND p.parent_id IS NULL`;
  if (!row) return null;
  return toView(row, viewer, await extrasOf(viewer, [row], positionIdsOf(thread)));
}

export async function createPost(actor: Actor, threadId: number, input: CreatePostInput): Promise<PostView> {
  const thread = await db.thread.findUnique({ select: { kind: true, ...THREAD_RULE_FIELDS, positions: POSITION_IDS, facets: facetsSelect }, where: { id: threadId } });
  if (!thread) throw new AppError("not_found", "Ce fil de discussion n'existe pas.");
  const parent = input.parentId
    ? await db.post.findFirst({
        select: { id: true, rootId: true, depth: true, authorId: true, deletedAt: true, hiddenAt: true, hiddenById: true },
        where: { id: input.parentId, threadId },
      })
    : null;
  if (input.parentId && !parent) throw new AppError("not_found", "La contribution à laquelle vous répondez n'existe pas dans ce fil.");
  assertAllowed(parent ? postPermissions(actor, postTarget(parent, thread)).reply : threadPermissions(actor, threadTarget(thread)).post);
  const facetId = facetOfNewPost(thread.facets, !!parent, input.facetId ?? null);
  const bodyHtml = await renderMemberText(actor, input.body);

  const now = new Date();
  const post = await refusingClosedQuestion(db.$transaction(async (tx) => {
    await consumePostingLimits(actor, tx);
    const created = await tx.post.create({
      select: { id: true },
      data: {
        threadId,
        authorId: actor.id,
        parentId: parent?.id ?? null,
        rootId: parent ? (parent.rootId ?? parent.id) : null,
        depth: parent ? parent.depth + 1 : 0,
        facetId,
        body: input.body,
        bodyHtml,
        createdAt: now,
      },
    });
    if (parent) await tx.post.update({ where: { id: parent.id }, data: { replyCount: { increment: 1 } } });
    await tx.thread.update({ where: { id: threadId }, data: { postCount: { increment: 1 }, lastActivityAt: now } });
    return created;
  }));
  return getPostView(actor, post.id, thread);
}

/**
 * The facet a new post is written under: on a question with facets, a top-level post names one
 * of its question's (a reply belongs to its conversation's); elsewhere, none. Refused in French
 * on the `facetId` field, which the composer shows beside its choices.
 */
function facetOfNewPost(facets: Facet[], isReply: boolean, facetId: number | null) {
  const refuse = (message: string) => new AppError("invalid_input", message, { issues: [{ path: "facetId", message }] });
  if (facetId === null) {
    if (facets.length === 0 || isReply) return null;
    throw refuse(`Choisissez le thème de votre argument : ${facets.map((facet) => `« ${facet.label} »`).join(", ")}.`);
  }
  if (isReply) throw refuse("Une réponse suit le thème de sa conversation : ne choisissez pas de thème.");
  if (facets.length === 0) throw refuse("Cette question ne regroupe pas ses arguments par thème : ne choisissez pas de thème.");
  if (!facets.some((facet) => facet.id === facetId)) {
    throw refuse(`Ce thème n’est pas l’un de ceux de la question. Choisissez le thème de votre argument : ${facets.map((facet) => `« ${facet.label} »`).join(", ")}.`);
  }
  return facetId;
}

/** The post, for a change by its author: 404 when it does not exist. */
async function findPostToChange(postId: number) {
  const post = await db.post.findUnique({
    select: {
      id: true, authorId: true, body: true, bodyHtml: true, threadId: true, deletedAt: true, hiddenAt: true, hiddenById: true,
      thread: { select: { ...THREAD_RULE_FIELDS, positions: POSITION_IDS } },
    },
    where: { id: postId },
  });
  if (!post) throw new AppError("not_found", "Cette contribution n'existe pas.");
  return post;
}

/** An edit keeps the previous text, and the HTML it was shown as, as a revision, in the same transaction. */
export async function editPost(actor: Actor, postId: number, input: EditPostInput): Promise<PostView> {
  const post = await findPostToChange(postId);
  assertAllowed(postPermissions(actor, postTarget(post, post.thread)).edit);
  if (post.body !== input.body) {
    const bodyHtml = await renderMemberText(actor, input.body);
    await db.$transaction([
      db.postRevision.create({ data: { postId, editorId: actor.id, body: post.body, bodyHtml: post.bodyHtml } }),
      db.post.update({ where: { id: postId }, data: { body: input.body, bodyHtml, editedAt: new Date() } }),
    ]);
  }
  return getPostView(actor, postId, post.thread);
}

/**
 * A soft delete: the text leaves public view and a placeholder keeps the reply tree readable;
 * the row and its revisions stay for moderators. Deleting twice changes nothing.
 */
export async function deletePost(actor: Actor, postId: number) {
  const post = await findPostToChange(postId);
  assertAllowed(postPermissions(actor, postTarget(post, post.thread)).delete);
  if (post.deletedAt) return;
  await db.$transaction([
    db.post.update({ where: { id: postId }, data: { deletedAt: new Date() } }),
    db.thread.update({ where: { id: post.threadId }, data: { postCount: { decrement: 1 } } }),
  ]);
}

/**
 * A post's history, newest first: public while the post is, moderators' afterwards. Each text
 * comes with the HTML stored when it was written (null when it has none: the page shows a placeholder).
 */
export async function listRevisions(viewer: Actor | null, postId: number) {
  const post = await db.post.findUnique({
    select: {
      body: true, bodyHtml: true, editedAt: true, createdAt: true, authorId: true, deletedAt: true, hiddenAt: true, hiddenById: true,
      thread: { select: THREAD_RULE_FIELDS },
    },
    where: { id: postId },
  });
  if (!post) throw new AppError("not_found", "Cette contribution n'existe pas.");
  assertAllowed(postPermissions(viewer, postTarget(post, post.thread)).viewHistory);
  const revisions = await db.postRevision.findMany({
    select: { id: true, body: true, bodyHtml: true, createdAt: true },
    where: { postId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return {
    current: { body: post.body, bodyHtml: post.bodyHtml, createdAt: post.editedAt ?? post.createdAt },
    // Each revision is the text as it was until the edit made at its createdAt.
    items: revisions,
  };
}
