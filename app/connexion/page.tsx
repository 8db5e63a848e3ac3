import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { getViewer, isGithubEnabled } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/schemas/user";
import { signInErrorMessage } from "@/lib/sign-in-errors";

export const metadata: Metadata = { title: "Connexion", alternates: { canonical: "/connexion" } };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const callbackPath = safeCallbackPath(callbackUrl);
  if (await getViewer()) redirect(callbackPath);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Connexion</h1>
      {/* Worded here: the text of ?error= never reaches the page, not even as a prop. */}
      <SignInForm callbackPath={callbackPath} initialError={error ? signInErrorMessage(error) : undefined} isGithubEnabled={isGithubEnabled()} />
    </div>
  );
}
