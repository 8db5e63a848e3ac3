// POST /api/moderation/reports/{id}/resolve — {"action":"DISMISS"|"HIDE","reason?"}: acts on the
// target and resolves all its open reports.
import { route } from "@/lib/http";
import { resolveReport } from "@/lib/reports";
import { resolveReportSchema } from "@/lib/schemas/moderation";
import { idParams } from "@/lib/schemas/pagination";

export const POST = route({ auth: "MODERATOR", params: idParams, body: resolveReportSchema }, ({ actor, params, body }) =>
  resolveReport(actor, params.id, body),
);
