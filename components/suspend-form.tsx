"use client";

import { useId } from "react";
import { sendJson } from "@/lib/api-client";
import { Button } from "./ui/button";
import { useInlineForm } from "./use-inline-form";

/** Suspends a member until a date (or indefinitely), with a reason: a button, then a form that says what will happen. */
export function SuspendForm({ userId, name }: { userId: number; name: string }) {
  const id = useId();
  const form = useInlineForm((values) => {
    const until = String(values.get("until") ?? "");
    return sendJson("POST", `/api/moderation/users/${userId}/suspend`, {
      until: until ? new Date(`${until}T23:59:59`).toISOString() : null,
      reason: values.get("reason"),
    });
  }, "La suspension a échoué.");

  if (!form.isOpen) {
    return (
      <button type="button" className="font-medium text-amber-800 hover:underline dark:text-amber-300" onClick={form.open}>
        Suspendre {name}
      </button>
    );
  }
  return (
    <form method="post" onSubmit={form.onSubmit} className="flex flex-wrap items-end gap-2 text-sm">
      <p className="w-full">
        {name} ne pourra plus écrire (publier, voter, signaler) jusqu’à la date choisie, ou sans date de fin ; ses sessions en cours seront fermées.
      </p>
      <span className="flex flex-col">
        <label htmlFor={`${id}-until`}>Jusqu’au (vide : sans date de fin)</label>
        <input id={`${id}-until`} name="until" type="date" className="rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100" />
      </span>
      <span className="flex flex-col">
        <label htmlFor={`${id}-reason`}>Raison</label>
        <input id={`${id}-reason`} name="reason" required className="rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100" />
      </span>
      <Button type="submit">Confirmer la suspension</Button>
      {form.message && <span role="status" className="text-red-700 dark:text-red-300">{form.message}</span>}
    </form>
  );
}
