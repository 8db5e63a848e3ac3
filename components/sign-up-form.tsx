"use client";

import Link from "next/link";
import { signUp } from "@/app/actions/accounts";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/schemas/user";
import { ActionForm, useActionForm } from "./ui/action-form";
import { Button } from "./ui/button";
import { EmailField } from "./email-field";
import { TextField } from "./ui/text-field";
import { signInHref } from "@/lib/form-links";

export function SignUpForm({ callbackPath }: { callbackPath: string }) {
  const form = useActionForm(signUp);
  return (
    <ActionForm form={form} className="space-y-4">
      <input type="hidden" name="returnTo" value={callbackPath} />
      <EmailField defaultValue={form.valueOf("email")} error={form.errors.email} />
      <TextField
        label="Nom affiché"
        name="name"
        autoComplete="nickname"
        required
        defaultValue={form.valueOf("name")}
        error={form.errors.name}
        hint="Visible de tous à côté de vos contributions (2 à 40 caractères)."
      />
      <TextField
        label="Mot de passe"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={form.errors.password}
        hint={`De ${PASSWORD_MIN} à ${PASSWORD_MAX} caractères, et pas l’un des mots de passe les plus courants.`}
      />
      <Button type="submit" disabled={form.isPending}>
        {form.isPending ? "Création du compte…" : "Créer mon compte"}
      </Button>
      <p className="text-sm">
        Déjà inscrit ?{" "}
        <Link href={signInHref(callbackPath)} className="text-blue-700 underline dark:text-blue-300">
          Connectez-vous
        </Link>
      </p>
    </ActionForm>
  );
}
