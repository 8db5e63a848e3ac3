"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className="text-slate-700 hover:underline dark:text-slate-200">
      Se déconnecter
    </button>
  );
}
