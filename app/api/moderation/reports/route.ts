// GET /api/moderation/reports?status=OPEN — the moderation queue: reports grouped by target.
import { route } from "@/lib/http";
import { listReportQueue } from "@/lib/reports";
import { listReportsQuery } from "@/lib/schemas/moderation";

export const GET = route({ auth: "MODERATOR", query: listReportsQuery }, ({ actor, query }) => listReportQueue(actor, query.status));
