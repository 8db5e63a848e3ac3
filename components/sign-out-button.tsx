"use client";

import { signOut } from "@/app/actions/accounts";
import { ActionForm, useActionForm } from "./ui/action-form";

/** The header's "Se déconnecter": a form, so that it signs out with JavaScript off too. */
export function SignOutButton() {
  const form = useActionForm(signOut);
  return (
    <ActionForm form={form}>
      <button type="submit" disabled={form.isPending} className="text-slate-700 hover:underline dark:text-slate-200">
        Se déconnecter
      </button>
    </ActionForm>
  );
}
