import { ROLE_LABELS, type Role } from "@/lib/schemas/user";

export function RoleBadge({ role }: { role: Role }) {
  return (
    <span className="inline-block rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">
      {ROLE_LABELS[role]}
    </span>
  );
}
