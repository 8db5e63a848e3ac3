"use server";
// Stances as an HTML form (components/stance-panel.tsx), by the rules of PUT /api/threads/{id}/stance.
import { z } from "zod";
import { requireUser } from "@/lib/authorization";
import { formAction } from "@/lib/forms";
import { returnToField } from "@/lib/schemas/form";
import { idParam } from "@/lib/schemas/pagination";
import { stanceSchema } from "@/lib/schemas/vote";
import { setStance } from "@/lib/stances";

const stanceFormSchema = stanceSchema.extend({
  // The "Sans position" radio sends "": the API's null, which withdraws the stance.
  stance: z.preprocess((stance) => (stance === "" ? null : stance), stanceSchema.shape.stance),
  threadId: idParam,
  returnTo: returnToField,
});

export const stanceAction = formAction(stanceFormSchema, async ({ threadId, stance, returnTo }, actor) => ({
  to: returnTo,
  notice: stance ? "stance_saved" : "stance_withdrawn",
  result: await setStance(requireUser(actor), threadId, { stance }),
}));
