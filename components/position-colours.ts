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

/**
 * The same colours as values, for the lines of the tally's history (an SVG stroke). Read off the
 * fills, so that the palette is written once: Tailwind only generates the classes it finds
 * written out whole in the source, so the fills cannot be built from these.
 */
export const POSITION_HEX = Object.fromEntries(
  Object.entries(POSITION_FILL).map(([colour, fill]) => [colour, fill.slice("bg-[".length, -"]".length)]),
) as Record<PositionColour, string>;

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
