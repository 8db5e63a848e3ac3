// GET /api/me — the signed-in user, or 401.
import { route } from "@/lib/http";
import { isSuspended } from "@/lib/users";

export const GET = route({ auth: "user" }, async ({ actor }) => ({
  id: actor.id,
  name: actor.name,
  role: actor.role,
  // suspendedUntil is null both when not suspended and when suspended indefinitely.
  suspended: isSuspended(actor),
  suspendedUntil: isSuspended(actor) ? actor.suspendedUntil : null,
}));
