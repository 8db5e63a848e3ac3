import type { ButtonHTMLAttributes } from "react";

export const VARIANTS = {
  primary: "bg-blue-700 text-white hover:bg-blue-800 disabled:bg-slate-400",
  secondary:
    "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800",
} as const;

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS };

export function Button({ variant = "primary", className = "", ...button }: Props) {
  return <button className={`rounded-md px-4 py-2 text-sm font-semibold ${VARIANTS[variant]} ${className}`} {...button} />;
}
