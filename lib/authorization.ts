// Who may do what: the checks every route handler (through lib/http.ts) and every domain
// function share. Pure functions of the actor read fresh from the database.
import { AppError } from "./errors";
import type { Role } from "./schemas/user";
import { type Actor, isSuspended } from "./users";

const RANK: Record<Role, number> = { MEMBER: 0, MODERATOR: 1, ADMIN: 2 };

export function requireUser(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthorized", "Connectez-vous pour continuer.");
  return actor;
}

export function requireRole(actor: Actor | null, role: Role): Actor {
  const user = requireUser(actor);
  if (RANK[user.role] < RANK[role]) throw new AppError("forbidden", "Cette action est réservée à la modération.");
  return user;
}

/** A suspended member can read and sign in, and nothing else. */
export function requireActiveUser(actor: Actor | null): Actor {
  const user = requireUser(actor);
  if (isSuspended(user)) {
    const until = user.suspendedUntil ? ` jusqu’au ${user.suspendedUntil.toLocaleString("fr-FR", { timeZone: "Europe/Paris" })}` : "";
    throw new AppError("forbidden", `Votre compte est suspendu${until} : vous ne pouvez pas écrire.`);
  }
  return user;
}

/** Hidden content stays visible to moderators and admins, and to its own author. */
export function canSeeHidden(viewer: Actor | null, authorId: number | null) {
  return !!viewer && (viewer.role !== "MEMBER" || viewer.id === authorId);
}
