"use server";
// Stances as an HTML form (components/stance-panel.tsx), by the rules of PUT /api/threads/{id}/stance.
import { z } from "zod";
import { requireUser } from "@/lib/authorization";
import { withoutCreditPicks } from "@/lib/form-links";
import { formAction } from "@/lib/forms";
import { returnToField } from "@/lib/schemas/form";
import { idParam } from "@/lib/schemas/pagination";
import { stanceSchema } from "@/lib/schemas/vote";
import { setStance } from "@/lib/stances";

/** The form's credit checkboxes, `creditedPostIds.0`, `creditedPostIds.1`…, each a post's id when checked: the API's list, in the form's order. */
const CREDIT_FIELD = /^creditedPostIds\.\d+$/;
const creditedInForm = (form: Record<string, unknown>) =>
  Object.entries(form)
    .filter(([name]) => CREDIT_FIELD.test(name))
    .map(([, id]) => (typeof id === "string" && /^\d+$/.test(id) ? Number(id) : id));

const stanceFormSchema = z.preprocess((form) => ({ ...(form as object), creditedPostIds: creditedInForm((form ?? {}) as Record<string, unknown>) }), z.object({
  // A radio sends the position's id as text; "Sans position" sends "": the API's null, which withdraws the stance.
  positionId: z.preprocess(
    (id) => (id === "" ? null : typeof id === "string" && /^\d+$/.test(id) ? Number(id) : id),
    stanceSchema.shape.positionId.unwrap(),
  ),
  threadId: idParam,
  returnTo: returnToField,
  creditedPostIds: stanceSchema.shape.creditedPostIds,
}));

export const stanceAction = formAction(stanceFormSchema, async ({ threadId, positionId, creditedPostIds, returnTo }, actor) => ({
  // A change credited to posts comes back to the panel without the picks of the address.
  to: creditedPostIds.length > 0 ? withoutCreditPicks(returnTo) : returnTo,
  notice: creditedPostIds.length > 0 ? "mind_change_credited" : positionId ? "stance_saved" : "stance_withdrawn",
  result: await setStance(requireUser(actor), threadId, { positionId, creditedPostIds }),
}));
