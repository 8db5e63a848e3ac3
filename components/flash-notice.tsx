"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { noticeMessage } from "@/lib/form-state";

/**
 * The message a form's redirect brings (`?notice=`), shown once. With JavaScript the focus goes
 * to what changed: the element the address points at (`#p-12`, the new post), else the message;
 * the notice then leaves the address so that a reload does not repeat it.
 */
export function FlashNotice() {
  const params = useSearchParams();
  const code = params.get("notice");
  const arriving = noticeMessage(code);
  // Kept once the notice has left the address (below), until another one arrives.
  const [message, setMessage] = useState(arriving);
  if (arriving && arriving !== message) setMessage(arriving);
  const box = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (!code) return;
    const target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    (target ?? box.current)?.focus();
    const url = new URL(window.location.href);
    url.searchParams.delete("notice");
    window.history.replaceState(window.history.state, "", url);
  }, [code]);

  if (!message) return null;
  return (
    <p ref={box} tabIndex={-1} role="status" className="mb-6 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100">
      {message}
    </p>
  );
}
