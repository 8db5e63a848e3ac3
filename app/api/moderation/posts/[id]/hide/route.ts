// POST /api/moderation/posts/{id}/hide — {"reason"}: hide a post from the public (nothing is deleted).
import { route } from "@/lib/http";
import { hide } from "@/lib/moderation";
import { hideSchema } from "@/lib/schemas/moderation";
import { idParams } from "@/lib/schemas/pagination";

export const POST = route({ auth: "MODERATOR", params: idParams, body: hideSchema, status: 204 }, ({ actor, params, body }) =>
  hide(actor, "POST", params.id, body),
);
