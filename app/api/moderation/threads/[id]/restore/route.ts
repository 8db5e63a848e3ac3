// POST /api/moderation/threads/{id}/restore — show a hidden thread again.
import { route } from "@/lib/http";
import { restoreThread } from "@/lib/moderation";
import { idParams } from "@/lib/schemas/pagination";

export const POST = route({ auth: "MODERATOR", params: idParams, status: 204 }, ({ actor, params }) => restoreThread(actor, params.id));
