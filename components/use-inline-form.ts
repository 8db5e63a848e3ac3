"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/lib/api-client";

/**
 * A small form that opens in place (suspend, rename, report…): it sends the form's values, closes,
 * and lets the server render the page again; a refusal shows the server's message.
 */
export function useInlineForm(
  send: (form: FormData) => Promise<unknown>,
  failure: string,
  { refresh = true, success }: { refresh?: boolean; success?: string } = {},
) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await send(new FormData(event.currentTarget));
      setIsOpen(false);
      if (success) setMessage(success);
      if (refresh) router.refresh();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : failure);
    }
  }

  const open = () => {
    setIsOpen(true);
    setMessage(null);
  };
  return { isOpen, open, close: () => setIsOpen(false), message, onSubmit };
}
