"use client";

import { hideAction } from "@/app/actions/moderation";
import { type Opened, OpenedForm, useOpenedForm } from "./opened-action-form";
import { TextField } from "./ui/text-field";

type Target = { type: "POST" | "THREAD"; id: number };

/** What hiding does, said before the moderator confirms (the report queue and the thread page). */
export function hideConsequence(type: Target["type"]) {
  const readers = type === "POST" ? "Les lecteurs ne verront plus que « Contribution masquée par la modération »" : "Le fil disparaîtra pour les lecteurs";
  return `${readers} ; son auteur verra la raison ; les signalements en cours seront clos.`;
}

type ReasonForm = Pick<Opened<unknown>["form"], "valueOf" | "errors">;

/** The consequence and the reason field: the body of every hiding form. */
export function HideReason({ consequence, form, autoFocus }: { consequence: string; form: ReasonForm; autoFocus: boolean }) {
  return (
    <>
      <p>{consequence}</p>
      <TextField label="Raison" name="reason" required defaultValue={form.valueOf("reason")} error={form.errors.reason} autoFocus={autoFocus} />
    </>
  );
}

/** The hiding form of a post or of the thread; `isOpen`: the address opened it (`?ouvrir=`). */
export const useHiding = (isOpen: boolean) => useOpenedForm(hideAction, isOpen);

type Props = { target: Target; hiding: Opened<undefined>; returnTo: string; submitLabel: string; className?: string };

/** Hides a post or the thread, from the thread page: the form its « Masquer » link opens, below that link's row. */
export function HideContentForm({ target, hiding, ...form }: Props) {
  return (
    <OpenedForm opened={hiding} hiddenFields={{ targetType: target.type, targetId: target.id }} {...form}>
      {(openedByClick) => <HideReason consequence={hideConsequence(target.type)} form={hiding.form} autoFocus={openedByClick} />}
    </OpenedForm>
  );
}
