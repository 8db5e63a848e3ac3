"use client";

import { useEffect, useRef, useState } from "react";
import type { FormAction } from "@/lib/form-state";
import { POST_BODY_MAX } from "@/lib/schemas/post";
import { ActionForm, useActionForm, useFieldId } from "./ui/action-form";
import { Button } from "./ui/button";
import { type Cancel, CancelLink } from "./ui/cancel-link";
import { useMarkdownPreview } from "./use-markdown-preview";
import { formatCount } from "@/lib/numbers";

/** What fields of the composer's form read: their error, and what was typed before a refusal. */
export type ComposerForm = Pick<ReturnType<typeof useActionForm>, "errors" | "valueOf">;

type Props<R> = {
  /** A server action of app/actions/. */
  action: FormAction<R>;
  /** The form's hidden fields: ids, and the page to come back to. */
  fields: Record<string, string | number>;
  label: string;
  submitLabel: string;
  initialBody?: string;
  /** Focus the text when the composer opens on a click (not when the page loads with it). */
  autoFocus?: boolean;
  cancel?: Cancel;
  /** Fields before the text (a question's title), given the form for their errors and typed values. */
  children?: (form: ComposerForm) => React.ReactNode;
};

/**
 * A Markdown editor with a live preview, rendered by the same sanitising pipeline as the
 * server's, so what you see is what will be published. It renders off the page's thread and
 * says which limit a text exceeds instead of rendering it. A form of lib/forms.ts: it posts
 * without JavaScript, and keeps the text when the server refuses it.
 */
export function PostComposer<R>({ action, fields, label, submitLabel, initialBody = "", autoFocus, cancel, children }: Props<R>) {
  const form = useActionForm(action);
  const typed = form.valueOf("body", initialBody);
  const [body, setBody] = useState(typed);
  const preview = useMarkdownPreview(body);
  return (
    <ActionForm form={form} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(form)}
      <ComposerText label={label} defaultValue={typed} error={form.errors.body} autoFocus={autoFocus} onChange={setBody} length={body.trim().length}>
        <section aria-label="Aperçu" className="min-h-24 rounded-md border border-dashed border-slate-300 p-3 text-sm dark:border-slate-700">
          {preview.problem ? (
            <p className="text-amber-900 dark:text-amber-200">{preview.problem}</p>
          ) : preview.html !== null ? (
            <div className="prose-agora" dangerouslySetInnerHTML={{ __html: preview.html }} />
          ) : (
            <p className="text-slate-600 dark:text-slate-400">L’aperçu s’affiche ici.</p>
          )}
        </section>
      </ComposerText>
      <div className="flex gap-2">
        <Button type="submit" disabled={form.isPending}>
          {form.isPending ? "Publication…" : submitLabel}
        </Button>
        {cancel && <CancelLink cancel={cancel} />}
      </div>
    </ActionForm>
  );
}

type TextProps = {
  label: string;
  defaultValue: string;
  error?: string;
  autoFocus?: boolean;
  length: number;
  onChange: (body: string) => void;
  children: React.ReactNode;
};

/** The text area, its error and its help, tied together for screen readers. */
function ComposerText({ label, defaultValue, error, autoFocus, length, onChange, children }: TextProps) {
  const id = useFieldId("body");
  const text = useRef<HTMLTextAreaElement>(null);
  // What was typed before the page's script ran fired no change: the preview starts from it.
  useEffect(() => {
    if (text.current && text.current.value !== defaultValue) onChange(text.current.value);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the script takes over
  }, []);
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="grid gap-3 md:grid-cols-2">
        <textarea
          ref={text}
          id={id}
          name="body"
          defaultValue={defaultValue}
          onChange={(event) => onChange(event.target.value)}
          autoFocus={autoFocus}
          rows={6}
          maxLength={POST_BODY_MAX + 1000}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
        />
        {children}
      </div>
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <p id={`${id}-help`} className="text-xs text-slate-600 dark:text-slate-400">
        Markdown : **gras**, *italique*, [lien](https://…), listes, &gt; citations, `code`, tableaux. {formatCount(length)} /{" "}
        {formatCount(POST_BODY_MAX)} caractères.
      </p>
    </>
  );
}
