"use server";
// The thread page's forms: publish, reply, edit, delete (lib/forms.ts). The JSON API
// (app/api/threads/[id]/posts, app/api/posts/[id]) calls the same lib/posts.ts functions.
import { requireUser } from "@/lib/authorization";
import { AppError } from "@/lib/errors";
import { withFormsClosed } from "@/lib/form-links";
import { formAction } from "@/lib/forms";
import { getPostLocation } from "@/lib/post-locations";
import { createPost, deletePost, editPost } from "@/lib/posts";
import { deletePostForm, editPostForm, publishPostForm } from "@/lib/schemas/post-forms";
import { OPEN_FORM_PARAMS, REPLIES_PER_CONVERSATION } from "@/lib/schemas/post";

export const publishPost = formAction(publishPostForm, async ({ threadId, parentId, facetId, body, returnTo }, actor) => {
  const post = await createPost(requireUser(actor), threadId, { body, parentId, facetId });
  const location = await getPostLocation(actor, post.id);
  if (!location) throw new AppError("not_found", "Ce fil de discussion n'existe pas.");
  if (!parentId) return { to: `${location.threadPath}?sort=new#p-${post.id}`, notice: "post_published" };
  // A reply among a conversation's first ones shows on the thread page it was written from.
  const isOnThreadPage = new URL(returnTo, "http://agora.invalid").pathname === location.threadPath && location.position < REPLIES_PER_CONVERSATION;
  return { to: isOnThreadPage ? backTo(returnTo, post.id) : location.path, notice: "reply_published" };
});

export const updatePost = formAction(editPostForm, async ({ postId, body, returnTo }, actor) => {
  const post = await editPost(requireUser(actor), postId, { body });
  return { to: backTo(returnTo, post.id), notice: "post_edited" };
});

export const removePost = formAction(deletePostForm, async ({ postId, returnTo }, actor) => {
  await deletePost(requireUser(actor), postId);
  return { to: backTo(returnTo, postId), notice: "post_deleted" };
});

/** The page the form was on, at the post, its form closed (OPEN_FORM_PARAMS: the page opened it). */
const backTo = (returnTo: string, postId: number) => withFormsClosed(returnTo, OPEN_FORM_PARAMS, `#p-${postId}`);
