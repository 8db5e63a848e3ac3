// POST /api/moderation/users/{id}/suspend — {"until?":ISO date|null,"reason"}.
import { route } from "@/lib/http";
import { suspendUser } from "@/lib/moderation";
import { suspendSchema } from "@/lib/schemas/moderation";
import { idParams } from "@/lib/schemas/pagination";

export const POST = route({ auth: "MODERATOR", params: idParams, body: suspendSchema }, ({ actor, params, body }) =>
  suspendUser(actor, params.id, body),
);
