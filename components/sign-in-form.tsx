"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signInErrorMessage } from "@/lib/sign-in-errors";
import { Button } from "./ui/button";
import { FormAlert } from "./ui/form-alert";
import { TextField } from "./ui/text-field";

/** initialError: the message (already worded) of the error the page was opened with. */
type Props = { callbackPath: string; initialError?: string; isGithubEnabled: boolean };

export function SignInForm({ callbackPath, initialError, isGithubEnabled }: Props) {
  const router = useRouter();
  const [error, setError] = useState(initialError ?? null);
  const [isPending, setIsPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    if (result?.error) {
      setError(signInErrorMessage(result.error));
      setIsPending(false);
      return;
    }
    // Refresh too, so that the server-rendered header shows the new session.
    router.replace(callbackPath);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      {/* method="post": submitted before the page's script runs, a password never lands in a URL. */}
      <form method="post" onSubmit={submit} className="space-y-4" noValidate>
        <FormAlert message={error} />
        <TextField label="Adresse e-mail" name="email" type="email" autoComplete="email" required />
        <TextField label="Mot de passe" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" disabled={isPending}>
          {isPending ? "Connexion…" : "Se connecter"}
        </Button>
      </form>
      {isGithubEnabled && (
        <Button variant="secondary" type="button" onClick={() => signIn("github", { callbackUrl: callbackPath })}>
          Se connecter avec GitHub
        </Button>
      )}
      <p className="text-sm">
        Pas encore de compte ?{" "}
        <Link href={`/inscription?callbackUrl=${encodeURIComponent(callbackPath)}`} className="text-blue-700 underline dark:text-blue-300">
          Inscrivez-vous
        </Link>
      </p>
    </div>
  );
}
