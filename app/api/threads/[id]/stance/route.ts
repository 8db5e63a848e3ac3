// PUT /api/threads/{id}/stance — take, change or withdraw a stance: {"stance":"AGREE"|"DISAGREE"|"NUANCED"|null}.
import { route } from "@/lib/http";
import { setStance } from "@/lib/stances";
import { threadIdParams } from "@/lib/schemas/thread";
import { stanceSchema } from "@/lib/schemas/vote";

export const PUT = route({ auth: "user", params: threadIdParams, body: stanceSchema }, ({ actor, params, body }) =>
  setStance(actor, params.id, body),
);
