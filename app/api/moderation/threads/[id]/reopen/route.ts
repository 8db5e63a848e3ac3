// POST /api/moderation/threads/{id}/reopen — {"reason?"}: reopen a closed question.
import { route } from "@/lib/http";
import { closeThreadSchema } from "@/lib/schemas/moderation";
import { idParams } from "@/lib/schemas/pagination";
import { reopenThread } from "@/lib/thread-closing";

export const POST = route({ auth: "MODERATOR", params: idParams, body: closeThreadSchema }, ({ actor, params, body }) =>
  reopenThread(actor, params.id, body),
);
