"use client";
// What a page that failed on the server shows (app/error.tsx, app/global-error.tsx). Next.js
// gives the browser only a digest of the error, and an error page cannot set its status: the
// notice asks /api/health whether the database is down, to say "unavailable, retry" rather than
// blame the page.
import { useEffect, useState } from "react";
import { NNBSP } from "@/lib/typography";

type Cause = "checking" | "database" | "other";

export function ErrorNotice({ digest, retry }: { digest?: string; retry: () => void }) {
  const [cause, setCause] = useState<Cause>("checking");
  useEffect(() => {
    fetch("/api/health", { cache: "no-store" })
      .then((response) => setCause(response.status === 503 ? "database" : "other"))
      .catch(() => setCause("database"));
  }, []);
  const heading = cause === "database" ? "Forum momentanément indisponible" : "Cette page n’a pas pu s’afficher";
  return (
    <div className="space-y-4" role="alert">
      {/* An error boundary exports no metadata: React puts this title in the document's head. */}
      <title>{`${heading} · Agora`}</title>
      {cause === "database" ? (
        <>
          <h1 className="text-2xl font-bold">{heading}</h1>
          <p>Le forum ne joint pas sa base de données pour le moment. Réessayez dans quelques secondes.</p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold">{heading}</h1>
          <p>
            Une erreur est survenue de notre côté. Réessayez{NNBSP}; si elle persiste, signalez-la
            {digest ? ` avec la référence ${digest}` : ""}.
          </p>
        </>
      )}
      <button type="button" onClick={retry} className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">
        Réessayer
      </button>
    </div>
  );
}
