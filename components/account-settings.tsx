"use client";

import { signIn, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, type FieldErrors, fieldErrorsOf, sendJson } from "@/lib/api-client";
import { changePasswordSchema } from "@/lib/schemas/user";
import { Button } from "./ui/button";
import { FormAlert } from "./ui/form-alert";
import { TextField } from "./ui/text-field";

export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = changePasswordSchema.safeParse(form);
    setMessage(null);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues));
    setErrors({});
    setIsPending(true);
    try {
      await sendJson("POST", "/api/me/password", parsed.data);
      // Every session was revoked, this one too: sign in again with the new password.
      await signIn("credentials", { email, password: parsed.data.newPassword, redirect: false });
      router.replace("/compte?motDePasse=modifie");
      router.refresh();
    } catch (error) {
      setIsPending(false);
      if (error instanceof ApiError) {
        setErrors(error.fieldErrors);
        setMessage(error.message);
      } else {
        setMessage("Le serveur ne répond pas. Réessayez.");
      }
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormAlert message={message} />
      <TextField label="Mot de passe actuel" name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <TextField label="Nouveau mot de passe" name="newPassword" type="password" autoComplete="new-password" required error={errors.newPassword} />
      <Button type="submit" disabled={isPending}>
        Changer de mot de passe
      </Button>
    </form>
  );
}

export function SignOutEverywhereButton() {
  const [message, setMessage] = useState<string | null>(null);
  async function signOutEverywhere() {
    try {
      await sendJson("POST", "/api/me/sign-out-everywhere");
      await signOut({ callbackUrl: "/" });
    } catch {
      setMessage("La déconnexion a échoué. Réessayez.");
    }
  }
  return (
    <div className="space-y-2">
      <FormAlert message={message} />
      <Button variant="secondary" type="button" onClick={signOutEverywhere}>
        Se déconnecter de tous les appareils
      </Button>
    </div>
  );
}
