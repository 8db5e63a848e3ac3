"use client";

import { suspendAction } from "@/app/actions/moderation";
import { OpenedActionForm, useOpenedForm } from "./opened-action-form";
import { TextField } from "./ui/text-field";

type Props = { userId: number; name: string; returnTo: string; openHref: string; isOpen: boolean };

/** Suspends a member until a date (or indefinitely), with a reason, once the moderator has read what it does. */
export function SuspendForm({ userId, name, isOpen, ...opening }: Props) {
  const opened = useOpenedForm(suspendAction, isOpen);
  const { form } = opened;
  return (
    <OpenedActionForm label={`Suspendre ${name}`} opened={opened} hiddenFields={{ userId }} submitLabel="Confirmer la suspension" {...opening}>
      {(openedByClick) => (
        <>
          <p>{name} ne pourra plus écrire (publier, voter, signaler) jusqu’à la date choisie, ou sans date de fin ; ses sessions en cours seront fermées.</p>
          <TextField label="Jusqu’au (vide : sans date de fin)" name="until" type="date" defaultValue={form.valueOf("until")} error={form.errors.until} autoFocus={openedByClick} />
          <TextField label="Raison" name="reason" required defaultValue={form.valueOf("reason")} error={form.errors.reason} />
        </>
      )}
    </OpenedActionForm>
  );
}
