"use client";

import { useId, useRef, useState } from "react";
import { ApiError, sendJson } from "@/lib/api-client";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/schemas/user";
import { Button } from "./ui/button";

/** What the new role lets its holder do, said before the admin confirms. */
const CONSEQUENCES: Record<Role, string> = {
  MEMBER: "Cette personne perdra l’accès à la modération.",
  MODERATOR: "Cette personne pourra masquer des contributions, verrouiller des fils et suspendre des membres.",
  ADMIN: "Cette personne pourra aussi changer les rôles et suspendre des modérateurs.",
};

const roleName = (role: Role) => ROLE_LABELS[role].toLowerCase();

/**
 * A member's role: choose it, « Enregistrer », then confirm what will happen. Nothing is saved
 * while the select changes (an arrow key on it used to save a role at once).
 */
export function RoleChangeForm({ userId, name, role }: { userId: number; name: string; role: Role }) {
  const id = useId();
  const [current, setCurrent] = useState(role);
  const [pending, setPending] = useState<Role | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const confirmation = useRef<HTMLParagraphElement>(null);

  function ask(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new FormData(event.currentTarget).get("role") as Role;
    if (next === current) {
      setMessage(`${name} est déjà ${roleName(current)} : choisissez un autre rôle.`);
      return;
    }
    setMessage(null);
    setPending(next);
    // The question takes the focus, so that a screen reader reads it.
    requestAnimationFrame(() => confirmation.current?.focus());
  }

  async function confirm() {
    if (!pending) return;
    try {
      await sendJson("PATCH", `/api/admin/users/${userId}`, { role: pending });
      setCurrent(pending);
      setMessage(`Rôle enregistré : ${name} est maintenant ${roleName(pending)}.`);
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Le changement a échoué : réessayez.");
    }
    setPending(null);
  }

  return (
    <div className="space-y-2">
      <form method="post" onSubmit={ask} className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="sr-only">Rôle de {name}</label>
        <select id={id} name="role" defaultValue={current} key={current} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100">
          {ROLES.map((value) => (
            <option key={value} value={value}>{ROLE_LABELS[value]}</option>
          ))}
        </select>
        <Button type="submit" variant="secondary" className="px-3 py-1">Enregistrer<span className="sr-only"> le rôle de {name}</span></Button>
      </form>
      {pending && (
        <div role="group" aria-label={`Confirmer le rôle de ${name}`} className="space-y-2 rounded-md bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          <p ref={confirmation} tabIndex={-1}>
            Passer {name} de {roleName(current)} à {roleName(pending)} ? {CONSEQUENCES[pending]}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={confirm} className="px-3 py-1">Confirmer : {roleName(pending)}</Button>
            <Button type="button" variant="secondary" onClick={() => setPending(null)} className="px-3 py-1">Annuler</Button>
          </div>
        </div>
      )}
      {message && <p role="status" className="text-xs">{message}</p>}
    </div>
  );
}
