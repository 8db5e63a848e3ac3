// GET /api/threads/{id} — one thread with its context.
import { route } from "@/lib/http";
import { threadIdParams } from "@/lib/schemas/thread";
import { requireThread } from "@/lib/threads";

export const GET = route({ params: threadIdParams }, ({ actor, params }) => requireThread(actor, params.id));
