import "server-only";
import { assertAllowed, canSeeHidden, creditablePost, creditListPermission, type PostPermissions, postPermissions, postTarget, type Refusal, threadPermissions, threadTarget } from "./authorization";
import { db } from "./db";
import { AppError } from "./errors";
import { Prisma } from "./generated/prisma/client";
import { renderMarkdown } from "./markdown/render";
import { type Facet, type FacetRef, facetsSelect } from "./facets";
import type { PositionRef } from "./positions";
import { consumeRateLimit, refundRateLimit } from "./rate-limit";
import { encodeCursor, type Page } from "./schemas/pagination";
import { after, cursorValue, orderBy, reversed, type SortSpec, sortSpec } from "./keyset";
import { REPLIES_PER_CONVERSATION, type ConversationQuery, type CreatePostInput, type EditPostInput, type ListPostsQuery, type PostSort } from "./schemas/post";
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

function abilitiesOf(viewer: Actor | null, row: PostRow, extras?: PostExtras): PostAbilities {
  const permissions = postPermissions(viewer, postTarget(row, { authorId: row.threadAuthorId, isLocked: row.threadIsLocked, hiddenAt: row.threadHiddenAt }));
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
function toView(row: PostRow, viewer: Actor | null, extras?: PostExtras): PostView {
  const seesHidden = canSeeHidden(viewer, row.authorId);
  const isGone = row.deletedAt !== null || (row.hiddenAt !== null && !seesHidden);
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
    authorPosition: row.deletedAt ? null : authorPositionOf(row),
    facet: row.facetId && row.facetLabel ? { id: row.facetId, label: row.facetLabel } : null,
    // A hidden post's credits stop counting while it is hidden (and a deleted one's for good).
    mindChanges:
      row.mindChangeCount > 0 && !row.deletedAt && !row.hiddenAt ? { count: row.mindChangeCount, moves: extras?.moves.get(row.id) ?? [] } : null,
    myVote: extras?.myVotes.get(row.id) ?? 0,
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
  p.mind_change_count AS "mindChangeCount", p.thread_id AS "threadId", p.author_id AS "authorId", u.name AS "authorName",
  wp.id AS "writtenPositionId", wp.label AS "writtenPositionLabel", wp.colour::text AS "writtenPositionColour",
  np.id AS "currentPositionId", np.label AS "currentPositionLabel", np.colour::text AS "currentPositionColour", p.hidden_by_id AS "hiddenById",
  p.facet_id AS "facetId", f.label AS "facetLabel",
  t.author_id AS "threadAuthorId", t.is_locked AS "threadIsLocked", t.hidden_at AS "threadHiddenAt"`;
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
};
const POST_ID = Prisma.raw("p.id");

/** The thread, if the viewer may see it (a hidden one: moderators and its author only). */
async function visibleThread(viewer: Actor | null, threadId: number) {
  const thread = await db.thread.findUnique({ select: { id: true, isLocked: true, hiddenAt: true, authorId: true }, where: { id: threadId } });
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
  await visibleThread(viewer, threadId);
  return listPostsOfVisibleThread(viewer, threadId, query);
}

/** listPosts for a caller that has just checked the thread is visible to the viewer (its page). */
export async function listPostsOfVisibleThread(viewer: Actor | null, threadId: number, query: ListPostsQuery): Promise<Page<PostView>> {
  const { sort, cursor, before, limit } = query;
  if ((cursor ?? before) && (cursor ?? before)!.s !== sort) throw new AppError("bad_request", "Ce curseur appartient à un autre tri.");
  const rows = await db.$queryRaw<(PostRow & { sortValue: Date | number })[]>(rootsQuery(threadId, query, limit + 1));
  const { items: page, hasNext, hasPrevious } = pageWindow(rows, limit, { cursor, before });
  const replies = await listConversationStarts(page.map((root) => root.id));
  const extras = await extrasOf(viewer, [...page, ...replies]);
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

/** The SQL of a page of top-level posts: one range of the sort's partial index, either way. */
export function rootsQuery(threadId: number, { sort, position, facet, cursor, before }: Omit<ListPostsQuery, "limit">, limit: number) {
  const spec = before ? reversed(POST_SORT_SPECS[sort]) : POST_SORT_SPECS[sort];
  const from = cursor ?? before;
  const afterCursor = from ? Prisma.sql`AND ${after(spec, POST_ID, from.v, from.id)}` : Prisma.empty;
  const byPosition = position ? Prisma.sql`AND p.author_position_id = ${position}` : Prisma.empty;
  const byFacet = facet ? Prisma.sql`AND p.facet_id = ${facet}` : Prisma.empty;
  return Prisma.sql`
    SELECT ${POST_COLUMNS}, ${spec.column} AS "sortValue" FROM ${POST_SOURCE}
    WHERE p.thread_id = ${threadId} AND p.parent_id IS NULL ${byPosition} ${byFacet} ${afterCursor}
    ORDER BY ${orderBy(spec, POST_ID)} LIMIT ${limit}`;
}

/**
 * What a page adds to its rows (all of one question): the viewer's votes, the moves each credited
 * post caused, and what the viewer may credit (their position, the posts they credited).
 */
type PostExtras = {
  myVotes: Map<number, PostView["myVote"]>;
  moves: Map<number, MindChangeMove[]>;
  myPositionId: number | null;
  myCredits: Set<number>;
  /** For a viewer who may see who credited: the posts with credits, voided ones too. */
  credited: Set<number>;
};

async function extrasOf(viewer: Actor | null, rows: PostRow[]): Promise<PostExtras> {
  const ids = rows.map((row) => row.id);
  const [myVotes, moves, myCredits, credited] = await Promise.all([
    listMyVotes(viewer, ids),
    listMindChangeMoves(rows.filter((row) => row.mindChangeCount > 0).map((row) => row.id)),
    viewer && rows.length > 0 ? listMyCreditsOn(viewer, rows[0].threadId, ids) : { myPositionId: null, myCredits: new Set<number>() },
    // A post whose credits were all voided counts none, and a moderator may still restore them.
    creditListPermission(viewer).allowed ? listCreditedPosts(ids) : new Set<number>(),
  ]);
  return { myVotes, moves, ...myCredits, credited };
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
  await visibleThread(viewer, root.threadId);
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
  const extras = await extrasOf(viewer, items);
  const keyOf = (row: PostRow | undefined) => row && encodeCursor({ at: row.createdAt.toISOString(), id: row.id });
  return {
    items: items.map((row) => toView(row, viewer, extras)),
    nextCursor: (hasNext && keyOf(items.at(-1))) || null,
    previousCursor: (hasPrevious && keyOf(items[0])) || null,
  };
}

/** The first replies of each conversation (one index range per top-level post), plus one to tell if more exist. */
function listConversationStarts(rootIds: number[]) {
  if (rootIds.length === 0) return Promise.resolve([] as PostRow[]);
  return db.$queryRaw<PostRow[]>(conversationStartsQuery(rootIds));
}

export function conversationStartsQuery(rootIds: number[]) {
  return Prisma.sql`
    SELECT r.* FROM unnest(${rootIds}::int[]) AS root(id)
    CROSS JOIN LATERAL (
      SELECT ${POST_COLUMNS} FROM ${POST_SOURCE}
      WHERE p.root_id = root.id ORDER BY p.created_at, p.id LIMIT ${REPLIES_PER_CONVERSATION + 1}
    ) r`;
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

async function getPostView(viewer: Actor, id: number): Promise<PostView> {
  const [row] = await db.$queryRaw<PostRow[]>`
    SELECT ${POST_COLUMNS} FROM ${POST_SOURCE} WHERE p.id = ${id}`;
  return toView(row, viewer, await extrasOf(viewer, [row]));
}

/** A top-level post of a thread the caller has checked is visible (a conversation's page), or null. */
export async function getConversationRoot(viewer: Actor | null, threadId: number, rootId: number): Promise<PostView | null> {
  const [row] = await db.$queryRaw<PostRow[]>`
    SELECT ${POST_COLUMNS} FROM ${POST_SOURCE} WHERE p.id = ${rootId} AND p.thread_id = ${threadId} AND p.parent_id IS NULL`;
  if (!row) return null;
  return toView(row, viewer, await extrasOf(viewer, [row]));
}

export async function createPost(actor: Actor, threadId: number, input: CreatePostInput): Promise<PostView> {
  const thread = await db.thread.findUnique({
    select: { authorId: true, kind: true, isLocked: true, hiddenAt: true, facets: facetsSelect },
    where: { id: threadId },
  });
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
  const post = await db.$transaction(async (tx) => {
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
  });
  return getPostView(actor, post.id);
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
      thread: { select: { authorId: true, isLocked: true, hiddenAt: true } },
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
  return getPostView(actor, postId);
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
      thread: { select: { authorId: true, isLocked: true, hiddenAt: true } },
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
