// POST /api/me/password — change the password (the current one required); revokes every session.
import { route } from "@/lib/http";
import { changePasswordSchema } from "@/lib/schemas/user";
import { changePassword } from "@/lib/users";

export const POST = route(
  { auth: "user", allowSuspended: true, body: changePasswordSchema, status: 204 },
  ({ actor, body }) => changePassword(actor, body),
);
