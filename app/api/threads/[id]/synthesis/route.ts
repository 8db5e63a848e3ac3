// GET /api/threads/{id}/synthesis — the question's synthesis, as its page /t/{slug}/synthese shows
//   it: the question, its tally and history, what changed minds, its key figures, its closing.
import { route } from "@/lib/http";
import { threadIdParams } from "@/lib/schemas/thread";
import { requireSynthesis } from "@/lib/synthesis";

export const GET = route({ params: threadIdParams }, ({ actor, params }) => requireSynthesis(actor, params.id));
