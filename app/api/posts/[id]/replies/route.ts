// GET /api/posts/{id}/replies?cursor=&limit= — the rest of the conversation a top-level post starts.
import { route } from "@/lib/http";
import { listConversation } from "@/lib/posts";
import { conversationQuery, postIdParams } from "@/lib/schemas/post";

export const GET = route({ params: postIdParams, query: conversationQuery }, ({ actor, params, query }) =>
  listConversation(actor, params.id, query),
);
