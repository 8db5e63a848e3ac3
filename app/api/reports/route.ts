// POST /api/reports — report a post or a thread: {"targetType","targetId","reason","details?"} → 201.
import { route } from "@/lib/http";
import { createReport } from "@/lib/reports";
import { createReportSchema } from "@/lib/schemas/moderation";

export const POST = route({ auth: "user", body: createReportSchema, status: 201 }, ({ actor, body }) => createReport(actor, body));
