// The fixed words and limits that forms and badges show, without zod: a reader's page imports
// these and not the schemas built from them, so that zod (≈ 30 kB gzipped) stays out of it.

/** A position question offers 2 to 4 positions, each a short label, perhaps a line of description, and a colour. */
export const POSITIONS_MIN = 2;
export const POSITIONS_MAX = 4;
export const POSITION_LABEL_MAX = 40;
export const POSITION_DESCRIPTION_MAX = 120;
/** An open question may group its arguments by 2 to 4 facets (themes), each a short label and perhaps a line of description. */
export const FACETS_MIN = 2;
export const FACETS_MAX = 4;
export const FACET_LABEL_MAX = 40;
export const FACET_DESCRIPTION_MAX = 120;
/** The Okabe–Ito palette (schema.prisma's PositionColour), in the order a new question's positions take it. */
export const POSITION_COLOURS = ["BLUE", "ORANGE", "BLUISH_GREEN", "REDDISH_PURPLE", "SKY_BLUE", "VERMILION", "YELLOW"] as const;
export type PositionColour = (typeof POSITION_COLOURS)[number];

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

/** Posts a member may credit with one change of position (« Ce message m'a fait changer d'avis »). */
export const CREDITS_PER_CHANGE = 3;
