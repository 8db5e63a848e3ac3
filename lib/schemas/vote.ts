import { z } from "zod";

/** +1, −1, or 0 to withdraw. */
export const voteSchema = z.object({
  value: z.union([z.literal(1), z.literal(-1), z.literal(0)], { error: "Le vote vaut 1, -1 ou 0 (retrait)." }),
});
export type VoteInput = z.infer<typeof voteSchema>;

import { idValue } from "./pagination";
import { CREDITS_PER_CHANGE } from "./vocabulary";


/** The posts credited with the change, distinct, at most CREDITS_PER_CHANGE. */
export const creditedPostIds = z
  .array(idValue, { error: "creditedPostIds est une liste d’ids de messages de la question." })
  .max(CREDITS_PER_CHANGE, { error: `Attribuez votre changement d’avis à ${CREDITS_PER_CHANGE} messages au plus.` })
  .refine((ids) => new Set(ids).size === ids.length, { error: "Chaque message ne compte qu’une fois." })
  .default([]);

/**
 * A position of the question, by id, or null to withdraw one's stance. `stance` is the body of
 * before positions (AGREE, DISAGREE, NUANCED): lib/stances.ts answers it with the question's
 * positions, so that an old client learns what to send. `creditedPostIds`: the posts that changed
 * the member's mind, credited in the same action as the change.
 */
export const stanceSchema = z.object({
  positionId: z.union([idValue, z.null()], { error: "positionId vaut l’id d’une position de la question, ou null pour retirer la vôtre." }).optional(),
  stance: z.unknown().optional(),
  /** With a change of position: the posts that made it (lib/authorization.ts creditPermission). */
  creditedPostIds,
});
/** What setStance takes: the parsed body, or a caller's own (creditedPostIds may be left out). */
export type StanceInput = z.input<typeof stanceSchema>;
