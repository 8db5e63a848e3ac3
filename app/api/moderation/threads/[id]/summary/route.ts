// PUT /api/moderation/threads/{id}/summary — {"body"}: write or rewrite the closing summary.
import { route } from "@/lib/http";
import { summarySchema } from "@/lib/schemas/moderation";
import { idParams } from "@/lib/schemas/pagination";
import { writeSummary } from "@/lib/thread-closing";

export const PUT = route({ auth: "MODERATOR", params: idParams, body: summarySchema }, ({ actor, params, body }) =>
  writeSummary(actor, params.id, body),
);
