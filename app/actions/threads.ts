"use server";
// Proposing a question (lib/forms.ts); POST /api/threads calls the same lib/threads.ts function.
import { requireUser } from "@/lib/authorization";
import { formAction } from "@/lib/forms";
import { proposeThreadForm } from "@/lib/schemas/post-forms";
import { createThread } from "@/lib/threads";

export const proposeThread = formAction(proposeThreadForm, async (input, actor) => {
  const thread = await createThread(requireUser(actor), input);
  return { to: `/t/${thread.slug}`, notice: "thread_published" };
});
