"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { signInHref, signUpHref } from "@/lib/form-links";

/** "Connexion" / "Inscription" links that bring the reader back to this page afterwards. */
export function SignInLinks() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const here = `${pathname}${search ? `?${search}` : ""}`;
  // On the sign-in and sign-up pages themselves, the links keep no way back to them.
  const isAuthPage = pathname === "/connexion" || pathname === "/inscription";
  return (
    <>
      <li>
        <Link href={isAuthPage ? "/connexion" : signInHref(here)} className="text-slate-700 hover:underline dark:text-slate-200">
          Connexion
        </Link>
      </li>
      <li>
        <Link href={isAuthPage ? "/inscription" : signUpHref(here)} className="text-slate-700 hover:underline dark:text-slate-200">
          Inscription
        </Link>
      </li>
    </>
  );
}
