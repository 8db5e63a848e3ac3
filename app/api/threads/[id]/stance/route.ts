// PUT /api/threads/{id}/stance — take, change or withdraw a position: {"positionId": <id of one of the question's positions> | null}.
// The body of before positions ({"stance": "AGREE"}) is answered 400 with the question's positions.
import { route } from "@/lib/http";
import { setStance } from "@/lib/stances";
import { threadIdParams } from "@/lib/schemas/thread";
import { stanceSchema } from "@/lib/schemas/vote";

export const PUT = route({ auth: "user", params: threadIdParams, body: stanceSchema }, ({ actor, params, body }) =>
  setStance(actor, params.id, body),
);
