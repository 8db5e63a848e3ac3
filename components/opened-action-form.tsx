"use client";

import { type ReactNode, useState } from "react";
import { ActionForm, type useActionForm } from "./ui/action-form";
import { Button } from "./ui/button";
import { CancelLink } from "./ui/cancel-link";

type Props<R> = {
  /** The link that opens the form, and the address that renders the page with it open. */
  label: string;
  openHref: string;
  isOpen: boolean;
  returnTo: string;
  form: ReturnType<typeof useActionForm<R>>;
  hiddenFields: Record<string, string | number>;
  submitLabel: string;
  /** The fields, told whether a click opened the form (then the first takes the focus). */
  children: (openedByClick: boolean) => ReactNode;
};

/**
 * A moderation form that asks before it acts (suspend, hide): a link opens it in place, or,
 * without JavaScript, loads the page with it open; it says what will happen, then confirms.
 */
export function OpenedActionForm<R>({ label, openHref, isOpen, returnTo, form, hiddenFields, submitLabel, children }: Props<R>) {
  const [open, setOpen] = useState({ isOpen, byClick: false });
  return (
    <div className="w-full space-y-2">
      <a
        href={openHref}
        aria-expanded={open.isOpen}
        onClick={(event) => {
          event.preventDefault();
          setOpen({ isOpen: !open.isOpen, byClick: true });
        }}
        className="font-medium text-amber-800 hover:underline dark:text-amber-300"
      >
        {label}
      </a>
      {open.isOpen && (
        <ActionForm form={form} className="space-y-3 rounded-md border border-amber-300 p-3 text-sm dark:border-amber-800">
          {Object.entries({ ...hiddenFields, returnTo }).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {children(open.byClick)}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={form.isPending}>{submitLabel}</Button>
            <CancelLink cancel={{ href: returnTo, onClick: () => setOpen({ isOpen: false, byClick: false }) }} />
          </div>
        </ActionForm>
      )}
    </div>
  );
}
