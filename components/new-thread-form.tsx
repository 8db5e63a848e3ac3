"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/lib/api-client";
import { THREAD_TITLE_MAX, THREAD_TITLE_MIN } from "@/lib/schemas/post";
import { PostComposer } from "./post-composer";
import { TextField } from "./ui/text-field";

export function NewThreadForm() {
  const router = useRouter();
  const [title, setTitle] = useState("");

  async function create(body: string) {
    const thread = await sendJson<{ slug: string }>("POST", "/api/threads", { title, body });
    router.push(`/t/${thread.slug}`);
  }

  return (
    <div className="space-y-4">
      <TextField
        label="Votre question"
        name="title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        required
        hint={`De ${THREAD_TITLE_MIN} à ${THREAD_TITLE_MAX} caractères.`}
      />
      <PostComposer label="Le contexte de la question (Markdown)" submitLabel="Proposer la question" onSubmit={create} />
    </div>
  );
}
