// GET /api/moderation/journal?cursor= — the public journal of moderation (no identities, no hidden text).
import { route } from "@/lib/http";
import { listModerationJournal } from "@/lib/moderation-log";
import { listLogQuery } from "@/lib/schemas/moderation";

export const GET = route({ query: listLogQuery.pick({ cursor: true, limit: true }) }, ({ query }) => listModerationJournal(query));
