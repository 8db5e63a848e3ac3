// PATCH /api/admin/users/{id} — {"role"}: admins change roles.
import { route } from "@/lib/http";
import { changeRole } from "@/lib/moderation";
import { changeRoleSchema } from "@/lib/schemas/moderation";
import { idParams } from "@/lib/schemas/pagination";

export const PATCH = route({ auth: "ADMIN", params: idParams, body: changeRoleSchema }, ({ actor, params, body }) =>
  changeRole(actor, params.id, body.role),
);
