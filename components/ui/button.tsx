import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-blue-700 text-white hover:bg-blue-800 disabled:bg-slate-400",
  secondary:
    "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800",
} as const;

type Variant = keyof typeof VARIANTS;
type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant };

/** A button's look, for a control that is not always a <button> (a link standing in for one). */
export const buttonClass = (variant: Variant = "primary") => `rounded-md px-4 py-2 text-sm font-semibold ${VARIANTS[variant]}`;

export function Button({ variant = "primary", className = "", ...button }: Props) {
  return <button className={`${buttonClass(variant)} ${className}`} {...button} />;
}
