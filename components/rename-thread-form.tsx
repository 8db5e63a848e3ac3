"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ApiError, sendJson } from "@/lib/api-client";
import { THREAD_TITLE_MAX, THREAD_TITLE_MIN } from "@/lib/schemas/post";
import { Button } from "./ui/button";

export function RenameThreadForm({ threadId, title }: { threadId: number; title: string }) {
  const id = useId();
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await sendJson("PATCH", `/api/moderation/threads/${threadId}`, { title: new FormData(event.currentTarget).get("title") });
      setIsOpen(false);
      router.refresh();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Le renommage a échoué.");
    }
  }

  if (!isOpen) {
    return (
      <button type="button" className="font-medium text-amber-800 hover:underline dark:text-amber-300" onClick={() => setIsOpen(true)}>
        Renommer
      </button>
    );
  }
  return (
    <form onSubmit={submit} className="flex w-full flex-wrap items-end gap-2">
      <span className="flex grow flex-col">
        <label htmlFor={`${id}-title`}>Nouveau titre</label>
        <input id={`${id}-title`} name="title" defaultValue={title} minLength={THREAD_TITLE_MIN} maxLength={THREAD_TITLE_MAX} required className="rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100" />
      </span>
      <Button type="submit">Renommer le fil</Button>
      {message && <span role="status" className="text-red-700 dark:text-red-300">{message}</span>}
    </form>
  );
}
