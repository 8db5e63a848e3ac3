"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { SIGN_IN_PROMPT_SLOT, SIGN_IN_TO_VOTE } from "./vote-sides";

/**
 * The one "Connectez-vous pour voter" prompt of a page. A signed-out reader's vote buttons are
 * rendered on the server as a form leading to sign-in (components/vote-sides.tsx), with nothing for
 * the browser to hydrate per post; once this listener runs, submitting one shows the prompt beside
 * it instead, and moves the focus to it. Without JavaScript the form leads to sign-in.
 */
export function SignInPrompt() {
  const [prompt, setPrompt] = useState<{ form: HTMLFormElement; href: string } | null>(null);
  const link = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    function onSubmit(event: SubmitEvent) {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute(SIGN_IN_TO_VOTE)) return;
      event.preventDefault();
      const query = new URLSearchParams([...new FormData(form)].map(([name, value]) => [name, String(value)]));
      setPrompt({ form, href: `${form.getAttribute("action")}?${query}` });
    }
    document.addEventListener("submit", onSubmit);
    return () => document.removeEventListener("submit", onSubmit);
  }, []);

  // Each click asks again (a new state, even for the same form): the focus goes back to the prompt.
  useEffect(() => {
    if (prompt) link.current?.focus();
  }, [prompt]);

  const slot = prompt?.form.isConnected ? prompt.form.querySelector(`[${SIGN_IN_PROMPT_SLOT}]`) : null;
  if (!prompt || !slot) return null;
  return createPortal(
    <Link ref={link} href={prompt.href} className="text-sm text-blue-700 underline dark:text-blue-300">
      Connectez-vous pour voter
    </Link>,
    slot,
  );
}
