"use client";
// The root layout itself failed (it reads the signed-in viewer): the same notice, in a document of its own.
import { ErrorNotice } from "@/components/error-notice";
import "./globals.css";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="fr">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <main className="mx-auto max-w-3xl px-4 py-8">
          <ErrorNotice digest={error.digest} retry={() => window.location.reload()} />
        </main>
      </body>
    </html>
  );
}
