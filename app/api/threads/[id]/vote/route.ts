// PUT /api/threads/{id}/vote — vote on a member-proposed thread: {"value":1|-1|0}.
import { route } from "@/lib/http";
import { threadIdParams } from "@/lib/schemas/thread";
import { voteSchema } from "@/lib/schemas/vote";
import { voteThread } from "@/lib/votes";

export const PUT = route({ auth: "user", params: threadIdParams, body: voteSchema }, ({ actor, params, body }) =>
  voteThread(actor, params.id, body),
);
