// A question's positions, as every part of the site shows them; no server code, so that the
// stance panel (a client component) shares the type and the total.
import type { PositionColour } from "./schemas/vocabulary";

/** A position a question offers, with the number of members who hold it now. */
export type Position = { id: number; label: string; description: string | null; colour: PositionColour; stanceCount: number };

/** A position as a badge names it: a post's, a move's, a member's on their profile. */
export type PositionRef = Pick<Position, "id" | "label" | "colour">;

/** The positions of a question, in their order, as Prisma selects them under a thread. */
export const positionsSelect = {
  select: { id: true, label: true, description: true, colour: true, stanceCount: true },
  orderBy: { ord: "asc" },
} as const;

/** How many members hold a position on the question. */
export const stanceTotal = (positions: Pick<Position, "stanceCount">[]) => positions.reduce((sum, position) => sum + position.stanceCount, 0);
