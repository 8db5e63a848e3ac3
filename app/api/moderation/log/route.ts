// GET /api/moderation/log?actorId=&action=&targetType=&cursor= — the full log, for moderators.
import { route } from "@/lib/http";
import { listModerationLog } from "@/lib/moderation-log";
import { listLogQuery } from "@/lib/schemas/moderation";

export const GET = route({ auth: "MODERATOR", query: listLogQuery }, ({ actor, query }) => listModerationLog(actor, query));
