// The fixed words and limits that forms and badges show, without zod: a reader's page imports
// these and not the schemas built from them, so that zod (≈ 30 kB gzipped) stays out of it.

export const STANCES = ["AGREE", "DISAGREE", "NUANCED"] as const;
export type StanceValue = (typeof STANCES)[number];
export const STANCE_LABELS: Record<StanceValue, string> = { AGREE: "d’accord", DISAGREE: "pas d’accord", NUANCED: "mitigé" };

/** A question's title, proposed or renamed. */
export const THREAD_TITLE_MIN = 8;
export const THREAD_TITLE_MAX = 200;

export const REPORT_REASONS = ["SPAM", "HARASSMENT", "OFF_TOPIC", "OTHER"] as const;
export const REPORT_REASON_LABELS: Record<(typeof REPORT_REASONS)[number], string> = {
  SPAM: "Spam",
  HARASSMENT: "Harcèlement",
  OFF_TOPIC: "Hors sujet",
  OTHER: "Autre",
};
export const REPORT_DETAILS_MAX = 500;

/** A cursor is the sort key of the last item of a page, as base64url JSON (lib/schemas/pagination.ts reads it). */
export function encodeCursor(key: unknown): string {
  return btoa(JSON.stringify(key)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
