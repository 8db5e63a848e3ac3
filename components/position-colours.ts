import type { PositionColour } from "@/lib/schemas/vocabulary";

/**
 * The Okabe–Ito palette, as fills (the tally's bar, the dot before a position's name). Colour is
 * never the only code: every position is named beside its colour.
 */
export const POSITION_FILL: Record<PositionColour, string> = {
  ORANGE: "bg-[#E69F00]",
  SKY_BLUE: "bg-[#56B4E9]",
  BLUISH_GREEN: "bg-[#009E73]",
  YELLOW: "bg-[#F0E442]",
  BLUE: "bg-[#0072B2]",
  VERMILION: "bg-[#D55E00]",
  REDDISH_PURPLE: "bg-[#CC79A7]",
};

/** French names of the colours, for the form that picks one. */
export const POSITION_COLOUR_NAMES: Record<PositionColour, string> = {
  ORANGE: "orange",
  SKY_BLUE: "bleu ciel",
  BLUISH_GREEN: "vert bleuté",
  YELLOW: "jaune",
  BLUE: "bleu",
  VERMILION: "vermillon",
  REDDISH_PURPLE: "pourpre",
};
