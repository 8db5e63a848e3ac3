"use client";

import { resolveReportAction } from "@/app/actions/moderation";
import { OpenedActionForm } from "./opened-action-form";
import { useActionForm } from "./ui/action-form";
import { TextField } from "./ui/text-field";

type Props = { reportId: number; consequence: string; returnTo: string; openHref: string; isOpen: boolean };

/** « Masquer » in the report queue: the reason and what will happen, then « Confirmer : masquer ». */
export function HideReportForm({ reportId, consequence, ...opening }: Props) {
  const form = useActionForm(resolveReportAction);
  return (
    <OpenedActionForm label="Masquer" form={form} hiddenFields={{ reportId, action: "HIDE" }} submitLabel="Confirmer : masquer" {...opening}>
      {(openedByClick) => (
        <>
          <p>{consequence}</p>
          <TextField label="Raison" name="reason" required defaultValue={form.valueOf("reason")} error={form.errors.reason} autoFocus={openedByClick} />
        </>
      )}
    </OpenedActionForm>
  );
}
