"use client";

import { proposeThread } from "@/app/actions/threads";
import { THREAD_TITLE_MAX, THREAD_TITLE_MIN } from "@/lib/schemas/post";
import { PostComposer } from "./post-composer";
import { TextField } from "./ui/text-field";

export function NewThreadForm() {
  return (
    <PostComposer action={proposeThread} fields={{}} label="Le contexte de la question (Markdown)" submitLabel="Proposer la question">
      <QuestionTitle />
    </PostComposer>
  );
}

function QuestionTitle() {
  return <TextField label="Votre question" name="title" required hint={`De ${THREAD_TITLE_MIN} à ${THREAD_TITLE_MAX} caractères.`} />;
}
