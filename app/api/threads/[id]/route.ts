// GET /api/threads/{id} — one thread with its context.
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { threadIdParams } from "@/lib/schemas/thread";
import { getThread } from "@/lib/threads";

export const GET = route({ params: threadIdParams }, async ({ actor, params }) => {
  const thread = await getThread(actor, params.id);
  if (!thread) throw new AppError("not_found", "Ce fil de discussion n'existe pas.");
  return thread;
});
