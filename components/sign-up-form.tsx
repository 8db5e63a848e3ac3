"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ApiError, sendJson } from "@/lib/api-client";
import { PASSWORD_MAX, PASSWORD_MIN, signUpSchema } from "@/lib/schemas/user";
import { Button } from "./ui/button";
import { FormAlert } from "./ui/form-alert";
import { TextField } from "./ui/text-field";
import { useApiForm } from "./use-api-form";

export function SignUpForm({ callbackPath }: { callbackPath: string }) {
  const router = useRouter();
  const { errors, message, isPending, onSubmit } = useApiForm(signUpSchema, async (values) => {
    await sendJson("POST", "/api/users", values);
    const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (result?.error) throw new ApiError(401, "Votre compte est créé, mais la connexion a échoué : connectez-vous.", {});
    router.replace(callbackPath);
    router.refresh();
  });

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={message} />
      <TextField label="Adresse e-mail" name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField
        label="Nom affiché"
        name="name"
        autoComplete="nickname"
        required
        error={errors.name}
        hint="Visible de tous à côté de vos contributions (2 à 40 caractères)."
      />
      <TextField
        label="Mot de passe"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.password}
        hint={`De ${PASSWORD_MIN} à ${PASSWORD_MAX} caractères, et pas l’un des mots de passe les plus courants.`}
      />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Création du compte…" : "Créer mon compte"}
      </Button>
      <p className="text-sm">
        Déjà inscrit ?{" "}
        <Link href={`/connexion?callbackUrl=${encodeURIComponent(callbackPath)}`} className="text-blue-700 underline dark:text-blue-300">
          Connectez-vous
        </Link>
      </p>
    </form>
  );
}
