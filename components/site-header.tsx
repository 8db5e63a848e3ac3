import Link from "next/link";
import { Suspense } from "react";
import { getViewer } from "@/lib/auth";
import { sitePermissions } from "@/lib/authorization";
import { SignInLinks } from "./sign-in-link";
import { SignOutButton } from "./sign-out-button";

const LINK = "text-slate-700 hover:underline dark:text-slate-200";

export async function SiteHeader() {
  const viewer = await getViewer();
  const can = sitePermissions(viewer);
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-xl font-bold tracking-tight text-slate-900 dark:text-white">
          Agora
        </Link>
        <nav aria-label="Navigation principale">
          <ul className="flex flex-wrap items-center gap-4 text-sm font-medium">
            <li>
              <Link href="/" className={LINK}>
                Questions
              </Link>
            </li>
            <li>
              <Link href="/article" className={LINK}>
                L’article
              </Link>
            </li>
            {can.moderation.allowed && (
              <li>
                <Link href="/moderation" className={LINK}>
                  Modération
                </Link>
              </li>
            )}
            {can.admin.allowed && (
              <li>
                <Link href="/admin/users" className={LINK}>
                  Rôles
                </Link>
              </li>
            )}
            {viewer ? (
              <>
                <li>
                  <Link href="/compte" className={LINK}>
                    <span className="sr-only">Connecté en tant que </span>
                    {viewer.name}
                  </Link>
                </li>
                <li>
                  <SignOutButton />
                </li>
              </>
            ) : (
              <Suspense>
                <SignInLinks />
              </Suspense>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
