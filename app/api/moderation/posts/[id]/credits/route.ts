// GET /api/moderation/posts/{id}/credits?cursor=&limit= — who credited a post (voided credits too), newest first, for moderators.
import { listPostCredits } from "@/lib/credit-moderation";
import { route } from "@/lib/http";
import { listPostCreditsQuery } from "@/lib/schemas/moderation";
import { idParams } from "@/lib/schemas/pagination";

export const GET = route({ auth: "MODERATOR", params: idParams, query: listPostCreditsQuery }, ({ actor, params, query }) =>
  listPostCredits(actor, params.id, query),
);
