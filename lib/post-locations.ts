import "server-only";
import { canSeeHidden } from "./authorization";
import { db } from "./db";
import { encodeCursor } from "./schemas/pagination";
import { CONVERSATION_PAGE_SIZE } from "./schemas/post";
import type { Actor } from "./users";

export type PostLocation = {
  threadPath: string;
  /** The page of its conversation that holds the post, anchored on it: the post's permalink. */
  path: string;
  /** Replies of the conversation before this one (0 for a top-level post). */
  position: number;
};

/**
 * Where a post is read, for a viewer who may see its thread (null otherwise): its conversation's
 * page that holds it. Counting the replies before it walks the index (root_id, created_at, id).
 */
export async function getPostLocation(viewer: Actor | null, postId: number): Promise<PostLocation | null> {
  const [post] = await db.$queryRaw<{ rootId: number | null; slug: string; hiddenAt: Date | null; authorId: number | null; position: number }[]>`
    SELECT p.root_id AS "rootId", t.slug, t.hidden_at AS "hiddenAt", t.author_id AS "authorId",
      (SELECT count(*)::int FROM posts r WHERE r.root_id = p.root_id AND (r.created_at, r.id) < (p.created_at, p.id)) AS position
    FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = ${postId}`;
  if (!post || (post.hiddenAt && !canSeeHidden(viewer, post.authorId))) return null;
  const threadPath = `/t/${post.slug}`;
  const conversationPath = `${threadPath}/c/${post.rootId ?? postId}`;
  const pageStart = post.position - (post.position % CONVERSATION_PAGE_SIZE);
  const cursor = pageStart > 0 ? await replyCursorAt(post.rootId!, pageStart - 1) : null;
  return { threadPath, position: post.position, path: `${conversationPath}${cursor ? `?cursor=${cursor}` : ""}#p-${postId}` };
}

/** The cursor after the conversation's reply at this index (oldest first). */
async function replyCursorAt(rootId: number, index: number) {
  const [reply] = await db.$queryRaw<{ id: number; createdAt: Date }[]>`
    SELECT id, created_at AS "createdAt" FROM posts WHERE root_id = ${rootId} ORDER BY created_at, id OFFSET ${index} LIMIT 1`;
  return reply ? encodeCursor({ at: reply.createdAt.toISOString(), id: reply.id }) : null;
}
