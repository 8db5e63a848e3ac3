"use client";

import { signIn, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/lib/api-client";
import { changePasswordSchema } from "@/lib/schemas/user";
import { Button } from "./ui/button";
import { FormAlert } from "./ui/form-alert";
import { TextField } from "./ui/text-field";
import { useApiForm } from "./use-api-form";

export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const { errors, message, isPending, onSubmit } = useApiForm(changePasswordSchema, async (values) => {
    await sendJson("POST", "/api/me/password", values);
    // Every session was revoked, this one too: sign in again with the new password.
    await signIn("credentials", { email, password: values.newPassword, redirect: false });
    router.replace("/compte?motDePasse=modifie");
    router.refresh();
  });

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
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
