// POST /api/moderation/credits/{id} — {"action":"VOID","reason"} or {"action":"RESTORE"}: void a credit of « Ce message m'a fait changer d'avis », or restore it.
import { moderateCredit } from "@/lib/credit-moderation";
import { route } from "@/lib/http";
import { moderateCreditSchema } from "@/lib/schemas/moderation";
import { idParams } from "@/lib/schemas/pagination";

export const POST = route({ auth: "MODERATOR", params: idParams, body: moderateCreditSchema }, ({ actor, params, body }) =>
  moderateCredit(actor, params.id, body),
);
