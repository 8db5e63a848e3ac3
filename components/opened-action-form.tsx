"use client";

import { type ReactNode, useState } from "react";
import type { FormAction, FormState } from "@/lib/form-state";
import { ActionForm, useActionForm } from "./ui/action-form";
import { Button } from "./ui/button";
import { CancelLink } from "./ui/cancel-link";

/**
 * Whether a form that asks before it acts is open, and whether a click opened it (then its first
 * field takes the focus). `isOpen`: the address opened it (without JavaScript). It closes once its
 * action is done: the page it stays on (a rename) renders again without it.
 */
export function useOpening(isOpen: boolean, formState: FormState<unknown>) {
  const [open, setOpen] = useState({ isOpen, byClick: false });
  const [seenState, setSeenState] = useState(formState);
  if (seenState !== formState) {
    setSeenState(formState);
    if (formState.status === "done") setOpen({ isOpen: false, byClick: false });
  }
  return {
    ...open,
    toggle: () => setOpen({ isOpen: !open.isOpen, byClick: true }),
    close: () => setOpen({ isOpen: false, byClick: false }),
  };
}
export type Opening = ReturnType<typeof useOpening>;

/** A form bound to its action, and its opening: the link and the form take it, wherever each is placed. */
export function useOpenedForm<R>(action: FormAction<R>, isOpen: boolean) {
  const form = useActionForm(action);
  return { form, opening: useOpening(isOpen, form.state) };
}
export type Opened<R> = ReturnType<typeof useOpenedForm<R>>;

/** The link that opens the form in place, or, without JavaScript, loads the page (`href`) with it open. */
export function OpeningLink({ opening, href, label }: { opening: Opening; href: string; label: string }) {
  return (
    <a
      href={href}
      aria-expanded={opening.isOpen}
      onClick={(event) => {
        event.preventDefault();
        opening.toggle();
      }}
      className="font-medium text-amber-800 hover:underline dark:text-amber-300"
    >
      {label}
    </a>
  );
}

type FormProps<R> = {
  opened: Opened<R>;
  /** The page to come back to, at the anchor to show: the action's and « Annuler »'s. */
  returnTo: string;
  hiddenFields: Record<string, string | number>;
  submitLabel: string;
  /** Its place among what surrounds it (a margin). */
  className?: string;
  /** The fields, told whether a click opened the form (then the first takes the focus). */
  children: (openedByClick: boolean) => ReactNode;
};

/** The form itself, where the caller places it (below a row of actions): it says what will happen, then confirms. */
export function OpenedForm<R>({ opened: { form, opening }, returnTo, hiddenFields, submitLabel, className = "", children }: FormProps<R>) {
  if (!opening.isOpen) return null;
  return (
    <ActionForm form={form} className={`space-y-3 rounded-md border border-amber-300 p-3 text-sm dark:border-amber-800 ${className}`}>
      {Object.entries({ ...hiddenFields, returnTo }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children(opening.byClick)}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={form.isPending}>{submitLabel}</Button>
        <CancelLink cancel={{ href: returnTo, onClick: opening.close }} />
      </div>
    </ActionForm>
  );
}

type Props<R> = FormProps<R> & { label: string; openHref: string };

/**
 * A moderation form that asks before it acts (suspend, hide), its link just above it: where
 * nothing else shares the link's row (the moderation pages).
 */
export function OpenedActionForm<R>({ label, openHref, ...form }: Props<R>) {
  return (
    <div className="w-full space-y-2">
      <OpeningLink opening={form.opened.opening} href={openHref} label={label} />
      <OpenedForm {...form} />
    </div>
  );
}
