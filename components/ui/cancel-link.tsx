"use client";

import { VARIANTS } from "./button";

/** Where "Annuler" leads without JavaScript (the page with the form closed), and what it does with it. */
export type Cancel = { href: string; onClick: () => void };

/** "Annuler" for a form that opened in place: a link, so that it also works without JavaScript. */
export function CancelLink({ cancel }: { cancel: Cancel }) {
  return (
    <a
      href={cancel.href}
      className={`inline-block rounded-md px-4 py-2 text-sm font-semibold ${VARIANTS.secondary}`}
      onClick={(event) => {
        event.preventDefault();
        cancel.onClick();
      }}
    >
      Annuler
    </a>
  );
}
