"use client";

import { resolveReportAction } from "@/app/actions/moderation";
import { HideReason, hideConsequence } from "./hide-content-form";
import { OpenedActionForm, useOpenedForm } from "./opened-action-form";

type Props = { reportId: number; targetType: "POST" | "THREAD"; returnTo: string; openHref: string; isOpen: boolean };

/** « Masquer » in the report queue: the reason and what will happen, then « Confirmer : masquer ». */
export function HideReportForm({ reportId, targetType, isOpen, ...opening }: Props) {
  const opened = useOpenedForm(resolveReportAction, isOpen);
  return (
    <OpenedActionForm label="Masquer" opened={opened} hiddenFields={{ reportId, action: "HIDE" }} submitLabel="Confirmer : masquer" {...opening}>
      {(openedByClick) => <HideReason consequence={hideConsequence(targetType)} form={opened.form} autoFocus={openedByClick} />}
    </OpenedActionForm>
  );
}
