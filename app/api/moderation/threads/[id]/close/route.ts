// POST /api/moderation/threads/{id}/close — {"reason?"}: close a question (read-only, its tally final).
import { route } from "@/lib/http";
import { closeThreadSchema } from "@/lib/schemas/moderation";
import { idParams } from "@/lib/schemas/pagination";
import { closeThread } from "@/lib/thread-closing";

export const POST = route({ auth: "MODERATOR", params: idParams, body: closeThreadSchema }, ({ actor, params, body }) =>
  closeThread(actor, params.id, body),
);
