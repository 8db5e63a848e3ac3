"use client";

import { unstable_rethrow, useRouter } from "next/navigation";
import { createContext, type FormHTMLAttributes, type ReactNode, useActionState, useContext, useEffect, useId, useMemo, useRef, useSyncExternalStore } from "react";
import { ENHANCED_FIELD, type FormAction, type FormState, IDLE_FORM, refused, textValues, withNotice } from "@/lib/form-state";

const UNREACHABLE = "Le serveur ne répond pas : vérifiez votre connexion, puis envoyez le formulaire à nouveau.";
export type DoneState<R> = Extract<FormState<R>, { status: "done" }>;

const subscribeNever = () => () => {};
/** False while the server renders and before hydration, true once the page's script runs. */
export const useIsHydrated = () => useSyncExternalStore(subscribeNever, () => true, () => false);

/**
 * A form bound to a server action of lib/forms.ts. Without JavaScript the browser posts it and
 * follows the redirect; once hydrated it runs in place: `onDone` gets the outcome (a vote updates
 * its count), or, without `onDone`, the page navigates where the action leads.
 */
export function useActionForm<R>(action: FormAction<R>, onDone?: (state: DoneState<R>) => void) {
  // The server action itself until hydration (the server renders the form's no-JS fields from it),
  // then the same action guarded: a request that fails (the network, the server) comes back as a
  // refusal that keeps the form and what was typed, instead of replacing the page with an error.
  const isHydrated = useIsHydrated();
  const guarded = useMemo<FormAction<R>>(
    () =>
      isHydrated
        ? async (previous, form) => {
            try {
              return await action(previous, form);
            } catch (error) {
              unstable_rethrow(error);
              return refused(UNREACHABLE, {}, textValues(form));
            }
          }
        : action,
    [action, isHydrated],
  );
  const [state, dispatch, isPending] = useActionState<FormState<R>, FormData>(guarded, IDLE_FORM);
  const router = useRouter();
  const handled = useRef(state);
  useEffect(() => {
    if (state === handled.current) return;
    handled.current = state;
    if (state.status !== "done") return;
    if (onDone) onDone(state);
    else router.push(withNotice(state.to, state.notice));
  }, [state, onDone, router]);
  const errors = state.status === "error" ? state.fieldErrors : {};
  /** What the member typed, after a refusal (the form is rendered again with it). */
  const valueOf = (name: string, initial = "") => (state.status === "error" ? (state.values[name] ?? initial) : initial);
  return { state, dispatch, isPending, errors, valueOf };
}

type Props<R> = Omit<FormHTMLAttributes<HTMLFormElement>, "action" | "method"> & {
  form: ReturnType<typeof useActionForm<R>>;
  children: ReactNode;
};

/**
 * The form element itself: posts to the action, marks itself enhanced once hydrated, and leads
 * with the refusal's message, which takes the focus so that it is read first (GOV.UK's error
 * summary) and links to each field in error.
 */
export function ActionForm<R>({ form, children, ...attributes }: Props<R>) {
  const isHydrated = useIsHydrated();
  const prefix = useId();
  return (
    <FieldPrefix.Provider value={prefix}>
      <form action={form.dispatch} noValidate {...attributes}>
        {isHydrated && <input type="hidden" name={ENHANCED_FIELD} value="1" />}
        <ErrorSummary state={form.state} prefix={prefix} />
        {children}
      </form>
    </FieldPrefix.Provider>
  );
}

/** Ids of fields are unique on the page: many forms (a reply composer per post) share names. */
const FieldPrefix = createContext("field");
export const useFieldId = (name: string) => `${useContext(FieldPrefix)}-${name}`;

function ErrorSummary<R>({ state, prefix }: { state: FormState<R>; prefix: string }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") summary.current?.focus();
  }, [state]);
  if (state.status !== "error") return null;
  const fields = Object.entries(state.fieldErrors);
  return (
    <div
      ref={summary}
      tabIndex={-1}
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 focus:outline-2 focus:outline-red-700 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
    >
      <p className="font-semibold">{state.message}</p>
      {fields.length > 0 && (
        <ul className="mt-1 list-disc ps-5">
          {fields.map(([name, message]) => (
            <li key={name}>
              <a href={`#${prefix}-${name}`} className="underline">
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
