import { z } from "zod";

/** +1, −1, or 0 to withdraw. */
export const voteSchema = z.object({
  value: z.union([z.literal(1), z.literal(-1), z.literal(0)], { error: "Le vote vaut 1, -1 ou 0 (retrait)." }),
});
export type VoteInput = z.infer<typeof voteSchema>;

import { STANCES } from "./vocabulary";

export { STANCE_LABELS, STANCES, type StanceValue } from "./vocabulary";

/** A stance, or null to withdraw it. */
export const stanceSchema = z.object({
  stance: z.enum(STANCES, { error: "La position vaut AGREE, DISAGREE, NUANCED ou null." }).nullable(),
});
export type StanceInput = z.infer<typeof stanceSchema>;
