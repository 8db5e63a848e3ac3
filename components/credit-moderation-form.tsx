"use client";

import { moderateCreditAction } from "@/app/actions/moderation";
import { ActionForm, useActionForm } from "./ui/action-form";
import { Button } from "./ui/button";
import { TextField } from "./ui/text-field";

type Props = { creditId: number; isVoided: boolean; returnTo: string };

/** Voids a credit, with a reason (what the member did is told to moderators, in the log), or restores it. */
export function CreditModerationForm({ creditId, isVoided, returnTo }: Props) {
  const form = useActionForm(moderateCreditAction);
  return (
    <ActionForm form={form} className="mt-2 flex flex-wrap items-end gap-2">
      <input type="hidden" name="creditId" value={creditId} />
      <input type="hidden" name="action" value={isVoided ? "RESTORE" : "VOID"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {!isVoided && <TextField label="Raison" name="reason" required defaultValue={form.valueOf("reason")} error={form.errors.reason} />}
      <Button type="submit" variant="secondary" disabled={form.isPending}>
        {isVoided ? "Rétablir" : "Annuler ce crédit"}
      </Button>
    </ActionForm>
  );
}
