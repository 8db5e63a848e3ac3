// POST /api/moderation/threads/{id}/restore — show a hidden thread again.
import { route } from "@/lib/http";
import { restore } from "@/lib/moderation";
import { idParams } from "@/lib/schemas/pagination";

export const POST = route({ auth: "MODERATOR", params: idParams, status: 204 }, ({ actor, params }) => restore(actor, "THREAD", params.id));
