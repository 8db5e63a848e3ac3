"use client";

import { useId } from "react";
import { sendJson } from "@/lib/api-client";
import { THREAD_TITLE_MAX, THREAD_TITLE_MIN } from "@/lib/schemas/post";
import { Button } from "./ui/button";
import { useInlineForm } from "./use-inline-form";

export function RenameThreadForm({ threadId, title }: { threadId: number; title: string }) {
  const id = useId();
  const form = useInlineForm(
    (values) => sendJson("PATCH", `/api/moderation/threads/${threadId}`, { title: values.get("title") }),
    "Le renommage a échoué.",
  );

  if (!form.isOpen) {
    return (
      <button type="button" className="font-medium text-amber-800 hover:underline dark:text-amber-300" onClick={form.open}>
        Renommer
      </button>
    );
  }
  return (
    <form method="post" onSubmit={form.onSubmit} className="flex w-full flex-wrap items-end gap-2">
      <span className="flex grow flex-col">
        <label htmlFor={`${id}-title`}>Nouveau titre</label>
        <input id={`${id}-title`} name="title" defaultValue={title} minLength={THREAD_TITLE_MIN} maxLength={THREAD_TITLE_MAX} required className="rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100" />
      </span>
      <Button type="submit">Renommer le fil</Button>
      {form.message && <span role="status" className="text-red-700 dark:text-red-300">{form.message}</span>}
    </form>
  );
}
