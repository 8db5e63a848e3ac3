"use server";
// The account forms (sign-up, sign-in, sign-out, /compte), on the shared form mechanism: they call
// the lib/ functions the JSON API and next-auth's Credentials provider call, and sign the browser
// in or out with next-auth's own cookie (lib/session-cookie.ts).
import { headers } from "next/headers";
import { z } from "zod";
import { requireUser } from "@/lib/authorization";
import { clientIp } from "@/lib/client-address";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/forms";
import type { NoticeCode } from "@/lib/notices";
import { changePasswordSchema, returnToField, signInSchema, signUpSchema } from "@/lib/schemas/user";
import { endSession, startSession } from "@/lib/session-cookie";
import { signInErrorMessage } from "@/lib/sign-in-errors";
import { authenticate, changePassword, createUser, signOutEverywhere } from "@/lib/users";

const noInput = z.object({});

/**
 * Each account form changes the session its page was rendered for: it leaves that page by a
 * redirect, with JavaScript too (lib/forms.ts, shouldRedirect).
 */
const sessionChanged = (to: string, notice: NoticeCode) => ({ to, notice, shouldRedirect: true });

/** authorize()'s checks (rate limits included, by the same client address), then a session. */
export const signInWithPassword = formAction(signInSchema.extend({ returnTo: returnToField }), async ({ returnTo, ...credentials }) => {
  const actor = await authenticate(credentials, clientIp(await headers()));
  if (!actor) throw new AppError("unauthorized", signInErrorMessage("CredentialsSignin"));
  await startSession(actor);
  return sessionChanged(returnTo, "signed_in");
});

export const signUp = formAction(signUpSchema.extend({ returnTo: returnToField }), async ({ returnTo, ...input }) => {
  await startSession(await createUser(input, clientIp(await headers())));
  return sessionChanged(returnTo, "signed_up");
});

export const signOut = formAction(noInput, async () => {
  await endSession();
  return sessionChanged("/", "signed_out");
});

/** Every session is revoked, this one too: this browser gets a new one, the member's other devices stay out. */
export const changeAccountPassword = formAction(changePasswordSchema, async (input, actor) => {
  await startSession(await changePassword(requireUser(actor), input));
  return sessionChanged("/compte", "password_changed");
});

export const signOutOfAllDevices = formAction(noInput, async (_input, actor) => {
  await signOutEverywhere(requireUser(actor));
  await endSession();
  return sessionChanged("/", "signed_out_everywhere");
});
