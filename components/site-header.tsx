import Link from "next/link";
import { Suspense } from "react";
import { getViewer } from "@/lib/auth";
import { sitePermissions } from "@/lib/authorization";
import { HeaderMenu } from "./header-menu";
import { SignInLinks } from "./sign-in-link";
import { SignOutButton } from "./sign-out-button";

const LINK = "inline-block py-1 text-slate-700 hover:underline dark:text-slate-200";

/**
 * One row at every width. The viewer's own items (moderation, account, sign-in) sit in that row
 * from md up, and in the "Compte" menu below it: on a 390 px phone the row holds the site's name,
 * the two sections and that menu, with no horizontal scroll.
 * Not printed: paper keeps the page, not the site's navigation.
 */
export async function SiteHeader() {
  const viewer = await getViewer();
  const can = sitePermissions(viewer);
  const viewerItems = (
    <>
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
          <li className="min-w-0">
            <Link href="/compte" className={`${LINK} max-w-full truncate md:max-w-40`}>
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
    </>
  );
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 print:hidden">
      <div className="mx-auto flex max-w-3xl items-center justify-between gap-3 px-4 py-2">
        <Link href="/" className="inline-block py-1 text-xl font-bold tracking-tight text-slate-900 dark:text-white">
          Agora
        </Link>
        <nav aria-label="Navigation principale" className="flex min-w-0 items-center gap-x-4 text-sm font-medium">
          <ul className="flex items-center gap-x-4">
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
          </ul>
          {/* Each target at least 24 px high (WCAG 2.2, 2.5.8), sign-out button included. */}
          <ul className="hidden min-w-0 items-center gap-x-4 md:flex [&_button]:py-1">{viewerItems}</ul>
          <HeaderMenu label="Compte">{viewerItems}</HeaderMenu>
        </nav>
      </div>
    </header>
  );
}
