"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ApiError, sendJson } from "@/lib/api-client";
import { Button } from "./ui/button";

/**
 * A moderation action that needs a reason (hide): a short inline form. Actions without one
 * (restore) are a plain button. The page refreshes from the server afterwards.
 */
type Props = {
  label: string;
  endpoint: string;
  needsReason?: boolean;
  body?: object;
  method?: "POST" | "PATCH";
  /** What changes on the page; by default, the page is rendered again by the server. */
  onDone?: (reason?: string) => void;
};

export function ModerationAction({ label, endpoint, needsReason = false, body = {}, method = "POST", onDone }: Props) {
  const id = useId();
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function act(reason?: string) {
    try {
      await sendJson(method, endpoint, { ...body, ...(reason ? { reason } : {}) });
      setIsOpen(false);
      if (onDone) onDone(reason);
      else router.refresh();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "L’action a échoué.");
    }
  }

  return (
    <span className="inline-block">
      {needsReason && isOpen ? (
        <form
          method="post"
          className="flex flex-wrap items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            act(String(new FormData(event.currentTarget).get("reason")));
          }}
        >
          <label htmlFor={`${id}-reason`} className="text-sm">
            Raison
          </label>
          <input id={`${id}-reason`} name="reason" required className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900 dark:bg-slate-900 dark:text-slate-100" />
          <Button type="submit">Confirmer : {label.toLowerCase()}</Button>
        </form>
      ) : (
        <button type="button" className="font-medium text-amber-800 hover:underline dark:text-amber-300" onClick={() => (needsReason ? setIsOpen(true) : act())}>
          {label}
        </button>
      )}
      {message && (
        <span role="status" className="ms-2 text-sm text-red-700 dark:text-red-300">
          {message}
        </span>
      )}
    </span>
  );
}
