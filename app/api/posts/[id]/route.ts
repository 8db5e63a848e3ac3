// PATCH /api/posts/{id} — the author edits: {"body"}; the previous text becomes a revision.
// DELETE /api/posts/{id} — the author deletes (softly): 204.
import { route } from "@/lib/http";
import { deletePost, editPost } from "@/lib/posts";
import { editPostSchema, postIdParams } from "@/lib/schemas/post";

export const PATCH = route({ auth: "user", params: postIdParams, body: editPostSchema }, ({ actor, params, body }) =>
  editPost(actor, params.id, body),
);

export const DELETE = route({ auth: "user", params: postIdParams, status: 204 }, ({ actor, params }) => deletePost(actor, params.id));
