"use client";

import Link from "next/link";
import { publishPost } from "@/app/actions/posts";
import type { Permission } from "@/lib/authorization";
import type { Facet } from "@/lib/facets";
import { LazyPostComposer } from "./lazy-post-panels";
import type { ComposerForm } from "./post-composer";
import { RadioChoices } from "./ui/radio-choices";

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

type Props = { threadId: number; facets: Facet[]; returnTo: string; permission: Permission; signInHref: string };

/**
 * The thread's own composer, or why there is none (lib/authorization.ts words it). On a question
 * with facets, a top-level post says which one it argues under.
 */
export function ThreadComposer({ threadId, facets, returnTo, permission, signInHref }: Props) {
  return (
    <section id={COMPOSER_ID} aria-labelledby={`${COMPOSER_ID}-title`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id={`${COMPOSER_ID}-title`} className="mb-2 font-semibold">
        Votre avis
      </h2>
      {permission.allowed ? (
        <LazyPostComposer action={publishPost} fields={{ threadId, returnTo }} label="Votre contribution (Markdown)" submitLabel="Publier">
          {facets.length > 0 ? (form) => <FacetChoice facets={facets} form={form} /> : undefined}
        </LazyPostComposer>
      ) : permission.needsSignIn ? (
        <p>
          <Link href={signInHref} className="font-medium text-blue-700 underline dark:text-blue-300">
            Connectez-vous pour participer
          </Link>{" "}
          au débat.
        </p>
      ) : (
        <p>{permission.reason}</p>
      )}
    </section>
  );
}

/** The facets of the question, one to choose (the server refuses a post without one, on this field). */
function FacetChoice({ facets, form }: { facets: Facet[]; form: ComposerForm }) {
  return (
    <RadioChoices
      name="facetId"
      legend="Votre argument porte sur"
      choices={facets.map((facet) => ({ value: String(facet.id), label: facet.label, hint: facet.description }))}
      checked={form.valueOf("facetId")}
      error={form.errors.facetId}
      required
    />
  );
}
