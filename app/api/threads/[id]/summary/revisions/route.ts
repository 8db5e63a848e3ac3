// GET /api/threads/{id}/summary/revisions — the closing summary and its earlier texts, newest first.
import { route } from "@/lib/http";
import { threadIdParams } from "@/lib/schemas/thread";
import { listSummaryRevisions } from "@/lib/thread-closing";

export const GET = route({ params: threadIdParams }, ({ actor, params }) => listSummaryRevisions(actor, params.id));
