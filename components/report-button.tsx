"use client";

import { useId, useState } from "react";
import { ApiError, sendJson } from "@/lib/api-client";
import { REPORT_DETAILS_MAX, REPORT_REASON_LABELS, REPORT_REASONS } from "@/lib/schemas/moderation";
import { Button } from "./ui/button";

/** "Signaler": a reason and optional details, sent to the moderators' queue. */
export function ReportButton({ targetType, targetId }: { targetType: "POST" | "THREAD"; targetId: number }) {
  const id = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      await sendJson("POST", "/api/reports", { targetType, targetId, reason: form.get("reason"), details: form.get("details") || undefined });
      setIsOpen(false);
      setMessage("Merci : la modération va examiner votre signalement.");
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Le signalement n’a pas pu être envoyé.");
    }
  }

  return (
    <span className="inline-block">
      {!isOpen && (
        <button type="button" className="text-slate-700 hover:underline dark:text-slate-300" onClick={() => { setIsOpen(true); setMessage(null); }}>
          Signaler
        </button>
      )}
      {message && (
        <span role="status" className="ms-2 text-sm">
          {message}
        </span>
      )}
      {isOpen && (
        <form onSubmit={submit} className="mt-2 block space-y-2 rounded-md border border-slate-300 p-3 dark:border-slate-600">
          <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
            Motif du signalement
          </label>
          <select id={`${id}-reason`} name="reason" className="rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100">
            {REPORT_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {REPORT_REASON_LABELS[reason]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-details`} className="block text-sm font-medium">
            Précisions (facultatif)
          </label>
          <textarea id={`${id}-details`} name="details" maxLength={REPORT_DETAILS_MAX} rows={2} className="block w-full rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100" />
          <div className="flex gap-2">
            <Button type="submit">Envoyer le signalement</Button>
            <Button type="button" variant="secondary" onClick={() => setIsOpen(false)}>
              Annuler
            </Button>
          </div>
        </form>
      )}
    </span>
  );
}
