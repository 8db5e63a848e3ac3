"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ApiError, sendJson } from "@/lib/api-client";
import { Button } from "./ui/button";

/** Suspends a member until a date (or indefinitely), with a reason. */
export function SuspendForm({ userId, name }: { userId: number; name: string }) {
  const id = useId();
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const until = String(form.get("until") ?? "");
    try {
      await sendJson("POST", `/api/moderation/users/${userId}/suspend`, {
        until: until ? new Date(`${until}T23:59:59`).toISOString() : null,
        reason: form.get("reason"),
      });
      setIsOpen(false);
      router.refresh();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "La suspension a échoué.");
    }
  }

  if (!isOpen) {
    return (
      <button type="button" className="font-medium text-amber-800 hover:underline dark:text-amber-300" onClick={() => setIsOpen(true)}>
        Suspendre {name}
      </button>
    );
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2 text-sm">
      <span className="flex flex-col">
        <label htmlFor={`${id}-until`}>Jusqu’au (vide : sans date de fin)</label>
        <input id={`${id}-until`} name="until" type="date" className="rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100" />
      </span>
      <span className="flex flex-col">
        <label htmlFor={`${id}-reason`}>Raison</label>
        <input id={`${id}-reason`} name="reason" required className="rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100" />
      </span>
      <Button type="submit">Confirmer la suspension</Button>
      {message && <span role="status" className="text-red-700 dark:text-red-300">{message}</span>}
    </form>
  );
}
