import type { Metadata } from "next";
import { RoleSelect } from "@/components/role-select";
import { ListLink } from "@/components/ui/list-link";
import { formatDate } from "@/lib/format";
import { requireModeratorPage } from "@/lib/moderation-access";
import { listUsersForAdmin } from "@/lib/users";

export const metadata: Metadata = { title: "Rôles", alternates: { canonical: "/admin/users" } };

type Props = { searchParams: Promise<{ q?: string }> };

export default async function AdminUsersPage({ searchParams }: Props) {
  await requireModeratorPage("/admin/users", "ADMIN");
  const { q = "" } = await searchParams;
  const users = await listUsersForAdmin(q);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Rôles des membres</h1>
      <form className="flex items-end gap-2 text-sm">
        <span className="flex flex-col">
          <label htmlFor="users-search">Nom ou adresse e-mail</label>
          <input id="users-search" name="q" defaultValue={q} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100" />
        </span>
        <button type="submit" className="rounded-md bg-blue-700 px-3 py-1.5 font-semibold text-white">Chercher</button>
      </form>
      <table className="w-full text-left text-sm">
        <thead>
          <tr>
            <th scope="col" className="py-2">Membre</th>
            <th scope="col">E-mail</th>
            <th scope="col">Inscrit le</th>
            <th scope="col">Rôle</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-t border-slate-200 dark:border-slate-800">
              <td className="py-2"><ListLink href={`/u/${user.id}`} className="underline">{user.name}</ListLink>{user.suspendedAt && " (suspendu)"}</td>
              <td>{user.email}</td>
              <td>{formatDate(user.createdAt)}</td>
              <td><RoleSelect userId={user.id} name={user.name} role={user.role} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
