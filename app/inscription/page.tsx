import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/sign-up-form";
import { getViewer } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/schemas/user";

export const metadata: Metadata = { title: "Inscription", alternates: { canonical: "/inscription" } };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  if (await getViewer()) redirect(callbackPath);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Inscription</h1>
      <p className="text-slate-700 dark:text-slate-300">Un compte suffit pour donner votre avis, répondre, voter et prendre position.</p>
      <SignUpForm callbackPath={callbackPath} />
    </div>
  );
}
