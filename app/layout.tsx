import type { Metadata } from "next";
import { Suspense } from "react";
import { FlashNotice } from "@/components/flash-notice";
import { SiteHeader } from "@/components/site-header";
import { SuspensionBanner } from "@/components/suspension-banner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Agora — le débat sur l’open source et Llama 2", template: "%s · Agora" },
  description: "Débattez des questions de l’article « Évolution du concept d’open source » : Llama 2 est-il vraiment open source ?",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
        >
          Aller au contenu
        </a>
        <SiteHeader />
        <SuspensionBanner />
        <main id="contenu" className="mx-auto max-w-3xl px-4 py-8">
          <Suspense>
            <FlashNotice />
          </Suspense>
          {children}
        </main>
        <footer className="mx-auto max-w-3xl px-4 pb-8 text-sm text-slate-600 dark:text-slate-400">
          Agora — un lieu pour débattre, argument contre argument.
        </footer>
      </body>
    </html>
  );
}
