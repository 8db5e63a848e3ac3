"use client";

import type { FormAction } from "@/lib/form-state";
import { ActionForm, useActionForm } from "./ui/action-form";

/** An action that needs no more than a click (lift a suspension, dismiss reports): a one-button form. */
export function ActionButton({ action, fields, label }: { action: FormAction<undefined>; fields: Record<string, string | number>; label: string }) {
  const form = useActionForm(action);
  return (
    <ActionForm form={form} className="inline-block space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={form.isPending} className="font-medium text-amber-800 hover:underline dark:text-amber-300">
        {label}
      </button>
    </ActionForm>
  );
}
