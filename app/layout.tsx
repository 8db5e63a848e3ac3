import type { Metadata } from "next";
import { Suspense } from "react";
import { FlashNotice } from "@/components/flash-notice";
import { SiteFooter } from "@/components/site-footer";
import { SignInPrompt } from "@/components/sign-in-prompt";
import { SiteHeader } from "@/components/site-header";
import { SuspensionBanner } from "@/components/suspension-banner";
import { siteUrl } from "@/lib/auth";
import { SITE_DESCRIPTION, SITE_NAME, SITE_TITLE } from "@/lib/site";
import "./globals.css";

/**
 * Every page's title ends with the site's name; links in metadata (canonical, OpenGraph) resolve
 * against the site's origin, read at request time like the rest of the configuration. Pages
 * set their own `alternates.canonical` (a layout's would be inherited by every page), and
 * inherit OpenGraph's type and locale, its title and description coming from the page's own.
 */
export function generateMetadata(): Metadata {
  return {
    metadataBase: siteUrl(),
    title: { default: SITE_TITLE, template: `%s · ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    openGraph: { type: "website", locale: "fr_FR", siteName: SITE_NAME },
  };
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body className="flex min-h-dvh flex-col bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#contenu"
          className="sr-only print:hidden focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
        >
          Aller au contenu
        </a>
        <SiteHeader />
        <SuspensionBanner />
        {/* flex-1: on a short page the main area grows, and the footer stays at the bottom. */}
        <main id="contenu" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8">
          <Suspense>
            <FlashNotice />
          </Suspense>
          {children}
        </main>
        <SiteFooter />
        <SignInPrompt />
      </body>
    </html>
  );
}
