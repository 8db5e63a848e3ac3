"use client";

import type { ButtonHTMLAttributes, ReactNode } from "react";
import { useIsHydrated } from "./action-form";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "onClick"> & {
  /** Where the link leads without JavaScript: a page that does the same thing (a form opened, sign-in). */
  href: string;
  onActivate: () => void;
  children: ReactNode;
};

/**
 * A control that works before the page's script runs, as a link to a page doing the same, and
 * acts in place once it has (a disclosure, a prompt): then it is a button, with its ARIA state.
 */
export function LinkThenButton({ href, onActivate, id, className, children, ...button }: Props) {
  const isHydrated = useIsHydrated();
  if (!isHydrated) {
    return (
      <a href={href} id={id} className={className}>
        {children}
      </a>
    );
  }
  return (
    <button type="button" id={id} className={className} onClick={onActivate} {...button}>
      {children}
    </button>
  );
}
