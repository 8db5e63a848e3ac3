import type { Metadata } from "next";
import { RoleChangeForm } from "@/components/role-change-form";
import { ListLink } from "@/components/ui/list-link";
import { userPermissions } from "@/lib/authorization";
import { formatDate } from "@/lib/format";
import { requireAreaPage } from "@/lib/moderation-access";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/schemas/user";
import { countAdmins, isSuspended, listUsersForAdmin } from "@/lib/users";

export const metadata: Metadata = { title: "Rôles", alternates: { canonical: "/admin/users" } };

type Props = { searchParams: Promise<{ q?: string; pour?: string; role?: string }> };

// Below the sm breakpoint each row is a card: its cells stack, each after the name of its column.
const CELL = "block py-1 sm:table-cell sm:py-2 sm:pe-3";
const CELL_NAME = "font-medium text-slate-600 sm:hidden dark:text-slate-400";

export default async function AdminUsersPage({ searchParams }: Props) {
  const viewer = await requireAreaPage("/admin/users", "admin");
  const { q = "", pour, role } = await searchParams;
  // The role « Enregistrer » asked for, which the page asks to confirm.
  const requested = (id: number) => (pour === String(id) && ROLES.includes(role as Role) ? (role as Role) : null);
  const returnTo = `/admin/users${q ? `?${new URLSearchParams({ q })}` : ""}`;
  const [users, admins] = await Promise.all([listUsersForAdmin(q), countAdmins()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Rôles des membres</h1>
      <form className="flex flex-wrap items-end gap-2 text-sm">
        <span className="flex flex-col">
          <label htmlFor="users-search">Nom ou adresse e-mail</label>
          <input id="users-search" name="q" defaultValue={q} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100" />
        </span>
        <button type="submit" className="rounded-md bg-blue-700 px-3 py-1.5 font-semibold text-white">Chercher</button>
      </form>
      <table className="block w-full text-left text-sm sm:table">
        <caption className="sr-only">Membres{q ? ` correspondant à « ${q} »` : ""}, avec leur rôle</caption>
        <thead className="sr-only sm:not-sr-only">
          <tr>
            <th scope="col" className="py-2">Membre</th>
            <th scope="col">E-mail</th>
            <th scope="col">Inscrit le</th>
            <th scope="col">Rôle</th>
          </tr>
        </thead>
        <tbody className="block space-y-3 sm:table-row-group sm:space-y-0">
          {users.map((user) => {
            const changeRole = userPermissions(viewer, { ...user, isLastAdmin: user.role === "ADMIN" && admins === 1 }).changeRole;
            return (
              <tr key={user.id} className="block rounded-lg border border-slate-200 p-3 sm:table-row sm:rounded-none sm:border-x-0 sm:border-b-0 sm:p-0 dark:border-slate-800">
                <td className={CELL}>
                  <ListLink href={`/u/${user.id}`} className="font-semibold underline sm:font-normal">{user.name}</ListLink>
                  {isSuspended(user) && " (suspendu)"}
                </td>
                <td className={`${CELL} break-all`}><span aria-hidden className={CELL_NAME}>E-mail : </span>{user.email}</td>
                <td className={CELL}><span aria-hidden className={CELL_NAME}>Inscrit le </span>{formatDate(user.createdAt)}</td>
                <td className={CELL}>
                  {changeRole.allowed ? (
                    <RoleChangeForm userId={user.id} name={user.name} role={user.role} requested={requested(user.id)} search={q} returnTo={returnTo} />
                  ) : (
                    <>{ROLE_LABELS[user.role]} <span className="block text-xs text-slate-600 dark:text-slate-400">{changeRole.reason}</span></>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
