// PATCH /api/moderation/threads/{id} — {"locked?","pinned?","title?"}: lock, pin, rename.
import { route } from "@/lib/http";
import { moderateThread } from "@/lib/moderation";
import { moderateThreadSchema } from "@/lib/schemas/moderation";
import { idParams } from "@/lib/schemas/pagination";

export const PATCH = route({ auth: "MODERATOR", params: idParams, body: moderateThreadSchema }, ({ actor, params, body }) =>
  moderateThread(actor, params.id, body),
);
