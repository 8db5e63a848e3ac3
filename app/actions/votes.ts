"use server";
// Votes as HTML forms (components/vote-buttons.tsx), by the rules of PUT /api/posts/{id}/vote and
// PUT /api/threads/{id}/vote: the same schema and the same lib/votes functions.
import { z } from "zod";
import { requireUser } from "@/lib/authorization";
import { formAction } from "@/lib/forms";
import { returnToField } from "@/lib/schemas/form";
import { idParam } from "@/lib/schemas/pagination";
import { voteSchema, type VoteInput } from "@/lib/schemas/vote";
import { votePost, voteThread } from "@/lib/votes";

const voteFormSchema = voteSchema.extend({
  // A button's value is text: "1", "-1", or "0" to withdraw.
  value: z.coerce.number().pipe(voteSchema.shape.value),
  targetId: idParam,
  returnTo: returnToField,
});

const noticeFor = (value: VoteInput["value"]) => (value === 0 ? "vote_withdrawn" : "vote_saved");

export const votePostAction = formAction(voteFormSchema, async ({ targetId, value, returnTo }, actor) => ({
  to: returnTo,
  notice: noticeFor(value),
  result: await votePost(requireUser(actor), targetId, { value }),
}));

export const voteThreadAction = formAction(voteFormSchema, async ({ targetId, value, returnTo }, actor) => ({
  to: returnTo,
  notice: noticeFor(value),
  result: await voteThread(requireUser(actor), targetId, { value }),
}));
