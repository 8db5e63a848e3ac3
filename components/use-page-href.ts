"use client";

import { usePathname, useSearchParams } from "next/navigation";

/**
 * Addresses on the page being read, for the way back of its forms and for the links that stand
 * in for buttons without JavaScript: the same path and query (sort, page), some parameters
 * changed (null removes one), never the one-time `notice`, at `#anchor`.
 */
export function usePageHref() {
  const pathname = usePathname();
  const search = useSearchParams();
  return (anchor: string, changes: Record<string, string | null> = {}) => {
    const query = new URLSearchParams(search.toString());
    query.delete("notice");
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) query.delete(name);
      else query.set(name, value);
    }
    const text = query.toString();
    return `${pathname}${text ? `?${text}` : ""}#${anchor}`;
  };
}
