"use client";

import { useId, useState } from "react";
import { ApiError, fieldErrorsOf } from "@/lib/api-client";
import { POST_BODY_MAX, postBody } from "@/lib/schemas/post";
import { Button } from "./ui/button";
import { FormAlert } from "./ui/form-alert";
import { useMarkdownPreview } from "./use-markdown-preview";

type Props = {
  label: string;
  submitLabel: string;
  initialBody?: string;
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
};

/**
 * A Markdown editor with a live preview, rendered by the same sanitising pipeline as the
 * server's, so what you see is what will be published. It renders off the page's thread and
 * says which limit a text exceeds instead of rendering it.
 */
export function PostComposer({ label, submitLabel, initialBody = "", onSubmit, onCancel }: Props) {
  const id = useId();
  const [body, setBody] = useState(initialBody);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const preview = useMarkdownPreview(body);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = postBody.safeParse(body);
    if (!parsed.success) return setError(fieldErrorsOf(parsed.error.issues)[""]);
    setError(null);
    setIsPending(true);
    try {
      await onSubmit(parsed.data);
      setBody("");
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "Le serveur ne répond pas. Réessayez.");
    } finally {
      setIsPending(false);
    }
  }

  return (
    <form method="post" onSubmit={submit} className="space-y-2" noValidate>
      <FormAlert message={error} />
      <label htmlFor={`${id}-body`} className="block text-sm font-medium">
        {label}
      </label>
      <div className="grid gap-3 md:grid-cols-2">
        <textarea
          id={`${id}-body`}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          rows={6}
          maxLength={POST_BODY_MAX + 1000}
          aria-describedby={`${id}-help`}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
        />
        <section aria-label="Aperçu" className="min-h-24 rounded-md border border-dashed border-slate-300 p-3 text-sm dark:border-slate-700">
          {preview.problem ? (
            <p className="text-amber-900 dark:text-amber-200">{preview.problem}</p>
          ) : preview.html !== null ? (
            <div className="prose-agora" dangerouslySetInnerHTML={{ __html: preview.html }} />
          ) : (
            <p className="text-slate-600 dark:text-slate-400">L’aperçu s’affiche ici.</p>
          )}
        </section>
      </div>
      <p id={`${id}-help`} className="text-xs text-slate-600 dark:text-slate-400">
        Markdown : **gras**, *italique*, [lien](https://…), listes, &gt; citations, `code`, tableaux. {body.trim().length.toLocaleString("fr-FR")} /{" "}
        {POST_BODY_MAX.toLocaleString("fr-FR")} caractères.
      </p>
      <div className="flex gap-2">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Publication…" : submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Annuler
          </Button>
        )}
      </div>
    </form>
  );
}
