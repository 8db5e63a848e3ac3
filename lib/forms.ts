// The one mechanism behind every HTML form (CONVENTIONS "Forms"): a server action that parses the
// form with the same zod schema as the JSON API, calls the same lib/ function, then
//  - without JavaScript: redirects back (Post/Redirect/Get) with a notice, or renders the form
//    again with the typed values and zod's messages;
//  - with JavaScript (the form sends ENHANCED_FIELD): answers the outcome, and the form updates the
//    page in place or navigates, without a reload (components/ui/action-form.tsx).
import "server-only";
import { refresh } from "next/cache";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getViewer, siteUrl } from "./auth";
import { databaseAppError } from "./db-errors";
import { AppError } from "./errors";
import { ENHANCED_FIELD, type FieldIssue, type FormState, fieldErrorsOf, refused, textValues, withNotice } from "./form-state";
import { assertNoNul, assertSameOrigin } from "./http";
import { NOTICES, type NoticeCode } from "./notices";
import type { Actor } from "./users";

/**
 * Where the form's work leads, and what to tell the member there. `shouldRedirect`: redirect with
 * JavaScript too (a navigation without reload), for a change of session: the form's page, rendered
 * again for the new viewer, would send them elsewhere itself (/connexion once signed in, /compte
 * once signed out) and the outcome would be lost.
 */
export type FormSuccess<R> = { to: string; notice: NoticeCode; result?: R; shouldRedirect?: boolean };

/** A message for the whole form when only its fields are wrong. */
const INVALID_FORM = "Le formulaire contient des erreurs : corrigez les champs signalés.";

export function formAction<S extends z.ZodType, R = undefined>(
  schema: S,
  run: (input: z.output<S>, actor: Actor | null) => Promise<FormSuccess<R>>,
) {
  return async function submit(_previous: FormState<R>, form: FormData): Promise<FormState<R>> {
    const values = textValues(form);
    let success: FormSuccess<R>;
    try {
      const request = await headers();
      // Next.js compares Origin with Host for server actions already; the JSON API's rule (the
      // configured site URL) applies as well.
      assertSameOrigin(request, siteUrl().href);
      assertNoNul(values, "formulaire");
      const parsed = schema.safeParse(values);
      if (!parsed.success) return refused(INVALID_FORM, fieldErrorsOf(parsed.error.issues), values);
      success = await run(parsed.data, await getViewer());
    } catch (error) {
      unstable_rethrow(error);
      const known = error instanceof AppError ? error : databaseAppError(error);
      if (!known) throw error;
      return refused(known.message, fieldErrorsOf(issuesOf(known)), values);
    }
    if (!form.has(ENHANCED_FIELD) || success.shouldRedirect) redirect(withNotice(success.to, success.notice));
    // The page the form was on renders again with the change, in this same response.
    refresh();
    return { status: "done", to: success.to, notice: success.notice, message: NOTICES[success.notice], result: success.result as R };
  };
}

function issuesOf(error: AppError) {
  const issues = error.details?.issues;
  return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
}
