"use client";

import Link from "next/link";
import { publishPost } from "@/app/actions/posts";
import { LazyPostComposer } from "./lazy-post-panels";

const COMPOSER_ID = "participer";

/**
 * Near the top of a thread: to the composer at its end. Without JavaScript the page scrolls
 * there; with it, the text field takes the focus too.
 */
export function ParticipateLink() {
  return (
    <a
      href={`#${COMPOSER_ID}`}
      className="inline-block text-sm font-semibold text-blue-700 underline dark:text-blue-300"
      onClick={(event) => {
        // Following the fragment would take the focus back (to the section): focus the text instead.
        const text = document.querySelector<HTMLTextAreaElement>(`#${COMPOSER_ID} textarea`);
        if (!text) return;
        event.preventDefault();
        text.focus();
      }}
    >
      Participer au débat
    </a>
  );
}

type Props = { threadId: number; returnTo: string; isLocked: boolean; signInHref: string; writer: { canWrite: boolean } | null };

/** The thread's own composer, or why there is none. */
export function ThreadComposer({ threadId, returnTo, isLocked, signInHref, writer }: Props) {
  return (
    <section id={COMPOSER_ID} aria-labelledby={`${COMPOSER_ID}-title`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id={`${COMPOSER_ID}-title`} className="mb-2 font-semibold">
        Votre avis
      </h2>
      {isLocked ? (
        <p>Ce fil est verrouillé : il ne prend plus de nouvelles contributions.</p>
      ) : !writer ? (
        <p>
          <Link href={signInHref} className="font-medium text-blue-700 underline dark:text-blue-300">
            Connectez-vous pour participer
          </Link>{" "}
          au débat.
        </p>
      ) : !writer.canWrite ? (
        <p>Votre compte est suspendu : vous pouvez lire le débat, pas y écrire.</p>
      ) : (
        <LazyPostComposer action={publishPost} fields={{ threadId, returnTo }} label="Votre contribution (Markdown)" submitLabel="Publier" />
      )}
    </section>
  );
}
