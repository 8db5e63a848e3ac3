import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NewThreadForm } from "@/components/new-thread-form";
import { getViewer } from "@/lib/auth";
import { sitePermissions } from "@/lib/authorization";
import { signInHref } from "@/lib/form-links";

export const metadata: Metadata = { title: "Proposer une question", alternates: { canonical: "/questions/nouvelle" } };

export default async function NewThreadPage() {
  const can = sitePermissions(await getViewer()).proposeQuestion;
  if (!can.allowed && can.needsSignIn) redirect(signInHref("/questions/nouvelle"));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Proposer une question</h1>
      {!can.allowed ? (
        <p>{can.reason}</p>
      ) : (
        <>
          <p className="text-slate-700 dark:text-slate-300">
            Une question à vous, en lien avec l’article : elle sera listée après les cinq questions de l’article.
          </p>
          <NewThreadForm />
        </>
      )}
    </div>
  );
}
