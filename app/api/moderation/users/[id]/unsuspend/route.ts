// POST /api/moderation/users/{id}/unsuspend — lift a suspension.
import { route } from "@/lib/http";
import { unsuspendUser } from "@/lib/moderation";
import { idParams } from "@/lib/schemas/pagination";

export const POST = route({ auth: "MODERATOR", params: idParams, status: 204 }, ({ actor, params }) => unsuspendUser(actor, params.id));
