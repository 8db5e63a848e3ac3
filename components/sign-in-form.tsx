"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { signInWithPassword } from "@/app/actions/accounts";
import { ActionForm, useActionForm, useIsHydrated } from "./ui/action-form";
import { Button } from "./ui/button";
import { FormAlert } from "./ui/form-alert";
import { EmailField } from "./email-field";
import { TextField } from "./ui/text-field";
import { signUpHref } from "@/lib/form-links";

/** initialError: the message (already worded) of the error the page was opened with. */
type Props = { callbackPath: string; initialError?: string; isGithubEnabled: boolean };

export function SignInForm({ callbackPath, initialError, isGithubEnabled }: Props) {
  const form = useActionForm(signInWithPassword);
  return (
    <div className="space-y-6">
      <ActionForm form={form} className="space-y-4">
        {/* The page's error (GitHub's redirect) until this form answers with its own. */}
        {form.state.status === "idle" && <FormAlert message={initialError} />}
        <input type="hidden" name="returnTo" value={callbackPath} />
        <EmailField defaultValue={form.valueOf("email")} error={form.errors.email} />
        <TextField label="Mot de passe" name="password" type="password" autoComplete="current-password" required error={form.errors.password} />
        <Button type="submit" disabled={form.isPending}>
          {form.isPending ? "Connexion…" : "Se connecter"}
        </Button>
      </ActionForm>
      {isGithubEnabled && <GithubSignInButton callbackPath={callbackPath} />}
      <p className="text-sm">
        Pas encore de compte ?{" "}
        <Link href={signUpHref(callbackPath)} className="text-blue-700 underline dark:text-blue-300">
          Inscrivez-vous
        </Link>
      </p>
    </div>
  );
}

/**
 * GitHub's sign-in is next-auth's redirect flow, which needs its CSRF cookie and token (fetched
 * by next-auth/react): offered once the page's script runs, never as a button that does nothing.
 */
function GithubSignInButton({ callbackPath }: { callbackPath: string }) {
  if (!useIsHydrated()) return null;
  return (
    <Button variant="secondary" type="button" onClick={() => signIn("github", { callbackUrl: callbackPath })}>
      Se connecter avec GitHub
    </Button>
  );
}
