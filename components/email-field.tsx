"use client";

import { TextField } from "./ui/text-field";

/** The account forms' e-mail field: what was typed comes back with the form after a refusal. */
export function EmailField({ defaultValue, error }: { defaultValue: string; error?: string }) {
  return <TextField label="Adresse e-mail" name="email" type="email" autoComplete="email" required defaultValue={defaultValue} error={error} />;
}
