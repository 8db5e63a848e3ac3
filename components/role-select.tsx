"use client";

import { useId, useState } from "react";
import { ApiError, sendJson } from "@/lib/api-client";
import { ROLES, type Role } from "@/lib/schemas/user";

const LABELS: Record<Role, string> = { MEMBER: "Membre", MODERATOR: "Modérateur", ADMIN: "Administrateur" };

export function RoleSelect({ userId, name, role }: { userId: number; name: string; role: Role }) {
  const id = useId();
  const [current, setCurrent] = useState(role);
  const [message, setMessage] = useState<string | null>(null);

  async function change(next: Role) {
    setMessage(null);
    try {
      await sendJson("PATCH", `/api/admin/users/${userId}`, { role: next });
      setCurrent(next);
      setMessage("Rôle enregistré.");
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Le changement a échoué.");
    }
  }

  return (
    <span className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="sr-only">Rôle de {name}</label>
      <select id={id} value={current} onChange={(event) => change(event.target.value as Role)} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100">
        {ROLES.map((value) => (
          <option key={value} value={value}>{LABELS[value]}</option>
        ))}
      </select>
      {message && <span role="status" className="text-xs">{message}</span>}
    </span>
  );
}
