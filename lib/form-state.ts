// What a form action answers, shared by the server (lib/forms.ts) and the form in the browser
// (components/ui/action-form.tsx). No server imports: the browser bundles it.
import { withQuery } from "./form-links";
import { NOTICES, type NoticeCode } from "./notices";

export type FieldErrors = Record<string, string>;
/** An issue as zod gives it (path as keys) or as the JSON API sends it (path joined by dots). */
export type FieldIssue = { path: string | PropertyKey[]; message: string };

/** The first message of each field. */
export function fieldErrorsOf(issues: FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[typeof issue.path === "string" ? issue.path : issue.path.join(".")] ??= issue.message;
  return errors;
}

export type FormState<R = undefined> =
  | { status: "idle" }
  /** Refused: the form is shown again with the typed values and a message per field. */
  | { status: "error"; message: string; fieldErrors: FieldErrors; values: Record<string, string> }
  /** Done, for a form enhanced by JavaScript: where to go (or stay) and what to say. */
  | { status: "done"; to: string; notice: NoticeCode; message: string; result: R };

/** A server action of lib/forms.ts, as a form's client component receives it. */
export type FormAction<R> = (state: FormState<R>, form: FormData) => Promise<FormState<R>>;

export const IDLE_FORM = { status: "idle" } as const satisfies FormState;

/**
 * A field only a hydrated form sends: the action then answers with the result instead of a
 * redirect, so that the page updates in place (a vote) or navigates without a reload.
 */
export const ENHANCED_FIELD = "_enhanced";

/** The same path with the notice to show once it has loaded (`?notice=` before any `#`). */
export const withNotice = (path: string, notice: NoticeCode) => withQuery(path, { notice });

export const noticeMessage = (code: string | null) => (code && Object.hasOwn(NOTICES, code) ? NOTICES[code as NoticeCode] : null);

/** Fields never written back into a page. */
const UNECHOED_FIELD = /password|^\$ACTION|^_/i;

/** A refusal: the form comes back with what was typed (never a password) and each field's error. */
export function refused<R>(message: string, fieldErrors: FieldErrors, values: Record<string, string>): FormState<R> {
  const echoed = Object.fromEntries(Object.entries(values).filter(([name]) => !UNECHOED_FIELD.test(name)));
  return { status: "error", message, fieldErrors, values: echoed };
}

/** The form's text fields (files are not accepted by any form), the first value of each name. */
export function textValues(form: FormData) {
  const values: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string" && !(name in values)) values[name] = value;
  return values;
}
