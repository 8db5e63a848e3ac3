"use client";

import { moderateThreadAction, restoreAction } from "@/app/actions/moderation";
import { THREAD_TITLE_MAX, THREAD_TITLE_MIN } from "@/lib/schemas/vocabulary";
import { withOpenForm } from "@/lib/form-links";
import { ActionButton } from "./action-button";
import { HideContentForm, useHiding } from "./hide-content-form";
import { OpenedForm, OpeningLink, useOpenedForm } from "./opened-action-form";
import { TextField } from "./ui/text-field";

type Props = {
  thread: { id: number; title: string; isLocked: boolean; isPinned: boolean; isHidden: boolean };
  /** The viewer may hide or restore it (lib/authorization.ts). */
  canHide: boolean;
  canRestore: boolean;
  /** The thread page's address (path and query, no form open). */
  returnTo: string;
  /** The form the address opened (`?ouvrir=renommer`), without JavaScript. */
  open: string | undefined;
};

/** Where the actions come back to, and what takes the focus after one. */
const ANCHOR = "moderation-du-fil";

/**
 * « Modération du fil »: a row of actions (one-click ones are buttons; rename and hide open
 * their form below the row), each a real form that works without JavaScript.
 */
export function ThreadModeration({ thread, canHide, canRestore, returnTo, open }: Props) {
  const renaming = useOpenedForm(moderateThreadAction, open === "renommer");
  const hiding = useHiding(open === "masquer");
  const back = `${returnTo}#${ANCHOR}`;
  const opening = (key: string) => `${withOpenForm(returnTo, key)}#${ANCHOR}`;
  const fields = { threadId: thread.id, returnTo: back };
  return (
    <div id={ANCHOR} tabIndex={-1} role="group" aria-label="Modération du fil" className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-4">
        <ActionButton action={moderateThreadAction} fields={{ ...fields, locked: String(!thread.isLocked) }} label={thread.isLocked ? "Déverrouiller" : "Verrouiller"} />
        <ActionButton action={moderateThreadAction} fields={{ ...fields, pinned: String(!thread.isPinned) }} label={thread.isPinned ? "Désépingler" : "Épingler"} />
        <OpeningLink opening={renaming.opening} href={opening("renommer")} label="Renommer" />
        {thread.isHidden
          ? canRestore && <ActionButton action={restoreAction} fields={{ targetType: "THREAD", targetId: thread.id, returnTo: back }} label="Rétablir le fil" />
          : canHide && <OpeningLink opening={hiding.opening} href={opening("masquer")} label="Masquer le fil" />}
      </div>
      <OpenedForm opened={renaming} hiddenFields={{ threadId: thread.id }} returnTo={back} submitLabel="Renommer le fil">
        {(openedByClick) => (
          <TextField
            label="Nouveau titre"
            name="title"
            required
            minLength={THREAD_TITLE_MIN}
            maxLength={THREAD_TITLE_MAX}
            defaultValue={renaming.form.valueOf("title", thread.title)}
            error={renaming.form.errors.title}
            autoFocus={openedByClick}
          />
        )}
      </OpenedForm>
      {!thread.isHidden && canHide && <HideContentForm target={{ type: "THREAD", id: thread.id }} hiding={hiding} returnTo={back} submitLabel="Confirmer : masquer le fil" />}
    </div>
  );
}
