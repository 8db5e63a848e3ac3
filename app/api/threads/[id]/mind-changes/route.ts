// GET /api/threads/{id}/mind-changes — « Ce qui a fait bouger les avis »: the question's posts
// members credited with changing their mind, most credited first, with the moves each caused.
import { route } from "@/lib/http";
import { listMostCredited } from "@/lib/mind-changes";
import { threadIdParams } from "@/lib/schemas/thread";
import { requireThread } from "@/lib/threads";

export const GET = route({ params: threadIdParams }, async ({ actor, params }) => {
  return { items: await listMostCredited(await requireThread(actor, params.id)) };
});
