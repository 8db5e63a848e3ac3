"use server";
// Stances as an HTML form (components/stance-panel.tsx), by the rules of PUT /api/threads/{id}/stance.
import { z } from "zod";
import { requireUser } from "@/lib/authorization";
import { formAction } from "@/lib/forms";
import { returnToField } from "@/lib/schemas/form";
import { idParam } from "@/lib/schemas/pagination";
import { stanceSchema } from "@/lib/schemas/vote";
import { setStance } from "@/lib/stances";

const stanceFormSchema = z.object({
  // A radio sends the position's id as text; "Sans position" sends "": the API's null, which withdraws the stance.
  positionId: z.preprocess(
    (id) => (id === "" ? null : typeof id === "string" && /^\d+$/.test(id) ? Number(id) : id),
    stanceSchema.shape.positionId.unwrap(),
  ),
  threadId: idParam,
  returnTo: returnToField,
});

export const stanceAction = formAction(stanceFormSchema, async ({ threadId, positionId, returnTo }, actor) => ({
  to: returnTo,
  notice: positionId ? "stance_saved" : "stance_withdrawn",
  result: await setStance(requireUser(actor), threadId, { positionId }),
}));
