import { z } from "zod";

/** +1, −1, or 0 to withdraw. */
export const voteSchema = z.object({
  value: z.union([z.literal(1), z.literal(-1), z.literal(0)], { error: "Le vote vaut 1, -1 ou 0 (retrait)." }),
});
export type VoteInput = z.infer<typeof voteSchema>;

import { idValue } from "./pagination";

/**
 * A position of the question, by id, or null to withdraw one's stance. `stance` is the body of
 * before positions (AGREE, DISAGREE, NUANCED): lib/stances.ts answers it with the question's
 * positions, so that an old client learns what to send.
 */
export const stanceSchema = z.object({
  positionId: z.union([idValue, z.null()], { error: "positionId vaut l’id d’une position de la question, ou null pour retirer la vôtre." }).optional(),
  stance: z.unknown().optional(),
});
export type StanceInput = z.infer<typeof stanceSchema>;
