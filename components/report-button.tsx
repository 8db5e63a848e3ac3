"use client";

import { useId } from "react";
import { sendJson } from "@/lib/api-client";
import { REPORT_DETAILS_MAX, REPORT_REASON_LABELS, REPORT_REASONS } from "@/lib/schemas/moderation";
import { Button } from "./ui/button";
import { useInlineForm } from "./use-inline-form";

/** "Signaler": a reason and optional details, sent to the moderators' queue. */
export function ReportButton({ targetType, targetId }: { targetType: "POST" | "THREAD"; targetId: number }) {
  const id = useId();
  const form = useInlineForm(
    (values) => sendJson("POST", "/api/reports", { targetType, targetId, reason: values.get("reason"), details: values.get("details") || undefined }),
    "Le signalement n’a pas pu être envoyé.",
    { refresh: false, success: "Merci : la modération va examiner votre signalement." },
  );

  return (
    <span className="inline-block">
      {!form.isOpen && (
        <button type="button" className="text-slate-700 hover:underline dark:text-slate-300" onClick={form.open}>
          Signaler
        </button>
      )}
      {form.message && (
        <span role="status" className="ms-2 text-sm">
          {form.message}
        </span>
      )}
      {form.isOpen && (
        <form method="post" onSubmit={form.onSubmit} className="mt-2 block space-y-2 rounded-md border border-slate-300 p-3 dark:border-slate-600">
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
            <Button type="button" variant="secondary" onClick={form.close}>
              Annuler
            </Button>
          </div>
        </form>
      )}
    </span>
  );
}
