"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

/** "Connexion" / "Inscription" links that bring the reader back to this page afterwards. */
export function SignInLinks() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const here = encodeURIComponent(`${pathname}${search ? `?${search}` : ""}`);
  const isAuthPage = pathname === "/connexion" || pathname === "/inscription";
  const query = isAuthPage ? "" : `?callbackUrl=${here}`;
  return (
    <>
      <li>
        <Link href={`/connexion${query}`} className="text-slate-700 hover:underline dark:text-slate-200">
          Connexion
        </Link>
      </li>
      <li>
        <Link href={`/inscription${query}`} className="text-slate-700 hover:underline dark:text-slate-200">
          Inscription
        </Link>
      </li>
    </>
  );
}
