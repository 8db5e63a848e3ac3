// PUT /api/posts/{id}/vote — cast, change or withdraw the caller's vote: {"value":1|-1|0}.
import { route } from "@/lib/http";
import { postIdParams } from "@/lib/schemas/post";
import { voteSchema } from "@/lib/schemas/vote";
import { votePost } from "@/lib/votes";

export const PUT = route({ auth: "user", params: postIdParams, body: voteSchema }, ({ actor, params, body }) =>
  votePost(actor, params.id, body),
);
