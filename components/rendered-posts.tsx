import "server-only";
import type { OpenPanel } from "@/lib/open-panel";
import { authorNamesOfPosts, type PostView } from "@/lib/posts";
import type { PostContext } from "./post-controls";
import { PostItem } from "./post-item";
import { MAX_INDENT_DEPTH, type RenderedPost } from "./post-types";

/**
 * Posts rendered for a list (components/post-list.tsx), each with its place in the tree. A reply
 * too deep to be indented names whom it answers: that post is on the page, or looked up.
 */
export async function renderPosts(posts: PostView[], context: PostContext, openPanel?: OpenPanel): Promise<RenderedPost[]> {
  const names = new Map(posts.map((post) => [post.id, post.author?.name ?? "[supprimé]"]));
  const missing = posts.filter((post) => post.depth > MAX_INDENT_DEPTH && post.parentId && !names.has(post.parentId)).map((post) => post.parentId!);
  for (const [id, name] of await authorNamesOfPosts([...new Set(missing)])) names.set(id, name);
  return posts.map((post) => ({
    id: post.id,
    parentId: post.parentId,
    rootId: post.rootId,
    depth: post.depth,
    createdAt: post.createdAt.toISOString(),
    ...(post.hasMoreReplies !== undefined ? { hasMoreReplies: post.hasMoreReplies } : {}),
    node: <PostItem key={post.id} post={post} parentAuthorName={post.parentId ? names.get(post.parentId) : undefined} context={context} openPanel={openPanel} />,
  }));
}
