import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChangePasswordForm, SignOutEverywhereButton } from "@/components/account-settings";
import { RoleBadge } from "@/components/role-badge";
import { getViewer } from "@/lib/auth";
import { formatDate } from "@/lib/format";
import { getAccount } from "@/lib/users";
import { signInHref } from "@/lib/form-links";

export const metadata: Metadata = { title: "Mon compte", alternates: { canonical: "/compte" } };

export default async function AccountPage() {
  const viewer = await getViewer();
  if (!viewer) redirect(signInHref("/compte"));
  const account = await getAccount(viewer);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Mon compte</h1>
        <p className="flex flex-wrap items-center gap-2">
          <span>{viewer.name}</span> <RoleBadge role={viewer.role} />
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {account.email} · inscrit le {formatDate(account.createdAt)} ·{" "}
          <Link href={`/u/${viewer.id}`} className="text-blue-700 underline dark:text-blue-300">
            voir mon profil public
          </Link>
        </p>
      </header>
      {account.hasPassword ? (
        <section aria-labelledby="password-title" className="space-y-4">
          <h2 id="password-title" className="text-lg font-semibold">
            Changer de mot de passe
          </h2>
          <ChangePasswordForm />
        </section>
      ) : null}
      <section aria-labelledby="sessions-title" className="space-y-4">
        <h2 id="sessions-title" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">Ferme votre session sur tous vos appareils, celui-ci compris.</p>
        <SignOutEverywhereButton />
      </section>
    </div>
  );
}
