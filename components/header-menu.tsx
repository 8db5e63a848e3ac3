"use client";
// The phone header's "Compte" menu: a <details> disclosure, so that it opens and closes without
// JavaScript. With it, the menu also closes on Escape (focus back on its button) and after a
// navigation: the header belongs to the root layout, which stays mounted from page to page.
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef } from "react";

export function HeaderMenu({ label, children }: { label: string; children: ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  const closeOnEscape = (event: React.KeyboardEvent) => {
    if (event.key !== "Escape" || !menu.current?.open) return;
    menu.current.open = false;
    menu.current.querySelector("summary")?.focus();
  };
  return (
    <details ref={menu} onKeyDown={closeOnEscape} className="relative md:hidden">
      <summary className="flex min-h-8 cursor-pointer list-none items-center gap-1 rounded px-1 text-slate-700 hover:underline dark:text-slate-200 [&::-webkit-details-marker]:hidden">
        {label}
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 fill-current">
          <path d="M4 6l4 4 4-4z" />
        </svg>
      </summary>
      <ul className="absolute end-0 top-full z-20 mt-2 w-60 rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900 [&_a]:block [&_a]:px-4 [&_a]:py-2 [&_button]:block [&_button]:w-full [&_button]:px-4 [&_button]:py-2 [&_button]:text-start">
        {children}
      </ul>
    </details>
  );
}
