"use client";

import Form from "next/form";
import { useEffect, useId, useRef } from "react";
import { changeRoleAction } from "@/app/actions/moderation";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/schemas/user";
import { ActionForm, useActionForm } from "./ui/action-form";
import { Button } from "./ui/button";

/** What the new role lets its holder do, said before the admin confirms. */
const CONSEQUENCES: Record<Role, string> = {
  MEMBER: "Cette personne perdra l’accès à la modération.",
  MODERATOR: "Cette personne pourra masquer des contributions, verrouiller des fils et suspendre des membres.",
  ADMIN: "Cette personne pourra aussi changer les rôles et suspendre des modérateurs.",
};

const roleName = (role: Role) => ROLE_LABELS[role].toLowerCase();

type Props = {
  userId: number;
  name: string;
  role: Role;
  /** The role « Enregistrer » asked for (`?pour=<id>&role=<role>`), to confirm; none while choosing. */
  requested: Role | null;
  /** The page's search, kept while the role is chosen. */
  search: string;
  returnTo: string;
};

/**
 * A member's role: choose it, « Enregistrer » (a GET form: the page comes back asking), then
 * « Confirmer ». Nothing is saved while the select changes, and all of it works without JavaScript.
 */
export function RoleChangeForm({ userId, name, role, requested, search, returnTo }: Props) {
  const id = useId();
  const question = useRef<HTMLParagraphElement>(null);
  const form = useActionForm(changeRoleAction);
  const isChange = requested !== null && requested !== role;
  // The question takes the focus when it appears, so that a screen reader reads it.
  useEffect(() => {
    if (isChange) question.current?.focus();
  }, [isChange, requested]);
  return (
    <div className="space-y-2">
      <Form action="/admin/users" scroll={false} className="flex flex-wrap items-center gap-2">
        {search && <input type="hidden" name="q" value={search} />}
        <input type="hidden" name="pour" value={userId} />
        <label htmlFor={id} className="sr-only">Rôle de {name}</label>
        <select id={id} name="role" defaultValue={requested ?? role} key={`${role}-${requested}`} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100">
          {ROLES.map((value) => (
            <option key={value} value={value}>{ROLE_LABELS[value]}</option>
          ))}
        </select>
        <Button type="submit" variant="secondary" className="px-3 py-1">Enregistrer<span className="sr-only"> le rôle de {name}</span></Button>
      </Form>
      {requested === role && <p role="status" className="text-xs">{name} est déjà {roleName(role)} : choisissez un autre rôle.</p>}
      {isChange && (
        <div role="group" aria-label={`Confirmer le rôle de ${name}`} className="space-y-2 rounded-md bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          <p ref={question} tabIndex={-1}>
            Passer {name} de {roleName(role)} à {roleName(requested)} ? {CONSEQUENCES[requested]}
          </p>
          <ActionForm form={form} className="flex flex-wrap gap-2">
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="role" value={requested} />
            <input type="hidden" name="returnTo" value={returnTo} />
            <Button type="submit" disabled={form.isPending} className="px-3 py-1">Confirmer : {roleName(requested)}</Button>
            <a href={returnTo} className="rounded-md border border-slate-400 px-3 py-1 font-semibold">Annuler</a>
          </ActionForm>
        </div>
      )}
    </div>
  );
}
