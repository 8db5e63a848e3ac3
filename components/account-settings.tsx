"use client";

import { changeAccountPassword, signOutOfAllDevices } from "@/app/actions/accounts";
import { ActionForm, useActionForm } from "./ui/action-form";
import { Button } from "./ui/button";
import { TextField } from "./ui/text-field";

export function ChangePasswordForm() {
  const form = useActionForm(changeAccountPassword);
  return (
    <ActionForm form={form} className="space-y-4">
      <TextField
        label="Mot de passe actuel"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={form.errors.currentPassword}
      />
      <TextField label="Nouveau mot de passe" name="newPassword" type="password" autoComplete="new-password" required error={form.errors.newPassword} />
      <Button type="submit" disabled={form.isPending}>
        Changer de mot de passe
      </Button>
    </ActionForm>
  );
}

export function SignOutEverywhereButton() {
  const form = useActionForm(signOutOfAllDevices);
  return (
    <ActionForm form={form} className="space-y-2">
      <Button variant="secondary" type="submit" disabled={form.isPending}>
        Se déconnecter de tous les appareils
      </Button>
    </ActionForm>
  );
}
