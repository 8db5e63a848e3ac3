// GET /api/threads/{id}/posts?sort=&position=&cursor=|before=&limit= — a page of conversations:
//   top-level posts in the chosen sort with their first replies (sort=consensus: position questions only).
// POST /api/threads/{id}/posts — post an opinion or a reply: {"body","parentId?"} → 201.
import { route } from "@/lib/http";
import { createPost, listPosts } from "@/lib/posts";
import { createPostSchema, listPostsQuery } from "@/lib/schemas/post";
import { threadIdParams } from "@/lib/schemas/thread";

export const GET = route({ params: threadIdParams, query: listPostsQuery }, ({ actor, params, query }) =>
  listPosts(actor, params.id, query),
);

export const POST = route({ auth: "user", params: threadIdParams, body: createPostSchema, status: 201 }, ({ actor, params, body }) =>
  createPost(actor, params.id, body),
);
